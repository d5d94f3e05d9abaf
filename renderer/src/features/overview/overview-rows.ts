// What one overview line shows, as a flat record of strings, numbers and booleans (a row compares it shallowly
// and re-renders only when one of its own figures changed), computed once per pushed account or group: views
// are replaced, never changed. Rooms are exact (decimal), bars are the share of the limit used, as on the panel.
import { dec } from '../../../../shared/domain/money';
import type {
  AccountView,
  BreakerState,
  GroupView,
  LimitView,
  RuleLevelView,
  TradingState,
} from '../../../../shared/ipc';
import { limitText, usedPct } from '../dashboard/limit-bar';
import { capLeftOf } from '../plan/plan-figures';
import { worstLimit } from './overview-order';

/** The limits the overview draws, by the rule ids of main/core/limits-view.ts (and the group rules'). */
export const ROOM_RULES = {
  loss: ['dailyLoss', 'groupDailyLoss'],
  trailing: ['trailingDrawdown'],
  contracts: ['maxContracts', 'groupMaxContracts'],
} as const;

type Room = {
  /** The room left, exact, never negative; null without the rule. */
  left: string | null;
  /** The share used, 0–100. */
  pct: number;
  level: RuleLevelView;
  /** "820.00 of 1,000.00 · 180.00 left": the whole figure, for the tooltip and screen readers. */
  text: string;
};

const noRoom: Room = { left: null, pct: 0, level: 'ok', text: '' };

/** limit − used, never below 0: money to the cent, counts as they are. */
export function roomLeft(limit: LimitView): string | null {
  try {
    const left = dec(limit.limit).minus(dec(limit.used));
    const floored = left.isNegative() ? dec(0) : left;
    return limit.unit === 'money' ? floored.toFixed(2) : floored.toFixed();
  } catch {
    return null;
  }
}

function room(limits: readonly LimitView[], rules: readonly string[]): Room {
  const limit = limits.find((l) => rules.includes(l.rule));
  if (limit === undefined) return noRoom;
  return {
    left: roomLeft(limit),
    pct: usedPct(limit.used, limit.limit),
    level: limit.level,
    text: limitText(limit),
  };
}

type Shared = {
  name: string;
  tradingState: TradingState;
  dailyNetPnl: string;
  lossLeft: string | null;
  lossPct: number;
  lossLevel: RuleLevelView;
  lossText: string;
  /** Open contracts (weighted, as maxContracts counts them, when that rule is on). */
  contracts: string;
  contractsLimit: string | null;
  contractsLevel: RuleLevelView;
  worst: RuleLevelView;
  /** The label of the limit at the worst level; null when all are ok. */
  worstLabel: string | null;
};

export type OverviewRowData = Shared & {
  lockedUntil: string | null;
  lockReason: string | null;
  enforcement: BreakerState;
  flattening: boolean;
  canTrade: boolean;
  trailLeft: string | null;
  trailPct: number;
  trailLevel: RuleLevelView;
  trailText: string;
  /** What is left of today's consistency cap (the plan's), exact; null without a plan or while it has no cap. */
  capLeft: string | null;
  capPct: number;
  capLevel: RuleLevelView;
  capText: string;
};

export type GroupRowData = Shared & {
  members: number;
  /** The copier's leader, by name; null without a copier. */
  leader: string | null;
};

function shared(name: string, state: TradingState, pnl: string, limits: readonly LimitView[], open: string) {
  const loss = room(limits, ROOM_RULES.loss);
  const contracts = limits.find((l) => (ROOM_RULES.contracts as readonly string[]).includes(l.rule));
  const worst = worstLimit(limits);
  return {
    name,
    tradingState: state,
    dailyNetPnl: pnl,
    lossLeft: loss.left,
    lossPct: loss.pct,
    lossLevel: loss.level,
    lossText: loss.text,
    contracts: contracts?.used ?? open,
    contractsLimit: contracts?.limit ?? null,
    contractsLevel: contracts?.level ?? 'ok',
    worst: worst.level,
    worstLabel: worst.limit?.label ?? null,
  } satisfies Shared;
}

/** Open contracts when no contracts rule counts them: the sum of the positions' sizes. */
function openContracts(account: AccountView): string {
  return String(account.positions.reduce((n, p) => n + Math.abs(p.qty), 0));
}

const accountRows = new WeakMap<AccountView, OverviewRowData>();

export function overviewRowData(account: AccountView): OverviewRowData {
  let row = accountRows.get(account);
  if (row === undefined) {
    const trail = room(account.limits, ROOM_RULES.trailing);
    const cap = capLeftOf(account);
    row = {
      ...shared(
        account.name,
        account.tradingState,
        account.metrics.dailyNetPnl,
        account.limits,
        openContracts(account),
      ),
      lockedUntil: account.lockedUntil,
      lockReason: account.lockReason,
      enforcement: account.enforcement,
      flattening: account.flattening,
      canTrade: account.canTrade,
      trailLeft: trail.left,
      trailPct: trail.pct,
      trailLevel: trail.level,
      trailText: trail.text,
      capLeft: cap.left,
      capPct: cap.pct,
      capLevel: cap.level,
      capText: cap.text,
    };
    accountRows.set(account, row);
  }
  return row;
}

const groupRows = new WeakMap<GroupView, GroupRowData>();

/** `nameOf`: an account's name by id (the leader's). */
export function groupRowData(group: GroupView, nameOf: (id: string) => string): GroupRowData {
  let row = groupRows.get(group);
  if (row === undefined) {
    row = {
      ...shared(
        group.name,
        group.tradingState,
        group.metrics.dailyNetPnl,
        group.limits,
        String(group.metrics.openContracts),
      ),
      members: group.accounts.length,
      leader: group.leader === null ? null : nameOf(group.leader),
    };
    groupRows.set(group, row);
  }
  return row;
}
