// Tradovate position reports after the fills that made them (docs/brokers/TRADOVATE.md section 5): a report that
// the fills passed on so far do not explain waits for them, or for `settleMs` at most; a snapshot says what is known.
import { describe, expect, it } from 'vitest';
import type { BrokerEvent, FillEvent, PositionEvent } from '../../../../shared/domain/events';
import { dec, decimalsAsStrings } from '../../../../shared/domain/money';
import { createPositionOrder } from '../../../../main/broker/tradovate/position-order';
import { createSerialQueue } from '../../../../main/broker/serial-queue';
import { memoryLogger } from '../../../../main/platform/logger';
import { createManualClock } from '../../../helpers/manual-clock';

const T0 = 50_000;
const SETTLE = 1_000;

function setup() {
  const clock = createManualClock(T0);
  const queue = createSerialQueue(memoryLogger());
  const emitted: BrokerEvent[][] = [];
  const order = createPositionOrder({
    clock,
    queue,
    settleMs: SETTLE,
    emit: (events) => emitted.push([...events]),
  });
  /** What went out, batch by batch, as short labels: `fill F1`, `position MNQZ6 -2 @50000`. */
  const out = () => emitted.map((batch) => batch.map(label));
  /** Moves the clock and lets the queued release run. */
  const advance = async (ms: number) => {
    clock.advance(ms);
    await queue.run(() => undefined);
  };
  return { clock, order, out, advance, emitted };
}

function label(event: BrokerEvent): string {
  if (event.type === 'fill') return `fill ${event.id}${event.voided === true ? ' voided' : ''}`;
  if (event.type === 'position') return `position ${event.account} ${event.symbol} ${event.qty} @${event.t}`;
  return event.type;
}

const fill = (id: string, side: 'buy' | 'sell', qty: number, extra: Partial<FillEvent> = {}): FillEvent => ({
  type: 'fill',
  t: T0,
  account: 'A1',
  id,
  orderId: `O-${id}`,
  symbol: 'MNQZ6',
  side,
  qty,
  price: dec('21450'),
  fees: dec('0.74'),
  ...extra,
});
const position = (qty: number, extra: Partial<PositionEvent> = {}): PositionEvent => ({
  type: 'position',
  t: T0,
  account: 'A1',
  symbol: 'MNQZ6',
  qty,
  avgPrice: dec('21450'),
  ...extra,
});

