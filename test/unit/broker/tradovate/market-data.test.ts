// Tradovate quotes (docs/brokers/TRADOVATE.md section 6) from a real market-data socket on 127.0.0.1: a quote
// older, by Tradovate's own `timestamp`, than the newest taken for its contract is dropped; each contract is judged
// on its own; a quote without a timestamp passes; a new market-data socket (a new connection) judges afresh.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrokerEvent } from '../../../../shared/domain/events';
import type { TradovateAuth } from '../../../../main/broker/tradovate/auth';
import { createTradovateBook } from '../../../../main/broker/tradovate/book';
import { createMarketData, type MarketData } from '../../../../main/broker/tradovate/market-data';
import { createSerialQueue } from '../../../../main/broker/serial-queue';
import { memoryLogger } from '../../../../main/platform/logger';
import { createManualClock } from '../../../helpers/manual-clock';
import { startMinimalServer, type MinimalServer } from './wire/minimal-server';

const NOW = Date.parse('2026-12-02T15:00:00Z');
const MNQ = '3570918';
const MES = '3570920';
/** A contract whose quote, sent last, tells the test that everything before it was handled. */
const BARRIER = '3570999';

const auth: TradovateAuth = {
  login: () => Promise.reject(new Error('not used')),
  renew: () => Promise.reject(new Error('not used')),
  accessToken: () => 'access-token',
  mdAccessToken: () => 'md-token',
  grant: () => null,
  onChange: () => () => undefined,
  stop: () => undefined,
};

const running: { server: MinimalServer; md: MarketData }[] = [];
afterEach(async () => {
  for (const { server, md } of running.splice(0)) {
    md.stop();
    await server.stop();
  }
});

async function setup() {
  const server = await startMinimalServer();
  const clock = createManualClock(NOW);
  const logger = memoryLogger();
  const book = createTradovateBook();
  for (const [id, name] of [
    [MNQ, 'MNQZ6'],
    [MES, 'MESZ6'],
    [BARRIER, 'M2KZ6'],
  ] as const)
    book.contracts.set(id, { id, name });
  const events: BrokerEvent[] = [];
  const md = createMarketData({
    url: server.url,
    auth,
    clock,
    logger,
    socketTiming: {},
    queue: createSerialQueue(logger),
    book,
    silenceMs: 10_000,
    pollMs: 2_000,
    emit: (batch) => events.push(...batch),
    request: () => Promise.reject(new Error('not used')),
    fellBack: () => undefined,
    recovered: () => undefined,
    ended: () => undefined,
  });
  running.push({ server, md });
  await md.start();
  expect(md.detail()).toBeNull();

  /**
   * Pushes the quotes, [contract, bid, seconds after 15:00:00 UTC or no timestamp], one `md` frame each or all in
   * one; then the barrier's, and waits for it.
   */
  const push = async (
    quotes: readonly (readonly [string, number, number | undefined])[],
    together = false,
  ) => {
    const before = events.length;
    const rows = quotes.map(([contractId, bid, at]) => ({
      ...(at === undefined ? {} : { timestamp: new Date(NOW + at * 1000).toISOString() }),
      contractId: Number(contractId),
      entries: { Bid: { price: bid, size: 1 } },
    }));
    const frames = together ? [rows] : rows.map((row) => [row]);
    frames.push([{ contractId: Number(BARRIER), entries: { Bid: { price: 1, size: 1 } } }]);
    for (const frame of frames) server.send(`a${JSON.stringify([{ e: 'md', d: { quotes: frame } }])}`);
    await vi.waitFor(
      () => {
        if (!events.slice(before).some((e) => e.type === 'quote' && e.symbol === 'M2KZ6'))
          throw new Error('the barrier quote has not come through yet');
      },
      { timeout: 5_000 },
    );
  };
  /** The quotes taken, as `symbol bid`, without the barrier's. */
  const taken = () =>
    events.flatMap((e) =>
      e.type === 'quote' && e.symbol !== 'M2KZ6' ? [`${e.symbol} ${e.bid?.toFixed() ?? 'no bid'}`] : [],
    );
  return { push, taken, events };
}

describe('stale Tradovate quotes', () => {
  it.each([
    { what: 'in order', stamps: [1, 1.5, 2], taken: ['MNQZ6 1', 'MNQZ6 2', 'MNQZ6 3'] },
    { what: 'one older than the newest', stamps: [1, 2, 1.5], taken: ['MNQZ6 1', 'MNQZ6 2'] },
    { what: 'the same timestamp twice', stamps: [1, 1], taken: ['MNQZ6 1', 'MNQZ6 2'] },
    { what: 'older ones after a dropped one', stamps: [2, 1, 1.5, 2.001], taken: ['MNQZ6 1', 'MNQZ6 4'] },
    { what: 'one without a timestamp between', stamps: [2, undefined, 1], taken: ['MNQZ6 1', 'MNQZ6 2'] },
  ])('drops a quote older than the newest taken for its contract: $what', async (row) => {
    const { push, taken } = await setup();
    await push(row.stamps.map((at, i) => [MNQ, i + 1, at] as const));
    expect(taken()).toEqual(row.taken);
  });

  it('judges each contract by its own newest quote', async () => {
    const { push, taken } = await setup();
    await push([
      [MNQ, 1, 5],
      [MES, 2, 1],
      [MNQ, 3, 4],
      [MES, 4, 2],
    ]);
    expect(taken()).toEqual(['MNQZ6 1', 'MESZ6 2', 'MESZ6 4']);
  });

  it('drops a stale quote that comes in the same push after a newer one', async () => {
    const { push, taken } = await setup();
    await push(
      [
        [MNQ, 1, 5],
        [MNQ, 2, 3],
        [MNQ, 3, 6],
      ],
      true,
    );
    expect(taken()).toEqual(['MNQZ6 1', 'MNQZ6 3']);
  });

  it('judges afresh on a new market-data socket (after a reconnect and its snapshot)', async () => {
    const first = await setup();
    await first.push([[MNQ, 1, 5]]);
    const second = await setup();
    await second.push([[MNQ, 2, 3]]);
    expect([first.taken(), second.taken()]).toEqual([['MNQZ6 1'], ['MNQZ6 2']]);
  });
});
