// The Telegram channel against a fake Telegram over a real socket: the title on its own first line, the figures
// under it, the buttons as an inline keyboard, to every configured chat; a failure is rejected in words, naming the
// chat, without the token.
import { afterEach, describe, expect, it } from 'vitest';
import type { RemoteMessage } from '../../../main/notify/channel';
import { createBotApi } from '../../../main/notify/telegram/bot-api';
import { createTelegramChannel } from '../../../main/notify/telegram/channel';
import { startFakeBotServer, type FakeBotServer } from '../../fakes/telegram/bot-server';

const HOME = '-1001234567890';
const PHONE = '987654321';

let server: FakeBotServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const critical: RemoteMessage = {
  event: 'level',
  level: 'critical',
  account: 'SIM-50K',
  rule: 'dailyLoss',
  title: 'SIM-50K daily loss critical',
  message: '−951.20 of 1,000.00, 48.80 left',
  t: Date.UTC(2026, 5, 5, 14, 30),
  buttons: [[{ text: 'Flatten SIM-50K', data: 'w:AAAAAAAAAAAAAAAA' }]],
};

async function harness(chatIds: string[], knownChats?: string[]) {
  server = await startFakeBotServer(knownChats === undefined ? {} : { knownChats });
  const api = createBotApi({ apiBase: server.apiBase, token: server.token });
  return { server, channel: createTelegramChannel({ api, chatIds }) };
}

async function rejectionOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}

describe('Telegram channel', () => {
  it('sends the title, the message and the buttons to every configured chat', async () => {
    const { server, channel } = await harness([HOME, PHONE]);
    expect(channel.id).toBe('telegram');
    await channel.send(critical);
    const sent = server.calls('sendMessage').map((call) => call.body);
    const body = (chatId: string) => ({
      chat_id: chatId,
      text: 'SIM-50K daily loss critical\n−951.20 of 1,000.00, 48.80 left',
      reply_markup: { inline_keyboard: [[{ text: 'Flatten SIM-50K', callback_data: 'w:AAAAAAAAAAAAAAAA' }]] },
    });
    expect(sent).toHaveLength(2);
    expect(sent).toEqual(expect.arrayContaining([body(HOME), body(PHONE)]));
  });

  it('sends a message without buttons as plain text', async () => {
    const { server, channel } = await harness([PHONE]);
    const { buttons: _buttons, ...plain } = critical;
    await channel.send({ ...plain, event: 'connection', title: 'Broker link down', message: 'for 30 s' });
    expect(server.calls('sendMessage').map((call) => call.body)).toEqual([
      { chat_id: PHONE, text: 'Broker link down\nfor 30 s' },
    ]);
  });

  it('rejects with the failure in words, naming the chat, after trying every chat', async () => {
    const { server, channel } = await harness([HOME, '111', PHONE], [HOME, PHONE]);
    expect(await rejectionOf(channel.send(critical))).toBe(
      'chat 111: telegram refused sendMessage: Bad Request: chat not found (400)',
    );
    expect(server.calls('sendMessage')).toHaveLength(3);
  });

  it('rejects with the first chat’s failure when several fail', async () => {
    const { server, channel } = await harness(['111', '222'], []);
    expect(await rejectionOf(channel.send(critical))).toBe(
      'chat 111: telegram refused sendMessage: Bad Request: chat not found (400)',
    );
    expect(server.calls('sendMessage')).toHaveLength(2);
  });

  it('rejects when no chat is configured', async () => {
    const { server, channel } = await harness([]);
    expect(await rejectionOf(channel.send(critical))).toBe('no Telegram chat is configured');
    expect(server.calls('sendMessage')).toEqual([]);
  });

  it('abandons a send that hangs when its signal is aborted', async () => {
    const { server, channel } = await harness([PHONE]);
    server.failNext('sendMessage', 1, { kind: 'hang' });
    const controller = new AbortController();
    const sending = rejectionOf(channel.send(critical, controller.signal));
    await server.waitForCalls('sendMessage', 1);
    controller.abort();
    const port = new URL(server.apiBase).host;
    expect(await sending).toBe(`chat ${PHONE}: cannot reach ${port}: stopped`);
  });

  it('never shows the token', async () => {
    server = await startFakeBotServer();
    const token = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
    const channel = createTelegramChannel({
      api: createBotApi({ apiBase: server.apiBase, token }),
      chatIds: [PHONE],
    });
    const message = await rejectionOf(channel.send(critical));
    expect(message).toBe(`chat ${PHONE}: telegram refused sendMessage: Unauthorized (401)`);
    expect(message).not.toContain(token);
  });
});
