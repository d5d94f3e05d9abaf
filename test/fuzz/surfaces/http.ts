// `warden serve`'s HTTP API with the token: commands (POST /api/commands/<name>) with well-formed and mutated
// bodies, headers and tokens; GET query strings (/api/history) and paths; raw bytes on the socket. The server
// answers every one (never 500, always JSON on /api/), stays up, and a refused command changes nothing.
import { request } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { anyText, hostileValue, jsonText, trickyText } from '../arbitraries/hostile';
import { sampleOrMutated } from '../arbitraries/mutate';
import { commandRoutes } from '../../../main/server/http-api';
import { rawText } from '../arbitraries/raw';
import { withTimeout } from '../harness/runner';
import { fuzzProperty, type FuzzContext, type Surface } from '../harness/types';
import { commandSamples, startServedCore, TOKEN, type ServedCore } from './served';

/** The URL names of the commands, as the server maps them. */
const ROUTES = commandRoutes;

/** encodeURIComponent refuses lone surrogates: they go into a URL as `?`. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDFFF]/g, '?');

type Call = { method: string; path: string; headers: Record<string, string>; body: string; command: string };

const auth = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ authorization: `Bearer ${TOKEN}` }) },
  { weight: 1, arbitrary: fc.constant({ cookie: `warden_token=${TOKEN}` }) },
  { weight: 1, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: trickyText.map((t) => ({ authorization: `Bearer ${encodeURIComponent(wellFormed(t))}` })),
  },
);
const extraHeaders = fc.oneof(
  { weight: 10, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.constant({ origin: 'http://evil.example' }) },
  { weight: 1, arbitrary: fc.constant({ referer: 'not a url' }) },
  { weight: 1, arbitrary: fc.constant({ host: 'rebind.example:80' }) },
);
const contentType = fc.oneof(
  { weight: 10, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('text/plain', 'application/json; charset=latin1', 'APPLICATION/JSON', ''),
  },
);

const commandCall: fc.Arbitrary<Call> = fc
  .tuple(
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...Object.keys(ROUTES)) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'getState',
          'nope',
          'Flatten',
          'a-b-c',
          'constructor',
          'toString',
          'hasOwnProperty',
        ),
      },
    ),
    auth,
    extraHeaders,
    contentType,
    fc.nat(),
    fc.constantFrom('POST', 'POST', 'POST', 'POST', 'GET', 'PUT'),
  )
  .chain(([route, authHeader, extra, type, pick, method]) => {
    const command = Object.hasOwn(ROUTES, route) ? (ROUTES[route] ?? 'getState') : 'getState';
    const body = fc.oneof(
      { weight: 8, arbitrary: sampleOrMutated(commandSamples[command]).map(jsonText) },
      { weight: 1, arbitrary: hostileValue.map(jsonText) },
      {
        weight: 1,
        arbitrary: rawText([JSON.stringify(commandSamples[command][pick % commandSamples[command].length])]),
      },
    );
    return body.map((text) => ({
      method,
      path: `/api/commands/${route}`,
      headers: { ...authHeader, ...extra, 'content-type': type },
      body: text,
      command,
    }));
  });

const queryValue = fc.oneof(trickyText, anyText, fc.constantFrom('SIM-50K', '5', 'today', '2026-05-05'));
const readCall: fc.Arbitrary<Call> = fc
  .tuple(
    fc.constantFrom(
      '/api/history',
      '/api/history',
      '/api/state',
      '/api/config',
      '/api/health',
      '/',
      '/index.html',
      '/assets/x.js',
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/api/nope',
      '/api/commands/',
    ),
    fc.array(
      fc.tuple(fc.constantFrom('account', 'days', 'equityDay', 'token', 'group', '__proto__'), queryValue),
      { maxLength: 4 },
    ),
    auth,
  )
  .map(([path, params, authHeader]) => ({
    method: 'GET',
    path: `${path}?${params.map(([k, v]) => `${k}=${encodeURIComponent(wellFormed(v))}`).join('&')}`,
    headers: authHeader,
    body: '',
    command: 'getHistory',
  }));

export const httpCall = fc.oneof({ weight: 3, arbitrary: commandCall }, { weight: 1, arbitrary: readCall });

export function send(port: number, call: Call): Promise<{ status: number; text: string }> {
  return withTimeout(
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: call.method,
          path: call.path,
          headers: { host: `127.0.0.1:${port}`, ...call.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(call.method === 'GET' ? undefined : call.body);
    }),
    5_000,
    `${call.method} ${call.path.slice(0, 80)}`,
  );
}

/** Raw bytes on a socket: the server may answer 400 or close, and must go on answering others. */
function sendRaw(port: number, text: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    const done = () => {
      socket.destroy();
      resolve();
    };
    socket.on('data', () => undefined);
    socket.on('close', done);
    socket.on('error', done);
    setTimeout(done, 1_000).unref();
  });
}

const rawRequest = fc.oneof(
  rawText([
    'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
    `POST /api/commands/flatten HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n{"all": true}\n`,
  ]),
);

async function checkCall(served: ServedCore, call: Call): Promise<void> {
  const before = await served.settle();
  const answer = await send(served.port, call);
  if (answer.status >= 500) throw new Error(`HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
  let body: unknown = null;
  if (call.path.startsWith('/api/')) {
    try {
      body = JSON.parse(answer.text);
    } catch {
      throw new Error(
        `HTTP ${answer.status} on ${call.path.slice(0, 60)} is not JSON: ${answer.text.slice(0, 200)}`,
      );
    }
  }
  const refused =
    answer.status >= 400 ||
    (typeof body === 'object' && body !== null && (body as { ok?: unknown }).ok === false);
  if (refused && call.method === 'POST')
    await served.checkRefused(call.command, before, `HTTP ${answer.status}`);
  const route = call.path.slice('/api/commands/'.length);
  const known = call.path.startsWith('/api/commands/') && Object.hasOwn(ROUTES, route);
  if (call.path.startsWith('/api/commands/') && !known && call.method === 'POST' && answer.status < 401)
    throw new Error(
      `an unknown command "${route}" answered HTTP ${answer.status}, not 404: ${answer.text.slice(0, 200)}`,
    );
  if (!refused && call.path.startsWith('/api/commands/') && answer.status !== 200)
    throw new Error(`HTTP ${answer.status} for an accepted command`);
}

export async function stillAnswering(port: number): Promise<void> {
  const health = await send(port, { method: 'GET', path: '/api/health', headers: {}, body: '', command: '' });
  if (health.status !== 200)
    throw new Error(`the server stopped answering: /api/health is HTTP ${health.status}`);
}

export const httpSurface: Surface = {
  name: 'http',
  async start(context: FuzzContext) {
    const served = await startServedCore('warden-fuzz-http-');
    const after = async (mark: number) => {
      served.checkLog();
      await stillAnswering(served.port);
      await served.calm();
      context.assertNoCrashSince(mark);
    };
    return {
      properties: [
        fuzzProperty(
          'requests',
          fc.asyncProperty(httpCall, async (call) => {
            context.count();
            const mark = context.mark();
            await checkCall(served, call);
            await after(mark);
          }),
        ),
        fuzzProperty(
          'raw',
          fc.asyncProperty(rawRequest, async (text) => {
            context.count();
            const mark = context.mark();
            await sendRaw(served.port, text);
            await after(mark);
          }),
        ),
      ],
      stop: () => served.stop(),
    };
  },
};
