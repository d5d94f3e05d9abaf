// A stand-in for the Telegram Bot API over a real socket (127.0.0.1, a free port): `/bot<token>/<method>` JSON
// POSTs, updates queued by the test and long-polled like Telegram's (offset confirms, answers as soon as one
// comes), every call recorded, and scriptable faults (HTTP 500, flood control with retry_after, a silent hang).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeUpdate =
  | { kind: 'message'; chatId: string; text: string; fromName?: string }
  | { kind: 'press'; chatId: string; messageId: number; data: string; pressId?: string; fromName?: string }
  /** Any fields beside the update_id the fake assigns: for malformed updates. */
  | { kind: 'raw'; fields: Record<string, unknown> };

export type Fault =
  { kind: 'status'; status: number } | { kind: 'flood'; retryAfter: number } | { kind: 'hang' };

export type RecordedCall = { method: string; body: unknown };

export type FakeBotServer = {
  /** What WARDEN_TELEGRAM_API would be. */
  apiBase: string;
  token: string;
  /** Queues an update; returns its update_id (they count up from 100). */
  pushUpdate(update: FakeUpdate): number;
  /** The next `times` calls of `method` get `fault` instead of an answer. */
  failNext(method: string, times: number, fault: Fault): void;
  /** Calls made with the right token, in order. */
  calls(method: string): RecordedCall[];
  /** Resolves once `n` calls of `method` came (at once if they already did). */
  waitForCalls(method: string, n: number): Promise<RecordedCall[]>;
  /** Updates queued and not yet confirmed. */
  queued(): number[];
  close(): Promise<void>;
};

type Update = { update_id: number } & Record<string, unknown>;
type Poll = { offset: number; response: ServerResponse; timer: NodeJS.Timeout };

