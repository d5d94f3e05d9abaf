// The accounts overview: one compact row per account under its group's header row, closest to a limit first
// (overview-order.ts). A grid of rows: one row is in the tab order (roving tabindex), the arrow keys, Home and
// End move between account rows, Enter (or Space, or a click) opens the row's detail; the opened row is
// aria-selected. The flatten buttons stay in the tab order, with their confirmation as everywhere. A re-sort moves
// rows within one task, which keeps the focused row focused (test/e2e/overview.test.ts checks it in Chromium).
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ColumnHeaders, type Column } from '../../components/ColumnHeaders';
import { selectAccountCount, selectAnyPlan, useView } from '../../state';
import { GroupHeaderRow, UngroupedHeaderRow } from './GroupHeaderRow';
import { OverviewRow } from './OverviewRow';
import { createOverviewOrder, type OverviewEntry } from './overview-order';

type OverviewColumn = Column & { id: string };

const columns: readonly OverviewColumn[] = [
  { id: 'name', label: 'Account' },
  { id: 'state', label: 'State' },
  { id: 'pnl', label: 'Day P&L', align: 'right' },
  { id: 'loss', label: 'Daily loss left', align: 'right' },
  { id: 'trailing', label: 'Trailing left', align: 'right' },
  { id: 'cap', label: 'Cap left today', align: 'right' },
  { id: 'contracts', label: 'Contracts', align: 'right' },
  { id: 'worst', label: 'Worst level' },
  { id: 'actions', label: 'Flatten', hidden: true },
];

type OverviewTableProps = {
  /** The account whose detail is open. */
  opened: string | null;
  /** `byUser`: a click or Enter; false when the table opens its first row because none is open. */
  onOpen: (accountId: string, byUser: boolean) => void;
};

const accountOf = (entry: OverviewEntry): string | null => (entry.startsWith('a:') ? entry.slice(2) : null);

function rowElement(table: HTMLTableElement | null, id: string): HTMLElement | null {
  const rows = table?.querySelectorAll<HTMLElement>('tr[data-overview-row]') ?? [];
  return [...rows].find((row) => row.dataset.overviewRow === id) ?? null;
}

/** With no account open (or the open one gone), the first row (the closest to a limit) opens. */
function useDefaultOpen(ids: readonly string[], opened: string | null, onOpen: OverviewTableProps['onOpen']) {
  useLayoutEffect(() => {
    const first = ids[0];
    if (first !== undefined && (opened === null || !ids.includes(opened))) onOpen(first, false);
  }, [ids, opened, onOpen]);
}

const moves: Partial<Record<string, (index: number, last: number) => number>> = {
  ArrowDown: (i, last) => Math.min(i + 1, last),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

export function OverviewTable({ opened, onOpen }: OverviewTableProps) {
  const order = useMemo(() => createOverviewOrder(), []);
  const entries = useView(useShallow((s) => order(s.view)));
  const showFlatten = useView(selectAccountCount) > 1;
  // The consistency cap's column only when some account has a plan: without one it would be a column of dashes.
  const showCap = useView(selectAnyPlan);
  const ids = useMemo(() => entries.flatMap((e) => accountOf(e) ?? []), [entries]);
  const [focused, setFocused] = useState<string | null>(null);
  const current = [focused, opened].find((id) => id !== null && ids.includes(id)) ?? ids[0] ?? null;
  const tableRef = useRef<HTMLTableElement>(null);
  useDefaultOpen(ids, opened, onOpen);
  const shown = columns.filter(
    (column) => (showFlatten || column.id !== 'actions') && (showCap || column.id !== 'cap'),
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    // Only keys on a row itself: a key in a flatten button or its dialog is theirs.
    if (!(event.target instanceof HTMLElement)) return;
    const id = event.target.dataset.overviewRow;
    if (id === undefined) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(id, true);
      return;
    }
    const move = moves[event.key];
    const next = move === undefined ? undefined : ids[move(ids.indexOf(id), ids.length - 1)];
    if (next === undefined) return;
    event.preventDefault();
    setFocused(next);
    rowElement(tableRef.current, next)?.focus();
  };

  const onClick = (event: MouseEvent<HTMLTableElement>) => {
    if (!(event.target instanceof Element)) return;
    if (event.target.closest('button, a, input, select, [role="dialog"], .dialog-backdrop, .flatten-result'))
      return;
    const row = event.target.closest<HTMLElement>('tr[data-overview-row]');
    const id = row?.dataset.overviewRow;
    if (row === null || id === undefined) return;
    setFocused(id);
    row.focus({ preventScroll: true });
    onOpen(id, true);
  };

  return (
    // The grid's keys and clicks land on its rows (focusable) and are handled here, once for all rows.
    <table
      ref={tableRef}
      className={showCap ? 'grid overview-grid overview-grid-plan' : 'grid overview-grid'}
      role="grid"
      aria-label="Accounts"
      data-testid="overview-table"
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      <caption className="sr-only">
        Closest to a limit first. Arrow keys move between accounts, Enter opens one.
      </caption>
      <colgroup>
        {shown.map((column) => (
          <col key={column.id} className={`overview-col-${column.id}`} />
        ))}
      </colgroup>
      <ColumnHeaders columns={shown} />
      <tbody>
        {entries.map((entry) => {
          const id = accountOf(entry);
          if (id !== null)
            return (
              <OverviewRow
                key={entry}
                accountId={id}
                current={id === current}
                opened={id === opened}
                showFlatten={showFlatten}
                showCap={showCap}
              />
            );
          if (entry === 'u') return <UngroupedHeaderRow key={entry} columns={shown.length} />;
          return (
            <GroupHeaderRow
              key={entry}
              groupId={entry.slice(2)}
              showFlatten={showFlatten}
              showCap={showCap}
            />
          );
        })}
      </tbody>
    </table>
  );
}
