// The answers to Warden's own requests (docs/brokers/TRADOVATE.md sections on auth, enforcement and market
// data): each either what was asked for or a refusal in Tradovate's words. HTTP 200 carries both, so the body,
// not the status, tells them apart.
import { z } from 'zod';
import type { Dec } from '../../../../shared/domain/money';
import { decimal, enumText, id, maybe, parsePayload, timestamp, type Parsed } from './values';

const errorTextSchema = z.object({ errorText: z.string().min(1) });

/** `errorText` when the answer is a refusal, else null. */
export function errorTextOf(payload: unknown): string | null {
  const parsed = errorTextSchema.safeParse(payload);
  return parsed.success ? parsed.data.errorText : null;
}

const authSchema = z.object({
  accessToken: z.string().min(1).max(10_000),
  mdAccessToken: maybe(z.string().min(1).max(10_000)),
  expirationTime: timestamp,
  userId: id,
  userStatus: maybe(enumText),
  name: maybe(z.string().max(200)),
  hasLive: maybe(z.boolean()),
});

export type AuthGrant = {
  accessToken: string;
  /** Null when not sent: the access token then serves the md socket too (newer servers accept it). */
  mdAccessToken: string | null;
  /** Epoch ms. */
  expiresAt: number;
  userId: string;
  userStatus: string | null;
  name: string | null;
  hasLive: boolean;
};

/** `auth/accesstokenrequest` and `auth/renewaccesstoken`: a grant, `{errorText}`, or an error naming the field. */
export function parseAuthAnswer(
  payload: unknown,
): Parsed<{ granted: true; grant: AuthGrant } | { granted: false; errorText: string }> {
  const refusal = errorTextOf(payload);
  if (refusal !== null) return { ok: true, value: { granted: false, errorText: refusal } };
  const parsed = parsePayload('auth', authSchema, payload);
  if (!parsed.ok) return parsed;
  const answer = parsed.value;
  return {
    ok: true,
    value: {
      granted: true,
      grant: {
        accessToken: answer.accessToken,
        mdAccessToken: answer.mdAccessToken ?? null,
        expiresAt: answer.expirationTime,
        userId: answer.userId,
        userStatus: answer.userStatus ?? null,
        name: answer.name ?? null,
        hasLive: answer.hasLive ?? false,
      },
    },
  };
}

const commandSchema = z.object({
  orderId: maybe(id),
  failureReason: maybe(enumText),
  failureText: maybe(z.string().max(2000)),
});

/** What `order/liquidateposition`, `order/cancelorder` and `order/placeorder` said. */
export type CommandAnswer =
  { accepted: true; orderId: string | null } | { accepted: false; reason: string; text: string | null };

/** `failureReason` other than `Success` (or absent) is a refusal, e.g. `AnotherCommandPending`. */
export function parseCommandAnswer(payload: unknown): Parsed<CommandAnswer> {
  const refusal = errorTextOf(payload);
  if (refusal !== null) return { ok: true, value: { accepted: false, reason: 'errorText', text: refusal } };
  const parsed = parsePayload('command answer', commandSchema, payload);
  if (!parsed.ok) return parsed;
  const { orderId, failureReason, failureText } = parsed.value;
  if (failureReason != null && failureReason !== 'Success')
    return { ok: true, value: { accepted: false, reason: failureReason, text: failureText ?? null } };
  return { ok: true, value: { accepted: true, orderId: orderId ?? null } };
}

const cashSnapshotSchema = z.object({
  openPnL: maybe(decimal),
  netLiq: maybe(decimal),
  totalCashValue: maybe(decimal),
  initialMargin: maybe(decimal),
});

/** `cashBalance/getcashbalancesnapshot`: the fallback for open P&L when there is no market data. */
export type CashBalanceSnapshot = {
  openPnl: Dec | null;
  netLiq: Dec | null;
  totalCashValue: Dec | null;
  initialMargin: Dec | null;
};

export function parseCashBalanceSnapshot(payload: unknown): Parsed<CashBalanceSnapshot> {
  const parsed = parsePayload('cash balance snapshot', cashSnapshotSchema, payload);
  if (!parsed.ok) return parsed;
  const { openPnL, netLiq, totalCashValue, initialMargin } = parsed.value;
  return {
    ok: true,
    value: {
      openPnl: openPnL ?? null,
      netLiq: netLiq ?? null,
      totalCashValue: totalCashValue ?? null,
      initialMargin: initialMargin ?? null,
    },
  };
}
