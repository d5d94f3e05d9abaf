// The dispatcher in front of real channels (a webhook and ntfy against the fake server, over real sockets), on a
// manual clock: per-channel levels, one level message per account and rule per minute with a summary after, one
// send at a time, retries with backoff reported once per streak, a bounded queue, and `tell` never waiting.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemoteMessage } from '../../../main/notify/channel';
import {
  createDispatcher,
  QUEUE_LIMIT,
  RATE_WINDOW_MS,
  type Dispatcher,
} from '../../../main/notify/dispatcher';
import { createNtfyChannel } from '../../../main/notify/ntfy';
import { createWebhookChannel } from '../../../main/notify/webhook';
import { memoryLogger } from '../../../main/platform/logger';
import { startFakeNotifyServer, type FakeNotifyServer } from '../../fakes/notify-server';
import { createManualClock, type ManualClock } from '../../helpers/manual-clock';

let server: FakeNotifyServer;
let clock: ManualClock;
let dispatcher: Dispatcher | null = null;
let troubles: [string, string | null][];
let troubleSeen: (() => void) | null;

beforeEach(async () => {
  server = await startFakeNotifyServer();
  clock = createManualClock(Date.parse('2026-12-02T14:25:00Z'));
  troubles = [];
  troubleSeen = null;
});

afterEach(async () => {
  dispatcher?.stop();
  dispatcher = null;
  await server.close();
});

function start(levels: { webhook: RemoteMessage['level']; ntfy?: RemoteMessage['level'] }): Dispatcher {
  const channels = [
    {
      channel: createWebhookChannel({ url: `${server.origin}/hook`, secret: 's3cret', timeoutMs: 2_000 }),
      minLevel: levels.webhook,
    },
    ...(levels.ntfy === undefined
      ? []
      : [
          {
            channel: createNtfyChannel({ url: `${server.origin}/topic`, timeoutMs: 2_000 }),
            minLevel: levels.ntfy,
          },
        ]),
  ];
  dispatcher = createDispatcher({
    channels,
    clock,
    logger: memoryLogger(),
    onTrouble: (id, error) => {
      troubles.push([id, error]);
      troubleSeen?.();
    },
  });
  return dispatcher;
}

const troubleAfter = (n: number) =>
  new Promise<void>((resolve) => {
    const check = () => {
      if (troubles.length >= n) resolve();
    };
    troubleSeen = check;
    check();
  });

const level = (rule: string, lvl: RemoteMessage['level'], message: string): RemoteMessage => ({
  event: 'level',
  level: lvl,
  account: 'SIM-50K',
  rule,
  title: `SIM-50K ${rule} ${lvl}`,
  message,
  t: clock.now(),
});

const bodies = (path: string) =>
  server.requests.filter((r) => r.path === path).map((r) => JSON.parse(r.body) as Record<string, unknown>);

