// `npm run fake-gateway`: the fake ProjectX gateway by hand, with a wandering MNQ and ES market. Type commands on
// stdin: `buy MNQ 2`, `sell ES 1`, `stop MNQ 1 21400` (a working sell stop), `drop` (cut the hub sockets),
// `expire` (expire every token), `quit`.
import { createInterface } from 'node:readline';
import { FAKE_CREDENTIALS, startFakeGateway } from './server';
import { ACCOUNT_ID, ES, MNQ, seedDemo } from './seed';

const port = Number(process.env.WARDEN_FAKE_GATEWAY_PORT ?? 5870);
const gateway = await startFakeGateway({ port });
seedDemo(gateway.model);
const prices: Record<string, number> = { [MNQ]: 21450, [ES]: 5975 };
const contractOf = (symbol: string | undefined) => (symbol?.toUpperCase() === 'ES' ? ES : MNQ);

setInterval(() => {
  for (const [contract, price] of Object.entries(prices)) {
    const next = price + (Math.floor(Math.random() * 5) - 2) * 0.25;
    prices[contract] = next;
    gateway.quote(contract, { bestBid: next, bestAsk: next + 0.25, lastPrice: next });
  }
}, 500);

process.stdout.write(
  `fake ProjectX gateway on ${gateway.url}\n` +
    `  WARDEN_PROJECTX_API_URL=${gateway.url} WARDEN_PROJECTX_RTC_URL=${gateway.url} \\\n` +
    `  WARDEN_PROJECTX_USERNAME=${FAKE_CREDENTIALS.userName} WARDEN_PROJECTX_API_KEY=${FAKE_CREDENTIALS.apiKey} \\\n` +
    `  npx warden serve --broker projectx\n` +
    `commands: buy MNQ 2 | sell ES 1 | stop MNQ 1 21400 | drop | expire | quit\n`,
);

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  const [verb, symbol, qty, price] = line.trim().split(/\s+/);
  const contract = contractOf(symbol);
  const size = Number(qty ?? 1);
  const mark = prices[contract] ?? 0;
  try {
    if (verb === 'buy') gateway.fill(ACCOUNT_ID, contract, 0, size, mark + 0.25);
    else if (verb === 'sell') gateway.fill(ACCOUNT_ID, contract, 1, size, mark);
    else if (verb === 'stop')
      gateway.placeOrder({
        accountId: ACCOUNT_ID,
        contractId: contract,
        type: 4,
        side: 1,
        size,
        limitPrice: null,
        stopPrice: Number(price),
      });
    else if (verb === 'drop') gateway.dropSockets();
    else if (verb === 'expire') gateway.expireTokens();
    else if (verb === 'quit') void gateway.stop().then(() => process.exit(0));
    else process.stdout.write(`unknown command: ${line}\n`);
  } catch (error) {
    process.stdout.write(`${String(error)}\n`);
  }
});
