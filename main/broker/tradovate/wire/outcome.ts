// What a request over the Tradovate socket came to, told apart so that a caller never mistakes "no answer" for
// "refused" (a timed-out or cut-off request may have been carried out), and what an answer says: its payload, a
// refusal in the server's words, a rate limit (the caller backs off), or a penalty ticket to wait out.
import { CAPTCHA_CLOSED, penaltyOf, type Penalty } from '../penalty';

export type SocketOutcome =
  | { kind: 'ok'; payload: unknown }
  | { kind: 'refused'; status: number; error: string }
  /** A 429, or penalty tickets still coming after the allowed resends: back off, do not resend at once. */
  | { kind: 'rate-limited'; error: string }
  /** The API is closed to this client for about an hour; `error` is CAPTCHA_CLOSED. */
  | { kind: 'captcha'; error: string }
  /** No answer in time, or the socket went away first: the request may have been carried out. */
  | { kind: 'timeout'; error: string }
  | { kind: 'closed'; error: string };

export type SocketFailure = Exclude<SocketOutcome, { kind: 'ok' }>;

/** An answer read: an outcome, or a penalty to wait out before sending the request again with its ticket. */
export type AnswerReading = SocketOutcome | { kind: 'penalty'; penalty: Penalty };

export function readAnswer(endpoint: string, status: number, payload: unknown): AnswerReading {
  const penalty = penaltyOf(payload);
  if (penalty !== null) return penalty.captcha ? captchaClosed() : { kind: 'penalty', penalty };
  if (status === 200) return { kind: 'ok', payload };
  if (status === 429) return rateLimited(endpoint);
  const said = errorTextOf(payload);
  return {
    kind: 'refused',
    status,
    error: `${endpoint} refused (${status})${said === null ? '' : `: ${said}`}`,
  };
}

export function rateLimited(endpoint: string): SocketFailure {
  return {
    kind: 'rate-limited',
    error: `${endpoint}: rate limited by Tradovate (429); back off before retrying`,
  };
}

export function captchaClosed(): SocketFailure {
  return { kind: 'captcha', error: CAPTCHA_CLOSED };
}

/** The server's own words: a bare string payload, or the usual error fields of an object payload. */
export function errorTextOf(payload: unknown): string | null {
  if (typeof payload === 'string') return payload === '' ? null : payload;
  if (typeof payload !== 'object' || payload === null) return null;
  const record = payload as Record<string, unknown>;
  for (const field of ['errorText', 'failureText', 'message']) {
    const text = record[field];
    if (typeof text === 'string' && text !== '') return text;
  }
  return null;
}
