// Turns a flatten response into what the trader must read: flat confirmed, or not flat and why.
import type { CommandResponse, FlattenReport } from '../../../../shared/ipc';

export type FlattenOutcome = { flat: boolean; headline: string; lines: string[] };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describe(report: FlattenReport, accountName: (id: string) => string): string {
  const name = accountName(report.account);
  const did = `closed ${plural(report.closedPositions, 'position')}, cancelled ${plural(report.cancelledOrders, 'order')}`;
  const time = `${(report.elapsedMs / 1000).toFixed(1)} s`;
  if (report.flat) return `${name}: flat — ${did} in ${time}`;
  return `${name}: NOT flat after ${time} — ${report.error ?? 'no reason given'} (${did})`;
}

export function flattenOutcome(
  response: CommandResponse<'flatten'>,
  accountName: (id: string) => string = (id) => id,
): FlattenOutcome {
  if (!response.ok)
    return { flat: false, headline: 'Flatten failed — check the broker now', lines: [response.error] };
  const { reports } = response.result;
  if (reports.length === 0) return { flat: true, headline: 'Nothing to flatten', lines: [] };
  const flat = reports.every((report) => report.flat);
  return {
    flat,
    headline: flat ? 'Flat — confirmed' : 'NOT FLAT — check the broker now',
    lines: reports.map((report) => describe(report, accountName)),
  };
}
