// The remote alerts' settings through the real core's commands (docs/RULES.md section 13), against the fakes over
// real sockets: secrets stored by name and the channels rebuilt with them, a test message per channel (a refusal
// told in words), the chats that sent /start, a config change to the notify section taking effect, and no secret
// ever in the view, the log or the audit trail.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../main/core/start';
import { signatureOf } from '../../../main/notify/webhook';
import {
  CHAT_ID,
  NTFY_PATH,
  WEBHOOK_PATH,
  WEBHOOK_SECRET,
  remoteConfig,
  remoteCore,
  requestsTo,
  sentTexts,
  type RemoteCore,
} from '../../helpers/remote-core';

const NTFY_TOKEN = 'tk_ntfy_remote_core_91c0d2';

let running: RemoteCore | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

const notifyView = (core: RemoteCore['core']) => core.view().notify;

describe('the notify commands on the core', () => {
  it('stores secrets by name, tests each channel, detects /start chats, and never shows a secret', async () => {
    running = await remoteCore({ secrets: (telegramToken) => ({ telegramToken }) });
    const { core, bot, receiver, logger, store } = running;
    expect(notifyView(core)).toMatchObject({
      secrets: ['telegramToken'],
      problems: ['webhook: no signing secret (set it in the settings)'],
    });
    expect(notifyView(core)?.channels.map((c) => c.id)).toEqual(['telegram', 'ntfy']);

    const stored = await core.command('setNotifySecrets', {
      webhookSecret: WEBHOOK_SECRET,
      ntfyToken: NTFY_TOKEN,
    });
    expect(stored).toEqual({ ok: true, result: { stored: ['telegramToken', 'ntfyToken', 'webhookSecret'] } });
    expect(notifyView(core)).toMatchObject({
      secrets: ['telegramToken', 'ntfyToken', 'webhookSecret'],
      problems: [],
      commands: true,
    });
    expect(notifyView(core)?.channels.map((c) => c.id)).toEqual(['telegram', 'ntfy', 'webhook']);

    // A test to each channel, with the secrets just stored.
    const delivered = { ok: true, result: { ok: true, at: '2026-05-05T14:30:00.000Z' } };
    expect(await core.command('testNotify', { channel: 'webhook' })).toEqual(delivered);
    const [hook] = requestsTo(receiver, WEBHOOK_PATH);
    expect(JSON.parse(hook?.body ?? '')).toEqual({
      event: 'test',
      level: 'info',
      account: null,
      rule: null,
      title: 'Warden test message',
      message: 'Alerts from Warden reach you here.',
      t: '2026-05-05T14:30:00.000Z',
    });
    expect(hook?.headers['x-warden-signature']).toBe(signatureOf(hook?.body ?? '', WEBHOOK_SECRET));
    expect(await core.command('testNotify', { channel: 'ntfy' })).toEqual(delivered);
    expect(requestsTo(receiver, NTFY_PATH)[0]?.headers.authorization).toBe(`Bearer ${NTFY_TOKEN}`);
    expect(await core.command('testNotify', { channel: 'telegram' })).toEqual(delivered);
    expect(sentTexts(bot)).toEqual(['Warden test message\nAlerts from Warden reach you here.']);

    // Refusals in words, the channel named.
    receiver.answer(NTFY_PATH, {
      kind: 'status',
      status: 403,
      body: '{"code":40301,"http":403,"error":"forbidden"}',
      contentType: 'application/json',
    });
    expect(await core.command('testNotify', { channel: 'ntfy' })).toEqual({
      ok: true,
      result: { ok: false, at: '2026-05-05T14:30:00.000Z', error: 'ntfy answered 403: forbidden' },
    });
    bot.failNext('sendMessage', 1, { kind: 'status', status: 500 });
    expect(await core.command('testNotify', { channel: 'telegram' })).toEqual({
      ok: true,
      result: {
        ok: false,
        at: '2026-05-05T14:30:00.000Z',
        error: `chat ${CHAT_ID}: telegram refused sendMessage: Internal Server Error (500)`,
      },
    });

    // /start from a new chat: the poller answers it, and Detect lists it (also after it writes again).
    const start = bot.pushUpdate({ kind: 'message', chatId: '4242', text: '/start', fromName: 'Lee' });
    await expect
      .poll(() => sentTexts(bot).at(-1))
      .toBe("Warden: this chat's id is 4242. Press Detect in Warden's Notifications settings.");
    expect(await core.command('detectTelegramChats', {})).toEqual({
      ok: true,
      result: { chats: [{ chatId: '4242', name: 'Lee' }] },
    });
    const hello = bot.pushUpdate({ kind: 'message', chatId: '4242', text: 'hello', fromName: 'Lee' });
    await expect.poll(() => bot.queued()).not.toContain(hello); // confirmed by the poller's next call: handled
    expect(bot.queued()).not.toContain(start);
    expect(await core.command('detectTelegramChats', {})).toEqual({
      ok: true,
      result: { chats: [{ chatId: '4242', name: 'Lee' }] },
    });

    // No secret anywhere the trader or a log reader sees.
    const state = await core.command('getState', {});
    const seen = [
      JSON.stringify(state),
      JSON.stringify(core.view()),
      JSON.stringify(logger.lines),
      JSON.stringify(store.riskEvents.recent(100)),
      JSON.stringify(await core.command('getConfig', {})),
    ];
    expect(seen[2]).toContain('remote alert channel failing'); // the log did hear the failures
    for (const secret of [bot.token, WEBHOOK_SECRET, NTFY_TOKEN])
      for (const text of seen) expect(text).not.toContain(secret);
  });

  it('rebuilds the channels when a config change adds one', async () => {
    const withoutWebhook = (receiver: string) => remoteConfig(receiver).replace(/\n {2}webhook:.*\n/, '\n');
    running = await remoteCore({ config: withoutWebhook });
    const { core, receiver } = running;
    expect(notifyView(core)?.channels.map((c) => c.id)).toEqual(['telegram', 'ntfy']);
    const document = loadConfig(join(running.dir, 'config.yaml'));
    expect(document.notify?.webhook).toBeUndefined();

    const webhook = { url: `${receiver.origin}${WEBHOOK_PATH}` };
    const changed = await core.command('setConfig', {
      config: { ...document, notify: { ...document.notify, webhook } },
    });
    expect(changed.ok).toBe(true);
    await expect
      .poll(() => notifyView(core)?.channels.map((c) => c.id))
      .toEqual(['telegram', 'ntfy', 'webhook']);
    expect(await core.command('testNotify', { channel: 'webhook' })).toMatchObject({
      ok: true,
      result: { ok: true },
    });
    expect(requestsTo(receiver, WEBHOOK_PATH)).toHaveLength(1);
  });

  it('keeps an ntfy token only for the topic URL in force: refused with none, bound to its server', async () => {
    const withoutNtfy = (receiver: string) => remoteConfig(receiver).replace(/\n {2}ntfy:.*\n/, '\n');
    running = await remoteCore({ config: withoutNtfy });
    const { core } = running;
    expect(await core.command('setNotifySecrets', { ntfyToken: NTFY_TOKEN })).toEqual({
      ok: false,
      error: 'apply an ntfy topic URL first: its access token is kept for that server only',
    });
    expect(notifyView(core)?.secrets).toEqual(['telegramToken', 'webhookSecret']);
  });
});
