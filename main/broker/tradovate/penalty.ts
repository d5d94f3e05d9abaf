// Tradovate's penalty tickets (docs/brokers/TRADOVATE.md): an answer that is not a refusal but "wait `p-time`
// seconds, then send the same request again with `p-ticket` added to its body"; with `p-captcha` the API is closed
// to this client for about an hour. The REST client and the socket client both honour it.

/** What a penalised answer asks for. */
export type Penalty = { ticket: string; waitMs: number; captcha: boolean };

/** The penalty an answer carries, or null when it carries none. */
export function penaltyOf(payload: unknown): Penalty | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const record = payload as Record<string, unknown>;
  const ticket = record['p-ticket'];
  if (typeof ticket !== 'string' && typeof ticket !== 'number') return null;
  const seconds = Number(record['p-time']);
  return {
    ticket: String(ticket),
    waitMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0,
    captcha: record['p-captcha'] === true,
  };
}

/** The request's body again, carrying the ticket. */
export function withTicket(body: Record<string, unknown>, penalty: Penalty): Record<string, unknown> {
  return { ...body, 'p-ticket': penalty.ticket };
}

/** Said when the API is closed for about an hour (a captcha penalty): what the trader should know. */
export const CAPTCHA_CLOSED =
  'Tradovate closed its API to Warden for about an hour (too many requests): the account stays locked down; ' +
  'check it in Tradovate itself';
