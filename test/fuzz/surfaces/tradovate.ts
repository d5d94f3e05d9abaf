// Tradovate's socket frames and payloads: the frame reader (wire/frames.ts) and every payload reader
// (parse/*.ts) never throw on any text or value; a sync snapshot and `props` pushes, mutated, go through the
// adapter's mapper without a throw, and every event it emits is one the journal can read back.
import fc from 'fast-check';
import { parseFrame } from '../../../main/broker/tradovate/wire/frames';
import {
  parseMdPush,
  parsePropsPush,
  parseSyncSnapshot,
} from '../../../main/broker/tradovate/parse/messages';
import {
  parseAuthAnswer,
  parseCashBalanceSnapshot,
  parseCommandAnswer,
} from '../../../main/broker/tradovate/parse/answers';
import { createTradovateMapper } from '../../../main/broker/tradovate/events';
import snapshot from '../../fixtures/tradovate/sync-snapshot.json';
import { hostileValue, jsonText } from '../arbitraries/hostile';
import { mutated, sampleOrMutated } from '../arbitraries/mutate';
import { rawText } from '../arbitraries/raw';
import { fuzzProperty, type FuzzContext, type Surface } from '../harness/types';
import { checkEmitted } from './broker-events';
import { startTradovateLive } from './tradovate-live';

const NOW = Date.parse('2026-03-19T14:00:00Z');
const LISTS: Record<string, string> = {
  accounts: 'account',
  cashBalances: 'cashBalance',
  positions: 'position',
  orders: 'order',
  orderVersions: 'orderVersion',
  fills: 'fill',
  fillFees: 'fillFee',
  contracts: 'contract',
  contractMaturities: 'contractMaturity',
  products: 'product',
  userAccountAutoLiqs: 'userAccountAutoLiq',
  accountRiskStatuses: 'accountRiskStatus',
  marginSnapshots: 'marginSnapshot',
};
const lists = snapshot as unknown as Record<string, unknown[]>;
const props = Object.entries(LISTS).flatMap(([list, entityType]) =>
  (lists[list] ?? []).map((entity) => ({ entityType, eventType: 'Updated', entity })),
);
const md = {
  quotes: [
    {
      timestamp: '2026-03-19T14:00:01.250Z',
      contractId: 3570918,
      entries: {
        Bid: { price: 21234, size: 4 },
        Offer: { price: 21234.25, size: 2 },
        Trade: { price: 21234.25, size: 1 },
      },
    },
  ],
};
const answers = [
  {
    accessToken: 'tok',
    mdAccessToken: 'md',
    expirationTime: '2026-03-19T15:30:00Z',
    userId: 2417,
    userStatus: 'Active',
    name: 'trader7',
    hasLive: false,
  },
  { orderId: 880003, failureReason: 'Success' },
  { errorText: 'Access is denied' },
  { openPnL: 12.5, netLiq: 50135.95, totalCashValue: 50123.45, initialMargin: 210.5 },
];

const frameText = fc.oneof(
  {
    weight: 3,
    arbitrary: rawText([
      'o',
      'h',
      'c[1000,"Closed"]',
      `a${JSON.stringify([
        { e: 'props', d: props[0] },
        { s: 200, i: 3, d: {} },
      ])}`,
    ]),
  },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(mutated({ e: 'props', d: props[0] }), mutated({ s: 200, i: 7, d: md }), hostileValue), {
        maxLength: 4,
      })
      .map((m) => `a${jsonText(m)}`),
  },
  { weight: 1, arbitrary: mutated([1000, 'Closed']).map((c) => `c${jsonText(c)}`) },
);

const session = fc.record({
  snapshot: fc.oneof(
    { weight: 3, arbitrary: fc.constant(snapshot as unknown) },
    { weight: 2, arbitrary: mutated(snapshot, 4) },
    { weight: 1, arbitrary: hostileValue },
  ),
  pushes: fc.array(
    fc.oneof({ weight: 4, arbitrary: sampleOrMutated(props) }, { weight: 1, arbitrary: hostileValue }),
    { maxLength: 6 },
  ),
  md: fc.array(sampleOrMutated([md]), { maxLength: 2 }),
  answers: fc.array(sampleOrMutated(answers), { maxLength: 3 }),
});

export const tradovateSurface: Surface = {
  name: 'tradovate',
  async start(context: FuzzContext) {
    const live = await startTradovateLive(context);
    return {
      properties: [
        fuzzProperty(
          'frames',
          fc.property(frameText, (text) => {
            context.count();
            const frame = parseFrame(text);
            if (typeof frame.kind !== 'string') throw new Error('a frame read into nothing');
          }),
        ),
        fuzzProperty(
          'payloads',
          fc.property(session, (s) => {
            context.count(1 + s.pushes.length + s.md.length + s.answers.length);
            const mapper = createTradovateMapper();
            const synced = parseSyncSnapshot(s.snapshot);
            checkEmitted(mapper.snapshot(synced.snapshot, NOW).events, 'the Tradovate mapper (snapshot)');
            for (const push of s.pushes) {
              const parsed = parsePropsPush(push);
              if (parsed.ok)
                checkEmitted(mapper.apply(parsed.value, NOW).events, 'the Tradovate mapper (props)');
            }
            for (const payload of s.md) parseMdPush(payload);
            for (const payload of s.answers) {
              parseAuthAnswer(payload);
              parseCommandAnswer(payload);
              parseCashBalanceSnapshot(payload);
            }
          }),
        ),
        live.property,
      ],
      stop: () => live.stop(),
    };
  },
};
