// A realistic StateView for tests and the UI preview: account SIM-50K (50,000 balance) long 2 MNQ and short 1 ES
// with a protective MNQ stop working, six CME instruments quoting. Figures are consistent with docs/RULES.md §3;
// a prop-firm plan (§11) and news blackout windows (§12) to add where a test wants them.
import type {
  AccountMetricsView,
  AccountView,
  CalendarStatusView,
  LimitView,
  AlertView,
  InstrumentView,
  NewsWindowView,
  OrderView,
  PlanView,
  PositionView,
  StateView,
} from '../../shared/ipc';

export const FIXTURE_ACCOUNT_ID = 'SIM-50K';
export const FIXTURE_SERVER_TIME = '2025-03-12T15:30:00.000Z';

export function fixtureInstruments(): InstrumentView[] {
  const instrument = (
    symbol: string,
    name: string,
    tickSize: string,
    tickValue: string,
    bid: string,
    ask: string,
  ): InstrumentView => ({ symbol, name, tickSize, tickValue, currency: 'USD', bid, ask, last: ask });
  return [
    instrument('MNQ', 'Micro E-mini Nasdaq-100', '0.25', '0.50', '21462.50', '21462.75'),
    instrument('NQ', 'E-mini Nasdaq-100', '0.25', '5.00', '21462.50', '21462.75'),
    instrument('MES', 'Micro E-mini S&P 500', '0.25', '1.25', '5893.00', '5893.25'),
    instrument('ES', 'E-mini S&P 500', '0.25', '12.50', '5893.00', '5893.25'),
    instrument('CL', 'Crude Oil', '0.01', '10.00', '71.42', '71.43'),
    instrument('GC', 'Gold', '0.10', '10.00', '2931.40', '2931.50'),
  ];
}

/** MNQ long 2 @ 21450.25 marked 21462.75 (+50.00); ES short 1 @ 5890.50 marked 5893.25 (−137.50). */
export function fixturePositions(): PositionView[] {
  return [
    {
      symbol: 'MNQ',
      contractId: 'CON.F.US.MNQ.H25',
      qty: 2,
      avgPrice: '21450.25',
      mark: '21462.75',
      unrealizedPnl: '50.00',
      mfe: '75.00',
      mae: '-22.00',
      openedAt: '2025-03-12T14:52:10.000Z',
      stop: 'full',
      stopPrice: '21420.00',
      initialRisk: '121',
      rMultiple: '0.41',
      stopDueAt: null,
    },
    {
      symbol: 'ES',
      contractId: 'CON.F.US.EP.H25',
      qty: -1,
      avgPrice: '5890.50',
      mark: '5893.25',
      unrealizedPnl: '-137.50',
      mfe: '62.50',
      mae: '-150.00',
      openedAt: '2025-03-12T15:05:41.000Z',
      stop: 'none',
      stopPrice: null,
      initialRisk: null,
      rMultiple: null,
      stopDueAt: '2025-03-12T15:30:08.000Z',
    },
  ];
}

/** The protective stop under the MNQ long. */
export function fixtureOrders(): OrderView[] {
  return [
    {
      id: 'ORD-1042',
      symbol: 'MNQ',
      side: 'sell',
      kind: 'stop',
      qty: 2,
      limitPrice: null,
      stopPrice: '21420.00',
      status: 'working',
    },
  ];
}

/** Day started at 49,765.00 equity; +235.00 realized today, −87.50 open: equity 49,912.50, day net +147.50. */
export function fixtureMetrics(): AccountMetricsView {
  return {
    balance: '50000.00',
    unrealizedPnl: '-87.50',
    equity: '49912.50',
    dailyRealizedPnl: '235.00',
    dailyNetPnl: '147.50',
    dailyDrawdown: '97.50',
    weeklyNetPnl: '-412.50',
    weeklyDrawdown: '655.00',
    maxDrawdown: '1240.00',
    maxDrawdownPct: '2.4390',
    trailingThreshold: '48210.00',
    consecutiveLosses: 0,
    tradesToday: 4,
    usedMargin: '0.00',
    marginLevel: null,
    freeMargin: '49912.50',
    grossExposure: '380513.50',
    hhi: '0.6506',
    largestPositionPct: '77.4381',
  };
}

/** Daily loss in warning, the trailing drawdown calm, trades today counted. */
export function fixtureLimits(): LimitView[] {
  return [
    {
      rule: 'dailyLoss',
      label: 'Daily loss',
      unit: 'money',
      used: '820.00',
      limit: '1000.00',
      level: 'warning',
    },
    {
      rule: 'trailingDrawdown',
      label: 'Trailing drawdown',
      unit: 'money',
      used: '250.00',
      limit: '2000.00',
      level: 'ok',
    },
    { rule: 'tradeFrequency', label: 'Trades today', unit: 'count', used: '3', limit: '10', level: 'ok' },
  ];
}

