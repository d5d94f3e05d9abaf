// The order ticket as typed: the trader's entries (account and symbol default to the first listed) and what the
// checks need to know of them, the instrument's quote and the account's trading state.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectAccount, selectInstrument, useView } from '../../state';
import type { TicketContext, TicketForm } from './ticket-order';

const blank: TicketForm = {
  account: '',
  symbol: '',
  qty: '1',
  kind: 'market',
  price: '',
  stopLoss: '',
  takeProfit: '',
};

export type EditTicket = (patch: Partial<TicketForm>) => void;

/** `form` has the account and symbol in effect (the defaults until the trader picks others). */
export type TicketDraft = { form: TicketForm; ctx: TicketContext; update: EditTicket };

export function useTicketDraft(): TicketDraft {
  const [typed, setTyped] = useState<TicketForm>(blank);
  const defaults = useView(
    useShallow((s) => ({
      account: s.view?.accounts[0]?.id ?? '',
      symbol: s.view?.instruments[0]?.symbol ?? '',
    })),
  );
  const account = typed.account === '' ? defaults.account : typed.account;
  const symbol = typed.symbol === '' ? defaults.symbol : typed.symbol;
  const ctx = useView(
    useShallow((s) => ({ instrument: selectInstrument(symbol)(s), account: selectAccount(account)(s) })),
  );
  const update: EditTicket = (patch) => {
    setTyped((current) => ({ ...current, ...patch }));
  };
  return { form: { ...typed, account, symbol }, ctx, update };
}
