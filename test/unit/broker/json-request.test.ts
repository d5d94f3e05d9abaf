// A broker REST request over kept HTTP/1.1 connections: the answer read whole, the connection kept alive and
// reused, a kept-alive connection the server drops retried once on a fresh one (a fresh one that drops is not),
// refusals and aborts passed up with their cause, each URL (parsed once and kept) sent to its own path; a broken
// answer refused with what was wrong, and a connection that cannot be trusted not used again. Against a real HTTP
// server on loopback, and a raw TCP one for answers node:http would never send.
import { createServer, type Server } from 'node:http';
import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server as TcpServer,
  type Socket,
} from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { onEachRequest } from '../../helpers/raw-http';
import { onConnectionClosed, openConnections, requestJson } from '../../../main/broker/json-request';

/** A request as the server read it: its connection's number, its body, its path and its head's headers. */
type Seen = { socket: number; body: string; url: string | undefined; headers: Record<string, unknown> };

/** A server answering `{"n": k}` to its k-th request, or dropping the connection when `drop(k)` says so. */
async function server(drop: (request: number, onReusedSocket: boolean) => boolean = () => false) {
  const seen: Seen[] = [];
  const sockets = new Map<Socket, number>();
  const requestsOn = new Map<Socket, number>();
  const http: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const socket = request.socket;
      if (!sockets.has(socket)) sockets.set(socket, sockets.size + 1);
      requestsOn.set(socket, (requestsOn.get(socket) ?? 0) + 1);
      seen.push({
        socket: sockets.get(socket) ?? 0,
        body: Buffer.concat(chunks).toString('utf8'),
        url: request.url,
        headers: request.headers,
      });
      if (drop(seen.length, (requestsOn.get(socket) ?? 0) > 1)) {
        socket.destroy();
        return;
      }
      response.setHeader('content-type', 'application/json');
      response.setHeader('retry-after', '7');
      response.end(JSON.stringify({ n: seen.length }));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/Order/cancel`;
  servers.push(http);
  return { url, seen };
}

/**
 * A raw TCP server: for the k-th request (numbered across connections) it writes `reply(k)`, if any, and then
 * ends the connection when `end(k)` says so. Answers which connection each request came on and when each closed.
 */
async function rawServer(
  reply: (request: number) => string | null,
  end: (request: number) => boolean = () => false,
) {
  const requests: { socket: number; head: string }[] = [];
  const clientClosed: number[] = [];
  const closing = new Map<number, () => void>();
  let nextSocket = 0;
  let heard: () => void = () => undefined;
  const tcp: TcpServer = createTcpServer((socket) => {
    const number = (nextSocket += 1);
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
    socket.on('end', () => {
      clientClosed.push(number);
      closing.get(number)?.();
    });
    socket.on('error', () => undefined);
    onEachRequest(socket, (request) => {
      requests.push({ socket: number, head: request.slice(0, request.indexOf('\r\n\r\n')) });
      const k = requests.length;
      const text = reply(k);
      if (text !== null) socket.write(text);
      if (end(k)) socket.end();
      heard();
    });
  });
  tcpServers.push(tcp);
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(tcp.address() as AddressInfo).port}/api/Order/cancel`;
  /** Resolves once the server has read `count` requests in all. */
  const read = (count: number) =>
    new Promise<void>((resolve) => {
      heard = () => {
        if (requests.length >= count) resolve();
      };
      heard();
    });
  /** Resolves once the client has closed its `socket`-th connection. */
  const closedByClient = (socket: number) =>
    new Promise<void>((resolve) => {
      if (clientClosed.includes(socket)) resolve();
      else closing.set(socket, resolve);
    });
  return { url, requests, clientClosed, read, closedByClient };
}

const answerOf = (body: string) => `HTTP/1.1 200 OK\r\ncontent-length: ${body.length}\r\n\r\n${body}`;

