// Long polling against a fake Telegram over a real socket, with time on a manual clock: updates delivered in order
// and confirmed by the next call's offset, a failure streak backed off 1 s, 2 s, 4 s and told once, its end told,
// flood control's retry_after honoured, a silent poll given up, and stop() ending a hanging poll at once.
import { afterEach, describe, expect, it } from 'vitest';
import { createBotApi } from '../../../main/notify/telegram/bot-api';
import { startPolling, type Poller, type PollerProblem } from '../../../main/notify/telegram/poller';
import type { TelegramUpdate } from '../../../main/notify/telegram/updates';
import { startFakeBotServer, type FakeBotServer } from '../../fakes/telegram/bot-server';
import { createManualClock } from '../../helpers/manual-clock';

/** A list that can be awaited until it holds `n` items: the tests wait on these signals, never on time. */
function signals<T>() {
  const items: T[] = [];
  const waiters: { n: number; resolve: (items: T[]) => void }[] = [];
  return {
    items,
    push(item: T) {
      items.push(item);
      for (const waiter of waiters.filter((w) => w.n <= items.length)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve([...items]);
      }
    },
    waitFor(n: number): Promise<T[]> {
      return n <= items.length
        ? Promise.resolve([...items])
        : new Promise((resolve) => waiters.push({ n, resolve }));
    },
  };
}

let server: FakeBotServer | null = null;
let poller: Poller | null = null;
afterEach(async () => {
  await poller?.stop();
  await server?.close();
  poller = null;
  server = null;
});

async function harness(options: { onUpdate?: (update: TelegramUpdate) => void } = {}) {
  server = await startFakeBotServer();
  const clock = createManualClock(1_000_000);
  const updates = signals<TelegramUpdate>();
  const problems = signals<PollerProblem>();
  const waits = signals<number>();
  const bad = signals<string>();
  const api = createBotApi({
    apiBase: server.apiBase,
    token: server.token,
    onBadUpdate: (reason) => bad.push(reason),
  });
  const start = () => {
    poller = startPolling({
      api,
      clock,
      timeoutSeconds: 20,
      onUpdate: (update) => {
        updates.push(update);
        options.onUpdate?.(update);
      },
      onProblem: (problem) => problems.push(problem),
      onBackoff: (ms) => waits.push(ms),
    });
    return poller;
  };
  return { server, clock, updates, problems, waits, bad, start };
}

const offsets = (fake: FakeBotServer) =>
  fake.calls('getUpdates').map((call) => (call.body as { offset?: number }).offset ?? null);

