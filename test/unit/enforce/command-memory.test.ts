// Enforcement's command memory (docs/RULES.md section 7): the same cancel or whole close asked for while one is on
// its way shares that one's answer; one the broker accepted stays "pending" until the engine's picture shows it
// done (the order gone, the very position closed gone), or 60 s on the local clock; partial closes and placings
// are never merged; a send after the answer goes out again (a flatten's retries).
import { describe, expect, it } from 'vitest';
import type { BrokerCommand, CommandResult } from '../../../main/broker/types';
import { createCommandMemory } from '../../../main/enforce/command-memory';
import type { ReadonlyEngineState } from '../../../main/engine';
import { createManualClock } from '../../helpers/manual-clock';

/** A broker whose answers the test gives, one by one, in the order the commands reached it. */
function harness() {
  const clock = createManualClock(10_000);
  const sent: BrokerCommand[] = [];
  const answers: ((result: CommandResult) => void)[] = [];
  const memory = createCommandMemory({
    clock,
    execute(command) {
      sent.push(command);
      return new Promise<CommandResult>((resolve) => answers.push(resolve));
    },
  });
  /** Answers the `index`-th command sent, then lets the memory see the answer. */
  const answer = async (index: number, result: CommandResult): Promise<void> => {
    const resolve = answers[index];
    if (resolve === undefined) throw new Error(`no command ${index} was sent`);
    resolve(result);
    await flush();
  };
  return { clock, sent, memory, answer };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

const cancel = (orderId: string, account = 'A1'): BrokerCommand => ({
  type: 'cancelOrder',
  account,
  orderId,
});
const close = (symbol: string, account = 'A1', qty?: number): BrokerCommand =>
  qty === undefined
    ? { type: 'closePosition', account, symbol }
    : { type: 'closePosition', account, symbol, qty };
const place: BrokerCommand = {
  type: 'placeOrder',
  account: 'A1',
  symbol: 'MNQ',
  side: 'sell',
  qty: 1,
  kind: 'market',
};

describe('a second command while the first is on its way', () => {
  it.each([
    { what: 'the same cancel', first: cancel('O1'), second: cancel('O1'), sends: 1 },
    { what: 'the same whole close', first: close('MNQ'), second: close('MNQ'), sends: 1 },
    { what: 'a cancel of another order', first: cancel('O1'), second: cancel('O2'), sends: 2 },
    {
      what: 'a cancel of the same order id on another account',
      first: cancel('O1'),
      second: cancel('O1', 'A2'),
      sends: 2,
    },
    { what: 'a close of another symbol', first: close('MNQ'), second: close('MES'), sends: 2 },
    {
      what: 'a close of the same symbol on another account',
      first: close('MNQ'),
      second: close('MNQ', 'A2'),
      sends: 2,
    },
    {
      what: 'a partial close after a whole one',
      first: close('MNQ'),
      second: close('MNQ', 'A1', 1),
      sends: 2,
    },
    { what: 'the same partial close', first: close('MNQ', 'A1', 1), second: close('MNQ', 'A1', 1), sends: 2 },
    { what: 'the same placing', first: place, second: place, sends: 2 },
    { what: 'a close after a cancel of the same name', first: cancel('MNQ'), second: close('MNQ'), sends: 2 },
  ])('$what: sent $sends time(s)', async ({ first, second, sends }) => {
    const { sent, memory } = harness();
    void memory.send(first);
    void memory.send(second);
    await flush();
    expect(sent).toEqual(sends === 1 ? [first] : [first, second]);
  });

  it('shares the one answer with every caller, accepted or refused', async () => {
    for (const result of [
      { ok: true, orderId: 'C9' },
      { ok: false, error: 'Order is not working' },
    ] as const) {
      const { sent, memory, answer } = harness();
      const answered = [memory.send(cancel('O1')), memory.send(cancel('O1')), memory.send(cancel('O1'))];
      await answer(0, result);
      expect(await Promise.all(answered)).toEqual([result, result, result]);
      expect(sent).toHaveLength(1);
    }
  });

  it('sends it again once the first is answered (a flatten retry resends)', async () => {
    const { sent, memory, answer } = harness();
    const first = memory.send(close('MNQ'));
    await answer(0, { ok: true });
    await first;
    const second = memory.send(close('MNQ'));
    await answer(1, { ok: false, error: 'no position' });
    expect(await second).toEqual({ ok: false, error: 'no position' });
    expect(sent).toEqual([close('MNQ'), close('MNQ')]);
  });
});

describe('pending', () => {
  it('is true while the same cancel or whole close is on its way', async () => {
    const { memory, answer } = harness();
    expect(memory.pending(cancel('O1'))).toBe(false);
    void memory.send(cancel('O1'));
    void memory.send(close('MNQ'));
    expect(
      [cancel('O1'), close('MNQ'), cancel('O2'), close('MNQ', 'A1', 1), place].map((c) => [
        memory.pending(c),
        memory.onItsWay(c),
      ]),
    ).toEqual([
      [true, true],
      [true, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
    await answer(0, { ok: false, error: 'refused' });
    await answer(1, { ok: false, error: 'refused' });
    expect([memory.pending(cancel('O1')), memory.pending(close('MNQ'))]).toEqual([false, false]);
  });

  it('holds nothing for a refused command', async () => {
    const { memory, answer } = harness();
    void memory.send(cancel('O1'));
    await answer(0, { ok: false, error: 'Order is not working' });
    expect(memory.pending(cancel('O1'))).toBe(false);
  });

  it.each([
    { after: 60_000, pending: true },
    { after: 60_001, pending: false },
  ])(
    'without a picture, an acceptance is kept 60 s on the local clock ($after ms later: $pending)',
    async (row) => {
      const { clock, memory, answer } = harness();
      void memory.send(cancel('O1'));
      await answer(0, { ok: true });
      expect([memory.pending(cancel('O1')), memory.onItsWay(cancel('O1'))]).toEqual([true, false]);
      clock.advance(row.after);
      expect(memory.pending(cancel('O1'))).toBe(row.pending);
    },
  );
});

describe('pending, seen in the engine picture', () => {
  it('an accepted cancel until its order is gone from the picture', async () => {
    const { memory, answer } = harness();
    const picture = pictureOf({ orders: ['O1'], positions: [] });
    memory.watch(picture.state);
    void memory.send(cancel('O1'));
    await answer(0, { ok: true });
    expect(memory.pending(cancel('O1'))).toBe(true);
    picture.remove('O1');
    expect(memory.pending(cancel('O1'))).toBe(false);
  });

  it('an accepted close until the position it was sent for leaves; a new position in the symbol is not it', async () => {
    const { memory, answer } = harness();
    const picture = pictureOf({ orders: [], positions: ['MNQ'] });
    memory.watch(picture.state);
    void memory.send(close('MNQ'));
    await answer(0, { ok: true });
    picture.touch('MNQ'); // the same position, its quantity changed: still the one being closed
    expect(memory.pending(close('MNQ'))).toBe(true);
    picture.reopen('MNQ'); // went flat and opened again, between two looks
    expect(memory.pending(close('MNQ'))).toBe(false);
  });

  it('nothing for a close answered after its position already left the picture', async () => {
    const { memory, answer } = harness();
    const picture = pictureOf({ orders: [], positions: ['MNQ'] });
    memory.watch(picture.state);
    void memory.send(close('MNQ'));
    picture.remove('MNQ');
    picture.reopen('MNQ');
    await answer(0, { ok: true });
    expect(memory.pending(close('MNQ'))).toBe(false);
  });
});

/**
 * A stand-in for the engine's picture of account A1: what a position or order is matters only by identity, so
 * each is a fresh object; `touch` changes one in place (as the engine does for a fill that does not flatten it).
 */
function pictureOf(held: { orders: string[]; positions: string[] }) {
  const orders = new Map<string, { id: string }>(held.orders.map((id) => [id, { id }]));
  const positions = new Map<string, { symbol: string; qty: number }>(
    held.positions.map((symbol) => [symbol, { symbol, qty: 1 }]),
  );
  const state = { accounts: new Map([['A1', { orders, positions }]]) } as unknown as ReadonlyEngineState;
  return {
    state,
    remove(name: string) {
      orders.delete(name);
      positions.delete(name);
    },
    touch(symbol: string) {
      const position = positions.get(symbol);
      if (position !== undefined) position.qty += 1;
    },
    reopen(symbol: string) {
      positions.set(symbol, { symbol, qty: 1 });
    },
  };
}

describe('commands not merged', () => {
  it('sends each partial close and placing, and reports none as pending', async () => {
    const { sent, memory, answer } = harness();
    const partial = close('MNQ', 'A1', 1);
    void memory.send(partial);
    await answer(0, { ok: true });
    void memory.send(place);
    await answer(1, { ok: true, orderId: 'P1' });
    expect([memory.pending(partial), memory.pending(place)]).toEqual([false, false]);
    expect(sent).toEqual([partial, place]);
  });
});
