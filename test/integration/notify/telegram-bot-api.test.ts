// The Bot API client against a fake Telegram over a real socket: the exact JSON it sends, updates parsed (chat ids
// as strings, malformed ones skipped and reported), refusals and flood control in words, and the token never in an
// error, whatever failed.
import { afterEach, describe, expect, it } from 'vitest';
import { createBotApi, TelegramApiError } from '../../../main/notify/telegram/bot-api';
import { startFakeBotServer, type FakeBotServer } from '../../fakes/telegram/bot-server';

let server: FakeBotServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function harness(options: { knownChats?: string[] } = {}) {
  server = await startFakeBotServer(options);
  const bad: string[] = [];
  const api = createBotApi({
    apiBase: server.apiBase,
    token: server.token,
    onBadUpdate: (reason) => bad.push(reason),
  });
  return { server, api, bad };
}

async function failureOf(promise: Promise<unknown>): Promise<TelegramApiError> {
  const error: unknown = await promise.then(
    () => new Error('expected a failure'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof TelegramApiError)) throw error;
  return error;
}

describe('Telegram Bot API client', () => {
  it('sends plain text with an inline keyboard, exactly', async () => {
    const { server, api } = await harness();
    const id = await api.sendMessage('-1001234567890', 'SIM-50K daily loss critical\n−951.20 of 1,000.00', [
      [
        { text: 'Flatten SIM-50K', data: 'w:AAAAAAAAAAAAAAAA' },
        { text: 'Lock SIM-50K for the day', data: 'w:BBBBBBBBBBBBBBBB' },
      ],
      [{ text: 'Flatten all accounts', data: 'w:CCCCCCCCCCCCCCCC' }],
    ]);
    expect(id).toBe(501);
    expect(server.calls('sendMessage')).toEqual([
      {
        method: 'sendMessage',
        body: {
          chat_id: '-1001234567890',
          text: 'SIM-50K daily loss critical\n−951.20 of 1,000.00',
          reply_markup: {
            inline_keyboard: [
              [
                { text: 'Flatten SIM-50K', callback_data: 'w:AAAAAAAAAAAAAAAA' },
                { text: 'Lock SIM-50K for the day', callback_data: 'w:BBBBBBBBBBBBBBBB' },
              ],
              [{ text: 'Flatten all accounts', callback_data: 'w:CCCCCCCCCCCCCCCC' }],
            ],
          },
        },
      },
    ]);
  });

  it('sends no reply_markup without buttons', async () => {
    const { server, api } = await harness();
    expect(await api.sendMessage('42', 'Broker link down')).toBe(501);
    expect(await api.sendMessage('42', 'Broker link back', [])).toBe(502);
    expect(server.calls('sendMessage').map((call) => call.body)).toEqual([
      { chat_id: '42', text: 'Broker link down' },
      { chat_id: '42', text: 'Broker link back' },
    ]);
  });

  it('refuses button data over 64 bytes before sending', async () => {
    const { server, api } = await harness();
    const error = await failureOf(api.sendMessage('42', 'x', [[{ text: 'Too long', data: 'é'.repeat(33) }]]));
    expect(error.message).toBe('button "Too long" has 66 bytes of data: Telegram takes 1 to 64');
    expect(server.calls('sendMessage')).toEqual([]);
  });

  it('answers a press and takes the buttons off a used message', async () => {
    const { server, api } = await harness();
    await api.answerCallbackQuery('press-7', 'Flattening SIM-50K');
    await api.answerCallbackQuery('press-8');
    await api.editMessageText('-1001234567890', 501, 'Flatten SIM-50K: confirmed');
    expect(server.calls('answerCallbackQuery').map((call) => call.body)).toEqual([
      { callback_query_id: 'press-7', text: 'Flattening SIM-50K' },
      { callback_query_id: 'press-8' },
    ]);
    expect(server.calls('editMessageText').map((call) => call.body)).toEqual([
      { chat_id: '-1001234567890', message_id: 501, text: 'Flatten SIM-50K: confirmed' },
    ]);
  });

  it('reads messages and presses, chat ids as strings, and asks only for those', async () => {
    const { server, api, bad } = await harness();
    server.pushUpdate({ kind: 'message', chatId: '-1001234567890', text: '/start', fromName: 'Dana' });
    server.pushUpdate({
      kind: 'press',
      chatId: '987654321',
      messageId: 501,
      data: 'w:AAAAAAAAAAAAAAAA',
      pressId: 'q1',
    });
    const batch = await api.getUpdates({ offset: null, timeoutSeconds: 5 });
    expect(batch).toEqual({
      updates: [
        { updateId: 100, kind: 'message', chatId: '-1001234567890', fromName: 'Dana', text: '/start' },
        {
          updateId: 101,
          kind: 'press',
          pressId: 'q1',
          chatId: '987654321',
          messageId: 501,
          fromName: 'Dana',
          data: 'w:AAAAAAAAAAAAAAAA',
        },
      ],
      nextOffset: 102,
    });
    expect(server.calls('getUpdates').map((call) => call.body)).toEqual([
      { timeout: 5, allowed_updates: ['message', 'callback_query'] },
    ]);
    expect(bad).toEqual([]);
  });

  it('skips a malformed update, reports why, and still moves the offset past it', async () => {
    const { server, api, bad } = await harness();
    server.pushUpdate({ kind: 'raw', fields: { callback_query: { id: 'q9', from: { first_name: 'Eve' } } } });
    server.pushUpdate({ kind: 'raw', fields: { message: { message_id: 3, chat: { id: 5 }, photo: [] } } });
    server.pushUpdate({ kind: 'message', chatId: '42', text: 'still here' });
    const batch = await api.getUpdates({ offset: 100, timeoutSeconds: 5 });
    expect(batch.updates).toEqual([
      { updateId: 102, kind: 'message', chatId: '42', fromName: 'Dana', text: 'still here' },
    ]);
    expect(batch.nextOffset).toBe(103);
    // A photo is not malformed, only not for Warden: skipped without a word.
    expect(bad).toEqual([
      'update 100 skipped: callback_query.message: Invalid input: expected object, received undefined',
    ]);
  });

  it('long-polls: answers as soon as an update is queued', async () => {
    const { server, api } = await harness();
    const polled = api.getUpdates({ offset: null, timeoutSeconds: 20 });
    await server.waitForCalls('getUpdates', 1);
    server.pushUpdate({ kind: 'message', chatId: '42', text: 'hi' });
    expect((await polled).updates.map((update) => update.updateId)).toEqual([100]);
  });

  it('says what Telegram refused, with its description and code', async () => {
    const { api } = await harness({ knownChats: ['42'] });
    const error = await failureOf(api.sendMessage('43', 'hello'));
    expect(error.message).toBe('telegram refused sendMessage: Bad Request: chat not found (400)');
    expect(error.retryAfterSeconds).toBeNull();
  });

  it('carries flood control’s retry_after', async () => {
    const { server, api } = await harness();
    server.failNext('sendMessage', 1, { kind: 'flood', retryAfter: 7 });
    const error = await failureOf(api.sendMessage('42', 'hello'));
    expect(error.message).toBe('telegram refused sendMessage: Too Many Requests: retry after 7 (429)');
    expect(error.retryAfterSeconds).toBe(7);
    expect(await api.sendMessage('42', 'hello')).toBe(501);
  });

  it('says when the answer is not the Bot API’s', async () => {
    const fake = (status: number, body: string) => () => Promise.resolve(new Response(body, { status }));
    const api = createBotApi({
      apiBase: 'http://127.0.0.1:9',
      token: 'T:1',
      fetch: fake(502, '<html>Bad gateway</html>'),
    });
    expect((await failureOf(api.sendMessage('42', 'x'))).message).toBe(
      'telegram answered sendMessage with HTTP 502, not a Bot API answer',
    );
    const odd = createBotApi({
      apiBase: 'http://127.0.0.1:9',
      token: 'T:1',
      fetch: fake(200, '{"ok":true,"result":{}}'),
    });
    expect((await failureOf(odd.getUpdates({ offset: null, timeoutSeconds: 0 }))).message).toBe(
      'telegram answered getUpdates without a list of updates',
    );
  });

  describe('never shows the token', () => {
    const token = '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

    it('in a refusal: a wrong token is Unauthorized', async () => {
      const { server: fake } = await harness();
      const api = createBotApi({ apiBase: fake.apiBase, token });
      const error = await failureOf(api.sendMessage('42', 'hello'));
      expect(error.message).toBe('telegram refused sendMessage: Unauthorized (401)');
      expect(fake.calls('sendMessage')).toEqual([]);
    });

    it('when the server cannot be reached', async () => {
      const { server: fake } = await harness();
      const apiBase = fake.apiBase;
      await fake.close();
      server = null;
      const error = await failureOf(createBotApi({ apiBase, token }).sendMessage('42', 'hello'));
      expect(error.message).toBe(`cannot reach ${apiBase.replace('http://', '')}: ECONNREFUSED`);
    });

    it('when an error quotes the URL', async () => {
      const urls: string[] = [];
      const api = createBotApi({
        apiBase: 'https://api.telegram.org',
        token,
        fetch: (input: unknown) => {
          const url = String(input);
          urls.push(url);
          return Promise.reject(new TypeError(`Failed to fetch ${url}`));
        },
      });
      const error = await failureOf(api.getUpdates({ offset: 5, timeoutSeconds: 25 }));
      expect(urls).toEqual([`https://api.telegram.org/bot${token}/getUpdates`]);
      expect(error.message).toBe(
        'cannot reach api.telegram.org: Failed to fetch https://api.telegram.org/bot<token>/getUpdates',
      );
      expect(error.message).not.toContain(token);
      expect(error.stack ?? '').not.toContain(token);
    });

    it('when a refusal quotes it', async () => {
      const api = createBotApi({
        apiBase: 'https://api.telegram.org',
        token,
        fetch: () =>
          Promise.resolve(
            Response.json({
              ok: false,
              error_code: 400,
              description: `Bad Request: token ${encodeURIComponent(token)} odd`,
            }),
          ),
      });
      expect((await failureOf(api.sendMessage('42', 'x'))).message).toBe(
        'telegram refused sendMessage: Bad Request: token <token> odd (400)',
      );
    });
  });
});
