// One POST of a remote alert to a channel's server (ntfy, the webhook): bounded in time, never following a
// redirect, and failing in words for the settings screen that never hold the channel's secret.

export type Post = {
  /** Names the channel in its failures: "ntfy answered 403: forbidden". */
  channel: string;
  /** Kept out of every failure's words, even when the far end echoes it. */
  secret: string | null;
  url: string;
  /** The URL's host, the only part of it a failure names (a topic is as good as a password). */
  host: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  fetch?: typeof fetch;
};

/**
 * One POST: resolves once the far end answered 2xx; rejects with what went wrong ("ntfy answered 403: forbidden",
 * "ntfy timed out after 10 s", "ntfy send aborted", "cannot reach ntfy.sh: ENOTFOUND"). Redirects are not
 * followed: a token or a signed body is never sent on to an address nobody configured.
 */
export async function post(request: Post): Promise<void> {
  const failure = await attempt(request);
  if (failure !== null) throw new Error(redact(failure, request.secret));
}

/** The POST itself: null when accepted, else the failure's words. */
async function attempt(request: Post): Promise<string | null> {
  const { channel, signal, timeoutMs } = request;
  if (signal?.aborted === true) return `${channel} send aborted`;
  const controller = new AbortController();
  const timer = { expired: false };
  const timeout = setTimeout(() => {
    timer.expired = true;
    controller.abort();
  }, timeoutMs);
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const response = await (request.fetch ?? fetch)(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: controller.signal,
    });
    if (response.ok) {
      // Accepted: the answer's body is not needed, and an unread body would hold the connection.
      await response.body?.cancel().catch(() => undefined);
      return null;
    }
    return `${channel} answered ${response.status}: ${shortText(await response.text(), response.statusText)}`;
  } catch (error) {
    if (timer.expired) return `${channel} timed out after ${timeoutMs / 1000} s`;
    if (controller.signal.aborted) return `${channel} send aborted`;
    return `cannot reach ${request.host}: ${causeOf(error)}`;
  } finally {
    clearTimeout(timeout);
    signal?.removeEventListener('abort', stop);
  }
}

/** An answer's gist: ntfy's JSON error ("forbidden"), else the text on one line, cut at 120 characters. */
function shortText(body: string, statusText: string): string {
  let text = body;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'error' in parsed &&
      typeof parsed.error === 'string'
    ) {
      text = parsed.error;
    }
  } catch {
    // Not JSON: the text itself.
  }
  const line = text.replace(/\s+/g, ' ').trim() || statusText;
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** fetch's TypeError hides the reason in `cause`: a system code (ECONNREFUSED), or undici's own words. */
export function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string' && !cause.code.startsWith('UND_ERR')) return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** A server may echo what it was sent; its words never carry the secret to the screen or the log. */
function redact(text: string, secret: string | null): string {
  return secret === null || secret === '' ? text : text.replaceAll(secret, '[redacted]');
}
