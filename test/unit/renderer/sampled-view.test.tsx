// @vitest-environment jsdom
// Tick-rate figures a person does not need 20 times a second (the quotes in the ticket's closed symbol list) are
// read at most once a second; the chosen symbol's quote beside it stays live.
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIST_QUOTES_EVERY_MS } from '../../../renderer/src/features/ticket/SymbolSelect';
import { OrderTicket } from '../../../renderer/src/features/ticket/OrderTicket';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function withMnqBid(bid: string, seq: number) {
  const state = buildFixtureState();
  state.seq = seq;
  const mnq = state.instruments[0];
  if (mnq === undefined) throw new Error('fixture has no instrument');
  mnq.bid = bid;
  return state;
}

const firstOption = () => screen.getByTestId<HTMLSelectElement>('ticket-symbol').options[0]?.text;

describe('the ticket symbol list', () => {
  it('shows quotes as of the last second while the chosen quote follows every push', () => {
    vi.useFakeTimers();
    const host = renderWithState(buildFixtureState(), { ui: <OrderTicket /> });
    expect(firstOption()).toBe('MNQ 21462.50 × 21462.75');
    act(() => {
      host.stores.view.getState().receive(withMnqBid('21463.00', 2));
    });
    expect(screen.getByTestId('ticket-bid').textContent).toBe('21463.00');
    expect(firstOption()).toBe('MNQ 21462.50 × 21462.75');
    act(() => {
      vi.advanceTimersByTime(LIST_QUOTES_EVERY_MS - 1);
    });
    expect(firstOption()).toBe('MNQ 21462.50 × 21462.75');
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(firstOption()).toBe('MNQ 21463.00 × 21462.75');
  });
});
