// Warden's own closing orders: the market order a close makes at the broker is tagged as Warden's when it arrives
// while that close is under way (or when the close's answer named it), so a lock does not cancel it; the trader's
// orders, other symbols and other accounts, and anything after the window, are left as they are.
import { describe, expect, it } from 'vitest';
import { WARDEN_CLOSE_TAG, type OrderEvent } from '../../../shared/domain/events';
import { createOwnOrders } from '../../../main/enforce/own-orders';

const order = (overrides: Partial<OrderEvent> = {}): OrderEvent => ({
  type: 'order',
  t: 0,
  account: 'A1',
  id: 'o1',
  symbol: 'MNQZ6',
  side: 'sell',
  kind: 'market',
  qty: 2,
  status: 'working',
  ...overrides,
});
const close = { type: 'closePosition', account: 'A1', symbol: 'MNQZ6' } as const;

describe("Warden's own closing orders", () => {
  it('are tagged while the close is under way, and only those', () => {
    let now = 1_000;
    const own = createOwnOrders({ now: () => now }, 10_000);
    expect(own.tag(order()).tag).toBeUndefined();
    own.sending(close);
    expect(own.tag(order()).tag).toBe(WARDEN_CLOSE_TAG);
    // Its later reports keep the tag, the final one included.
    expect(own.tag(order({ status: 'filled' })).tag).toBe(WARDEN_CLOSE_TAG);
    expect(own.tag(order({ id: 'o2', kind: 'stop' })).tag).toBeUndefined();
    expect(own.tag(order({ id: 'o3', symbol: 'ESZ6' })).tag).toBeUndefined();
    expect(own.tag(order({ id: 'o4', account: 'A2' })).tag).toBeUndefined();
    now += 10_001;
    expect(own.tag(order({ id: 'o5' })).tag).toBeUndefined();
  });

  it('are tagged by the id the answer named, even after the window', () => {
    let now = 0;
    const own = createOwnOrders({ now: () => now }, 10_000);
    own.answered(close, { ok: true, orderId: 'o9' });
    now = 60_000;
    expect(own.tag(order({ id: 'o9', status: 'filled' })).tag).toBe(WARDEN_CLOSE_TAG);
    expect(own.tag(order({ id: 'o9', status: 'filled' })).tag).toBeUndefined();
  });
});
