// The minute's limit holds repeats, never a step up (docs/RULES.md sections 5 and 13): a rule's warning, critical
// and breach inside one minute each go at once (a breach must not wait out the minute behind its critical), while
// repeats of a step are still summarised when the minute ends; a step up makes the repeats it follows moot.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemoteMessage } from '../../../main/notify/channel';
import { createDispatcher, RATE_WINDOW_MS, type Dispatcher } from '../../../main/notify/dispatcher';
import { createWebhookChannel } from '../../../main/notify/webhook';
import { memoryLogger } from '../../../main/platform/logger';
import { startFakeNotifyServer, type FakeNotifyServer } from '../../fakes/notify-server';
import { createManualClock, type ManualClock } from '../../helpers/manual-clock';

let server: FakeNotifyServer;
let clock: ManualClock;
let dispatcher: Dispatcher;

beforeEach(async () => {
  server = await startFakeNotifyServer();
  clock = createManualClock(Date.parse('2026-12-02T14:25:00Z'));
  dispatcher = createDispatcher({
    channels: [
      {
        channel: createWebhookChannel({ url: `${server.origin}/hook`, secret: 's3cret', timeoutMs: 2_000 }),
        minLevel: 'warning',
      },
    ],
    clock,
    logger: memoryLogger(),
    onTrouble: () => undefined,
  });
});

afterEach(async () => {
  dispatcher.stop();
  await server.close();
});

const step = (rule: string, at: NonNullable<RemoteMessage['step']>, message: string): RemoteMessage => ({
  event: 'level',
  level: at === 'warning' ? 'warning' : 'critical',
  account: 'SIM-50K',
  rule,
  step: at,
  title: `SIM-50K ${rule} ${at}`,
  message,
  t: clock.now(),
});

const sent = () =>
  server.requests.map((r) => {
    const body = JSON.parse(r.body) as Record<string, unknown>;
    return [body['event'], body['title'], body['message']];
  });

describe('the minute limit and a rule stepping up', () => {
  it('sends warning, critical and breach at once, holds repeats, and summarises only what the last step left', async () => {
    dispatcher.tell(step('dailyLoss', 'warning', '−801.40 of 1,000.00, 198.60 left'));
    dispatcher.tell(step('dailyLoss', 'warning', '−820.00 of 1,000.00, 180.00 left')); // a repeat: held
    dispatcher.tell(step('dailyLoss', 'critical', '−951.40 of 1,000.00, 48.60 left')); // a step up: at once
    dispatcher.tell(step('dailyLoss', 'critical', '−960.00 of 1,000.00, 40.00 left')); // a repeat: held
    dispatcher.tell(step('dailyLoss', 'breach', '−1,013.90 of 1,000.00')); // a step up: at once
    dispatcher.tell(step('dailyLoss', 'critical', '−990.00 of 1,000.00, 10.00 left')); // below the top: held
    await server.waitForRequests(3);
    expect(sent()).toEqual([
      ['level', 'SIM-50K dailyLoss warning', '−801.40 of 1,000.00, 198.60 left'],
      ['level', 'SIM-50K dailyLoss critical', '−951.40 of 1,000.00, 48.60 left'],
      ['level', 'SIM-50K dailyLoss breach', '−1,013.90 of 1,000.00'],
    ]);
    clock.advance(RATE_WINDOW_MS);
    await server.waitForRequests(4);
    // Only the one held after the breach is summarised: those before it are older than what was told.
    expect(sent().at(-1)).toEqual([
      'summary',
      'SIM-50K dailyLoss critical (1 more in the last minute)',
      'Latest: −990.00 of 1,000.00, 10.00 left',
    ]);
  });

  it('holds a breach that repeats within the minute (a count rule has no other step)', async () => {
    dispatcher.tell(step('maxContracts', 'breach', '5 of 4'));
    dispatcher.tell(step('maxContracts', 'breach', '6 of 4'));
    dispatcher.tell(step('maxContracts', 'breach', '7 of 4'));
    await server.waitForRequests(1);
    clock.advance(RATE_WINDOW_MS);
    await server.waitForRequests(2);
    expect(sent()).toEqual([
      ['level', 'SIM-50K maxContracts breach', '5 of 4'],
      ['summary', 'SIM-50K maxContracts breach (2 more in the last minute)', 'Latest: 7 of 4'],
    ]);
  });

  it('keeps alerts of no rule apart by their title: two different warnings go at once, a repeat is held', async () => {
    const plain = (title: string, message: string): RemoteMessage => ({
      event: 'level',
      level: 'warning',
      account: 'SIM-50K',
      rule: null,
      title: `SIM-50K: ${title}`,
      message,
      t: clock.now(),
    });
    dispatcher.tell(plain('ES position corrected', 'Warden had 2, the broker reports 1.'));
    dispatcher.tell(plain('NQ position corrected', 'Warden had 1, the broker reports 0.'));
    dispatcher.tell(plain('ES position corrected', 'Warden had 1, the broker reports 0.'));
    await server.waitForRequests(2);
    clock.advance(RATE_WINDOW_MS);
    await server.waitForRequests(3);
    expect(sent()).toEqual([
      ['level', 'SIM-50K: ES position corrected', 'Warden had 2, the broker reports 1.'],
      ['level', 'SIM-50K: NQ position corrected', 'Warden had 1, the broker reports 0.'],
      [
        'summary',
        'SIM-50K: ES position corrected (1 more in the last minute)',
        'Latest: Warden had 1, the broker reports 0.',
      ],
    ]);
  });
});
