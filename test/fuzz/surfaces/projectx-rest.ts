// ProjectX REST answers: the REST client against a local server answering any status, header and body (it
// always resolves to an outcome, and never calls a non-200 or a refused envelope "ok"), and the snapshot readers
// (accounts, positions, orders, trades, contracts) on mutated answers: they never throw, and every event they
// make is one the journal can read back.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { createBook } from '../../../main/broker/projectx/book';
import { createContracts } from '../../../main/broker/projectx/contracts';
import { createRateLimiter } from '../../../main/broker/projectx/rate-limiter';
import { readAccounts, readSnapshot } from '../../../main/broker/projectx/reconcile';
import { createRestClient, type RestOutcome } from '../../../main/broker/projectx/rest-client';
import type { Session } from '../../../main/broker/projectx/session';
import { systemClock } from '../../../main/platform/clock';
import { memoryLogger } from '../../../main/platform/logger';
import { hostileValue, jsonText } from '../arbitraries/hostile';
import { sampleOrMutated } from '../arbitraries/mutate';
import { rawText } from '../arbitraries/raw';
import { withTimeout } from '../harness/runner';
import { fuzzProperty, type FuzzContext, type Surface } from '../harness/types';
import { MNQ_CONTRACT, restSamples } from '../samples/projectx';
import { checkEmitted } from './broker-events';

const bodies = Object.values(restSamples);
const answer = fc.record({
  status: fc.constantFrom(200, 200, 200, 200, 201, 204, 400, 401, 404, 429, 500, 503),
  retryAfter: fc.option(fc.constantFrom('0', '1', '-5', 'NaN', '1e309', 'Wed, 21 Oct 2015 07:28:00 GMT')),
  contentType: fc.constantFrom('application/json', 'text/html', ''),
  body: fc.oneof(
    { weight: 4, arbitrary: sampleOrMutated(bodies).map(jsonText) },
    { weight: 1, arbitrary: rawText(bodies.map((b) => JSON.stringify(b))) },
    { weight: 1, arbitrary: hostileValue.map(jsonText) },
  ),
});
type Answer = { status: number; retryAfter: string | null; contentType: string; body: string };

/** An answer by endpoint for the snapshot readers: mutated samples of the lists they read. */
const rows = fc.record({
  accounts: sampleOrMutated([restSamples.restAccounts]),
  positions: sampleOrMutated([restSamples.restPositions]),
  orders: sampleOrMutated([
    {
      orders: [
        {
          id: 2669189971,
          accountId: 18410777,
          contractId: MNQ_CONTRACT.id,
          status: 1,
          type: 4,
          side: 1,
          size: 2,
          stopPrice: 21400,
        },
      ],
      success: true,
      errorCode: 0,
    },
  ]),
  trades: sampleOrMutated([restSamples.restTrades]),
  contract: sampleOrMutated([restSamples.restContract, restSamples.restContractsLegacy]),
});

function session(answers: Record<string, unknown>): Session {
  const outcome = (body: unknown): RestOutcome =>
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? { kind: 'ok', body: body as Record<string, unknown> }
      : { kind: 'failed', error: 'no envelope', uncertain: true };
  const byEndpoint: Record<string, unknown> = {
    'Account/search': answers.accounts,
    'Position/searchOpen': answers.positions,
    'Order/searchOpen': answers.orders,
    'Trade/search': answers.trades,
    'Contract/searchById': answers.contract,
  };
  return {
    token: () => 'token',
    login: () => Promise.resolve({ ok: true }),
    refresh: () => Promise.resolve({ ok: true }),
    call: (endpoint) => Promise.resolve(outcome(byEndpoint[endpoint])),
    onTokenChanged: () => undefined,
    stop: () => undefined,
  };
}

export const projectXRestSurface: Surface = {
  name: 'projectx-rest',
  async start(context: FuzzContext) {
    let next: Answer = { status: 200, retryAfter: null, contentType: 'application/json', body: '{}' };
    const server: Server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const headers: Record<string, string> =
          next.contentType === '' ? {} : { 'content-type': next.contentType };
        if (next.retryAfter !== null) headers['retry-after'] = next.retryAfter;
        response.writeHead(next.status, headers);
        response.end(next.status === 204 ? undefined : next.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const logger = memoryLogger();
    const rest = createRestClient({
      baseUrl: url,
      limiter: createRateLimiter(systemClock, { max: 1_000_000, windowMs: 1_000 }),
      logger,
      clock: systemClock,
      timeoutMs: 3_000,
      maxRateLimitRetries: 0,
      backoffMs: 1,
    });
    return {
      properties: [
        fuzzProperty(
          'client',
          fc.asyncProperty(answer, async (a) => {
            context.count();
            next = a;
            const outcome = await withTimeout(
              rest.post('Account/search', { onlyActiveAccounts: true }, 'token'),
              5_000,
              'REST post',
            );
            if (outcome.kind === 'ok' && a.status !== 200) throw new Error(`HTTP ${a.status} taken as ok`);
            if (outcome.kind === 'ok' && (outcome.body.success !== true || outcome.body.errorCode !== 0))
              throw new Error('a refused envelope taken as ok');
            if (outcome.kind === 'unauthorized' && a.status !== 401)
              throw new Error(`HTTP ${a.status} taken as unauthorized`);
            logger.lines.length = 0;
          }),
        ),
        fuzzProperty(
          'snapshot',
          fc.asyncProperty(rows, async (answers) => {
            context.count(5);
            const base = { session: session(answers), book: createBook(), logger: memoryLogger() };
            const withContracts = {
              ...base,
              contracts: createContracts(base.session, base.book, base.logger),
            };
            const accounts = await readAccounts(withContracts);
            if (!accounts.ok) return;
            const read = await readSnapshot(withContracts, accounts.value, 0, () =>
              Date.parse('2026-03-19T15:00:00Z'),
            );
            if (read.ok) checkEmitted(read.value, 'the ProjectX snapshot');
          }),
        ),
      ],
      async stop() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  },
};
