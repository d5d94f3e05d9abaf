// Hub frames (docs/brokers/PROJECTX.md section 6) through the feed into normalized events: wrapped or bare, partial updates
// merged, closes by size 0 or action 2, duplicates once, anything not understood dropped and a resync asked for.
import { describe, expect, it } from 'vitest';
import type { BrokerEvent } from '../../../../shared/domain/events';
import { decimalsAsStrings } from '../../../../shared/domain/money';
import { createBook } from '../../../../main/broker/projectx/book';
import type { Contracts } from '../../../../main/broker/projectx/contracts';
import { createFeed } from '../../../../main/broker/projectx/feed';
import { contractSchema, parseEntity } from '../../../../main/broker/projectx/parse';
import { createSerialQueue } from '../../../../main/broker/serial-queue';
import { memoryLogger } from '../../../../main/platform/logger';
import { createManualClock } from '../../../helpers/manual-clock';
import samples from '../../../fixtures/projectx-samples.json';

const NOW = Date.parse('2026-03-19T15:00:00Z');

function setup(guarded = ['18410777']) {
  const clock = createManualClock(NOW);
  const logger = memoryLogger();
  const book = createBook();
  const queue = createSerialQueue(logger);
  const events: BrokerEvent[] = [];
  const resyncs: string[] = [];
  const contracts: Contracts = {
    get(id) {
      const row = [samples.restContract.contract, samples.restContractsLegacy.contracts[0]].find(
        (c) => c?.id === id,
      );
      const parsed = parseEntity(contractSchema, row);
      if (!parsed.ok)
        return Promise.resolve({ ok: false, error: `Contract/searchById refused: contract not found` });
      book.contracts.set(id, parsed.value);
      return Promise.resolve({ ok: true, contract: parsed.value });
    },
  };
  const feed = createFeed({
    book,
    contracts,
    clock,
    logger,
    queue,
    emit: (e) => events.push(e),
    guarded: (id) => guarded.includes(id),
    positionSettleMs: 500,
    resync: (reason) => resyncs.push(reason),
    holdingsChanged: () => undefined,
    loggedOut: () => undefined,
  });
  const send = async (frame: { target: string; arguments: unknown[] }) => {
    const handler = feed.user[frame.target] ?? feed.market[frame.target];
    if (handler === undefined) throw new Error(`no handler for ${frame.target}`);
    handler(frame.arguments);
    await queue.run(() => undefined);
  };
  /** Events as plain JSON-like records (decimals as strings), without the instrument announcements. */
  const seen = () => events.filter((e) => e.type !== 'instrument').map((e) => decimalsAsStrings(e));
  return { clock, logger, book, events, resyncs, feed, queue, send, seen };
}

