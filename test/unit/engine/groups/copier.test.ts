// The copier guard (docs/RULES.md section 10): a hedge across members in one underlying (MNQ and NQ share NQ),
// a follower that missed the leader's position, and followers halted with their leader. "More than graceSeconds"
// is measured between event times.
import { describe, expect, it } from 'vitest';
import { ev } from '../../../helpers/engine';
import { at, clock, dayEnd, fill, groupConfig, run, statesOf, table, tue } from './groups.helpers';

const copier = (settings: Record<string, unknown>) =>
  groupConfig({ copier: { leader: 'A1', graceSeconds: 5, ...settings } });
/** The decisions of one rule (the copier's other rules have their own tests). */
const only = (rule: string, decisions: Parameters<typeof table>[0]) =>
  table(decisions).filter((d) => d['rule'] === rule);
const decision = (t: string, account: string, rule: string, level: string, action: string, extra = {}) => ({
  t: at(t),
  account,
  rule,
  level,
  action,
  ...extra,
  group: 'apex',
});

describe('copierHedge', () => {
  it('onHedge alert: every account in the hedge, once, after more than graceSeconds', () => {
    const { decisions } = run(
      [
        fill('09:00:00', 'A1', 'NQ', 'buy', 1, '21000'),
        fill('09:00:01', 'A2', 'MNQ', 'sell', 10, '21000'), // net −1.0 in NQ: a hedge from 09:00:01
        fill('09:00:02', 'B1', 'NQ', 'sell', 1, '21000'), // not a member
        clock('09:00:06'), // 5 s: not more
        clock('09:00:07'), // 6 s
        clock('09:00:08'),
        fill('09:00:10', 'A2', 'MNQ', 'buy', 10, '21000'), // the hedge ends
        fill('09:00:20', 'A2', 'MNQ', 'sell', 1, '21000'), // a new one
        clock('09:00:26'),
      ],
      copier({}),
    );
    expect(only('copierHedge', decisions)).toStrictEqual([
      decision('09:00:07', 'A1', 'copierHedge', 'breach', 'alert'),
      decision('09:00:07', 'A2', 'copierHedge', 'breach', 'alert'),
      decision('09:00:26', 'A1', 'copierHedge', 'breach', 'alert'),
      decision('09:00:26', 'A2', 'copierHedge', 'breach', 'alert'),
    ]);
    const said = decisions.flatMap((d) => (d.kind === 'rule' && d.rule === 'copierHedge' ? [d.message] : []));
    expect(said[0]).toBe('Apex: hedge in NQ across accounts (long A1, short A2) for more than 5s');
  });

  it('onHedge close: the positions against the leader, in each of their symbols', () => {
    const { decisions } = run(
      [
        fill('09:00:00', 'A1', 'NQ', 'buy', 1, '21000'),
        fill('09:00:01', 'A3', 'MNQ', 'buy', 10, '21000'), // with the leader
        fill('09:00:02', 'A2', 'MNQ', 'sell', 20, '21000'),
        fill('09:00:03', 'A2', 'NQ', 'buy', 1, '21000'), // A2 still short 1.0 NQ, in two symbols
        clock('09:00:08'),
      ],
      copier({ onHedge: 'close' }),
    );
    expect(only('copierHedge', decisions)).toStrictEqual([
      decision('09:00:08', 'A2', 'copierHedge', 'breach', 'closePosition', { symbol: 'MNQ' }),
      decision('09:00:08', 'A2', 'copierHedge', 'breach', 'closePosition', { symbol: 'NQ' }),
    ]);
  });

  it('onHedge close without a leader position there: the side that opened later', () => {
    const { decisions } = run(
      [
        fill('09:00:00', 'A2', 'ES', 'buy', 1, '5800'),
        fill('09:00:02', 'A3', 'MES', 'sell', 5, '5800'),
        fill('09:00:04', 'A1', 'NQ', 'buy', 1, '21000'), // the leader is in NQ, not ES
        clock('09:00:08'),
      ],
      copier({ onHedge: 'close' }),
    );
    expect(only('copierHedge', decisions)).toStrictEqual([
      decision('09:00:08', 'A3', 'copierHedge', 'breach', 'closePosition', { symbol: 'MES' }),
    ]);
  });

  it('sizes that offset within one account are no direction', () => {
    const { decisions } = run(
      [
        fill('09:00:00', 'A1', 'NQ', 'buy', 1, '21000'),
        fill('09:00:00', 'A2', 'NQ', 'buy', 1, '21000'),
        fill('09:00:00', 'A2', 'MNQ', 'sell', 10, '21000'), // A2: +1.0 − 1.0 = 0
        clock('09:01:00'),
      ],
      copier({}),
    );
    expect(only('copierHedge', decisions)).toStrictEqual([]);
  });
});

