// Narrow selectors over the view: components subscribe to the smallest piece they show.
import type { AccountView, GroupView, InstrumentView, PositionView, StateView } from '../../../shared/ipc';
import type { ViewState } from './view-store';

// Lookups by symbol, built once per pushed view (views are replaced, never changed): a hundred rows each finding
// their own position would otherwise scan the whole list on every push.
const positionsBySymbol = new WeakMap<AccountView, Map<string, PositionView>>();
const instrumentsBySymbol = new WeakMap<StateView, Map<string, InstrumentView>>();

function indexed<K extends object, V>(
  cache: WeakMap<K, Map<string, V>>,
  owner: K,
  items: () => V[],
  key: (item: V) => string,
) {
  let index = cache.get(owner);
  if (index === undefined) {
    index = new Map(items().map((item) => [key(item), item]));
    cache.set(owner, index);
  }
  return index;
}

export function selectAccount(id: string) {
  return (state: ViewState): AccountView | undefined =>
    state.view?.accounts.find((account) => account.id === id);
}

export function selectAccountIds(state: ViewState): string[] {
  return state.view?.accounts.map((account) => account.id) ?? [];
}

export function selectInstrument(symbol: string) {
  return (state: ViewState): InstrumentView | undefined => {
    const view = state.view;
    if (view === null) return undefined;
    return indexed(
      instrumentsBySymbol,
      view,
      () => view.instruments,
      (i) => i.symbol,
    ).get(symbol);
  };
}

export function selectPosition(accountId: string, symbol: string) {
  return (state: ViewState): PositionView | undefined => {
    const account = selectAccount(accountId)(state);
    if (account === undefined) return undefined;
    return indexed(
      positionsBySymbol,
      account,
      () => account.positions,
      (p) => p.symbol,
    ).get(symbol);
  };
}

export function selectTickSize(symbol: string) {
  return (state: ViewState): string | null => selectInstrument(symbol)(state)?.tickSize ?? null;
}

/** Whether the broker is the simulator (the only one Warden places orders on, and the one with a demo mode). */
export function selectOnSimulator(state: ViewState): boolean {
  return state.view?.connection.broker === 'sim';
}

export function selectAnyFlattening(state: ViewState): boolean {
  return state.view?.accounts.some((account) => account.flattening) ?? false;
}

// Accounts by id, built once per pushed view: twenty overview rows each finding their account would otherwise
// scan the list on every push.
const accountsById = new WeakMap<StateView, Map<string, AccountView>>();

/** The account with this id, through an index built once per view (for views with many accounts). */
export function selectAccountById(id: string) {
  return (state: ViewState): AccountView | undefined => {
    const view = state.view;
    if (view === null) return undefined;
    return indexed(
      accountsById,
      view,
      () => view.accounts,
      (a) => a.id,
    ).get(id);
  };
}

export function selectAccountCount(state: ViewState): number {
  return state.view?.accounts.length ?? 0;
}

export function selectGroup(id: string) {
  return (state: ViewState): GroupView | undefined => state.view?.groups.find((group) => group.id === id);
}

/** Whether the account leads a copier group (GroupView.leader). */
export function selectIsLeader(id: string) {
  return (state: ViewState): boolean => state.view?.groups.some((group) => group.leader === id) ?? false;
}

/** Whether some account carries a prop-firm plan (docs/RULES.md section 11). */
export function selectAnyPlan(state: ViewState): boolean {
  return state.view?.accounts.some((account) => account.plan !== null) ?? false;
}