export function fixtureAccount(overrides: Partial<AccountView> = {}): AccountView {
  return {
    id: FIXTURE_ACCOUNT_ID,
    name: 'SIM-50K',
    canTrade: true,
    tradingState: 'active',
    lockedUntil: null,
    lockReason: null,
    flattening: false,
    enforcement: 'closed',
    metrics: fixtureMetrics(),
    limits: fixtureLimits(),
    // The day started at 49,765.00; the daily loss limit is 1,000.00.
    dailyLossFloor: '48765.00',
    positions: fixturePositions(),
    orders: fixtureOrders(),
    group: [],
    plan: null,
    ...overrides,
  };
}

/**
 * A Topstep-like plan on the fixture account (docs/RULES.md §11): started at 49,205.00, so 560.00 was banked before
 * today (days of +320.00 and +240.00) and today's +147.50 makes 707.50 of the 3,000.00 target. At 50% the cap
 * today is 0.5 × 560 / 0.5 = 560.00, of which 412.50 is left; the best day (320.00) is 45.2297% of the profit.
 * Scaling 2 contracts from 0, 3 from 1,500, 5 from 2,000.
 */
export function fixturePlan(overrides: Partial<PlanView> = {}): PlanView {
  return {
    name: 'Topstep 50K Combine',
    totalProfit: '707.50',
    profitTarget: '3000.00',
    targetRemaining: '2292.50',
    bestDayProfit: '320.00',
    consistencyPct: '45.2297',
    consistencyLimitPct: '50',
    consistencyCapToday: '560.00',
    consistencyCapLeft: '412.50',
    profitNeededForConsistency: '0.00',
    tradingDays: 3,
    minTradingDays: 5,
    contractsAllowed: 2,
    nextTier: { from: '1500.00', maxContracts: 3 },
    todayProfit: '147.50',
    ...overrides,
  };
}

/**
 * Blackout windows around the fixture's server time (15:30:00Z): one in force until 15:32, NFP flattening in 12m 04s,
 * and a manual ECB window (no flatten) in 2h 13m.
 */
export function fixtureNews(): NewsWindowView[] {
  const window = (
    title: string,
    currency: string,
    at: string,
    flatten: boolean,
    source: 'calendar' | 'manual',
  ) => {
    const t = Date.parse(at);
    return {
      title,
      currency,
      impact: 'High',
      at,
      from: new Date(t - 2 * 60_000).toISOString(),
      to: new Date(t + 2 * 60_000).toISOString(),
      flatten,
      source,
    };
  };
  return [
    window('Fed Chair Powell Speaks', 'USD', '2025-03-12T15:30:00.000Z', true, 'calendar'),
    window('NFP', 'USD', '2025-03-12T15:44:04.000Z', true, 'calendar'),
    window('ECB Press Conference', 'EUR', '2025-03-12T17:45:00.000Z', false, 'manual'),
  ];
}

/** The calendar fetched 3 hours before the fixture's server time, fresh. */
export function fixtureCalendar(overrides: Partial<CalendarStatusView> = {}): CalendarStatusView {
  return {
    source: 'https://nfs.faireconomy.media/ff_calendar_thisweek.json',
    fetchedAt: '2025-03-12T12:30:00.000Z',
    stale: false,
    problem: null,
    ...overrides,
  };
}

export function fixtureAlerts(): AlertView[] {
  return [
    {
      id: 'alert-2',
      t: '2025-03-12T15:05:42.000Z',
      level: 'warning',
      account: FIXTURE_ACCOUNT_ID,
      notify: true,
      title: 'ES position has no protective stop',
      message: 'Short 1 ES opened at 5890.50 without a working stop order.',
    },
    {
      id: 'alert-1',
      t: '2025-03-12T13:30:00.000Z',
      level: 'info',
      account: null,
      notify: false,
      title: 'Connected to the simulator',
      message: 'Positions and orders reconciled: 0 differences.',
    },
  ];
}

/** The whole pushed state; `overrides` replaces top-level fields (build accounts with fixtureAccount()). */
export function buildFixtureState(overrides: Partial<StateView> = {}): StateView {
  return {
    seq: 1,
    serverTime: FIXTURE_SERVER_TIME,
    connection: { broker: 'sim', status: 'connected', detail: null },
    demo: false,
    accounts: [fixtureAccount()],
    groups: [],
    news: [],
    calendar: null,
    instruments: fixtureInstruments(),
    ...overrides,
  };
}
