// ProjectX hub frames through the adapter's feed (parse, book, normalized events) with no sockets: a frame never
// makes a task throw (the queue would swallow it and no resync would be asked), and every event emitted is one
// the journal can read back.
import fc from 'fast-check';
import type { BrokerEvent } from '../../../shared/domain/events';
import { createBook } from '../../../main/broker/projectx/book';
import { createFeed } from '../../../main/broker/projectx/feed';
import { contractSchema, parseEntity } from '../../../main/broker/projectx/parse';
import { createSerialQueue } from '../../../main/broker/serial-queue';
import { memoryLogger } from '../../../main/platform/logger';
import { createManualClock } from '../../helpers/manual-clock';
import { hostileValue } from '../arbitraries/hostile';
import { mutated } from '../arbitraries/mutate';
import { fuzzProperty, type FuzzContext, type FuzzProperty } from '../harness/types';
import { hubSamples, MNQ_CONTRACT } from '../samples/projectx';
import { checkEmitted } from './broker-events';

const TARGETS = [...new Set(hubSamples.map((s) => s.target))];

export const hubFrame = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...hubSamples) },
  {
    weight: 8,
    arbitrary: fc
      .constantFrom(...hubSamples)
      .chain((sample) =>
        mutated(sample.arguments).map((args) => ({ target: sample.target, arguments: args })),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...TARGETS), fc.array(hostileValue, { maxLength: 3 }))
      .map(([target, args]) => ({ target, arguments: args })),
  },
);

/** A feed on a fake gateway that knows MNQ: every frame of the batch, then the queue run dry. */
async function feedFrames(frames: readonly { target: string; arguments: unknown }[]) {
  const logger = memoryLogger();
  const clock = createManualClock(Date.parse('2026-03-19T14:00:00Z'));
  const emitted: BrokerEvent[] = [];
  const book = createBook();
  const contract = parseEntity(contractSchema, MNQ_CONTRACT);
  if (!contract.ok) throw new Error(contract.error);
  const queue = createSerialQueue(logger);
  const feed = createFeed({
    book,
    contracts: {
      get: (id) =>
        Promise.resolve(
          id === MNQ_CONTRACT.id ? { ok: true, contract: contract.value } : { ok: false, error: 'unknown' },
        ),
    },
    clock,
    logger,
    queue,
    emit: (event) => emitted.push(event),
    guarded: () => true,
    positionSettleMs: 10,
    resync: () => undefined,
    holdingsChanged: () => undefined,
    loggedOut: () => undefined,
  });
  for (const frame of frames) {
    const args = Array.isArray(frame.arguments) ? (frame.arguments as unknown[]) : [frame.arguments];
    const handler = feed.user[frame.target] ?? feed.market[frame.target];
    handler?.(args);
  }
  await queue.run(() => undefined);
  clock.advance(100);
  await queue.run(() => undefined);
  feed.stop();
  const failed = logger.lines.find((l) => l.message === 'feed task failed');
  if (failed !== undefined)
    throw new Error(`a hub frame made a feed task throw: ${String(failed.context?.error)}`);
  checkEmitted(emitted, 'the ProjectX feed');
}

export function projectXFrameProperty(context: FuzzContext): FuzzProperty {
  return fuzzProperty(
    'frames',
    fc.asyncProperty(fc.array(hubFrame, { minLength: 1, maxLength: 8 }), async (frames) => {
      context.count(frames.length);
      await feedFrames(frames);
    }),
  );
}
