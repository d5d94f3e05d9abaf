// The plan's rules on account A1 (docs/RULES.md section 11): consistency climbs the ladder against today's cap and
// has no level while there is none; profitTarget breaches once per account, ever; scaling limits maxContracts with
// the tier set at the day roll.
import { describe, expect, it } from 'vitest';
import {
  apply,
  createEngineState,
  deserializeState,
  serializeState,
  type Decision,
} from '../../../../main/engine';
import { instrumentEvents, runEngine } from '../../../helpers/engine';
import { at, ruleDecisions } from '../rules/money-rules.helpers';
import { clock, dayOf, fill, figuresOf, on, planConfig, quote } from './plan.helpers';

const messages = (decisions: readonly Decision[]) =>
  decisions.flatMap((d) => (d.kind === 'rule' ? [[d.rule, d.level, d.message]] : []));

describe('consistency 50 % (alert, no lock)', () => {
  const config = planConfig({ consistencyPct: 50 });

  it('has no level on the first profitable day: nothing is banked, so there is no cap', () => {
    const { decisions, state } = runEngine(
      [...instrumentEvents, fill(on('05', '09:00'), 'buy', 1, '5800'), quote(on('05', '09:01'), '5860')],
      config,
    );
    expect(ruleDecisions(decisions)).toEqual([]);
    expect(figuresOf(state)).toMatchObject({ consistencyCapToday: null, bestDayProfit: '3000' });
  });

  it('climbs warning, critical, breach against the cap of 1,000 the day after +1,000', () => {
    const { decisions } = runEngine(
      [
        ...instrumentEvents,
        ...dayOf('05', '20'),
        fill(on('06', '09:00'), 'buy', 1, '5800'),
        quote(on('06', '09:01'), '5816'),
        quote(on('06', '09:02'), '5819'),
        quote(on('06', '09:03'), '5820'),
        quote(on('06', '09:04'), '5820.25'),
      ],
      config,
    );
    expect(ruleDecisions(decisions)).toEqual([
      { t: at(on('06', '09:01')), rule: 'consistency', level: 'warning', action: 'alert' },
      { t: at(on('06', '09:02')), rule: 'consistency', level: 'critical', action: 'alert' },
      // A quote takes the second one to confirm a breach (the bad-tick guard); an alert, no lock.
      { t: at(on('06', '09:04')), rule: 'consistency', level: 'breach', action: 'alert' },
    ]);
    expect(messages(decisions)).toEqual([
      ['consistency', 'warning', "today's profit 800.00 of the consistency cap 1,000.00 (50%)"],
      ['consistency', 'critical', "today's profit 950.00 of the consistency cap 1,000.00 (50%)"],
      [
        'consistency',
        'breach',
        "today's profit 1,012.50 reached the consistency cap 1,000.00 (50%): more profit today means more " +
          'trading days before a payout',
      ],
    ]);
  });

  it('flattens and locks for the day when the trader sets it so; the next day starts from ok with a new cap', () => {
    const stopAtCap = planConfig(
      { consistencyPct: 50 },
      { consistency: { action: 'flatten', lock: 'dayEnd' } },
    );
    const { decisions, state } = runEngine(
      [
        ...instrumentEvents,
        ...dayOf('05', '20'),
        fill(on('06', '09:00'), 'buy', 1, '5800'),
        fill(on('06', '09:30'), 'sell', 1, '5820'),
        // Thursday: banked 2,000, so the cap is 2,000; +850 is below its warning (1,600).
        ...dayOf('07', '17'),
      ],
      stopAtCap,
    );
    expect(ruleDecisions(decisions)).toEqual([
      {
        t: at(on('06', '09:30')),
        rule: 'consistency',
        level: 'breach',
        action: 'flatten',
        lock: { state: 'halted', until: at(on('06', '17:00')) },
      },
    ]);
    expect(state.accounts.get('A1')?.rules['consistency']?.level).toBe('ok');
    expect(figuresOf(state)).toMatchObject({ consistencyCapToday: '2000', consistencyCapLeft: '1150' });
  });

  it('is off when the account says enabled: false, though the plan has a consistencyPct', () => {
    const off = planConfig({ consistencyPct: 50 }, { consistency: { enabled: false } });
    const { decisions, state } = runEngine(
      [...instrumentEvents, ...dayOf('05', '20'), ...dayOf('06', '25')],
      off,
    );
    expect(ruleDecisions(decisions)).toEqual([]);
    // The figures still show the plan's limit.
    expect(figuresOf(state)).toMatchObject({ consistencyPct: '55.5556', consistencyCapToday: '1000' });
  });
});