describe('Telegram poller', () => {
  it('delivers updates in order and confirms them with the next offset', async () => {
    const { server, updates, problems, start } = await harness();
    server.pushUpdate({ kind: 'message', chatId: '42', text: '/start' });
    server.pushUpdate({
      kind: 'press',
      chatId: '42',
      messageId: 501,
      data: 'w:AAAAAAAAAAAAAAAA',
      pressId: 'q1',
    });
    start();
    await server.waitForCalls('getUpdates', 2);
    expect(updates.items.map((update) => [update.updateId, update.kind])).toEqual([
      [100, 'message'],
      [101, 'press'],
    ]);
    expect(server.queued()).toEqual([]);

    server.pushUpdate({ kind: 'message', chatId: '42', text: 'later' });
    await server.waitForCalls('getUpdates', 3);
    expect(updates.items.map((update) => update.updateId)).toEqual([100, 101, 102]);
    expect(offsets(server)).toEqual([null, 102, 103]);
    expect(server.calls('getUpdates')[0]?.body).toEqual({
      timeout: 20,
      allowed_updates: ['message', 'callback_query'],
    });
    expect(problems.items).toEqual([]);
  });

  it('backs off 1 s, 2 s, 4 s through a 500 streak, tells it once, and tells the recovery', async () => {
    const { server, clock, updates, problems, waits, start } = await harness();
    server.failNext('getUpdates', 3, { kind: 'status', status: 500 });
    start();
    expect(await waits.waitFor(1)).toEqual([1000]);
    clock.advance(1000);
    expect(await waits.waitFor(2)).toEqual([1000, 2000]);
    clock.advance(2000);
    expect(await waits.waitFor(3)).toEqual([1000, 2000, 4000]);
    clock.advance(3999);
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(1);
    await server.waitForCalls('getUpdates', 4);
    server.pushUpdate({ kind: 'message', chatId: '42', text: 'back' });
    await updates.waitFor(1);
    expect(problems.items).toEqual([
      {
        kind: 'unreachable',
        message: 'Telegram unreachable: telegram refused getUpdates: Internal Server Error (500)',
      },
      { kind: 'recovered', message: 'Telegram reachable again after 3 failed polls' },
    ]);
    expect(waits.items).toEqual([1000, 2000, 4000]);
  });

  it('waits as long as flood control’s retry_after says', async () => {
    const { server, clock, problems, waits, start } = await harness();
    server.failNext('getUpdates', 1, { kind: 'flood', retryAfter: 3 });
    start();
    expect(await waits.waitFor(1)).toEqual([3000]);
    expect(problems.items).toEqual([
      {
        kind: 'unreachable',
        message: 'Telegram unreachable: telegram refused getUpdates: Too Many Requests: retry after 3 (429)',
      },
    ]);
    clock.advance(2999);
    // The wait is still scheduled: not a millisecond early.
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(1);
    expect(clock.pendingTimers()).toBe(0);
    await server.waitForCalls('getUpdates', 2);
  });

  it('gives up a poll that goes silent 15 s past its timeout', async () => {
    const { server, clock, problems, waits, start } = await harness();
    server.failNext('getUpdates', 1, { kind: 'hang' });
    start();
    await server.waitForCalls('getUpdates', 1);
    clock.advance(35_000);
    expect(await waits.waitFor(1)).toEqual([1000]);
    expect(problems.items).toEqual([
      { kind: 'unreachable', message: 'Telegram unreachable: no answer within 35 s' },
    ]);
  });

  it('stop() ends a hanging long poll at once', async () => {
    const { server, clock, problems, start } = await harness();
    server.failNext('getUpdates', 1, { kind: 'hang' });
    const running = start();
    await server.waitForCalls('getUpdates', 1);
    const before = performance.now();
    await running.stop();
    expect(performance.now() - before).toBeLessThan(2000);
    expect(clock.pendingTimers()).toBe(0);
    expect(problems.items).toEqual([]);
    expect(server.calls('getUpdates')).toHaveLength(1);
  });

  it('stop() ends a back-off wait without the clock moving', async () => {
    const { server, clock, waits, start } = await harness();
    server.failNext('getUpdates', 1, { kind: 'status', status: 502 });
    const running = start();
    await waits.waitFor(1);
    await running.stop();
    expect(clock.pendingTimers()).toBe(0);
    expect(server.calls('getUpdates')).toHaveLength(1);
  });

  it('skips a malformed update, reports it, and still delivers the next one', async () => {
    const { server, updates, bad, start } = await harness();
    server.pushUpdate({ kind: 'raw', fields: { callback_query: 'garbage' } });
    server.pushUpdate({ kind: 'message', chatId: '-1001234567890', text: '/start', fromName: 'Desk' });
    start();
    expect(await updates.waitFor(1)).toEqual([
      { updateId: 101, kind: 'message', chatId: '-1001234567890', fromName: 'Desk', text: '/start' },
    ]);
    expect(bad.items).toEqual([
      'update 100 skipped: callback_query: Invalid input: expected object, received string',
    ]);
    await server.waitForCalls('getUpdates', 2);
    expect(offsets(server)).toEqual([null, 102]);
  });

  it('confirms an update its handler failed on, and says so', async () => {
    const { server, problems, start } = await harness({
      onUpdate: () => {
        throw new Error('audit store closed');
      },
    });
    server.pushUpdate({ kind: 'message', chatId: '42', text: 'x' });
    start();
    expect(await problems.waitFor(1)).toEqual([
      { kind: 'unhandled', message: 'Telegram update 100 not handled: audit store closed' },
    ]);
    await server.waitForCalls('getUpdates', 2);
    expect(offsets(server)).toEqual([null, 101]);
  });
});
