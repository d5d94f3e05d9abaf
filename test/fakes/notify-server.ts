// A local stand-in for an ntfy server or a webhook receiver, over a real socket on 127.0.0.1: it records every
// request as it arrived (method, path, headers, body text) and answers each path as the test scripts it (a status
// and body, no answer at all, or a dropped connection). Waiting for requests is on an event, never a sleep.
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = {
  method: string;
  path: string;
  /** As node parsed them: names lowercase, values as sent (Latin-1 read). */
  headers: IncomingHttpHeaders;
  body: string;
};

export type NotifyAnswer =
  | { kind: 'status'; status: number; body?: string; contentType?: string }
  /** Reads the request and never answers until the server closes. */
  | { kind: 'hang' }
  /** Reads the request and drops the connection without an answer. */
  | { kind: 'close' };

export type FakeNotifyServer = {
  /** "http://127.0.0.1:PORT", without a trailing slash. */
  origin: string;
  /** Every request so far, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** What requests to `path` get from now on (by default 200 with an empty body). */
  answer(path: string, next: NotifyAnswer): void;
  /** Resolves with the requests once `n` have arrived (at once if they already have). */
  waitForRequests(n: number): Promise<readonly RecordedRequest[]>;
  close(): Promise<void>;
};

const OK: NotifyAnswer = { kind: 'status', status: 200 };

export async function startFakeNotifyServer(): Promise<FakeNotifyServer> {
  const requests: RecordedRequest[] = [];
  const answers = new Map<string, NotifyAnswer>();
  const arrivals = new EventEmitter();
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      requests.push({
        method: request.method ?? '',
        path,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      reply(answers.get(path) ?? OK, response, hanging);
      arrivals.emit('request');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    answer: (path, next) => answers.set(path, next),
    waitForRequests: async (n) => {
      while (requests.length < n) await once(arrivals, 'request');
      return requests;
    },
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function reply(answer: NotifyAnswer, response: ServerResponse, hanging: Set<ServerResponse>): void {
  switch (answer.kind) {
    case 'status':
      response
        .writeHead(answer.status, { 'content-type': answer.contentType ?? 'text/plain; charset=utf-8' })
        .end(answer.body ?? '');
      return;
    case 'hang':
      hanging.add(response);
      response.on('close', () => hanging.delete(response));
      return;
    case 'close':
      response.socket?.destroy();
      return;
  }
}
