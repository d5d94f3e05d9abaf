// The equity points the charts draw, exactly: one point per second from pushes, stored samples turned into points
// with the daily-loss floor and trailing threshold they kept (the core's figures: the renderer computes neither),
// and the two merged in time order, each second once, live winning.
import { describe, expect, it } from 'vitest';
import { pointsOfDay } from '../../../renderer/src/features/charts/equity-day';
import { createEquityHistory, type EquityPoint } from '../../../renderer/src/state';
import { mergeByTime } from '../../../renderer/src/state/equity-history';
import type { EquitySampleView, SampleMetricsView } from '../../../shared/ipc';
import { buildFixtureState } from '../../helpers/fixture-state';

function stateAt(serverTime: string, equity: string, seq: number) {
  const state = buildFixtureState({ serverTime });
  state.seq = seq;
  const account = state.accounts[0];
  if (account === undefined) throw new Error('no account');
  account.metrics.equity = equity;
  return state;
}

/** A point at `time` whose equity text names where it came from. */
const at = (time: number, equity: string): EquityPoint => ({
  time,
  equity,
  dailyLossFloor: null,
  trailingThreshold: null,
  drawdown: '0.00',
});
const shown = (points: readonly EquityPoint[]) => points.map((p) => `${p.time}:${p.equity}`);

describe('the equity ring', () => {
  it('keeps one point per second with exact figures, the floor as the core sent it', () => {
    const history = createEquityHistory(3);
    history.record(stateAt('2025-03-12T15:30:00.200Z', '49912.50', 1));
    history.record(stateAt('2025-03-12T15:30:00.900Z', '49900.10', 2));
    expect(history.points('SIM-50K')).toEqual([
      // the fixture's floor: day start 49,765.00 − 1,000.00
      {
        time: 1741793400,
        equity: '49900.10',
        dailyLossFloor: '48765.00',
        trailingThreshold: '48210.00',
        drawdown: '97.50',
      },
    ]);
    for (const [i, t] of ['01', '02', '03'].entries())
      history.record(stateAt(`2025-03-12T15:30:${t}.000Z`, '49950.00', 3 + i));
    expect(history.points('SIM-50K').map((p) => p.time)).toEqual([1741793401, 1741793402, 1741793403]);
    history.record(stateAt('2025-03-12T15:29:59.000Z', '1.00', 9)); // older than the last point: ignored
    expect(history.points('SIM-50K')).toHaveLength(3);
  });

  it('merges stored points with the live ones when seeded, bounded, without telling the live listeners', () => {
    const history = createEquityHistory(4);
    history.record(stateAt('2025-03-12T15:30:00.000Z', '49912.50', 1));
    history.record(stateAt('2025-03-12T15:30:20.000Z', '49915.00', 2));
    const told: number[] = [];
    history.subscribe('SIM-50K', (point) => told.push(point.time));
    history.seed('SIM-50K', [
      at(1741793380, 'stored'),
      at(1741793390, 'stored'),
      at(1741793400, 'stored'), // the live point's second: the live one stays
      at(1741793410, 'stored'), // between two live points (the feed was away): kept
    ]);
    expect(shown(history.points('SIM-50K'))).toEqual([
      '1741793390:stored',
      '1741793400:49912.50',
      '1741793410:stored',
      '1741793420:49915.00',
    ]);
    expect(told).toEqual([]);
    history.record(stateAt('2025-03-12T15:30:21.000Z', '49916.00', 3));
    expect(told).toEqual([1741793421]);
    expect(shown(history.points('SIM-50K')).at(-1)).toBe('1741793421:49916.00');
  });
});