describe('the user hub', () => {
  it('reports a wrapped account and a bare one with canTrade false', async () => {
    const { send, seen } = setup();
    await send(samples.accountWrapped);
    await send(samples.accountBare);
    expect(seen()).toEqual([
      {
        type: 'account',
        t: NOW,
        account: '18410777',
        balance: '50412.36',
        name: '50KTC-V2-423406-16429504',
        canTrade: true,
      },
      {
        type: 'account',
        t: NOW,
        account: '18410777',
        balance: '50412.36',
        name: '50KTC-V2-423406-16429504',
        canTrade: false,
      },
    ]);
  });

  it('turns trades into fills once, with the broker P&L, and a voided PascalCase trade into a voided fill', async () => {
    const { send, seen, events } = setup();
    await send(samples.tradeOpening);
    await send(samples.tradeOpening); // delivered twice
    await send(samples.tradeClosing);
    await send(samples.tradeVoidedPascal);
    expect(seen()).toEqual([
      {
        type: 'fill',
        t: Date.parse('2026-03-19T13:12:04.201Z'),
        account: '18410777',
        id: '2314563086',
        orderId: '2669189964',
        symbol: 'CON.F.US.MNQ.M26',
        side: 'buy',
        qty: 2,
        price: '21450.25',
        fees: '0.74',
      },
      {
        type: 'fill',
        t: Date.parse('2026-03-19T13:20:41.655Z'),
        account: '18410777',
        id: '2314563102',
        orderId: '2669189990',
        symbol: 'CON.F.US.MNQ.M26',
        side: 'sell',
        qty: 2,
        price: '21460.75',
        fees: '0.74',
        realizedPnl: '42',
      },
      {
        type: 'fill',
        t: Date.parse('2026-03-19T14:02:11.500Z'),
        account: '18410777',
        id: '2314563110',
        orderId: '2669190200',
        symbol: 'CON.F.US.EP.M26',
        side: 'sell',
        qty: 1,
        price: '5972.25',
        fees: '1.4',
        realizedPnl: '-162.5',
        voided: true,
      },
    ]);
    // The instrument comes before the first fill on it.
    expect(events.map((e) => e.type).slice(0, 2)).toEqual(['instrument', 'fill']);
  });

  it('follows an order from pending to filled, and a stop from working to cancelled, as working → gone', async () => {
    const { send, seen, book } = setup();
    await send(samples.orderMarketPending);
    await send(samples.orderStopOpen);
    expect([...book.orders.keys()]).toEqual(['2669189964', '2669189971']);
    await send(samples.orderMarketFilled);
    await send(samples.orderStopCancelled);
    await send(samples.orderSuspendedChild);
    expect(
      seen().map((e) => [
        e.id,
        e.kind,
        e.side,
        e.qty,
        e.status,
        e.filledQty,
        e.stopPrice ?? e.limitPrice ?? null,
        e.tag ?? null,
      ]),
    ).toEqual([
      ['2669189964', 'market', 'buy', 2, 'working', 0, null, null],
      ['2669189971', 'stop', 'sell', 2, 'working', 0, '21420', 'rm-stop-1'],
      ['2669189964', 'market', 'buy', 2, 'filled', 2, null, null],
      ['2669189971', 'stop', 'sell', 2, 'cancelled', 0, '21420', 'rm-stop-1'],
      ['2669189980', 'limit', 'sell', 2, 'working', 0, '21470', null],
    ]);
    expect([...book.orders.keys()]).toEqual(['2669189980']); // the suspended bracket child counts as working
  });

  it('reports positions after they settle, the latest one only; size 0 and action 2 both close', async () => {
    const { send, seen, clock, book } = setup();
    await send(samples.positionOpened);
    expect(seen()).toEqual([]);
    clock.advance(500);
    await send({ target: 'GatewayUserPosition', arguments: [] }); // lets the queue run
    expect(seen()).toEqual([
      {
        type: 'position',
        t: NOW + 500,
        account: '18410777',
        symbol: 'CON.F.US.MNQ.M26',
        qty: 2,
        avgPrice: '21450.25',
      },
    ]);
    await send(samples.positionClosedBySize);
    await send(samples.positionClosedByAction);
    clock.advance(500);
    await send({ target: 'GatewayUserPosition', arguments: [] });
    expect(seen().slice(1)).toEqual([
      {
        type: 'position',
        t: NOW + 1000,
        account: '18410777',
        symbol: 'CON.F.US.MNQ.M26',
        qty: 0,
        avgPrice: '21460.75',
      },
    ]);
    expect(book.positions.size).toBe(0);
  });

  it('drops the position reports still waiting, or settled behind it, once a REST snapshot is applied', async () => {
    const { send, seen, clock, feed, queue } = setup();
    await send(samples.positionOpened);
    let snapshotRead: () => void = () => undefined;
    const reading = new Promise<void>((resolve) => {
      snapshotRead = resolve;
    });
    const reconcile = queue.run(async () => {
      await reading;
      feed.snapshotApplied();
    });
    clock.advance(500); // settles while the snapshot is read: its report waits in the queue behind it
    snapshotRead();
    await reconcile;
    await send(samples.positionClosedBySize);
    feed.snapshotApplied(); // this one was still waiting
    clock.advance(500);
    await send({ target: 'GatewayUserPosition', arguments: [] }); // lets the queue run
    expect(seen()).toEqual([]);
  });

  it('merges a delta position (no contractId) into the one known by its id', async () => {
    const { send, seen, clock } = setup();
    await send({
      target: 'GatewayUserPosition',
      arguments: [
        {
          action: 0,
          data: {
            ...samples.positionDelta.arguments[0]?.data,
            contractId: 'CON.F.US.EP.M26',
            creationTimestamp: '2026-03-19T14:00:00Z',
            size: 2,
          },
        },
      ],
    });
    await send(samples.positionDelta);
    clock.advance(500);
    await send({ target: 'GatewayUserPosition', arguments: [] });
    expect(seen()).toEqual([
      {
        type: 'position',
        t: NOW + 500,
        account: '18410777',
        symbol: 'CON.F.US.EP.M26',
        qty: -1,
        avgPrice: '5975.5',
      },
    ]);
  });

  it('drops a delta it cannot place, says why with the frame, and asks for a resync', async () => {
    const { send, seen, logger, resyncs } = setup();
    await send(samples.positionDelta);
    expect(seen()).toEqual([]);
    expect(resyncs).toEqual(['GatewayUserPosition frame not understood']);
    expect(logger.lines.map((l) => [l.level, l.message, l.context?.error])).toEqual([
      ['error', 'hub frame not understood, dropped', 'position update names no known account and contract'],
    ]);
    expect(String(logger.lines[0]?.context?.frame)).toContain('"contractDisplayName":"ESM6"');
  });

  it('ignores accounts it does not guard', async () => {
    const { send, seen } = setup(['999']);
    await send(samples.accountWrapped);
    await send(samples.tradeOpening);
    expect(seen()).toEqual([]);
  });
});

