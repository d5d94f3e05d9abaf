// ProjectX hub frames: through the feed alone (projectx-frames.ts), and on real sockets from the fake gateway to
// the real adapter and core: frames it must refuse (entities that do not parse, unknown targets, text that breaks
// the hub protocol) never change the picture, which keeps showing the gateway's balances and positions, and a
// real fill after them still arrives.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  accountSchema,
  orderSchema,
  parseEntity,
  positionSchema,
  tradeSchema,
  unwrapUserArgument,
} from '../../../main/broker/projectx/parse';
import { startFakeGateway, type FakeGateway } from '../../fakes/projectx-gateway/server';
import { ACCOUNT_ID, ES, MNQ, seedDemo } from '../../fakes/projectx-gateway/seed';
import { coreOn } from '../../integration/projectx/harness';
import { rawText } from '../arbitraries/raw';
import { fuzzProperty, type FuzzContext, type Surface } from '../harness/types';
import { projectXFrameProperty, hubFrame } from './projectx-frames';
import { converges, equityIdentity, holds, type TruthAccount } from './truth';
import type { z } from 'zod';

const SCHEMAS: Record<string, z.ZodType> = {
  GatewayUserAccount: accountSchema,
  GatewayUserOrder: orderSchema,
  GatewayUserPosition: positionSchema,
  GatewayUserTrade: tradeSchema,
};

/** A user frame whose every entity the adapter must refuse (or a target it does not know). */
function refused(frame: { target: string; arguments: unknown }): boolean {
  const schema = SCHEMAS[frame.target];
  if (frame.target === 'GatewayLogout') return false;
  if (schema === undefined) return !frame.target.startsWith('Gateway') || frame.target === 'GatewayFuzz';
  const args = Array.isArray(frame.arguments) ? (frame.arguments as unknown[]) : [frame.arguments];
  const argument = args.length === 1 ? args[0] : args;
  return unwrapUserArgument(argument).every(({ entity }) => !parseEntity(schema, entity).ok);
}

type Hostile =
  { kind: 'user'; target: string; args: unknown[] } | { kind: 'raw'; hub: 'user' | 'market'; text: string };

const RS = '\u001e';
const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  {
    weight: 8,
    arbitrary: hubFrame
      .filter((frame) => frame.target !== 'GatewayQuote' && refused(frame))
      .map((frame) => ({
        kind: 'user' as const,
        target: frame.target,
        args: Array.isArray(frame.arguments) ? (frame.arguments as unknown[]) : [frame.arguments],
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('user' as const, 'market' as const), rawText(), fc.boolean())
      .map(([hub, text, terminated]) => ({
        kind: 'raw' as const,
        hub,
        text: terminated ? `${text}${RS}` : text,
      })),
  },
);

const realFill = fc.record({
  contract: fc.constantFrom(MNQ, ES),
  side: fc.constantFrom(0 as const, 1 as const),
  size: fc.integer({ min: 1, max: 3 }),
  ticks: fc.integer({ min: -40, max: 40 }),
});

function truthOf(gateway: FakeGateway): TruthAccount[] {
  return [...gateway.model.accounts.values()].map((account) => ({
    id: String(account.id),
    balance: account.balance.toFixed(),
    positions: new Map(
      [...gateway.model.positions.values()]
        .filter((p) => p.accountId === account.id && p.size > 0)
        .map((p) => [
          p.contractId,
          { qty: p.type === 1 ? p.size : -p.size, avgPrice: String(p.averagePrice.toNumber()) },
        ]),
    ),
  }));
}

export const projectXHubSurface: Surface = {
  name: 'projectx-hub',
  async start(context: FuzzContext) {
    const dir = mkdtempSync(join(tmpdir(), 'warden-fuzz-projectx-'));
    const gateway = await startFakeGateway({ pingMs: 200 });
    seedDemo(gateway.model);
    const core = await coreOn(gateway, dir);
    const truth = () => truthOf(gateway);
    const view = () => core.view();
    await converges(view, truth, 'the first connection');
    const live = fuzzProperty(
      'live',
      fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 6 }), realFill, async (frames, fill) => {
        context.count(frames.length);
        const mark = context.mark();
        const before = truth();
        for (const frame of frames)
          if (frame.kind === 'user') gateway.invoke('user', frame.target, frame.args);
          else gateway.sendRaw(frame.hub, frame.text);
        await holds(view, before, 'frames the adapter must refuse');
        await converges(view, truth, 'after refused frames');
        const price = (fill.contract === MNQ ? 21450 : 5980) + fill.ticks * 0.25;
        gateway.fill(ACCOUNT_ID, fill.contract, fill.side, fill.size, price);
        gateway.quote(fill.contract, { lastPrice: price, bestBid: price - 0.25, bestAsk: price });
        await converges(view, truth, 'a real fill after refused frames');
        equityIdentity(core.view());
        context.assertNoCrashSince(mark);
      }),
    );
    return {
      properties: [projectXFrameProperty(context), live],
      async stop() {
        await core.stop();
        await gateway.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};