const tcpServers: TcpServer[] = [];
const openSockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of openSockets) socket.destroy();
  for (const s of tcpServers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const post = (url: string, body: string, signal = AbortSignal.timeout(5000)) =>
  requestJson({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body, signal });

describe('requestJson', () => {
  it('reads the whole answer and sends the next request on the same connection', async () => {
    const { url, seen } = await server();
    const first = await post(url, '{"orderId":1}');
    const second = await post(url, '{"orderId":2}');
    expect([first.status, first.text, first.header('retry-after'), first.header('x-none')]).toEqual([
      200,
      '{"n":1}',
      '7',
      undefined,
    ]);
    expect(second.text).toBe('{"n":2}');
    expect(seen.map(({ socket, body }) => ({ socket, body }))).toEqual([
      { socket: 1, body: '{"orderId":1}' },
      { socket: 1, body: '{"orderId":2}' },
    ]);
  });

  it('sends again on a fresh connection when a kept-alive one is dropped', async () => {
    const { url, seen } = await server((_n, reused) => reused);
    await post(url, '{"orderId":1}');
    const answer = await post(url, '{"orderId":2}');
    expect(answer.text).toBe('{"n":3}');
    expect(seen.map((s) => [s.socket, s.body])).toEqual([
      [1, '{"orderId":1}'],
      [1, '{"orderId":2}'],
      [2, '{"orderId":2}'],
    ]);
  });

  it('does not send again when a fresh connection is dropped', async () => {
    const { url, seen } = await server(() => true);
    await expect(post(url, '{"orderId":1}')).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(seen.length).toBe(1);
  });

  it('passes up a refused connection with its code', async () => {
    const { url } = await server();
    const closed = servers.pop();
    await new Promise((resolve) => closed?.close(resolve));
    await expect(post(url, '{}')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('names the host, the headers given and the length of the body in the request head', async () => {
    const { url, seen } = await server();
    const { host, origin } = new URL(url);
    await requestJson({
      method: 'POST',
      url: `${origin}/api/Position/closeContract?x=1`,
      headers: { authorization: 'Bearer t' },
      body: '{"accountId":7,"contractId":"é"}',
      signal: AbortSignal.timeout(5000),
    });
    expect(
      seen.map(({ headers, url: path }) => ({
        host: headers.host,
        authorization: headers.authorization,
        length: headers['content-length'],
        url: path,
      })),
    ).toEqual([
      {
        host,
        authorization: 'Bearer t',
        length: '33',
        url: '/api/Position/closeContract?x=1',
      },
    ]);
  });

  it('sends each URL to its own path and server, however many URLs went before', async () => {
    const [one, two] = [await server(), await server()];
    const base = (url: string) => url.replace('/api/Order/cancel', '');
    // More distinct URLs than the parsed ones kept (256), then the first again and the other server's.
    for (let k = 1; k <= 300; k += 1) await post(`${base(one.url)}/api/Order/search?page=${k}`, '{}');
    await post(`${base(one.url)}/api/Order/search?page=1`, '{"again":true}');
    await post(two.url, '{"other":true}');
    expect(one.seen.map((s) => s.url)).toEqual([
      ...Array.from({ length: 300 }, (_, i) => `/api/Order/search?page=${i + 1}`),
      '/api/Order/search?page=1',
    ]);
    expect(one.seen.at(-1)?.body).toBe('{"again":true}');
    expect(two.seen.map((s) => [s.url, s.body])).toEqual([['/api/Order/cancel', '{"other":true}']]);
  });

  it('stops at an abort', async () => {
    const { url } = await server();
    const abort = new AbortController();
    abort.abort();
    await expect(post(url, '{}', abort.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('counts the connections open to a server and tells when one closes', async () => {
    const { url } = await server();
    const other = await server();
    let closed = 0;
    const stop = onConnectionClosed(url, () => {
      closed += 1;
    });
    expect(openConnections(url)).toBe(0);
    await post(url, '{}');
    await post(other.url, '{}');
    expect([openConnections(url), openConnections(other.url)]).toEqual([1, 1]);
    // The same server under another path is the same count.
    expect(openConnections(url.replace('/api/Order/cancel', '/api/Status/ping'))).toBe(1);
    const told = new Promise<void>((resolve) => onConnectionClosed(url, resolve));
    servers[0]?.closeIdleConnections();
    await told;
    expect([closed, openConnections(url), openConnections(other.url)]).toEqual([1, 0, 1]);
    stop();
  });

  it('does not count a connection the server closes with its answer', async () => {
    const http = createServer((_request, response) => {
      response.setHeader('connection', 'close');
      response.end('{}');
    });
    servers.push(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/Status/ping`;
    await post(url, '{}');
    expect(openConnections(url)).toBe(0);
  });

  it('reads a chunked answer and sends the next request on the same connection', async () => {
    const http = createServer((_request, response) => {
      response.write('{"parts":');
      response.end('2}');
    });
    servers.push(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/Order/search`;
    const sockets = new Set<Socket>();
    http.on('connection', (socket: Socket) => sockets.add(socket));
    const first = await post(url, '{}');
    const second = await post(url, '{}');
    expect([first.header('transfer-encoding'), first.text, second.text, sockets.size]).toEqual([
      'chunked',
      '{"parts":2}',
      '{"parts":2}',
      1,
    ]);
  });

  it("closes a kept connection a second before the server's Keep-Alive hint, and opens a new one after", async () => {
    const { url, seen } = await server();
    servers[0]?.setTimeout(0);
    // node:http then says `Keep-Alive: timeout=2` and closes an idle connection after 2 s; the client goes at 1 s.
    if (servers[0] !== undefined) servers[0].keepAliveTimeout = 2000;
    const clientClosed = new Promise<boolean>((resolve) => {
      servers[0]?.on('connection', (socket: Socket) => {
        socket.on('end', () => resolve(true));
      });
    });
    const closed = new Promise<void>((resolve) => onConnectionClosed(url, resolve));
    const first = await post(url, '{"orderId":1}');
    expect(first.header('keep-alive')).toBe('timeout=2');
    expect(openConnections(url)).toBe(1);
    await closed;
    // The server heard the client close (the server's own close would not be heard as an end from the client).
    expect(await clientClosed).toBe(true);
    expect(openConnections(url)).toBe(0);
    await post(url, '{"orderId":2}');
    expect(seen.map((s) => [s.socket, s.body])).toEqual([
      [1, '{"orderId":1}'],
      [2, '{"orderId":2}'],
    ]);
  });

  it('does not keep a connection whose server hints at a second or less', async () => {
    const raw = await rawServer(
      () => `HTTP/1.1 200 OK\r\nkeep-alive: timeout=1\r\ncontent-length: 2\r\n\r\n{}`,
    );
    await post(raw.url, '{}');
    expect(openConnections(raw.url)).toBe(0);
    await post(raw.url, '{}');
    expect(raw.requests.map((r) => r.socket)).toEqual([1, 2]);
  });

  it('refuses a broken answer, saying what was wrong, and sends the next request on a fresh connection', async () => {
    const raw = await rawServer((k) =>
      k === 1 ? 'HTTP/1.1 200 OK\r\ncontent-length: many\r\n\r\n{}' : answerOf('{"n":2}'),
    );
    await expect(post(raw.url, '{}')).rejects.toMatchObject({
      code: 'EBADANSWER',
      message: `the answer's Content-Length is not one whole number: "many"`,
    });
    expect((await post(raw.url, '{}')).text).toBe('{"n":2}');
    expect(raw.requests.map((r) => r.socket)).toEqual([1, 2]);
  });

  it('drops a connection on which the server speaks out of turn', async () => {
    const raw = await rawServer((k) =>
      k === 1 ? `${answerOf('{"n":1}')}\r\nHTTP/1.1 200 OK` : answerOf('{"n":2}'),
    );
    expect((await post(raw.url, '{}')).text).toBe('{"n":1}');
    await raw.closedByClient(1);
    expect((await post(raw.url, '{}')).text).toBe('{"n":2}');
    expect(raw.requests.map((r) => r.socket)).toEqual([1, 2]);
  });

  it('sends again on a fresh connection when a kept-alive one is ended with nothing answered', async () => {
    const raw = await rawServer(
      (k) => (k === 2 ? null : answerOf(`{"n":${k}}`)),
      (k) => k === 2,
    );
    await post(raw.url, '{}');
    expect((await post(raw.url, '{}')).text).toBe('{"n":3}');
    expect(raw.requests.map((r) => r.socket)).toEqual([1, 1, 2]);
  });

  it('passes up an answer cut off by the connection end, without sending again', async () => {
    const raw = await rawServer(
      (k) => (k === 1 ? answerOf('{}') : 'HTTP/1.1 200 OK\r\ncontent-length: 9\r\n\r\n{"n"'),
      (k) => k === 2,
    );
    await post(raw.url, '{}');
    await expect(post(raw.url, '{}')).rejects.toMatchObject({
      code: 'EBADANSWER',
      message: 'the answer was cut off (after 4 bytes of its body)',
    });
    expect(raw.requests.map((r) => r.socket)).toEqual([1, 1]);
  });

  it('closes the connection under a request aborted while the server is silent', async () => {
    const raw = await rawServer((k) => (k === 1 ? null : answerOf('{"n":2}')));
    const abort = new AbortController();
    const silent = post(raw.url, '{}', abort.signal);
    await raw.read(1);
    abort.abort();
    await expect(silent).rejects.toMatchObject({ name: 'AbortError' });
    expect((await post(raw.url, '{}')).text).toBe('{"n":2}');
    expect(raw.requests.map((r) => r.socket)).toEqual([1, 2]);
    expect(raw.clientClosed).toContain(1);
  });

  it('refuses a header that would break the request, sending nothing', async () => {
    const raw = await rawServer(() => answerOf('{}'));
    const injected = requestJson({
      method: 'POST',
      url: raw.url,
      headers: { authorization: 'Bearer t\r\nx-evil: 1' },
      body: '{}',
      signal: AbortSignal.timeout(5000),
    });
    await expect(injected).rejects.toThrow(
      'the request header "authorization" has a character HTTP does not allow',
    );
    await post(raw.url, '{"after":1}');
    expect(raw.requests.length).toBe(1);
    expect(raw.requests[0]?.head).not.toContain('x-evil');
  });
});