export async function startFakeBotServer(
  options: { token?: string; knownChats?: string[] } = {},
): Promise<FakeBotServer> {
  const token = options.token ?? '123456789:AAH-fake-token_for-tests';
  let nextUpdateId = 100;
  let nextMessageId = 500;
  let queue: Update[] = [];
  let poll: Poll | null = null;
  const recorded: RecordedCall[] = [];
  const faults: { method: string; fault: Fault }[] = [];
  const waiters: { method: string; n: number; resolve: (calls: RecordedCall[]) => void }[] = [];
  const hanging = new Set<ServerResponse>();

  const calls = (method: string) => recorded.filter((call) => call.method === method);
  const record = (call: RecordedCall) => {
    recorded.push(call);
    for (const waiter of [...waiters]) {
      if (waiter.method !== call.method || calls(call.method).length < waiter.n) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(calls(call.method));
    }
  };

  const answerPoll = () => {
    if (poll === null) return;
    const ready = queue.filter((update) => update.update_id >= (poll?.offset ?? 0));
    if (ready.length === 0) return;
    clearTimeout(poll.timer);
    ok(poll.response, ready.slice(0, 100));
    poll = null;
  };

  const getUpdates = (body: Record<string, unknown>, response: ServerResponse) => {
    const offset = typeof body.offset === 'number' ? body.offset : 0;
    queue = queue.filter((update) => update.update_id >= offset);
    if (poll !== null) {
      clearTimeout(poll.timer);
      refuse(poll.response, 409, 'Conflict: terminated by other getUpdates request');
    }
    const timeout = typeof body.timeout === 'number' ? body.timeout : 0;
    const timer = setTimeout(() => {
      if (poll?.response === response) poll = null;
      ok(response, []);
    }, timeout * 1000);
    poll = { offset, response, timer };
    response.on('close', () => {
      if (poll?.response !== response) return;
      clearTimeout(timer);
      poll = null;
    });
    answerPoll();
  };

  const sendMessage = (body: Record<string, unknown>, response: ServerResponse) => {
    const chatId = String(body.chat_id);
    if (typeof body.text !== 'string' || body.text === '') {
      refuse(response, 400, 'Bad Request: message text is empty');
      return;
    }
    if (options.knownChats !== undefined && !options.knownChats.includes(chatId)) {
      refuse(response, 400, 'Bad Request: chat not found');
      return;
    }
    nextMessageId += 1;
    ok(response, {
      message_id: nextMessageId,
      chat: { id: Number(chatId), type: 'private' },
      date: 0,
      text: body.text,
    });
  };

  const handle = (method: string, body: Record<string, unknown>, response: ServerResponse) => {
    record({ method, body });
    const fault = faults.findIndex((entry) => entry.method === method);
    if (fault >= 0) {
      applyFault(faults.splice(fault, 1)[0]?.fault, response, hanging);
      return;
    }
    switch (method) {
      case 'getUpdates':
        getUpdates(body, response);
        return;
      case 'sendMessage':
        sendMessage(body, response);
        return;
      case 'answerCallbackQuery':
      case 'editMessageText':
        ok(response, true);
        return;
      default:
        refuse(response, 404, 'Not Found: method not found');
    }
  };

  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? '');
      const body = parseObject(text);
      if (match === null) refuse(response, 404, 'Not Found');
      else if (match[1] !== token) refuse(response, 401, 'Unauthorized');
      else if (body === null) refuse(response, 400, 'Bad Request: the body is not a JSON object');
      else handle(match[2] ?? '', body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiBase: `http://127.0.0.1:${port}`,
    token,
    pushUpdate: (update) => {
      const updateId = nextUpdateId++;
      queue.push({ update_id: updateId, ...telegramShape(update, updateId) });
      answerPoll();
      return updateId;
    },
    failNext: (method, times, fault) => {
      for (let i = 0; i < times; i += 1) faults.push({ method, fault });
    },
    calls,
    waitForCalls: (method, n) =>
      calls(method).length >= n
        ? Promise.resolve(calls(method))
        : new Promise((resolve) => waiters.push({ method, n, resolve })),
    queued: () => queue.map((update) => update.update_id),
    close: () => {
      if (poll !== null) clearTimeout(poll.timer);
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** An update as Telegram words it: numeric chat ids, a sender, the pressed message. */
function telegramShape(update: FakeUpdate, updateId: number): Record<string, unknown> {
  switch (update.kind) {
    case 'message':
      return {
        message: {
          message_id: updateId,
          date: 0,
          chat: { id: Number(update.chatId), type: 'private' },
          from: { id: 1, is_bot: false, first_name: update.fromName ?? 'Dana' },
          text: update.text,
        },
      };
    case 'press':
      return {
        callback_query: {
          id: update.pressId ?? `press-${updateId}`,
          from: { id: 1, is_bot: false, first_name: update.fromName ?? 'Dana' },
          chat_instance: '42',
          message: {
            message_id: update.messageId,
            date: 0,
            chat: { id: Number(update.chatId), type: 'private' },
          },
          data: update.data,
        },
      };
    case 'raw':
      return update.fields;
  }
}

function applyFault(fault: Fault | undefined, response: ServerResponse, hanging: Set<ServerResponse>): void {
  switch (fault?.kind) {
    case 'status':
      refuse(response, fault.status, fault.status >= 500 ? 'Internal Server Error' : 'Bad Request');
      return;
    case 'flood':
      send(response, 429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${fault.retryAfter}`,
        parameters: { retry_after: fault.retryAfter },
      });
      return;
    case 'hang':
      hanging.add(response);
      response.on('close', () => hanging.delete(response));
      return;
    case undefined:
      return;
  }
}

function ok(response: ServerResponse, result: unknown): void {
  send(response, 200, { ok: true, result });
}

function refuse(response: ServerResponse, status: number, description: string): void {
  send(response, status, { ok: false, error_code: status, description });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.writableEnded || response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(''));
  });
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text === '' ? '{}' : text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
