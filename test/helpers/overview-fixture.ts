// Multi-account states for the accounts overview: five accounts in two groups with exact figures (the unit tests'
// and the screenshot's), and twenty accounts in three groups (does a 1920×1080 screen hold them?). Built on
// fixture-state.ts; group figures are what a core would send, not re-added from the rows.
import type {
  AccountView,
  GroupView,
  LimitView,
  RuleLevelView,
  StateView,
  TradingState,
} from '../../shared/ipc';
import { buildFixtureState, fixtureAccount, fixtureMetrics, FIXTURE_SERVER_TIME } from './fixture-state';

type Bar = [used: string, limit: string, level?: RuleLevelView];

const labels: Record<string, [label: string, unit: LimitView['unit']]> = {
  dailyLoss: ['Daily loss', 'money'],
  trailingDrawdown: ['Trailing drawdown', 'money'],
  weeklyLoss: ['Weekly loss', 'money'],
  tradeFrequency: ['Trades today', 'count'],
  maxContracts: ['Contracts', 'count'],
  groupDailyLoss: ['Group daily loss', 'money'],
  groupMaxContracts: ['Group contracts', 'count'],
};

/** Limit bars by rule id: `{ dailyLoss: ['820.00', '1000.00', 'warning'] }` (level ok when left out). */
export function limitsOf(bars: Record<string, Bar>): LimitView[] {
  return Object.entries(bars).map(([rule, [used, limit, level = 'ok']]) => {
    const [label, unit] = labels[rule] ?? [rule, 'money'];
    return { rule, label, unit, used, limit, level };
  });
}

type AccountSpec = {
  id: string;
  pnl: string;
  bars: Record<string, Bar>;
  state?: TradingState;
  lockedUntil?: string | null;
  lockReason?: string | null;
  group?: string[];
  flat?: boolean;
};

/** An account of the fixture's shape with its own id, day P&L, limits and state. */
export function overviewAccount(spec: AccountSpec): AccountView {
  const state = spec.state ?? 'active';
  return fixtureAccount({
    id: spec.id,
    name: spec.id,
    tradingState: state,
    lockedUntil: spec.lockedUntil ?? null,
    lockReason: spec.lockReason ?? null,
    metrics: { ...fixtureMetrics(), dailyNetPnl: spec.pnl },
    limits: limitsOf(spec.bars),
    group: spec.group ?? [],
    ...(spec.flat === true || state === 'halted' ? { positions: [], orders: [] } : {}),
  });
}

type GroupSpec = {
  id: string;
  name: string;
  accounts: string[];
  leader?: string | null;
  pnl: string;
  openContracts: number;
  bars: Record<string, Bar>;
  state?: TradingState;
};

export function overviewGroup(spec: GroupSpec): GroupView {
  return {
    id: spec.id,
    name: spec.name,
    accounts: spec.accounts,
    leader: spec.leader ?? null,
    metrics: {
      dailyNetPnl: spec.pnl,
      dailyRealizedPnl: spec.pnl,
      unrealizedPnl: '0.00',
      openContracts: spec.openContracts,
    },
    limits: limitsOf(spec.bars),
    tradingState: spec.state ?? 'active',
  };
}

/** Two hours after the fixture's server time: the halted account's countdown starts at 2h 00m 00s. */
export const HALTED_UNTIL = new Date(Date.parse(FIXTURE_SERVER_TIME) + 2 * 3600_000).toISOString();

/**
 * Five accounts in two groups. Closeness (smallest room as a share of its limit): APEX-03 halted at its daily
 * loss (0), TS-50K-2 critical on its trailing drawdown (0.1), APEX-02 warning on its daily loss (0.17), TS-150K-1
 * 0.5333 (trailing), APEX-01 0.58 (daily loss).
 */
