// The timeline of alerts, enforcement responses and guard events, filterable by text (rule, kind), level and
// day. A breach row opens its detail: the P&L around it from the day's trades and summary.
import { useMemo, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import type { HistoryView } from '../../../../shared/ipc';
import { formatClock } from '../../lib/format';
import { BreachDetail } from './BreachDetail';
import { causeOf, choices, figuresText, filterTimeline, isBreach, NO_FILTER } from './timeline';
import type { TimelineFilter } from './timeline';
import { ColumnHeaders, type Column } from '../../components/ColumnHeaders';

const timelineColumns: readonly Column[] = [
  { label: 'Day' },
  { label: 'Time' },
  { label: 'Account' },
  { label: 'Kind' },
  { label: 'Level' },
  { label: 'What' },
  { label: 'Detail' },
];

export function TimelineSection({ history }: { history: HistoryView }) {
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  // By id, not by object: a refresh brings new objects, and the open detail stays open across it.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = useMemo(
    () => history.timeline.find((entry) => entry.id === selectedId) ?? null,
    [history.timeline, selectedId],
  );
  const options = useMemo(() => choices(history.timeline), [history.timeline]);
  const shown = useMemo(() => filterTimeline(history.timeline, filter), [history.timeline, filter]);
  const update = (patch: Partial<TimelineFilter>) => {
    setFilter((current) => ({ ...current, ...patch }));
  };

  return (
    <div className="history-timeline">
      <div className="history-filters" role="search" aria-label="Filter the timeline">
        <label className="history-field">
          <span>Rule or kind contains</span>
          <input
            type="search"
            value={filter.text}
            onChange={(e) => {
              update({ text: e.target.value });
            }}
            data-testid="timeline-filter-text"
          />
        </label>
        <label className="history-field">
          <span>Level</span>
          <select
            value={filter.level}
            onChange={(e) => {
              update({ level: e.target.value });
            }}
            data-testid="timeline-filter-level"
          >
            <option value="">Any level</option>
            {options.levels.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        </label>
        <label className="history-field">
          <span>Day</span>
          <select
            value={filter.day}
            onChange={(e) => {
              update({ day: e.target.value });
            }}
            data-testid="timeline-filter-day"
          >
            <option value="">Any day</option>
            {options.days.map((day) => (
              <option key={day} value={day}>
                {day}
              </option>
            ))}
          </select>
        </label>
        <span className="history-count" aria-live="polite" data-testid="timeline-count">
          {shown.length} of {history.timeline.length}
        </span>
      </div>
      {shown.length === 0 ? (
        <EmptyState text="Nothing in the timeline matches" testId="timeline-empty" />
      ) : (
        <table className="grid history-grid history-timeline-grid" data-testid="timeline-table">
          <caption>Timeline of alerts and actions (newest first)</caption>
          <ColumnHeaders columns={timelineColumns} />
          <tbody>
            {shown.map((entry) => {
              const breach = isBreach(entry);
              const figures = figuresText(entry);
              const what = figures === null ? entry.title : `${entry.title}: ${figures}`;
              return (
                <tr
                  key={entry.id}
                  className={breach ? 'history-breach-row' : undefined}
                  data-testid="timeline-row"
                  data-kind={entry.kind}
                >
                  <td>{entry.day}</td>
                  <td className="num">
                    <time dateTime={entry.t}>{formatClock(entry.t)}</time>
                  </td>
                  <td>{entry.account ?? 'all'}</td>
                  <td>{entry.kind}</td>
                  <td>
                    <span className={`history-level history-level-${entry.level}`}>{entry.level}</span>
                  </td>
                  <td className="history-what">
                    {breach ? (
                      <button
                        type="button"
                        className="history-link"
                        aria-expanded={selectedId === entry.id}
                        onClick={() => {
                          setSelectedId(selectedId === entry.id ? null : entry.id);
                        }}
                        data-testid="timeline-breach"
                      >
                        {what}
                      </button>
                    ) : (
                      what
                    )}
                  </td>
                  <td className="history-detail">{entry.detail}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {selected !== null ? (
        <BreachDetail
          entry={selected}
          cause={causeOf(selected, history.timeline)}
          trades={history.trades}
          days={history.days}
          equity={history.equity}
          onClose={() => {
            setSelectedId(null);
          }}
        />
      ) : null}
    </div>
  );
}
