// Where open P&L comes from, as the header's chip says it: live quotes (quiet), or the broker's cash-balance
// snapshots (a warning: slower, and how old the newest one is), with the reason there is no market data.
import type { PnlSourceView } from '../../../../shared/ipc';

export type PnlSourceChip = { text: string; tone: 'quiet' | 'warn'; title: string };

/** `serverNowMs`: the core's clock now; the snapshot's age is counted in whole seconds on it. */
export function pnlSourceChip(source: PnlSourceView, serverNowMs: number): PnlSourceChip {
  if (source.source === 'quotes')
    return { text: 'P&L live', tone: 'quiet', title: 'Open P&L from live quotes' };
  const lastMs = source.lastAt === null ? Number.NaN : Date.parse(source.lastAt);
  const age = Number.isFinite(lastMs)
    ? `${Math.max(0, Math.floor((serverNowMs - lastMs) / 1000))} s old`
    : 'waiting for the first';
  return {
    text: `P&L from broker snapshots · every ${source.everySeconds} s · ${age}`,
    tone: 'warn',
    title: `No market data (${source.why}): open P&L is read from the broker's cash-balance snapshots every ${source.everySeconds} s`,
  };
}
