// `npm run fake-gateway -- --broker tradovate`: the fake Tradovate gateway by hand, on real time, with a wandering
// MNQ and ES market. Type commands on stdin (`help` lists them).
import { createInterface } from 'node:readline';
import { FAKE_CREDENTIALS, startFakeTradovate } from './server';
import { ACCOUNT_A, ACCOUNT_B, ES, MNQ, seedDemo } from './seed';

const port = Number(process.env.WARDEN_FAKE_GATEWAY_PORT ?? 5870);
const gateway = await startFakeTradovate({ port });
seedDemo(gateway.model, Date.now());
const prices = new Map([
  [MNQ, 21450],
  [ES, 5975],
]);
const contractOf = (symbol: string | undefined) =>
  symbol?.toUpperCase().startsWith('ES') === true ? ES : MNQ;
const quote = (contract: number, price: number) => {
  prices.set(contract, price);
  gateway.quote(contract, { bid: price, offer: price + 0.25, trade: price });
};
setInterval(() => {
  for (const [contract, price] of prices) quote(contract, price + (Math.floor(Math.random() * 5) - 2) * 0.25);
}, 500);
let account = ACCOUNT_A;

const HELP =
  'commands: buy MNQ 2 [price] | sell ES 1 [price] | stop MNQ 1 21400 | limit ES 1 5950 | quote MNQ 21450 |\n' +
  '  account A|B | bust (the last fill) | liqonly on|off | 429 N | penalty ENDPOINT SECONDS | md live|silent|refuse |\n' +
  '  heartbeats on|off | drop | shutdown | expire | quit\n';
const c = FAKE_CREDENTIALS;
process.stdout.write(
  `fake Tradovate gateway on ${gateway.urls.api}\n` +
    `  WARDEN_TRADOVATE_API_URL=${gateway.urls.api} WARDEN_TRADOVATE_WS_URL=${gateway.urls.ws} \\\n` +
    `  WARDEN_TRADOVATE_MD_URL=${gateway.urls.md} \\\n` +
    `  WARDEN_TRADOVATE_USERNAME=${c.name} WARDEN_TRADOVATE_PASSWORD=${c.password} \\\n` +
    `  WARDEN_TRADOVATE_APP_ID=${c.appId} WARDEN_TRADOVATE_CID=${c.cid} WARDEN_TRADOVATE_SECRET=${c.sec} \\\n` +
    `  npx warden serve --broker tradovate\n` +
    HELP,
);

function run(
  verb: string | undefined,
  a: string | undefined,
  b: string | undefined,
  d: string | undefined,
): void {
  const contract = contractOf(a);
  const qty = Number(b ?? 1);
  const mark = prices.get(contract) ?? 0;
  const explicit = d === undefined ? undefined : Number(d);
  const fills = [...gateway.model.fills.values()].filter((f) => f.active);
  switch (verb) {
    case 'buy':
    case 'sell': {
      const action = verb === 'buy' ? 'Buy' : 'Sell';
      const price = explicit ?? (verb === 'buy' ? mark + 0.25 : mark);
      gateway.fill({ account, contract, action, qty, price });
      return;
    }
    case 'stop':
    case 'limit': {
      const price = Number(d);
      const type =
        verb === 'stop'
          ? { orderType: 'Stop' as const, stopPrice: price }
          : { orderType: 'Limit' as const, price };
      const action = (verb === 'stop') === price < mark ? 'Sell' : 'Buy';
      gateway.placeOrder({ accountId: account, contract, action, orderQty: qty, ...type });
      return;
    }
    case 'quote': {
      quote(contract, Number(b));
      return;
    }
    case 'account':
      account = a?.toUpperCase() === 'B' ? ACCOUNT_B : ACCOUNT_A;
      return;
    case 'bust':
      if (fills.at(-1) !== undefined) gateway.bustFill((fills.at(-1) as { id: number }).id);
      return;
    case 'liqonly':
      gateway.setLiquidateOnly(account, a !== 'off');
      return;
    case '429': {
      gateway.tooManyRequests(Number(a ?? 1));
      return;
    }
    case 'penalty': {
      gateway.penalize(a ?? 'order/liquidateposition', {
        ticket: `ticket-${Date.now()}`,
        timeSec: Number(b ?? 5),
      });
      return;
    }
    case 'md': {
      gateway.setMarketData(a === 'silent' || a === 'refuse' ? a : 'live');
      return;
    }
    case 'heartbeats': {
      gateway.setHeartbeating(a !== 'off');
      return;
    }
    case 'drop': {
      gateway.dropSockets();
      return;
    }
    case 'shutdown': {
      gateway.shutdown();
      return;
    }
    case 'expire': {
      gateway.expireTokens();
      return;
    }
    case 'quit':
      void gateway.stop().then(() => process.exit(0));
      return;
    default:
      process.stdout.write(HELP);
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const [verb, a, b, d] = line.trim().split(/\s+/);
  try {
    run(verb, a, b, d);
  } catch (error) {
    process.stdout.write(`${String(error)}\n`);
  }
});
