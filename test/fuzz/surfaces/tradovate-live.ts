// Tradovate on real sockets: the fake gateway sends the real adapter and core frames they must refuse (raw text on
// the user and market-data sockets, `props` pushes whose entity does not parse); the picture keeps showing the
// gateway's balances and positions, and a real fill after them still arrives.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createTradovateBroker } from '../../../main/broker/tradovate';
import { parseEntity, isEntityType } from '../../../main/broker/tradovate/parse/entity-kinds';
import { createCore } from '../../../main/core/app';
import { deviceIdFor } from '../../../main/core/broker-choice';
import { loadConfig } from '../../../main/core/start';
import { engineConfigOf } from '../../../main/engine';
import { systemClock } from '../../../main/platform/clock';
import { memoryLogger } from '../../../main/platform/logger';
import { openStore } from '../../../main/store';
import {
  FAKE_CREDENTIALS,
  startFakeTradovate,
  type FakeTradovate,
} from '../../fakes/tradovate-gateway/server';
import { ACCOUNT_A, ACCOUNT_B, MNQ, USER, seedDemo } from '../../fakes/tradovate-gateway/seed';
import { rawText } from '../arbitraries/raw';
import { hostileValue, jsonText } from '../arbitraries/hostile';
import { mutated } from '../arbitraries/mutate';
import { fuzzProperty, type FuzzContext, type FuzzProperty } from '../harness/types';
import { converges, equityIdentity, holds, type TruthAccount } from './truth';

type Hostile =
  | { kind: 'raw'; socket: 'user' | 'md'; text: string }
  | { kind: 'props'; entityType: string; entity: object };

const entitySamples: { entityType: string; entity: object }[] = [
  {
    entityType: 'fill',
    entity: {
      id: 1,
      orderId: 2,
      contractId: MNQ,
      timestamp: '2026-03-19T14:00:00Z',
      action: 'Buy',
      qty: 1,
      price: 21450,
      active: true,
    },
  },
  {
    entityType: 'position',
    entity: { id: 3, accountId: ACCOUNT_A, contractId: MNQ, netPos: 2, netPrice: 21450 },
  },
  { entityType: 'cashBalance', entity: { id: ACCOUNT_A + 1, accountId: ACCOUNT_A, amount: 12345 } },
  {
    entityType: 'order',
    entity: { id: 4, accountId: ACCOUNT_A, contractId: MNQ, action: 'Sell', ordStatus: 'Working' },
  },
];

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** A push whose entity the adapter must refuse: its type is known and its entity does not parse. */
const refusedProps = fc
  .constantFrom(...entitySamples)
  .chain((sample) => mutated(sample.entity).map((entity) => ({ entityType: sample.entityType, entity })))
  .filter(({ entityType, entity }) => isEntityType(entityType) && !parseEntity(entityType, entity).ok)
  .map(({ entityType, entity }) => ({
    kind: 'props' as const,
    entityType,
    entity: isObject(entity) ? entity : { value: entity },
  }));

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 3, arbitrary: refusedProps },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('user' as const, 'md' as const),
        fc.oneof(
          rawText(['a[{"e":"props","d":{}}]', 'h', 'o']),
          hostileValue.map((v) => `a${jsonText([v])}`),
        ),
      )
      .map(([socket, text]) => ({ kind: 'raw' as const, socket, text })),
  },
);

function truthOf(gateway: FakeTradovate): TruthAccount[] {
  const { model } = gateway;
  return [ACCOUNT_A, ACCOUNT_B].map((id) => ({
    id: String(id),
    balance: String(model.cashBalances.get(id + 1)?.amount ?? 0),
    bySymbol: true,
    positions: new Map(
      [...model.positions.values()]
        .filter((p) => p.accountId === id && p.netPos !== 0)
        .map((p) => [
          model.contracts.get(p.contractId)?.name ?? String(p.contractId),
          { qty: p.netPos, avgPrice: null },
        ]),
    ),
  }));
}

export async function startTradovateLive(
  context: FuzzContext,
): Promise<{ property: FuzzProperty; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-fuzz-tradovate-'));
  const gateway = await startFakeTradovate();
  seedDemo(gateway.model, Date.now());
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), 'session: { timezone: America/Chicago, dayStart: "17:00" }\n');
  const logger = memoryLogger();
  const broker = createTradovateBroker({
    login: {
      broker: 'tradovate',
      userName: FAKE_CREDENTIALS.name,
      password: FAKE_CREDENTIALS.password,
      appId: FAKE_CREDENTIALS.appId,
      appVersion: '1.0',
      cid: FAKE_CREDENTIALS.cid,
      secret: FAKE_CREDENTIALS.sec,
      environment: 'demo',
      apiUrl: gateway.urls.api,
      wsUrl: gateway.urls.ws,
      mdUrl: gateway.urls.md,
    },
    overrides: {},
    clock: systemClock,
    logger,
    deviceId: deviceIdFor(dir),
    timing: { restartDelaysMs: [100, 200, 400] },
  });
  const store = openStore(join(dir, 'warden.db'), { logger, clock: systemClock });
  const core = await createCore({
    broker,
    store,
    clock: systemClock,
    logger,
    engineConfig: engineConfigOf(loadConfig(join(dir, 'config.yaml'))),
  });
  const view = () => core.view();
  const truth = () => truthOf(gateway);
  await converges(view, truth, 'the first Tradovate connection', 15_000);
  const property = fuzzProperty(
    'live',
    fc.asyncProperty(
      fc.array(hostile, { minLength: 1, maxLength: 5 }),
      fc.record({
        action: fc.constantFrom('Buy' as const, 'Sell' as const),
        qty: fc.integer({ min: 1, max: 3 }),
        ticks: fc.integer({ min: -20, max: 20 }),
      }),
      async (frames, fill) => {
        context.count(frames.length);
        const mark = context.mark();
        const before = truth();
        for (const frame of frames)
          if (frame.kind === 'raw') gateway.sendRaw(frame.socket, frame.text);
          else gateway.pushProps(USER.id, frame.entityType, 'Updated', frame.entity);
        await holds(view, before, 'Tradovate frames the adapter must refuse');
        await converges(view, truth, 'after refused Tradovate frames', 10_000);
        gateway.fill({
          account: ACCOUNT_A,
          contract: MNQ,
          action: fill.action,
          qty: fill.qty,
          price: 21450 + fill.ticks * 0.25,
        });
        await converges(view, truth, 'a real Tradovate fill after refused frames', 10_000);
        equityIdentity(core.view());
        context.assertNoCrashSince(mark);
      },
    ),
  );
  return {
    property,
    async stop() {
      await core.stop();
      await gateway.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
