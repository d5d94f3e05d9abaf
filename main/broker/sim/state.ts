// The paper broker's book: accounts, positions, orders, fills and id counters, held in memory and persisted
// as a whole by the store. Plain data, so a restart can rebuild it exactly.
import type { FillEvent, OrderKind, OrderStatus, Side } from '../../../shared/domain/events';
import type { Dec } from '../../../shared/domain/money';

export type SimAccount = { id: string; name: string; balance: Dec; canTrade: boolean };

export type SimPosition = { account: string; symbol: string; qty: number; avgPrice: Dec };

export type SimOrder = {
  id: string;
  account: string;
  symbol: string;
  side: Side;
  kind: OrderKind;
  qty: number;
  status: OrderStatus;
  filledQty: number;
  createdAt: number;
  limitPrice?: Dec;
  stopPrice?: Dec;
  tag?: string;
  /** The bracket to place when this entry fills. */
  stopLossPrice?: Dec;
  takeProfitPrice?: Dec;
  /** Set on bracket orders: the entry they protect. Siblings with the same parent cancel each other. */
  parentId?: string;
};

/** An account the simulator holds: from the config's `accounts` (or the one default account). */
export type SimAccountSpec = { id: string; name: string; startingBalance: Dec };

/** An account no longer configured, set aside with its ledger so that configuring it again brings it back. */
export type ShelvedAccount = {
  account: SimAccount;
  positions: SimPosition[];
  /** Its orders, finished and working (these do not work while it is set aside). */
  orders: SimOrder[];
  fills: FillEvent[];
};

export type SimState = {
  /** Names this book's ids, so a fresh book (after a corrupt file) never reissues an id the app has seen. */
  generation: string;
  nextOrderNo: number;
  nextFillNo: number;
  accounts: Map<string, SimAccount>;
  positions: Map<string, SimPosition>;
  /** Orders that can still fill: the quote path looks only at these. */
  working: Map<string, SimOrder>;
  /** Filled, cancelled and rejected orders, oldest first. */
  finished: Map<string, SimOrder>;
  fills: FillEvent[];
  /** Accounts set aside, by id: neither reported nor traded. */
  shelved: Map<string, ShelvedAccount>;
};

export const DEFAULT_ACCOUNT_ID = 'SIM-50K';
export const DEFAULT_ACCOUNT_NAME = 'Sim 50K';

/** Kept fills: enough history to rebuild a trading week, without letting a demo session grow the file forever. */
export const FILL_HISTORY_MS = 8 * 24 * 60 * 60 * 1000;
export const MAX_FILLS = 5000;
/** Finished orders kept so that cancelling one says "already filled" rather than "not found". */
export const MAX_FINAL_ORDERS = 200;

/** The one account the simulator has when the config names none with a startingBalance. */
export function defaultAccount(startingBalance: Dec): SimAccountSpec {
  return { id: DEFAULT_ACCOUNT_ID, name: DEFAULT_ACCOUNT_NAME, startingBalance };
}

/** A new book holding `accounts`, each at its starting balance. */
export function freshState(now: number, accounts: readonly SimAccountSpec[]): SimState {
  return {
    generation: now.toString(36),
    nextOrderNo: 1,
    nextFillNo: 1,
    accounts: new Map(accounts.map((a) => [a.id, newAccount(a)])),
    positions: new Map(),
    working: new Map(),
    finished: new Map(),
    fills: [],
    shelved: new Map(),
  };
}

export function newAccount(spec: SimAccountSpec): SimAccount {
  return { id: spec.id, name: spec.name, balance: spec.startingBalance, canTrade: true };
}

export function positionKey(account: string, symbol: string): string {
  return `${account}/${symbol}`;
}

export function positionQty(state: SimState, account: string, symbol: string): number {
  return state.positions.get(positionKey(account, symbol))?.qty ?? 0;
}

export function nextOrderId(state: SimState): string {
  return `O-${state.generation}-${state.nextOrderNo++}`;
}

export function nextFillId(state: SimState): string {
  return `F-${state.generation}-${state.nextFillNo++}`;
}

/** Drops old fills and old finished orders (working orders are always kept). */
export function prune(state: SimState, now: number): void {
  const keepFrom = now - FILL_HISTORY_MS;
  const fills = state.fills.filter((fill) => fill.t >= keepFrom);
  state.fills = fills.slice(Math.max(0, fills.length - MAX_FILLS));
  for (const id of state.finished.keys()) {
    if (state.finished.size <= MAX_FINAL_ORDERS) break;
    state.finished.delete(id);
  }
}

export function findOrder(state: SimState, id: string): SimOrder | undefined {
  return state.working.get(id) ?? state.finished.get(id);
}

/** Files an order under working or finished by its status. */
export function fileOrder(state: SimState, order: SimOrder): void {
  if (order.status === 'working') {
    state.working.set(order.id, order);
    return;
  }
  state.working.delete(order.id);
  state.finished.set(order.id, order);
}