describe('the remote alerts dispatcher', () => {
  it('sends each channel what reaches its level; enforcement results reach every channel', async () => {
    const d = start({ webhook: 'critical', ntfy: 'warning' });
    d.tell(level('dailyLoss', 'warning', '-801.20 of 1,000.00, 198.80 left'));
    d.tell(level('weeklyLoss', 'critical', '-1,430.00 of 1,500.00, 70.00 left'));
    d.tell({ ...level('dailyLoss', 'info', 'SIM-50K is flat (38 ms).'), event: 'enforcement', rule: null });
    // ntfy: all three (warning and above, and the enforcement result); the webhook: the critical and the result.
    const all = await server.waitForRequests(5);
    expect(all.filter((r) => r.path === '/topic').map((r) => r.body)).toEqual([
      '-801.20 of 1,000.00, 198.80 left',
      '-1,430.00 of 1,500.00, 70.00 left',
      'SIM-50K is flat (38 ms).',
    ]);
    expect(bodies('/hook').map((b) => [b['event'], b['level'], b['rule'], b['message']])).toEqual([
      ['level', 'critical', 'weeklyLoss', '-1,430.00 of 1,500.00, 70.00 left'],
      ['enforcement', 'info', null, 'SIM-50K is flat (38 ms).'],
    ]);
    // The last answer reaches the dispatcher a moment after the fake saw the request.
    await expect.poll(() => d.status().map((s) => s.waiting)).toEqual([0, 0]);
    expect(d.status().map((s) => [s.id, s.last?.ok, s.waiting, s.dropped])).toEqual([
      ['webhook', true, 0, 0],
      ['ntfy', true, 0, 0],
    ]);
  });

  it('holds a rule to one message per account a minute and summarises the rest when the minute ends', async () => {
    const d = start({ webhook: 'warning' });
    d.tell(level('dailyLoss', 'critical', '-951.20 of 1,000.00, 48.80 left'));
    d.tell(level('dailyLoss', 'critical', '-962.00 of 1,000.00, 38.00 left'));
    d.tell(level('dailyLoss', 'critical', '-975.50 of 1,000.00, 24.50 left'));
    // Another rule, and another account, are not held by it.
    d.tell(level('positionLoss', 'warning', 'MNQ -210.00 of 250.00'));
    d.tell({ ...level('dailyLoss', 'critical', '-990.00 of 1,000.00'), account: 'SIM-100K' });
    await server.waitForRequests(3);
    clock.advance(RATE_WINDOW_MS - 1);
    expect(server.requests).toHaveLength(3);
    clock.advance(1);
    await server.waitForRequests(4);
    expect(bodies('/hook').map((b) => [b['event'], b['account'], b['title'], b['message']])).toEqual([
      ['level', 'SIM-50K', 'SIM-50K dailyLoss critical', '-951.20 of 1,000.00, 48.80 left'],
      ['level', 'SIM-50K', 'SIM-50K positionLoss warning', 'MNQ -210.00 of 250.00'],
      ['level', 'SIM-100K', 'SIM-50K dailyLoss critical', '-990.00 of 1,000.00'],
      [
        'summary',
        'SIM-50K',
        'SIM-50K dailyLoss critical (2 more in the last minute)',
        'Latest: -975.50 of 1,000.00, 24.50 left',
      ],
    ]);
    // The window is over: the next one goes at once.
    d.tell(level('dailyLoss', 'critical', '-980.00 of 1,000.00, 20.00 left'));
    await server.waitForRequests(5);
  });

  it('retries a failed send with backoff, reports the streak once, and says when the channel works again', async () => {
    const d = start({ webhook: 'warning' });
    const result = (message: string): RemoteMessage => ({
      ...level('dailyLoss', 'critical', message),
      event: 'enforcement',
    });
    // The retry's timer is the only one (enforcement results are not rate-limited): its being set is the signal.
    const retrySet = () => expect.poll(() => clock.pendingTimers()).toBe(1);
    server.answer('/hook', { kind: 'status', status: 503, body: 'down for maintenance' });
    d.tell(result('first'));
    await troubleAfter(1);
    expect(troubles).toEqual([['webhook', 'webhook answered 503: down for maintenance']]);
    d.tell(result('second'));
    // One send at a time: the second waits behind the first's retry.
    expect(server.requests).toHaveLength(1);
    expect(d.status()[0]).toMatchObject({ waiting: 2, last: { ok: false } });
    await retrySet();
    clock.advance(1_999);
    expect(server.requests).toHaveLength(1);
    clock.advance(1);
    await server.waitForRequests(2);
    await retrySet();
    server.answer('/hook', { kind: 'status', status: 200 });
    clock.advance(4_000);
    await troubleAfter(2);
    await server.waitForRequests(4);
    expect(troubles).toEqual([
      ['webhook', 'webhook answered 503: down for maintenance'],
      ['webhook', null],
    ]);
    expect(bodies('/hook').map((b) => b['message'])).toEqual(['first', 'first', 'first', 'second']);
    await expect.poll(() => d.status()[0]?.waiting).toBe(0);
    expect(d.status()[0]).toMatchObject({ dropped: 0, last: { ok: true } });
  });

  it('keeps at most QUEUE_LIMIT waiting behind a channel that never answers, and tell never waits', async () => {
    const d = start({ webhook: 'warning' });
    server.answer('/hook', { kind: 'hang' });
    for (let i = 0; i < QUEUE_LIMIT + 10; i += 1)
      d.tell({ ...level(`rule${i}`, 'critical', `message ${i}`), event: 'enforcement' });
    await server.waitForRequests(1);
    expect(d.status()[0]).toMatchObject({ waiting: QUEUE_LIMIT, dropped: 10 });
    expect(JSON.parse(server.requests[0]?.body ?? '{}')).toMatchObject({ message: 'message 0' });
  });

  it('sends a test at once to one channel and answers with how it went', async () => {
    const d = start({ webhook: 'critical', ntfy: 'critical' });
    server.answer('/topic', { kind: 'status', status: 403, body: '{"error":"forbidden"}' });
    const test: RemoteMessage = {
      event: 'test',
      level: 'info',
      account: null,
      rule: null,
      title: 'Warden test',
      message: 'Alerts reach you here.',
      t: clock.now(),
    };
    expect(await d.test('webhook', test)).toEqual({ ok: true, at: clock.now() });
    expect(await d.test('ntfy', test)).toEqual({
      ok: false,
      at: clock.now(),
      error: 'ntfy answered 403: forbidden',
    });
    expect(await d.test('telegram', test)).toEqual({
      ok: false,
      at: clock.now(),
      error: 'telegram is not set up',
    });
  });
});
