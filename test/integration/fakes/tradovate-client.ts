// A plain client for testing the fake Tradovate gateway itself: `fetch` for REST and a bare `ws` socket that
// collects frames, so the fake is checked independently of Warden's own Tradovate client.
import WebSocket from 'ws';
import { createManualClock } from '../../helpers/manual-clock';
import {
  FAKE_CREDENTIALS,
  startFakeTradovate,
  type FakeTradovateOptions,
} from '../../fakes/tradovate-gateway/server';
import { seedDemo } from '../../fakes/tradovate-gateway/seed';

export const START = Date.parse('2026-03-19T14:00:00.000Z');

export async function seededGateway(options: FakeTradovateOptions = {}) {
  const clock = createManualClock(START);
  const gateway = await startFakeTradovate({ clock, ...options });
  seedDemo(gateway.model, START);
  return { gateway, clock };
}

export type Answer = { i: number; s: number; d?: unknown };
export type Message = Answer | { e: string; d: unknown };

export async function rest(base: string, endpoint: string, init: { body?: unknown; token?: string } = {}) {
  const response = await fetch(`${base}/${endpoint}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
  };
}

export async function login(base: string) {
  const { body } = await rest(base, 'auth/accesstokenrequest', {
    body: { ...FAKE_CREDENTIALS, appVersion: '1.0' },
  });
  return body as { accessToken: string; mdAccessToken: string; expirationTime: string; userId: number };
}

/** A socket whose frames are read in order: `next` waits for the next frame matching, skipping none silently. */
export async function openSocket(url: string) {
  const ws = new WebSocket(url);
  const frames: string[] = [];
  let cursor = 0;
  let wake = () => undefined as unknown;
  ws.on('message', (data: Buffer) => {
    frames.push(data.toString('utf8'));
    wake();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });

  /** The first frame from the cursor on that matches; frames before it are skipped. */
  async function next(match: (frame: string) => boolean = () => true): Promise<string> {
    for (;;) {
      const at = frames.findIndex((f, index) => index >= cursor && match(f));
      if (at >= 0) {
        cursor = at + 1;
        return frames[at] as string;
      }
      await new Promise((resolve) => (wake = resolve as () => unknown));
    }
  }
  const messagesOf = (frame: string) => JSON.parse(frame.slice(1)) as Message[];
  let nextId = 100;

  return {
    ws,
    frames,
    closed,
    next,
    send: (text: string) => ws.send(text),
    /** Moves the read cursor past every frame received so far. */
    skip: () => {
      cursor = frames.length;
    },
    /** The messages of the next `a` frame matching (by default: the next frame of pushes, not answers). */
    async messages(match = (messages: Message[]) => messages.some((m) => 'e' in m)): Promise<Message[]> {
      return messagesOf(await next((f) => f.startsWith('a') && match(messagesOf(f))));
    },
    /** Sends `endpoint\nid\nquery\nbody` and waits for the answer with that id (the read cursor stays put). */
    async request(endpoint: string, body?: unknown, query = ''): Promise<Answer> {
      const id = nextId++;
      const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
      ws.send(`${endpoint}\n${id}\n${query}\n${text}`);
      const answers = (f: string) => f.startsWith('a') && messagesOf(f).some((m) => 'i' in m && m.i === id);
      while (!frames.some(answers)) await new Promise((resolve) => (wake = resolve as () => unknown));
      const frame = frames.find(answers) as string;
      return messagesOf(frame).find((m): m is Answer => 'i' in m && m.i === id) as Answer;
    },
  };
}

export type TestSocket = Awaited<ReturnType<typeof openSocket>>;

/** A user socket past `o`, authorized and (unless told otherwise) synced. */
export async function userSocket(url: string, token: string, userId: number, sync = true) {
  const socket = await openSocket(url);
  await socket.next((f) => f === 'o');
  const auth = await socket.request('authorize', token);
  if (auth.s !== 200) throw new Error(`authorize answered ${auth.s}`);
  const snapshot = sync ? await socket.request('user/syncrequest', { users: [userId] }) : undefined;
  socket.skip();
  return { socket, snapshot };
}
