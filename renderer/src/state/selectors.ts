// Narrow selectors over the view: components subscribe to the smallest piece they show.
import type { AccountView, InstrumentView } from '../../../shared/ipc';
import type { ViewState } from './view-store';

export function selectAccount(id: string) {
  return (state: ViewState): AccountView | undefined =>
    state.view?.accounts.find((account) => account.id === id);
}

export function selectAccountIds(state: ViewState): string[] {
  return state.view?.accounts.map((account) => account.id) ?? [];
}

export function selectInstrument(symbol: string) {
  return (state: ViewState): InstrumentView | undefined =>
    state.view?.instruments.find((instrument) => instrument.symbol === symbol);
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
