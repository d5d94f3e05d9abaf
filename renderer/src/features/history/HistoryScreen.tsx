// The history screens (issue 5): an account (or group) and range filter over the host's getHistory, then tabs for the
// timeline of alerts and actions (with a breach detail), the per-day summary, the closed trades and the P&L
// breakdown; the timeline and trades export as CSV or JSON.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { HistoryView } from '../../../../shared/ipc';
import { useCommand } from '../../lib/use-command';
import { AccountFilter, ALL, exportScope, historyArgs, useHistoryGroups } from './AccountFilter';
import { BreakdownSection } from './BreakdownSection';
import { DaysTable } from './DaysTable';
import { ExportButtons } from './ExportButtons';
import { TimelineSection } from './TimelineSection';
import { TradesTable } from './TradesTable';
import './history.css';

export const RANGES = [7, 30, 90] as const;
export type Range = (typeof RANGES)[number];

const TABS = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'days', label: 'Days' },
  { id: 'trades', label: 'Trades' },
  { id: 'breakdown', label: 'Breakdown' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function HistoryScreen() {
  const groups = useHistoryGroups();
  const [account, setAccount] = useState<string>(ALL);
  const [days, setDays] = useState<Range>(30);
  const [tab, setTab] = useState<TabId>('timeline');
  const [history, setHistory] = useState<HistoryView | null>(null);
  const [getHistory, { pending, error }] = useCommand('getHistory');
  const requestSeq = useRef(0);
  const baseId = useId();

  const load = useCallback(async () => {
    const seq = ++requestSeq.current;
    const response = await getHistory(historyArgs(account, days, groups));
    if (seq !== requestSeq.current) return; // a newer request was sent meanwhile
    if (response.ok) setHistory(response.result);
  }, [getHistory, account, days, groups]);

  useEffect(() => {
    void load();
  }, [load]);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % TABS.length,
      ArrowLeft: (index - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = TABS[next];
    if (target === undefined) return;
    setTab(target.id);
    document.getElementById(`${baseId}-tab-${target.id}`)?.focus();
  };

  return (
    <section className="history" aria-labelledby={`${baseId}-title`} data-testid="history-screen">
      <div className="history-bar">
        <h2 id={`${baseId}-title`} className="history-title">
          History
        </h2>
        <AccountFilter value={account} groups={groups} onChange={setAccount} />
        <label className="history-field">
          <span>Range</span>
          <select
            value={days}
            onChange={(e) => {
              setDays(Number(e.target.value) as Range);
            }}
            data-testid="history-days"
          >
            {RANGES.map((n) => (
              <option key={n} value={n}>
                Last {n} days
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          onClick={() => void load()}
          disabled={pending}
          data-testid="history-refresh"
        >
          {pending ? 'Loading…' : 'Refresh'}
        </button>
        {history !== null ? (
          <ExportButtons history={history} account={exportScope(account, groups)} days={days} />
        ) : null}
      </div>
      {error !== null ? (
        <p className="inline-error" role="alert" data-testid="history-error">
          History could not be loaded: {error}
        </p>
      ) : null}
      <div role="tablist" aria-label="History views" className="history-tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`${baseId}-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            className={tab === t.id ? 'history-tab active' : 'history-tab'}
            onClick={() => {
              setTab(t.id);
            }}
            onKeyDown={onTabKey}
            data-testid={`history-tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        id={`${baseId}-panel`}
        role="tabpanel"
        aria-labelledby={`${baseId}-tab-${tab}`}
        className="history-panel"
        tabIndex={0}
      >
        {history === null ? (
          <p className="empty">{pending ? 'Loading history…' : 'No history loaded'}</p>
        ) : tab === 'timeline' ? (
          <TimelineSection history={history} />
        ) : tab === 'days' ? (
          <DaysTable days={history.days} groupDays={history.groupDays} />
        ) : tab === 'trades' ? (
          <TradesTable trades={history.trades} />
        ) : (
          <BreakdownSection trades={history.trades} />
        )}
      </div>
    </section>
  );
}
