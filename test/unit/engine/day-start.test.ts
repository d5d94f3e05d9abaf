// A day that began while Warden was not running (docs/RULES.md section 1): a rebuilt start is taken as it is (and as
// the balance at the roll for an end-of-day trailing drawdown); an estimate locks the account reducing until the
// trader confirms a start, which only that confirmation lifts.
import { describe, expect, it } from 'vitest';
import { accountMetrics, apply, engineConfigOf, strictestLock, tradingState } from '../../../main/engine';
import { validateConfig } from '../../../shared/config/schema';
import { ev, instrumentEvents, runEngine } from '../../helpers/engine';

function configWith(rules: Record<string, unknown>) {
  const result = validateConfig({ accounts: { A1: { startingBalance: 50000, rules } } });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return engineConfigOf(result.config);
}

/** Tuesday: A1 buys 2 MNQ at 21000 and holds them; Wednesday 09:00 CDT Warden starts again. */
function heldOverTheRoll(rules: Record<string, unknown> = {}) {
  const { state } = runEngine(
    [
      ...instrumentEvents,
      ev({ type: 'account', t: '2026-05-05T09:00:00-05:00', account: 'A1', balance: '50000' }),
      ev({
        type: 'fill',
        t: '2026-05-05T10:00:00-05:00',
        account: 'A1',
        id: 'f1',
        orderId: 'o1',
        symbol: 'MNQ',
        side: 'buy',
        qty: 2,
        price: '21000',
        fees: '0.74',
      }),
      ev({ type: 'quote', t: '2026-05-05T10:00:01-05:00', symbol: 'MNQ', last: '21000' }),
      ev({ type: 'account', t: '2026-05-06T09:00:00-05:00', account: 'A1', balance: '49999.26' }),
    ],
    configWith({ dailyLoss: { amount: 300 }, ...rules }),
  );
  const account = state.accounts.get('A1');
  if (account === undefined) throw new Error('no account');
  return { state, account };
}

const dayStart = (t: string, source: string, startEquity: string, extra: Record<string, unknown> = {}) =>
  ev({ type: 'dayStart', t, account: 'A1', startEquity, source, note: `${source} start`, ...extra });

describe('a day start from a restart', () => {
  it('an estimate sets the start and locks the account reducing until the trader confirms', () => {
    const { state, account } = heldOverTheRoll();
    const { decisions } = apply(state, dayStart('2026-05-06T09:00:01-05:00', 'estimate', '50100'));
    expect(decisions).toEqual([
      {
        kind: 'rule',
        t: Date.parse('2026-05-06T14:00:01Z'),
        account: 'A1',
        rule: 'dayStart',
        level: 'breach',
        action: 'alert',
        lock: { state: 'reducing', until: 'confirmed' },
        message: 'estimate start',
      },
    ]);
    expect(tradingState(account)).toBe('reducing');
    expect(strictestLock(account)?.until).toBe('confirmed');
    const metrics = accountMetrics(state, account);
    expect(metrics.dailyNetPnl.toFixed()).toBe('-100.74'); // 49,999.26 − 50,100
    expect(account.day.peakEquity.toFixed()).toBe('50100');

    // A second estimate (a reconnect) changes the start but does not lock twice; a reset does not lift it.
    expect(apply(state, dayStart('2026-05-06T09:00:02-05:00', 'estimate', '50050')).decisions).toEqual([]);
    expect(
      apply(state, ev({ type: 'lockReset', t: '2026-05-06T09:00:03-05:00', account: 'A1' })).decisions,
    ).toEqual([]);
    expect(account.locks.map((lock) => lock.rule)).toEqual(['dayStart']);

    // While reducing, what is added to the position is closed back: the one contract, not half of the three.
    const added = apply(
      state,
      ev({
        type: 'fill',
        t: '2026-05-06T09:01:00-05:00',
        account: 'A1',
        id: 'f2',
        orderId: 'o2',
        symbol: 'MNQ',
        side: 'buy',
        qty: 1,
        price: '21000',
        fees: '0.37',
      }),
    ).decisions;
    expect(added.map((d) => (d.kind === 'rule' ? [d.rule, d.action, d.qty ?? null] : d.kind))).toEqual([
      ['dayStart', 'reducePosition', 1],
    ]);

    const confirmed = apply(state, dayStart('2026-05-06T09:02:00-05:00', 'confirmed', '49990'));
    expect(confirmed.decisions).toEqual([
      { kind: 'lockLifted', t: Date.parse('2026-05-06T14:02:00Z'), account: 'A1', rule: 'dayStart' },
    ]);
    expect(tradingState(account)).toBe('active');
    expect(account.day.startEquity.toFixed()).toBe('49990');
  });

  it('a confirmed start below the loss limit breaches the daily loss at once', () => {
    const { state, account } = heldOverTheRoll();
    apply(state, dayStart('2026-05-06T09:00:01-05:00', 'estimate', '50000'));
    const { decisions } = apply(state, dayStart('2026-05-06T09:01:00-05:00', 'confirmed', '50300'));
    expect(decisions.map((d) => (d.kind === 'rule' ? [d.rule, d.level, d.action] : [d.kind]))).toEqual([
      ['lockLifted'],
      ['dailyLoss', 'breach', 'flatten'],
    ]);
    expect(tradingState(account)).toBe('halted');
  });

  it("a rebuilt start sets the day and the week, and counts as the roll's balance for an end-of-day trailing drawdown", () => {
    const { state, account } = heldOverTheRoll({
      dailyLoss: { amount: 1000 },
      trailingDrawdown: { amount: 2000, mode: 'endOfDay' },
    });
    expect(account.trailingThreshold?.toFixed()).toBe('48000');
    const { decisions } = apply(
      state,
      dayStart('2026-05-06T09:00:01-05:00', 'rebuilt', '50400', { weekStartEquity: '50500' }),
    );
    expect(decisions).toEqual([]);
    expect(tradingState(account)).toBe('active');
    expect(account.day.startEquity.toFixed()).toBe('50400');
    expect(account.week.startEquity.toFixed()).toBe('50500');
    expect(accountMetrics(state, account).weeklyNetPnl.toFixed()).toBe('-500.74');
    expect(account.trailingThreshold?.toFixed()).toBe('48400');
  });
});
