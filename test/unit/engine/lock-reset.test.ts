// A reset lifts only the locks that last until reset by hand; timed locks (a day's loss, a self-lock) stay.
import { describe, expect, it } from 'vitest';
import { apply, strictestLock, untilText } from '../../../main/engine';
import { addLock } from '../../../main/engine/locks';
import { dec } from '../../../shared/domain/money';
import { ev, instrumentEvents, runEngine } from '../../helpers/engine';

describe('lock reset', () => {
  it('lifts a manual lock and keeps a day-end one', () => {
    const config = {
      session: { timezone: 'America/Chicago', dayStart: '17:00', weekStartDay: 'sunday' as const },
      markPrice: 'last' as const,
      accounts: { A1: { startingBalance: dec('50000') } },
    };
    const { state } = runEngine(
      [
        ...instrumentEvents,
        ev({ type: 'account', t: '2026-05-05T09:00:00-05:00', account: 'A1', balance: '50000' }),
      ],
      config,
    );
    const account = state.accounts.get('A1');
    if (account === undefined) throw new Error('no account');
    const t = Date.parse('2026-05-05T14:05:00Z');
    addLock(
      account,
      'trailingDrawdown',
      { state: 'halted', until: 'manual' },
      'equity reached the threshold',
      t,
    );
    addLock(account, 'dailyLoss', { state: 'halted', until: account.day.end }, 'daily loss reached 1000', t);
    expect(untilText(strictestLock(account)?.until ?? 0)).toBe('until reset by hand');

    const { decisions } = apply(
      state,
      ev({ type: 'lockReset', t: '2026-05-05T09:10:00-05:00', account: 'A1' }),
    );
    expect(decisions).toEqual([
      { kind: 'lockLifted', t: Date.parse('2026-05-05T14:10:00Z'), account: 'A1', rule: 'trailingDrawdown' },
    ]);
    expect(account.locks.map((l) => l.rule)).toEqual(['dailyLoss']);
    expect(strictestLock(account)?.until).toBe(Date.parse('2026-05-05T22:00:00Z'));
  });
});