describe('the market hub', () => {
  it('passes quotes of known contracts, partial ones as they are', async () => {
    const { send, seen, feed } = setup();
    feed.noteInstrument('CON.F.US.MNQ.M26');
    await send(samples.quoteFull);
    await send(samples.quotePartial);
    await send(samples.marketTrades);
    await send(samples.marketDepth);
    expect(seen()).toEqual([
      {
        type: 'quote',
        t: NOW,
        symbol: 'CON.F.US.MNQ.M26',
        bid: '21455.25',
        ask: '21455.75',
        last: '21455.5',
      },
      { type: 'quote', t: NOW, symbol: 'CON.F.US.MNQ.M26', bid: '21455.5' },
    ]);
  });

  /** A quote frame with only a bid, stamped by the gateway at `at` (seconds after 13:15 UTC) or not at all. */
  const bidQuote = (contractId: string, bid: number, at?: string) => ({
    target: 'GatewayQuote',
    arguments: [
      contractId,
      { bestBid: bid, ...(at === undefined ? {} : { timestamp: `2026-03-19T13:15:${at}+00:00` }) },
    ],
  });
  const MNQ = 'CON.F.US.MNQ.M26';
  const ES = 'CON.F.US.EP.M26';

  it.each([
    { what: 'in order', stamps: ['01.000', '01.500', '02.000'], bids: [1, 2, 3] },
    { what: 'one older than the newest', stamps: ['01.000', '02.000', '01.500'], bids: [1, 2] },
    { what: 'the same stamp twice', stamps: ['01.000', '01.000'], bids: [1, 2] },
    {
      what: 'an older one after a dropped one',
      stamps: ['02.000', '01.000', '01.500', '02.001'],
      bids: [1, 4],
    },
    { what: 'one without a stamp between', stamps: ['02.000', undefined, '01.000'], bids: [1, 2] },
  ])('drops a quote older than the newest taken for its contract: $what', async ({ stamps, bids }) => {
    const { send, seen, feed } = setup();
    feed.noteInstrument(MNQ);
    for (const [i, at] of stamps.entries()) await send(bidQuote(MNQ, i + 1, at));
    expect(seen()).toEqual(bids.map((bid) => ({ type: 'quote', t: NOW, symbol: MNQ, bid: String(bid) })));
  });

  it('judges each contract by its own newest quote', async () => {
    const { send, seen, feed } = setup();
    feed.noteInstrument(MNQ);
    feed.noteInstrument(ES);
    await send(bidQuote(MNQ, 1, '05.000'));
    await send(bidQuote(ES, 2, '01.000'));
    await send(bidQuote(MNQ, 3, '04.000'));
    expect(seen()).toEqual([
      { type: 'quote', t: NOW, symbol: MNQ, bid: '1' },
      { type: 'quote', t: NOW, symbol: ES, bid: '2' },
    ]);
  });

  it('judges afresh after a REST snapshot (the connection may be a new one)', async () => {
    const { send, seen, feed, queue } = setup();
    feed.noteInstrument(MNQ);
    await send(bidQuote(MNQ, 1, '05.000'));
    await send(bidQuote(MNQ, 2, '04.000'));
    await queue.run(() => {
      feed.snapshotApplied();
    });
    await send(bidQuote(MNQ, 3, '03.000'));
    await send(bidQuote(MNQ, 4, '02.000'));
    expect(seen()).toEqual([
      { type: 'quote', t: NOW, symbol: MNQ, bid: '1' },
      { type: 'quote', t: NOW, symbol: MNQ, bid: '3' },
    ]);
  });
});
