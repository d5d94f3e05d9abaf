// The what-if's day-by-day account of rows replayed with and without the edited rules' enforcement: which days are
// listed, a lock that lasts past the day (the next day begins stopped), and what each day's figures are.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createWhatIfTally, type JobRow } from '../../../main/whatif/tally';

const chicago = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Chicago' }).toMillis();

/** A replay line as a journal row: `t` in Chicago time. */
function row(at: string, event: Record<string, unknown>): JobRow {
  const t = chicago(at);
  const account = typeof event.account === 'string' ? event.account : null;
  return { t, account, body: JSON.stringify({ t, ...event }) };
}

const document = {
  quoteSanity: { confirmQuotes: 1 },
  accounts: { A: { startingBalance: 50000, rules: { weeklyLoss: { amount: 500 } } } },
};
const mes = { type: 'instrument', symbol: 'MES', tickSize: '0.25', tickValue: '1.25', currency: 'USD' };
const buy = (id: string, qty: number, price: string) => ({
  type: 'fill',
  account: 'A',
  id,
  orderId: id,
  symbol: 'MES',
  side: 'buy',
  qty,
  price,
  fees: '0',
});

describe('the what-if tally', () => {
  it('lists the days of the period the account traded; a weekly lock makes the next day begin stopped', () => {
    const tally = createWhatIfTally({ account: 'A', document, firstDay: '2026-05-05', days: 3 });
    const rows = [
      // Monday 4 May, before the period: traded, not listed.
      row('2026-05-04T08:00', mes),
      row('2026-05-04T09:00', buy('F1', 1, '5000')),
      row('2026-05-04T09:30', { type: 'quote', symbol: 'MES', last: '5010' }),
      // Tuesday: 10 MES bought at 5010, marked 4999.
      row('2026-05-05T09:00', buy('F2', 10, '5010')),
      row('2026-05-05T09:30', { type: 'quote', symbol: 'MES', last: '4999' }),
      // Wednesday: a buy the lock drops; the market moves on.
      row('2026-05-06T09:00', buy('F3', 1, '4999')),
      row('2026-05-06T10:00', { type: 'quote', symbol: 'MES', last: '4989' }),
      // Thursday: market data only, nothing of the account's; listed for what was held as it happened.
      row('2026-05-07T10:00', { type: 'quote', symbol: 'MES', last: '4999' }),
    ];
    for (const r of rows) tally.feed(r);
    const result = tally.result();
    // As it happened: Monday's 1 MES from 5010 (its mark at the roll) and Tuesday's 10 from 5010, all marked
    // 4999: −11 points × 5 × 11 = −605; Wednesday 12 MES from 4999 to 4989: −600; Thursday back to 4999: +600.
    // With the rule: the week at −555 (Monday's +50) breaches at 4999, flattened there: Tuesday −605 all the same,
    // halted until the week ends. Wednesday's buy is dropped (no decision: it never reaches the engine), and
    // Wednesday and Thursday begin stopped with nothing held.
    expect(result.days).toEqual([
      {
        day: '2026-05-05',
        actualNetPnl: '-605',
        whatIfNetPnl: '-605',
        breaches: 1,
        flattens: 1,
        stoppedAt: '2026-05-05T14:30:00Z',
        firstFired: [{ rule: 'weeklyLoss', level: 'breach', at: '2026-05-05T14:30:00Z' }],
      },
      {
        day: '2026-05-06',
        actualNetPnl: '-600',
        whatIfNetPnl: '0',
        breaches: 0,
        flattens: 0,
        stoppedAt: '2026-05-05T22:00:00Z',
        firstFired: [],
      },
      {
        day: '2026-05-07',
        actualNetPnl: '600',
        whatIfNetPnl: '0',
        breaches: 0,
        flattens: 0,
        stoppedAt: '2026-05-06T22:00:00Z',
        firstFired: [],
      },
    ]);
    expect(result).toMatchObject({ actualNetPnl: '-605', whatIfNetPnl: '-605', daysStopped: 3, events: 8 });
  });
});
