// One GET of the news feed, bounded in time on the injected clock (a server that never answers is given up after
// the timeout) and abortable from outside (the core stopping). Never throws: a failure is a reason for the trader.
import type { Clock } from '../platform/clock';

export type Fetched = { ok: true; text: string } | { ok: false; error: string };

export async function fetchFeedText(options: {
  url: string;
  clock: Clock;
  timeoutMs: number;
  /** Aborted by the caller to give up at once (e.g. at stop). */
  controller: AbortController;
  fetch?: typeof fetch;
}): Promise<Fetched> {
  const { controller, timeoutMs } = options;
  const timer = { expired: false };
  const cancel = options.clock.setTimeout(() => {
    timer.expired = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await (options.fetch ?? fetch)(options.url, {
      signal: controller.signal,
      headers: { accept: 'application/json' },
    });
    if (!response.ok) return { ok: false, error: `fetch failed: HTTP ${response.status}` };
    return { ok: true, text: await response.text() };
  } catch (error) {
    if (timer.expired) return { ok: false, error: `fetch failed: no answer within ${timeoutMs / 1000} s` };
    return { ok: false, error: `fetch failed: ${controller.signal.aborted ? 'stopped' : causeOf(error)}` };
  } finally {
    cancel();
  }
}

/** fetch's TypeError hides the reason in `cause` (ECONNREFUSED, a bad certificate). */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
