// The news blackout windows ahead (docs/RULES.md section 12) with live countdowns on the core's clock, and the
// state of the calendar they come from: the trader sees when Warden will flatten or block new risk for news.
import { useShallow } from 'zustand/react/shallow';
import type { NewsWindowView } from '../../../../shared/ipc';
import { useNow } from '../../lib/use-now';
import { useView } from '../../state';
import { calendarLine, NEWS_SHOWN, windowDetail, windowStatus, windowSubject } from './news-figures';
import './news.css';

const none: NewsWindowView[] = [];

export function NewsPanel() {
  const { news, calendar, clockOffsetMs } = useView(
    useShallow((s) => ({
      news: s.view?.news ?? none,
      calendar: s.view?.calendar ?? null,
      clockOffsetMs: s.clockOffsetMs,
    })),
  );
  const now = useNow(1000) + clockOffsetMs;
  const shown = news
    .map((window) => ({ window, status: windowStatus(window, now) }))
    .filter(({ status }) => status.phase !== 'past')
    .slice(0, NEWS_SHOWN);
  const line = calendarLine(calendar, now);
  return (
    <section className="panel news" aria-labelledby="news-title" data-testid="news-panel">
      <h2 id="news-title" className="panel-title">
        News
      </h2>
      {shown.length === 0 ? (
        <p className="empty news-empty" data-testid="news-empty">
          No blackout windows ahead
        </p>
      ) : (
        <ol className="news-list">
          {shown.map(({ window, status }) => (
            <li
              key={`${window.at}|${window.title}|${window.currency}`}
              className={`news-window news-${status.phase}${window.flatten ? ' news-flatten' : ''}`}
              title={windowDetail(window)}
              data-testid="news-window"
            >
              <span className="news-title">{window.title}</span>
              {' · '}
              {windowSubject(window) !== '' ? (
                <>
                  <span className="news-subject">{windowSubject(window)}</span>
                  {' · '}
                </>
              ) : null}
              <span className="news-when num" data-testid="news-when">
                {status.text}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p
        className={`news-calendar news-calendar-${line.tone}`}
        data-testid="news-calendar"
        title={calendar?.source}
      >
        {line.text}
      </p>
    </section>
  );
}
