// Export of the timeline (audit) and the closed trades as CSV (RFC 4180 quoting) and JSON, for a prop-firm dispute.
import type { TimelineEntryView, TradeView } from '../../../../shared/ipc';

export type ExportFormat = 'csv' | 'json';

/** Quotes a CSV field when it holds a comma, a quote, a line break or leading/trailing spaces; doubles quotes. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const TRADE_COLUMNS = [
  'account',
  'day',
  'openedAt',
  'closedAt',
  'symbol',
  'side',
  'qty',
  'entryPrice',
  'exitPrice',
  'netPnl',
  'fees',
  'mfe',
  'mae',
  'initialRisk',
  'rMultiple',
  'tag',
] as const satisfies readonly (keyof TradeView)[];

export const TIMELINE_COLUMNS = [
  't',
  'day',
  'account',
  'kind',
  'level',
  'rule',
  'title',
  'detail',
  'value',
  'limit',
  'threshold',
] as const satisfies readonly (keyof TimelineEntryView)[];

export function tradesCsv(trades: readonly TradeView[]): string {
  return csv(
    TRADE_COLUMNS,
    trades.map((trade) => TRADE_COLUMNS.map((column) => trade[column])),
  );
}

export function timelineCsv(entries: readonly TimelineEntryView[]): string {
  return csv(
    TIMELINE_COLUMNS,
    entries.map((entry) => TIMELINE_COLUMNS.map((column) => entry[column])),
  );
}

/** Pretty JSON with the columns in a fixed order, money kept as exact strings. */
export function tradesJson(trades: readonly TradeView[]): string {
  return (
    JSON.stringify(
      trades.map((trade) => pick(trade, TRADE_COLUMNS)),
      null,
      2,
    ) + '\n'
  );
}

export function timelineJson(entries: readonly TimelineEntryView[]): string {
  return (
    JSON.stringify(
      entries.map((entry) => pick(entry, TIMELINE_COLUMNS)),
      null,
      2,
    ) + '\n'
  );
}

function pick<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = record[key];
  return out;
}

export type ExportFile = { name: string; mime: string; text: string };

/** The file for one export: `warden-trades-SIM-50K-30d.csv` (all accounts: `all`). */
export function exportFile(
  what: 'trades' | 'timeline',
  format: ExportFormat,
  data: { trades: readonly TradeView[]; timeline: readonly TimelineEntryView[] },
  scope: { account: string | null; days: number },
): ExportFile {
  const name = `warden-${what}-${(scope.account ?? 'all').replace(/[^A-Za-z0-9._-]/g, '_')}-${scope.days}d.${format}`;
  const text =
    what === 'trades'
      ? format === 'csv'
        ? tradesCsv(data.trades)
        : tradesJson(data.trades)
      : format === 'csv'
        ? timelineCsv(data.timeline)
        : timelineJson(data.timeline);
  return { name, mime: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json', text };
}