describe('copierMissed', () => {
  it('warns a follower without the leader’s position, timed from when it holds nothing, once per leader position', () => {
    const { decisions } = run(
      [
        fill('09:00:00', 'A1', 'NQ', 'buy', 1, '21000'),
        fill('09:00:03', 'A3', 'MNQ', 'buy', 10, '21000'), // A3 copied in time
        clock('09:00:05'), // A2: 5 s
        clock('09:00:06'), // A2: 6 s: warned
        fill('09:00:10', 'A3', 'MNQ', 'sell', 10, '21000'), // A3 holds nothing from now
        clock('09:00:15'),
        clock('09:00:16'), // A3: 6 s: warned; A2 not again
        fill('09:01:00', 'A1', 'NQ', 'sell', 1, '21000'), // the leader's position ends
        fill('09:02:00', 'A1', 'NQ', 'buy', 1, '21000'), // a new one
        clock('09:02:06'),
      ],
      copier({}),
    );
    expect(table(decisions)).toStrictEqual([
      decision('09:00:06', 'A2', 'copierMissed', 'warning', 'alert'),
      decision('09:00:16', 'A3', 'copierMissed', 'warning', 'alert'),
      decision('09:02:06', 'A2', 'copierMissed', 'warning', 'alert'),
      decision('09:02:06', 'A3', 'copierMissed', 'warning', 'alert'),
    ]);
  });
});

describe('copierLeaderHalted', () => {
  const leaderLoss = { A1: { dailyLoss: { amount: 500 } } };

  it('haltWithLeader: the leader halted by its own rule flattens and halts every follower with the same lock', () => {
    const config = groupConfig({ copier: { leader: 'A1', haltWithLeader: true } }, leaderLoss);
    const { state, decisions } = run(
      [
        fill('09:00', 'A1', 'ES', 'buy', 1, '5800'),
        fill('09:00', 'A2', 'ES', 'buy', 1, '5800'),
        fill('09:05', 'A1', 'ES', 'sell', 1, '5790'), // A1 −500: its dailyLoss breaches
      ],
      config,
    );
    const lock = { lock: { state: 'halted', until: dayEnd } };
    expect(table(decisions)).toStrictEqual([
      { t: at('09:05'), account: 'A1', rule: 'dailyLoss', level: 'breach', action: 'flatten', ...lock },
      decision('09:05', 'A2', 'copierLeaderHalted', 'breach', 'flatten', lock),
      decision('09:05', 'A3', 'copierLeaderHalted', 'breach', 'flatten', lock),
    ]);
    expect(statesOf(state, ['A2', 'A3', 'B1'])).toStrictEqual(['halted', 'halted', 'active']);
  });

  it('follows a self-lock; a lock until reset by hand stays one; off by default', () => {
    const selfLock = ev({ type: 'selfLock', t: tue('09:10'), account: 'A1', until: 'weekEnd' });
    const events = [
      fill('09:00', 'A1', 'ES', 'buy', 1, '5800'),
      fill('09:00', 'A2', 'ES', 'buy', 1, '5800'),
      selfLock,
    ];
    const weekEnd = Date.parse('2026-05-10T22:00:00Z');
    const lock = { lock: { state: 'halted', until: weekEnd } };
    const leaderHalted = run(events, copier({ haltWithLeader: true })).decisions;
    expect(table(leaderHalted).filter((d) => d['rule'] !== 'copierMissed')).toStrictEqual([
      { t: at('09:10'), account: 'A1', rule: 'selfLock', level: 'breach', action: 'flatten', ...lock },
      decision('09:10', 'A2', 'copierLeaderHalted', 'breach', 'flatten', lock),
      decision('09:10', 'A3', 'copierLeaderHalted', 'breach', 'flatten', lock),
    ]);
    expect(only('copierLeaderHalted', run(events, copier({})).decisions)).toStrictEqual([]);
  });

  it('the group’s own halt is not passed on again', () => {
    const config = groupConfig({
      rules: { groupDailyLoss: { amount: 500 } },
      copier: { leader: 'A1', haltWithLeader: true },
    });
    const { decisions } = run(
      [fill('09:00', 'A1', 'ES', 'buy', 1, '5800'), fill('09:05', 'A1', 'ES', 'sell', 1, '5790')],
      config,
    );
    expect(table(decisions).map((d) => `${String(d['account'])} ${String(d['rule'])}`)).toStrictEqual([
      'A1 groupDailyLoss',
      'A2 groupDailyLoss',
      'A3 groupDailyLoss',
    ]);
  });
});

describe('the worked example of docs/RULES.md section 10', () => {
  it('a hedge alerted once on both sides, and a follower that missed the copy warned', () => {
    const { decisions } = run(
      [
        fill('09:00:00', 'A1', 'NQ', 'buy', 1, '21000'),
        fill('09:00:01', 'A2', 'MNQ', 'sell', 10, '21000'),
        clock('09:00:06'),
        clock('09:00:07'),
        fill('09:00:10', 'A2', 'MNQ', 'buy', 10, '21000'),
      ],
      copier({}),
    );
    expect(table(decisions)).toStrictEqual([
      decision('09:00:06', 'A3', 'copierMissed', 'warning', 'alert'),
      decision('09:00:07', 'A1', 'copierHedge', 'breach', 'alert'),
      decision('09:00:07', 'A2', 'copierHedge', 'breach', 'alert'),
    ]);
  });
});
