// A broker REST request over node:http: the answer read whole, the connection kept alive and reused, a kept-alive
// connection the server drops retried once on a fresh one (a fresh one that drops is not), refusals and aborts
// passed up with their cause, each URL (parsed once and kept) sent to its own path. Against a real HTTP server on
// loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
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
});
