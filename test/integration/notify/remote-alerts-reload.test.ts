// Rebuilding the remote alerts' channels (main/notify/remote-alerts.ts): reloads asked one after another take
// effect in that order even when the earlier one reads its secrets slower (the last asked wins), and a reload still
// under way when the alerts stop leaves nothing sending or polling behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotifySettings } from '../../../shared/config/notify';
import {
  createRemoteAlerts,
  type NotifySecrets,
  type RemoteAlerts,
} from '../../../main/notify/remote-alerts';
import { memoryLogger } from '../../../main/platform/logger';
import { startFakeBotServer, type FakeBotServer } from '../../fakes/telegram/bot-server';
import { createManualClock } from '../../helpers/manual-clock';

let bot: FakeBotServer;
let alerts: RemoteAlerts | null = null;

beforeEach(async () => {
  bot = await startFakeBotServer();
});

afterEach(async () => {
  await alerts?.stop();
  alerts = null;
  await bot.close();
});

const ntfyOnly: NotifySettings = { minLevel: 'critical', ntfy: { url: 'http://127.0.0.1:9/topic' } };
const withTelegram: NotifySettings = {
  minLevel: 'critical',
  telegram: { chatIds: ['777'], commands: true },
  ntfy: { url: 'http://127.0.0.1:9/topic' },
};

/** Remote alerts whose secrets each read answers when the test says (in the order they were asked). */
function start(settings: () => NotifySettings) {
  const reads: ((secrets: NotifySecrets) => void)[] = [];
  alerts = createRemoteAlerts({
    clock: createManualClock(Date.parse('2026-12-02T14:25:00Z')),
    logger: memoryLogger(),
    settings,
    secrets: () => new Promise((resolve) => reads.push(resolve)),
    telegramApi: bot.apiBase,
    brokerKind: 'sim',
    act: () => Promise.resolve('done'),
    audit: () => undefined,
    onTrouble: () => undefined,
    onChange: () => undefined,
  });
  /** Once the `n`th read is asked (its reload has read the settings), answers it. */
  const answer = async (n: number) => {
    await expect.poll(() => reads.length).toBeGreaterThan(n);
    reads[n]?.({ telegramToken: bot.token });
  };
  return { alerts, answer, asked: () => reads.length };
}

describe('reloading the remote alerts', () => {
  it('applies reloads in the order asked: a slow earlier one never replaces a later one', async () => {
    let settings = ntfyOnly;
    const { alerts: remote, answer, asked } = start(() => settings);
    const first = remote.reload();
    await expect.poll(asked).toBe(1); // the first has read the settings and waits for its secrets
    settings = withTelegram;
    const second = remote.reload();
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked()).toBe(1); // the second waits for the first to end before it reads anything
    await answer(0);
    await first;
    expect(remote.status().channels.map((c) => c.id)).toEqual(['ntfy']);
    await answer(1);
    await second;
    expect(remote.status().channels.map((c) => c.id)).toEqual(['telegram', 'ntfy']);
    expect(remote.status().commands).toBe(true);
  });

  it('leaves no poller behind when it stops during a reload', async () => {
    const { alerts: remote, answer, asked } = start(() => withTelegram);
    const reloading = remote.reload();
    await expect.poll(asked).toBe(1); // building: it waits for its secrets
    await remote.stop();
    await answer(0);
    await reloading;
    expect(remote.status()).toMatchObject({ channels: [], commands: false });
    expect(bot.calls('getUpdates')).toEqual([]);
  });
});