describe('profitTarget 3,000 (alert, once per account, ever)', () => {
  const config = planConfig({ profitTarget: 3000 });
  const reached = (t: string) => ({ t: at(t), rule: 'profitTarget', level: 'breach', action: 'alert' });

  it('breaches on the quote that confirms the total at 3,000, not again after a dip and a recovery', () => {
    const { decisions } = runEngine(
      [
        ...instrumentEvents,
        ...dayOf('05', '40'),
        fill(on('06', '09:00'), 'buy', 1, '5800'),
        quote(on('06', '09:01'), '5819.75'),
        quote(on('06', '09:02'), '5820'),
        quote(on('06', '09:03'), '5821'),
        quote(on('06', '09:04'), '5790'),
        quote(on('06', '09:05'), '5830'),
        quote(on('06', '09:06'), '5830'),
        ...dayOf('07', '30'),
      ],
      config,
    );
    expect(ruleDecisions(decisions)).toEqual([reached(on('06', '09:03'))]);
    expect(messages(decisions)).toEqual([
      ['profitTarget', 'breach', 'target 3000 reached: stop trading to pass'],
    ]);
  });

  it('breaches at once on the fill that banks it, with no warning before', () => {
    const { decisions } = runEngine(
      [
        ...instrumentEvents,
        fill(on('05', '09:00'), 'buy', 1, '5800'),
        quote(on('05', '09:01'), '5850'),
        quote(on('05', '09:02'), '5850'),
        fill(on('05', '09:03'), 'sell', 1, '5860'),
      ],
      config,
    );
    expect(ruleDecisions(decisions)).toEqual([reached(on('05', '09:03'))]);
  });

  it('does not breach again after a restart from a snapshot, down below the target and back above it', () => {
    const state = createEngineState(config);
    const first = [...instrumentEvents, ...dayOf('05', '60')].flatMap((e) => apply(state, e).decisions);
    expect(ruleDecisions(first)).toEqual([reached(on('05', '10:00'))]);
    const restored = deserializeState(serializeState(state), config);
    const later = [...dayOf('06', '-30'), ...dayOf('07', '40')].flatMap((e) => apply(restored, e).decisions);
    expect(ruleDecisions(later)).toEqual([]);
    expect(figuresOf(restored)).toMatchObject({ totalProfit: '3500', targetRemaining: '0' });
  });
});

describe('scaling 0→2, 1,500→3, 2,000→5 as the maxContracts total', () => {
  const config = planConfig({
    scaling: [
      { from: 0, maxContracts: 2 },
      { from: 1500, maxContracts: 3 },
      { from: 2000, maxContracts: 5 },
    ],
  });
  const reduce = (t: string) => ({
    t: at(t),
    rule: 'maxContracts',
    level: 'breach',
    action: 'reducePosition',
    symbol: 'ES',
  });

  it('keeps the tier all day though the profit crosses 1,500; the next tier applies from the roll', () => {
    const { decisions, state } = runEngine(
      [
        ...instrumentEvents,
        fill(on('05', '09:00'), 'buy', 2, '5800'),
        quote(on('05', '09:30'), '5816'),
        fill(on('05', '10:00'), 'sell', 2, '5816'),
        // +1,600 banked today, still 2 contracts until the roll: a third is over.
        fill(on('05', '11:00'), 'buy', 3, '5816'),
        fill(on('05', '11:01'), 'sell', 1, '5816'),
        fill(on('05', '16:00'), 'sell', 2, '5816'),
        // Wednesday: 1,600 banked at the roll, 3 allowed; a fourth is over.
        fill(on('06', '09:00'), 'buy', 3, '5816'),
        fill(on('06', '09:01'), 'buy', 1, '5816'),
      ],
      config,
    );
    expect(ruleDecisions(decisions)).toEqual([reduce(on('05', '11:00')), reduce(on('06', '09:01'))]);
    expect(messages(decisions)).toEqual([
      ['maxContracts', 'breach', "total: 3 contracts open above the scaling tier's limit of 2"],
      ['maxContracts', 'breach', "total: 4 contracts open above the scaling tier's limit of 3"],
    ]);
    expect(figuresOf(state)).toMatchObject({ contractsAllowed: 3, nextTier: ['2000', 5] });
  });

  it('reduces at the roll a position held over a tier that fell, and uses the smaller of total and tier', () => {
    const withTotal = planConfig(
      {
        scaling: [
          { from: 0, maxContracts: 2 },
          { from: 1500, maxContracts: 3 },
        ],
      },
      { maxContracts: { total: 4 } },
    );
    const { decisions } = runEngine(
      [
        ...instrumentEvents,
        ...dayOf('05', '32'),
        // Wednesday: 1,600 banked, 3 allowed (the total of 4 is looser); 3 held into a losing roll.
        fill(on('06', '09:00'), 'buy', 3, '5800'),
        quote(on('06', '16:59'), '5799'),
        // At the roll: 1,450 banked, back to 2 allowed: the clock tick finds 3 open.
        clock(on('07', '08:00')),
      ],
      withTotal,
    );
    expect(ruleDecisions(decisions)).toEqual([{ ...reduce(on('07', '08:00')), symbol: 'ES' }]);
    expect(messages(decisions)).toEqual([
      ['maxContracts', 'breach', "total: 3 contracts open above the scaling tier's limit of 2"],
    ]);
  });
});

describe('finished days in a snapshot', () => {
  it('come back exactly from a snapshot, and a snapshot without them restores none', () => {
    const config = planConfig({ consistencyPct: 50 });
    const { state } = runEngine([...instrumentEvents, ...dayOf('05', '20'), ...dayOf('06', '-3')], config);
    const restored = deserializeState(serializeState(state), config);
    expect(restored.accounts.get('A1')?.finishedDays).toEqual(state.accounts.get('A1')?.finishedDays);
    expect(figuresOf(restored)).toEqual(figuresOf(state));
    const old = JSON.parse(serializeState(state)) as {
      state: { accounts: { $map: [string, Record<string, unknown>][] } };
    };
    for (const [, account] of old.state.accounts.$map) delete account['finishedDays'];
    expect(deserializeState(JSON.stringify(old), config).accounts.get('A1')?.finishedDays).toEqual([]);
  });
});
