// A small history (two accounts, two days) shared by the history screen tests.
import type { HistoryView, TimelineEntryView, TradeView } from '../../../shared/ipc';

export function trade(overrides: Partial<TradeView> = {}): TradeView {
  return {
    account: 'SIM-50K',
    symbol: 'MNQ',
    side: 'long',
    qty: 1,
    entryPrice: '21450.25',
    exitPrice: '21460.75',
    openedAt: '2025-03-11T14:00:00.000Z',
    closedAt: '2025-03-11T14:05:00.000Z',
    netPnl: '19.76',
    fees: '1.24',
    mfe: '30.00',
    mae: '-5.50',
    tag: 'orb',
    initialRisk: null,
    rMultiple: null,
    day: '2025-03-11',
    ...overrides,
  };
}

export function entry(overrides: Partial<TimelineEntryView> = {}): TimelineEntryView {
  const made: Omit<TimelineEntryView, 'id'> = {
    t: '2025-03-11T15:00:00.000Z',
    account: 'SIM-50K',
    kind: 'alert',
    level: 'warning',
    rule: null,
    title: 'Daily loss 80% used',
    detail: 'dailyLoss at 800.00 of 1,000.00',
    day: '2025-03-11',
    value: null,
    limit: null,
    threshold: null,
    ...overrides,
  };
  return { id: overrides.id ?? `${made.kind}-${made.t}`, ...made };
}

export function fixtureHistory(): HistoryView {
  return {
    trades: [
      trade({ initialRisk: '25', rMultiple: '0.7904' }),
      trade({
        symbol: 'MES',
        side: 'short',
        qty: 2,
        netPnl: '-1000.10',
        closedAt: '2025-03-11T14:40:00.000Z',
        tag: null,
        mfe: '12.50',
        mae: '-1010.00',
      }),
      trade({ netPnl: '-20.33', closedAt: '2025-03-11T16:10:00.000Z', tag: 'fade' }),
      trade({ day: '2025-03-12', netPnl: '250.00', closedAt: '2025-03-12T15:30:00.000Z' }),
    ],
    days: [
      {
        day: '2025-03-12',
        account: 'SIM-50K',
        netPnl: '250.00',
        trades: 1,
        maxDrawdown: '0.00',
        breaches: 0,
        shareOfTotalPct: null,
      },
      {
        day: '2025-03-11',
        account: 'SIM-50K',
        netPnl: '-1000.67',
        trades: 3,
        maxDrawdown: '1034.40',
        breaches: 1,
        shareOfTotalPct: null,
      },
    ],
    timeline: [
      entry({
        t: '2025-03-12T15:31:00.000Z',
        day: '2025-03-12',
        kind: 'event',
        level: 'info',
        title: 'trailing.update',
        detail: '{"stop":"21400"}',
      }),
      entry({
        t: '2025-03-11T14:41:00.000Z',
        kind: 'response',
        level: 'done',
        title: 'flatten: dailyLoss breached',
        detail: '{"cancelled":1,"closed":1}',
      }),
      entry({
        t: '2025-03-11T14:40:30.000Z',
        level: 'critical',
        title: 'Daily loss limit reached',
        detail: 'dailyLoss 1,000.67 ≥ 1,000.00',
      }),
      entry(),
    ],
  };
}