describe('mergeByTime', () => {
  it.each<[string, EquityPoint[], EquityPoint[], string[]]>([
    ['nothing stored', [], [at(5, 'L')], ['5:L']],
    ['nothing live', [at(1, 'S'), at(2, 'S')], [], ['1:S', '2:S']],
    [
      'stored all before live',
      [at(1, 'S'), at(2, 'S')],
      [at(3, 'L'), at(4, 'L')],
      ['1:S', '2:S', '3:L', '4:L'],
    ],
    ['same second: live wins', [at(1, 'S'), at(3, 'S')], [at(3, 'L')], ['1:S', '3:L']],
    [
      'interleaved',
      [at(1, 'S'), at(3, 'S'), at(5, 'S')],
      [at(2, 'L'), at(4, 'L')],
      ['1:S', '2:L', '3:S', '4:L', '5:S'],
    ],
    ['stored after the last live point', [at(9, 'S')], [at(3, 'L')], ['3:L', '9:S']],
    ['a second stored twice: once', [at(1, 'S'), at(1, 'S2'), at(2, 'S')], [], ['1:S', '2:S']],
    ['a stored second repeated after live took it', [at(3, 'S'), at(3, 'S2')], [at(3, 'L')], ['3:L']],
  ])('%s', (_, stored, live, expected) => {
    expect(shown(mergeByTime(stored, live))).toEqual(expected);
  });
});

describe('pointsOfDay', () => {
  const sample = (
    t: string,
    equity: string,
    dailyNetPnl: string,
    dailyDrawdown: string,
    metrics: SampleMetricsView | null = null,
  ): EquitySampleView => ({ t, equity, dailyNetPnl, dailyDrawdown, metrics });
  // Stored before the metrics were kept: no floor or threshold of their own.
  const samples = [
    sample('2025-03-12T14:00:00.000Z', '50000.10', '0.20', '0.00'),
    sample('2025-03-12T14:00:10.000Z', '49880.25', '-119.75', '139.75'),
    sample('2025-03-12T14:00:10.600Z', '49870.00', '-130.00', '150.00'),
  ];
  const metrics = (trailingThreshold: string | null, dailyLossFloor: string | null): SampleMetricsView => ({
    unrealizedPnl: '-130',
    dailyRealizedPnl: '0',
    weeklyNetPnl: '-130',
    trailingThreshold,
    dailyLossFloor,
    marginLevel: null,
    tradesToday: 1,
    consecutiveLosses: 0,
    tradingState: 'active',
  });

  it('gives one point a second (its latest sample), with no floor or threshold where none was kept', () => {
    expect(pointsOfDay(samples)).toEqual([
      {
        time: 1741788000,
        equity: '50000.10',
        dailyLossFloor: null,
        trailingThreshold: null,
        drawdown: '0.00',
      },
      // the later sample of the second
      {
        time: 1741788010,
        equity: '49870.00',
        dailyLossFloor: null,
        trailingThreshold: null,
        drawdown: '150.00',
      },
    ]);
  });

  it("draws a sample's own stored floor and threshold, and none where it had none", () => {
    const stored = [
      sample('2025-03-12T14:00:00.000Z', '50000.10', '0.20', '0.00', metrics('48125.5', '49000.1')),
      // replaced by the later sample of its second, stored without metrics
      sample('2025-03-12T14:00:10.000Z', '49880.25', '-119.75', '139.75', metrics('48125.75', '1')),
      sample('2025-03-12T14:00:10.600Z', '49870.00', '-130.00', '150.00'),
      sample('2025-03-12T14:00:20.000Z', '49870.00', '-130.00', '150.00', metrics(null, '48870')),
      // the daily loss rule was off then: no floor
      sample('2025-03-12T14:00:30.000Z', '49870.00', '-130.00', '150.00', metrics('48125.75', null)),
    ];
    expect(pointsOfDay(stored).map((p) => [p.time, p.dailyLossFloor, p.trailingThreshold])).toEqual([
      [1741788000, '49000.1', '48125.5'],
      // no metrics stored: neither line (the core keeps no floor for such a sample)
      [1741788010, null, null],
      [1741788020, '48870', null],
      [1741788030, null, '48125.75'],
    ]);
  });
});
