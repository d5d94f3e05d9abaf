// The simulator's accounts follow the config (docs/API.md section 7): at each load the book is fitted to the
// configured list. A new account opens at its starting balance; a known one keeps its ledger and takes its
// configured name; one no longer configured is set aside with its positions, working orders and fills (neither
// reported nor traded) and comes back as it was when the config names it again.
import { fileOrder, newAccount, positionKey, type SimAccountSpec, type SimState } from './state';

/** What fitting changed, by account id (for the log). */
export type AccountsFitted = { added: string[]; restored: string[]; shelved: string[]; renamed: string[] };

export function accountsChanged(fitted: AccountsFitted): boolean {
  return Object.values(fitted).some((ids) => ids.length > 0);
}

/** Sets an account aside with everything it holds. */
function shelve(state: SimState, id: string): void {
  const account = state.accounts.get(id);
  if (account === undefined) return;
  const positions = [...state.positions.values()].filter((p) => p.account === id);
  const orders = [...state.finished.values(), ...state.working.values()].filter((o) => o.account === id);
  for (const p of positions) state.positions.delete(positionKey(p.account, p.symbol));
  for (const o of orders) {
    state.working.delete(o.id);
    state.finished.delete(o.id);
  }
  state.shelved.set(id, { account, positions, orders, fills: state.fills.filter((f) => f.account === id) });
  state.fills = state.fills.filter((f) => f.account !== id);
  state.accounts.delete(id);
}

/** Brings a set-aside account back with its ledger; false when there is none by that id. */
function restore(state: SimState, id: string): boolean {
  const shelved = state.shelved.get(id);
  if (shelved === undefined) return false;
  state.shelved.delete(id);
  state.accounts.set(id, shelved.account);
  for (const p of shelved.positions) state.positions.set(positionKey(p.account, p.symbol), p);
  for (const o of shelved.orders) fileOrder(state, o);
  state.fills = [...state.fills, ...shelved.fills].sort((a, b) => a.t - b.t);
  return true;
}

/** Fits the book's accounts to `specs`, in their order; what changed. */
export function fitAccounts(state: SimState, specs: readonly SimAccountSpec[]): AccountsFitted {
  const fitted: AccountsFitted = { added: [], restored: [], shelved: [], renamed: [] };
  const wanted = new Set(specs.map((s) => s.id));
  for (const id of [...state.accounts.keys()]) {
    if (wanted.has(id)) continue;
    shelve(state, id);
    fitted.shelved.push(id);
  }
  for (const spec of specs) {
    if (state.accounts.has(spec.id)) continue;
    if (restore(state, spec.id)) fitted.restored.push(spec.id);
    else {
      state.accounts.set(spec.id, newAccount(spec));
      fitted.added.push(spec.id);
    }
  }
  const ordered = specs.flatMap((spec) => {
    const account = state.accounts.get(spec.id);
    if (account === undefined) return [];
    if (account.name !== spec.name) {
      account.name = spec.name;
      fitted.renamed.push(spec.id);
    }
    return [[spec.id, account] as const];
  });
  state.accounts = new Map(ordered);
  return fitted;
}