describe('a position report the fills so far explain', () => {
  it.each([
    { what: 'the fill first, in the same push', pushes: [[fill('F1', 'buy', 2), position(2)]] },
    { what: 'the fill first, in an earlier push', pushes: [[fill('F1', 'buy', 2)], [position(2)]] },
    { what: 'a flat report with nothing before', pushes: [[position(0)]] },
    {
      what: 'two fills making a short',
      pushes: [[fill('F1', 'sell', 1), fill('F2', 'sell', 2), position(-3)]],
    },
  ])('passes at once: $what', ({ pushes }) => {
    const { order, emitted, clock } = setup();
    for (const push of pushes) order.push(push);
    expect(emitted.flat()).toEqual(pushes.flat());
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('a position report ahead of its fill', () => {
  it('waits, and goes out right after the fill, stamped with the time it went', () => {
    const { order, out, clock } = setup();
    order.push([position(2)]);
    expect(out()).toEqual([]);
    clock.advance(300);
    order.push([fill('F1', 'buy', 2)]);
    expect(out()).toEqual([['fill F1', 'position A1 MNQZ6 2 @50300']]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('waits for every fill that explains it (the closing pair of a flat report)', () => {
    const { order, out } = setup();
    order.push([fill('F1', 'buy', 2), position(2)]);
    order.push([position(0)]);
    order.push([fill('F2', 'sell', 1)]);
    order.push([fill('F3', 'sell', 1)]);
    expect(out()).toEqual([
      ['fill F1', 'position A1 MNQZ6 2 @50000'],
      ['fill F2'],
      ['fill F3', 'position A1 MNQZ6 0 @50000'],
    ]);
  });

  it.each([
    { after: SETTLE - 1, out: [] },
    { after: SETTLE, out: [['position A1 MNQZ6 -2 @51000']] },
  ])('goes out alone when its fill never comes, after settleMs ($after ms: $out)', async (row) => {
    const { order, out, advance } = setup();
    order.push([position(-2)]);
    await advance(row.after);
    expect(out()).toEqual(row.out);
  });

  it('once gone out late, is what later fills count from', async () => {
    const { order, out, advance } = setup();
    order.push([position(-2)]);
    await advance(SETTLE);
    order.push([fill('F1', 'buy', 2), position(0)]);
    expect(out()).toEqual([['position A1 MNQZ6 -2 @51000'], ['fill F1', 'position A1 MNQZ6 0 @50000']]);
  });

  it('is replaced by a newer report of the same position; only the newer one goes out', async () => {
    const { order, out, advance } = setup();
    order.push([position(2)]);
    await advance(400);
    order.push([position(3)]);
    await advance(SETTLE - 1);
    expect(out()).toEqual([]);
    await advance(1);
    expect(out()).toEqual([['position A1 MNQZ6 3 @51400']]);
  });

  it('is not released early in its place when a newer report comes after its timer fired but before it ran', async () => {
    const { order, out, clock, advance } = setup();
    order.push([position(2)]);
    clock.advance(SETTLE); // the release is queued, not yet run
    order.push([position(3)]);
    await advance(0);
    expect(out()).toEqual([]);
    await advance(SETTLE);
    expect(out()).toEqual([['position A1 MNQZ6 3 @52000']]);
  });

  it('is dropped when a newer report the fills explain comes', async () => {
    const { order, out, advance, clock } = setup();
    order.push([position(2)]);
    order.push([position(0)]);
    await advance(SETTLE);
    expect(out()).toEqual([['position A1 MNQZ6 0 @50000']]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('does not hold up the fills and reports of another account or symbol', () => {
    const { order, out } = setup();
    order.push([position(2)]);
    order.push([fill('F1', 'sell', 1, { account: 'A2' }), position(-1, { account: 'A2' })]);
    order.push([fill('F2', 'buy', 1, { symbol: 'MESZ6' }), position(1, { symbol: 'MESZ6' })]);
    order.push([fill('F3', 'buy', 2, { account: 'A2', symbol: 'MNQZ6' })]);
    expect(out()).toEqual([
      ['fill F1', 'position A2 MNQZ6 -1 @50000'],
      ['fill F2', 'position A1 MESZ6 1 @50000'],
      ['fill F3'],
    ]);
  });
});

describe('fills counted once', () => {
  it('a repeated fill adds nothing', async () => {
    const { order, out, advance } = setup();
    order.push([fill('F1', 'buy', 1)]);
    order.push([fill('F1', 'buy', 1), position(2)]);
    expect(out()).toEqual([['fill F1'], ['fill F1']]);
    await advance(SETTLE);
    expect(out()[2]).toEqual(['position A1 MNQZ6 2 @51000']);
  });

  it('a voided fill takes back what it added', () => {
    const { order, out } = setup();
    order.push([fill('F1', 'buy', 2), position(2)]);
    order.push([position(0)]);
    order.push([fill('F1', 'buy', 2, { voided: true })]);
    expect(out()).toEqual([
      ['fill F1', 'position A1 MNQZ6 2 @50000'],
      ['fill F1 voided', 'position A1 MNQZ6 0 @50000'],
    ]);
  });

  it('a voided fill never counted takes nothing back', async () => {
    const { order, out, advance } = setup();
    order.push([fill('F9', 'buy', 2, { voided: true }), position(-2)]);
    expect(out()).toEqual([['fill F9 voided']]);
    await advance(SETTLE);
    expect(out()[1]).toEqual(['position A1 MNQZ6 -2 @51000']);
  });
});

describe('a snapshot', () => {
  it('passes its events as they are and is what later fills count from', () => {
    const { order, out, emitted } = setup();
    const events = [fill('F1', 'buy', 2), position(3)];
    order.snapshot(events);
    order.push([fill('F1', 'buy', 2), position(3)]);
    order.push([fill('F2', 'sell', 3), position(0)]);
    expect(emitted[0]).toEqual(events);
    expect(out().slice(1)).toEqual([
      ['fill F1', 'position A1 MNQZ6 3 @50000'],
      ['fill F2', 'position A1 MNQZ6 0 @50000'],
    ]);
  });

  it('drops the reports held back', async () => {
    const { order, out, advance, clock } = setup();
    order.push([position(2)]);
    order.snapshot([position(0)]);
    expect(clock.pendingTimers()).toBe(0);
    await advance(SETTLE);
    expect(out()).toEqual([['position A1 MNQZ6 0 @50000']]);
  });
});

it('stop drops the reports held back and their timers', async () => {
  const { order, out, advance, clock } = setup();
  order.push([position(2), position(1, { symbol: 'MESZ6' })]);
  expect(clock.pendingTimers()).toBe(2);
  order.stop();
  expect(clock.pendingTimers()).toBe(0);
  await advance(SETTLE);
  expect(out()).toEqual([]);
});

it('keeps exact decimals on a report released late', async () => {
  const { order, emitted, advance } = setup();
  order.push([position(1, { avgPrice: dec('21450.25') })]);
  await advance(SETTLE);
  expect(emitted.flat().map((e) => decimalsAsStrings(e))).toEqual([
    { type: 'position', t: T0 + SETTLE, account: 'A1', symbol: 'MNQZ6', qty: 1, avgPrice: '21450.25' },
  ]);
});