export function fiveAccounts(): AccountView[] {
  const apex = ['apex'];
  const topstep = ['topstep'];
  return [
    overviewAccount({
      id: 'APEX-01',
      pnl: '-420.00',
      group: apex,
      bars: {
        dailyLoss: ['420.00', '1000.00'],
        trailingDrawdown: ['900.00', '2500.00'],
        maxContracts: ['2', '10'],
      },
    }),
    overviewAccount({
      id: 'APEX-02',
      pnl: '-830.00',
      group: apex,
      bars: {
        dailyLoss: ['830.00', '1000.00', 'warning'],
        trailingDrawdown: ['1200.00', '2500.00'],
        maxContracts: ['4', '10'],
      },
    }),
    overviewAccount({
      id: 'APEX-03',
      pnl: '-1000.00',
      group: apex,
      state: 'halted',
      lockedUntil: HALTED_UNTIL,
      lockReason: 'dailyLoss: daily loss limit reached (-1,000.00)',
      bars: {
        dailyLoss: ['1000.00', '1000.00', 'breach'],
        trailingDrawdown: ['1500.00', '2500.00'],
        maxContracts: ['0', '10'],
      },
    }),
    overviewAccount({
      id: 'TS-150K-1',
      pnl: '350.00',
      group: topstep,
      bars: {
        dailyLoss: ['0.00', '3000.00'],
        trailingDrawdown: ['2100.00', '4500.00'],
        maxContracts: ['3', '15'],
      },
    }),
    overviewAccount({
      id: 'TS-50K-2',
      pnl: '-200.00',
      group: topstep,
      bars: {
        dailyLoss: ['200.00', '1000.00'],
        trailingDrawdown: ['1800.00', '2000.00', 'critical'],
        maxContracts: ['1', '5'],
      },
    }),
  ];
}

/**
 * The two groups of fiveAccounts(). Apex's open contracts (7) count a working entry order the rows do not show:
 * the header shows the core's figure, not the rows' sum (6).
 */
export function twoGroups(): GroupView[] {
  return [
    overviewGroup({
      id: 'apex',
      name: 'Apex copy',
      accounts: ['APEX-01', 'APEX-02', 'APEX-03'],
      leader: 'APEX-01',
      pnl: '-2250.00',
      openContracts: 7,
      state: 'halted',
      bars: { groupDailyLoss: ['2250.00', '4000.00', 'warning'], groupMaxContracts: ['7', '20'] },
    }),
    overviewGroup({
      id: 'topstep',
      name: 'Topstep',
      accounts: ['TS-150K-1', 'TS-50K-2'],
      pnl: '150.00',
      openContracts: 4,
      bars: { groupDailyLoss: ['0.00', '3000.00'] },
    }),
  ];
}

export function fiveAccountsState(overrides: Partial<StateView> = {}): StateView {
  return buildFixtureState({ accounts: fiveAccounts(), groups: twoGroups(), ...overrides });
}

/**
 * Twenty accounts in three groups (8, 7 and 5), each with a daily loss, a trailing drawdown and a contracts
 * limit, their rooms spread out so the order is plain; two halted, a few at warning and critical.
 */
export function twentyAccountsState(): StateView {
  const sizes = [8, 7, 5];
  const names = ['Apex', 'Topstep', 'MFF'];
  const accounts: AccountView[] = [];
  const groups: GroupView[] = sizes.map((size, g) => {
    const ids = Array.from(
      { length: size },
      (_, i) => `${(names[g] ?? 'G').toUpperCase()}-${String(i + 1).padStart(2, '0')}`,
    );
    ids.forEach((id, i) => {
      const n = accounts.length;
      const lossUsed = (n * 47) % 1000;
      const halted = n === 5 || n === 17;
      const level: RuleLevelView = lossUsed >= 950 ? 'critical' : lossUsed >= 800 ? 'warning' : 'ok';
      accounts.push(
        overviewAccount({
          id,
          pnl: `-${lossUsed}.00`,
          group: [`g${g}`],
          state: halted ? 'halted' : 'active',
          lockedUntil: halted ? HALTED_UNTIL : null,
          lockReason: halted ? 'dailyLoss: daily loss limit reached' : null,
          bars: {
            dailyLoss: [halted ? '1000.00' : `${lossUsed}.00`, '1000.00', halted ? 'breach' : level],
            trailingDrawdown: [`${(i * 230) % 2000}.00`, '2500.00'],
            maxContracts: [String(i % 4), '10'],
          },
        }),
      );
    });
    return overviewGroup({
      id: `g${g}`,
      name: `${names[g] ?? 'G'} accounts`,
      accounts: ids,
      leader: ids[0] ?? null,
      pnl: '-1000.00',
      openContracts: size,
      // The worst member's state, as the core sends it.
      state: accounts.some((a) => ids.includes(a.id) && a.tradingState === 'halted') ? 'halted' : 'active',
      bars: { groupDailyLoss: ['1000.00', String(size * 1000)], groupMaxContracts: [String(size), '40'] },
    });
  });
  return buildFixtureState({ accounts, groups });
}
