// Enforcement's command memory (docs/RULES.md section 7): the same cancel or whole close asked for while one is on
// its way shares that one's answer; one the broker accepted stays "pending" for decisions from reports up to then;
// partial closes and placings are never merged; a send after the answer goes out again (a flatten's retries).
import { describe, expect, it } from 'vitest';
import type { BrokerCommand, CommandResult } from '../../../main/broker/types';
import { createCommandMemory } from '../../../main/enforce/command-memory';
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
  it('is true while the same cancel or whole close is on its way, for any report time', async () => {
    const { memory, answer } = harness();
    expect(memory.pending(cancel('O1'), 0)).toBe(false);
    void memory.send(cancel('O1'));
    void memory.send(close('MNQ'));
    expect([
      memory.pending(cancel('O1'), Number.POSITIVE_INFINITY),
      memory.pending(close('MNQ'), Number.POSITIVE_INFINITY),
      memory.pending(cancel('O2'), Number.NEGATIVE_INFINITY),
      memory.pending(close('MNQ', 'A1', 1), Number.NEGATIVE_INFINITY),
      memory.pending(place, Number.NEGATIVE_INFINITY),
    ]).toEqual([true, true, false, false, false]);
    await answer(0, { ok: false, error: 'refused' });
    await answer(1, { ok: false, error: 'refused' });
    expect(memory.pending(cancel('O1'), Number.NEGATIVE_INFINITY)).toBe(false);
    expect(memory.pending(close('MNQ'), Number.NEGATIVE_INFINITY)).toBe(false);
  });

  it.each([
    { since: 9_000, pending: true },
    { since: 12_000, pending: true },
    { since: 12_001, pending: false },
  ])('after a cancel accepted at 12000, for a decision from a report at $since: $pending', async (row) => {
    const { clock, memory, answer } = harness();
    void memory.send(cancel('O1'));
    clock.set(12_000);
    await answer(0, { ok: true });
    expect(memory.pending(cancel('O1'), row.since)).toBe(row.pending);
  });

  it('holds nothing for a refused command', async () => {
    const { memory, answer } = harness();
    void memory.send(cancel('O1'));
    await answer(0, { ok: false, error: 'Order is not working' });
    expect(memory.pending(cancel('O1'), Number.NEGATIVE_INFINITY)).toBe(false);
  });

  it.each([
    { laterAnswerAt: 70_000, pending: true },
    { laterAnswerAt: 70_001, pending: false },
  ])(
    'an acceptance at 10000 is forgotten when a later answer comes more than 60 s after it ($laterAnswerAt: $pending)',
    async (row) => {
      const { clock, memory, answer } = harness();
      void memory.send(cancel('O1'));
      await answer(0, { ok: true });
      clock.set(row.laterAnswerAt);
      void memory.send(cancel('O2'));
      await answer(1, { ok: true });
      expect(memory.pending(cancel('O1'), Number.NEGATIVE_INFINITY)).toBe(row.pending);
    },
  );
});

describe('commands not merged', () => {
  it('sends each partial close and placing, and reports none as pending', async () => {
    const { sent, memory, answer } = harness();
    const partial = close('MNQ', 'A1', 1);
    void memory.send(partial);
    await answer(0, { ok: true });
    void memory.send(place);
    await answer(1, { ok: true, orderId: 'P1' });
    expect(memory.pending(partial, Number.NEGATIVE_INFINITY)).toBe(false);
    expect(memory.pending(place, Number.NEGATIVE_INFINITY)).toBe(false);
    expect(sent).toEqual([partial, place]);
  });
});
