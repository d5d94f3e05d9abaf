// A what-if's result: the summary in words first, then each day as it happened beside what the edited rules would
// have made of it (the difference, when they would have stopped the account, the first moment each rule fired, in
// the session's time zone), the days they change marked, and the totals.
import { ColumnHeaders, type Column } from '../../components/ColumnHeaders';
import { Money } from '../../components/Money';
import { MISSING } from '../../lib/format';
import type { WhatIfDay, WhatIfResult } from '../../../../shared/ipc/what-if';
import type { WhatIfAsked } from './use-what-if';
import { changedDay, differenceOf, firingWords, sessionTime, sessionZoneOf } from './what-if-words';

const columns: readonly Column[] = [
  { label: 'Day' },
  { label: 'As it happened', align: 'right' },
  { label: 'With these rules', align: 'right' },
  { label: 'Difference', align: 'right' },
  { label: 'Stopped at' },
  { label: 'Fired first' },
];

type WhatIfResultProps = {
  result: WhatIfResult;
  asked: WhatIfAsked;
  /** The draft has changed since the run: the result is for the rules as they were. */
  stale: boolean;
};

export function WhatIfResultView({ result, asked, stale }: WhatIfResultProps) {
  const zone = sessionZoneOf(asked.config);
  return (
    <div
      className={stale ? 'what-if-result what-if-stale' : 'what-if-result'}
      data-testid="what-if-result"
      data-stale={stale}
    >
      {stale ? (
        <p className="note-warn" role="status" data-testid="what-if-stale">
          For the rules as they were: they have changed since. Run again for the rules as they are now.
        </p>
      ) : null}
      <p className="what-if-summary" data-testid="what-if-summary">
        {result.summary}
      </p>
      {result.days.length > 0 ? (
        <table className="grid what-if-grid" data-testid="what-if-table">
          <caption>
            {result.account}, day by day over the last {asked.days} days (
            {result.events.toLocaleString('en-US')} journaled events); times in {zone}
          </caption>
          <ColumnHeaders columns={columns} />
          <tbody>
            {result.days.map((day) => (
              <DayRow key={day.day} day={day} zone={zone} />
            ))}
          </tbody>
          <Totals result={result} />
        </table>
      ) : null}
    </div>
  );
}

function DayRow({ day, zone }: { day: WhatIfDay; zone: string }) {
  const changed = changedDay(day);
  return (
    <tr className={changed ? 'what-if-changed' : undefined} data-testid="what-if-day" data-changed={changed}>
      <th scope="row" className="num">
        {day.day}
        {changed ? (
          <>
            {' '}
            <span className="what-if-tag">changed</span>
          </>
        ) : null}
      </th>
      <PnlCells figures={day} />
      <td className="num">{day.stoppedAt === null ? MISSING : sessionTime(day.stoppedAt, day.day, zone)}</td>
      <td>
        {day.firstFired.length === 0 ? (
          MISSING
        ) : (
          <ul className="what-if-fired">
            {day.firstFired.map((firing) => (
              <li key={firing.rule}>{firingWords(firing, day.day, zone)}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** As it happened, with these rules, and the difference between them. */
function PnlCells({ figures }: { figures: { actualNetPnl: string; whatIfNetPnl: string } }) {
  return (
    <>
      <td className="right">
        <Money value={figures.actualNetPnl} pnl />
      </td>
      <td className="right">
        <Money value={figures.whatIfNetPnl} pnl />
      </td>
      <td className="right">
        <Money value={differenceOf(figures)} pnl />
      </td>
    </>
  );
}

function Totals({ result }: { result: WhatIfResult }) {
  const changed = result.days.filter(changedDay).length;
  return (
    <tfoot>
      <tr className="what-if-total" data-testid="what-if-total">
        <th scope="row">Total</th>
        <PnlCells figures={result} />
        <td>
          {result.daysStopped} of {result.days.length} {result.days.length === 1 ? 'day' : 'days'}
        </td>
        <td>{changed === 1 ? '1 day changed' : `${changed} days changed`}</td>
      </tr>
    </tfoot>
  );
}
