// Sends the ticket's order: checked here first (what is wrong is shown and nothing is sent), then placed with
// the core, whose answer (the order sent, or its refusal) is shown beside the ticket.
import { useState } from 'react';
import type { Side } from '../../../../shared/domain/events';
import { useCommand } from '../../lib/use-command';
import { buildPlaceOrder } from './ticket-order';
import type { TicketDraft } from './use-ticket-draft';

export type TicketSubmit = {
  submit: (side: Side) => Promise<void>;
  pending: boolean;
  /** Why the last order was not sent (the ticket's own check) or was refused (the core). */
  error: string | null;
  /** What was sent, as the trader reads it. */
  sent: string | null;
  clearCheckError: () => void;
};

export function useTicketSubmit({ form, ctx }: Pick<TicketDraft, 'form' | 'ctx'>): TicketSubmit {
  const [checkError, setCheckError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [placeOrder, { pending, error: coreError }] = useCommand('placeOrder');

  const submit = async (side: Side) => {
    setSent(null);
    const built = buildPlaceOrder(form, side, ctx);
    if (!built.ok) {
      setCheckError(built.error);
      return;
    }
    setCheckError(null);
    const response = await placeOrder(built.value);
    if (response.ok) {
      const id = response.result.orderId === null ? '' : ` — order ${response.result.orderId}`;
      setSent(`${side === 'buy' ? 'Buy' : 'Sell'} ${built.value.qty} ${form.symbol} ${form.kind} sent${id}`);
    }
  };
  const clearCheckError = () => {
    setCheckError(null);
  };
  return { submit, pending, error: checkError ?? coreError, sent, clearCheckError };
}
