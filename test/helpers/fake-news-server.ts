// A local stand-in for the news calendar feed (WARDEN_NEWS_URL): answers what the test sets (a JSON list, an
// HTTP error, garbage, or nothing at all) and counts the requests, so no test reaches the internet.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedAnswer =
  | { kind: 'json'; body: unknown }
  | { kind: 'status'; status: number }
  | { kind: 'text'; body: string }
  | { kind: 'hang' };

export type FakeNewsServer = {
  url: string;
  /** What every following request gets. */
  answer(next: FeedAnswer): void;
  requests(): number;
  /** Resolves at the `n`th request (1-based), at once if it already came. */
  request(n: number): Promise<void>;
  close(): Promise<void>;
};

export async function startFakeNewsServer(first: FeedAnswer): Promise<FakeNewsServer> {
  let current = first;
  let count = 0;
  const waiting: { n: number; resolve: () => void }[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((_request, response) => {
    count += 1;
    reply(current, response, hanging);
    for (const waiter of waiting.filter((w) => w.n <= count)) waiter.resolve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/ff_calendar_thisweek.json`,
    answer: (next) => {
      current = next;
    },
    requests: () => count,
    request: (n) => (n <= count ? Promise.resolve() : new Promise((resolve) => waiting.push({ n, resolve }))),
    close: () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function reply(answer: FeedAnswer, response: ServerResponse, hanging: ServerResponse[]): void {
  switch (answer.kind) {
    case 'json':
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      return;
    case 'status':
      response.writeHead(answer.status, { 'content-type': 'text/plain' }).end('Service Unavailable');
      return;
    case 'text':
      response.writeHead(200, { 'content-type': 'text/html' }).end(answer.body);
      return;
    case 'hang':
      hanging.push(response);
      return;
  }
}

/** A release as the Forex Factory export writes it. */
export function release(title: string, date: string, country = 'USD', impact = 'High') {
  return { title, country, date, impact, forecast: '', previous: '' };
}
