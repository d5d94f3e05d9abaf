// groupDailyLoss (docs/RULES.md section 10): the members' summed daily loss climbs the ladder like dailyLoss, one
// decision per member, each naming the group; at the limit every member — and only they — is flattened and
// halted until the day ends.
import { describe, expect, it } from 'vitest';
import { dec } from '../../../../shared/domain/money';
import { at, clock, dayEnd, fill, groupConfig, quote, run, statesOf, table } from './groups.helpers';

const apex = groupConfig({ rules: { groupDailyLoss: { amount: 1500 } } });
const opened = [
  fill('09:00', 'A1', 'ES', 'buy', 1, '5800'),
  fill('09:00', 'A2', 'ES', 'buy', 1, '5800'),
  fill('09:00', 'A3', 'NQ', 'buy', 1, '21000'),
  fill('09:00', 'B1', 'ES', 'buy', 1, '5800'),
];
const toAll = (t: string, level: string, extra: Record<string, unknown> = {}) =>
  ['A1', 'A2', 'A3'].map((account) => ({
    t: at(t),
    account,
    rule: 'groupDailyLoss',
    level,
    action: 'alert',
    group: 'apex',
    ...extra,
  }));
const halted = { action: 'flatten', lock: { state: 'halted', until: dayEnd } };

describe('groupDailyLoss', () => {
  it('climbs warning (1200), critical (1425) and a confirmed breach (1525): every member, not B1', () => {
    const { state, decisions } = run(
      [
        ...opened,
        quote('09:01', 'ES', '5788'), // A1, A2 −600 each: 1200, warning
        quote('09:02', 'ES', '5786'), // 1400
        quote('09:03', 'NQ', '20998.75'), // A3 −25: 1425, critical
        quote('09:04', 'ES', '5785'), // 1525: breach, waiting for a confirming quote
        quote('09:05', 'ES', '5785'), // confirmed
      ],
      apex,
    );
    expect(table(decisions)).toStrictEqual([
      ...toAll('09:01', 'warning'),
      ...toAll('09:03', 'critical'),
      ...toAll('09:05', 'breach', halted),
    ]);
    const breach = decisions.at(-1);
    expect(breach?.kind === 'rule' && breach.figures).toStrictEqual({
      value: dec('1525'),
      limit: dec('1500'),
      threshold: dec('1500'),
    });
    expect(breach?.kind === 'rule' && breach.message).toBe('Apex: group daily loss 1525 reached 1500');
    expect(statesOf(state, ['A1', 'A2', 'A3', 'B1'])).toStrictEqual(['halted', 'halted', 'halted', 'active']);
  });

  it('a fill breaches at once; a member opening while halted is flattened under the group rule', () => {
    const { decisions } = run(
      [
        ...opened,
        fill('09:10', 'A1', 'ES', 'sell', 1, '5770'), // A1 −1500 realized, A2 marked at 5770: 3000
        fill('09:11', 'A2', 'ES', 'buy', 1, '5770'),
      ],
      apex,
    );
    expect(table(decisions)).toStrictEqual([
      ...toAll('09:10', 'breach', halted),
      {
        t: at('09:11'),
        account: 'A2',
        rule: 'groupDailyLoss',
        level: 'breach',
        action: 'flatten',
        symbol: 'ES',
        group: 'apex',
      },
    ]);
  });

  it('steps down only past the threshold less the hysteresis (1200 − 75), then warns again', () => {
    const { decisions } = run(
      [
        ...opened,
        quote('09:01', 'ES', '5788'), // 1200: warning
        quote('09:02', 'ES', '5788.75'), // 1125: still warning
        quote('09:03', 'ES', '5789'), // 1100: down to ok, silently
        quote('09:04', 'ES', '5788'), // 1200: warning again
      ],
      apex,
    );
    expect(table(decisions)).toStrictEqual([...toAll('09:01', 'warning'), ...toAll('09:04', 'warning')]);
  });

  it('basis realized counts only closed trades and fees', () => {
    const realized = groupConfig({ rules: { groupDailyLoss: { amount: 1000, basis: 'realized' } } });
    const { decisions } = run(
      [
        ...opened,
        quote('09:01', 'ES', '5700'), // −5000 open each: not realized
        fill('09:02', 'A1', 'ES', 'sell', 1, '5790'), // −500
        fill('09:03', 'A3', 'NQ', 'sell', 1, '20987.5'), // −250: 750
        fill('09:04', 'A2', 'ES', 'sell', 1, '5795'), // −250: 1000
      ],
      realized,
    );
    expect(table(decisions)).toStrictEqual([...toAll('09:04', 'breach', halted)]);
  });

  it('the day rolls for all members together: the locks lift and the group starts clean', () => {
    const { state, decisions } = run(
      [...opened, fill('09:10', 'A1', 'ES', 'sell', 1, '5770'), clock('17:00'), quote('17:01', 'ES', '5769')],
      apex,
    );
    expect(table(decisions)).toStrictEqual([
      ...toAll('09:10', 'breach', halted),
      ...['A1', 'A2', 'A3'].map((account) => ({ t: at('17:00'), account, lifted: 'groupDailyLoss' })),
    ]);
    expect(state.groups.get('apex')?.rules['groupDailyLoss']?.level).toBe('ok');
  });
});
