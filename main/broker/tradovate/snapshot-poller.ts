// The fallback when there is no market data: every `pollMs` each account's `cashBalance/getcashbalancesnapshot`
// is read; its cash goes out as the account's balance when it changed, and the marks the accounts' open P&L
// implies (snapshot-marks.ts) as `last` quotes, so the engine still values open positions. One round at a time;
// a rate limit pauses polling for `RATE_LIMIT_PAUSE_MS` (a captcha for an hour): heavy polling can lock the trader
// out of their own platform.
import type { BrokerEvent } from '../../../shared/domain/events';
import type { Dec } from '../../../shared/domain/money';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { SerialQueue } from '../serial-queue';
import type { TradovateBook } from './book';
import { parseCashBalanceSnapshot } from './parse/answers';
import { impliedMarks } from './snapshot-marks';
import type { SocketOutcome } from './wire/outcome';

export type SnapshotPollerDeps = {
  book: TradovateBook;
  clock: Clock;
  logger: Logger;
  queue: SerialQueue;
  pollMs: number;
  request(endpoint: string, body: Record<string, unknown>): Promise<SocketOutcome>;
  emit(events: readonly BrokerEvent[]): void;
  /** A round read at least one snapshot, at `at` (the P&L's freshness on screen). */
  read?(at: number): void;
};

export const RATE_LIMIT_PAUSE_MS = 60_000;
const CAPTCHA_PAUSE_MS = 60 * 60_000;

/** Starts polling; the function returned stops it. */
export function pollSnapshots(deps: SnapshotPollerDeps): () => void {
  const lastCash = new Map<string, string>();
  let stopped = false;
  let polling = false;
  let pausedUntil = 0;

  const round = async (): Promise<void> => {
    const openPnl = new Map<string, Dec>();
    const events: BrokerEvent[] = [];
    let readAny = false;
    for (const accountId of deps.book.accounts.keys()) {
      const read = await readSnapshot(deps, accountId);
      if (stopped) return;
      if (read === 'rate-limited' || read === 'captcha') {
        const pauseMs = read === 'captcha' ? CAPTCHA_PAUSE_MS : RATE_LIMIT_PAUSE_MS;
        pausedUntil = deps.clock.now() + pauseMs;
        deps.logger.warn('Tradovate: snapshot polling paused', { read, pauseMs });
        return;
      }
      if (read === null) continue;
      readAny = true;
      if (read.openPnl !== null) openPnl.set(accountId, read.openPnl);
      const cash = read.totalCashValue;
      if (cash === null || lastCash.get(accountId) === cash.toString()) continue;
      lastCash.set(accountId, cash.toString());
      events.push({ type: 'account', t: deps.clock.now(), account: accountId, balance: cash });
    }
    const implied = impliedMarks(deps.book, openPnl, deps.clock.now());
    for (const note of implied.notes) deps.logger.info('Tradovate snapshot marks', { note });
    await deps.queue.run(() => {
      if (stopped) return;
      if (readAny) deps.read?.(deps.clock.now());
      deps.emit([...events, ...implied.quotes]);
    });
  };

  const cancel = deps.clock.setInterval(() => {
    if (polling || deps.clock.now() < pausedUntil) return; // a slow round is not doubled
    polling = true;
    void round().finally(() => {
      polling = false;
    });
  }, deps.pollMs);
  return () => {
    stopped = true;
    cancel();
  };
}

async function readSnapshot(deps: SnapshotPollerDeps, accountId: string) {
  const outcome = await deps.request('cashBalance/getcashbalancesnapshot', { accountId: Number(accountId) });
  if (outcome.kind === 'rate-limited' || outcome.kind === 'captcha') return outcome.kind;
  if (outcome.kind !== 'ok') {
    deps.logger.warn('Tradovate: cash-balance snapshot not read', { accountId, error: outcome.error });
    return null;
  }
  const parsed = parseCashBalanceSnapshot(outcome.payload);
  if (!parsed.ok) {
    deps.logger.warn('Tradovate: cash-balance snapshot not understood', { error: parsed.error.message });
    return null;
  }
  return parsed.value;
}
