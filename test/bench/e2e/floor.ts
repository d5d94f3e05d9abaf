// The floor under the ProjectX case: what the same machine, threads, sockets and libraries cost with nothing of
// Warden between. A hub connection of its own (the official SignalR client through Warden's hub, as the adapter
// opens it) hears the quotes of ES, a contract the core does not follow; each at the floor's price is answered at
// once, in the quote's handler, by Warden's REST request: a close for an account the gateway does not hold. Timed
// at the gateway like the core's samples and taken between them, so both see the same moments of the machine:
// what the core adds is the difference, what the floor shows is the machine's.
import { requestJson } from '../../../main/broker/json-request';
import { createHub, type Hub } from '../../../main/broker/projectx/hub';
import { createLogger } from '../../../main/platform/logger';
import { ES } from '../../fakes/projectx-gateway/seed';
import { FLOOR, type GatewayAddress } from './protocol';

type ProjectXAddress = Extract<GatewayAddress, { case: 'projectx' }>;

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };
const TIMEOUT_MS = 10_000;
const say = (line: string) => process.stderr.write(`bench:e2e: ${line}\n`);

async function logIn(address: ProjectXAddress): Promise<string> {
  const answer = await requestJson({
    method: 'POST',
    url: `${address.url}/api/Auth/loginKey`,
    headers: JSON_HEADERS,
    body: JSON.stringify(address.login),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const { token } = JSON.parse(answer.text) as { token?: unknown };
  if (typeof token !== 'string') throw new Error(`the floor's login was refused: ${answer.text}`);
  return token;
}

/** The floor's client: `stop` closes its hub connection. */
export type Floor = { stop(): Promise<void> };

/** Logs in, opens the hub and subscribes: listening once it resolves. */
export async function startFloor(address: ProjectXAddress): Promise<Floor> {
  const token = await logIn(address);
  // No timeout of its own, so it costs nothing per call: a close that never arrives is named by the deadline of
  // the gateway link's request.
  const never = new AbortController().signal;
  const close = (): void => {
    requestJson({
      method: 'POST',
      url: `${address.url}/api/${FLOOR.endpoint}`,
      headers: { ...JSON_HEADERS, authorization: `Bearer ${token}` },
      body: JSON.stringify({ accountId: FLOOR.account, contractId: ES }),
      signal: never,
    }).catch((error: unknown) => {
      say(`the floor's close was not sent: ${String(error)}`);
    });
  };
  const ignore = () => undefined;
  const hub: Hub = createHub({
    name: 'market',
    url: `${address.url}/hubs/market`,
    token: () => token,
    // The SignalR client's own chatter goes nowhere; a closed hub is said on stderr.
    logger: createLogger({ level: 'error', console: false }),
    handlers: {
      GatewayQuote: ([contract, quote]) => {
        if (contract === ES && (quote as { lastPrice?: unknown }).lastPrice === FLOOR.price) close();
      },
      GatewayTrade: ignore,
      GatewayDepth: ignore,
    },
    subscriptions: () => [{ method: 'SubscribeContractQuotes', args: [ES] }],
    reconnectDelaysMs: [],
    serverTimeoutMs: 60_000,
    keepAliveMs: 15_000,
    onReconnecting: ignore,
    onReconnected: ignore,
    onClosed: (reason) => {
      say(`the floor's hub closed: ${reason}`);
    },
  });
  await hub.start();
  return { stop: () => hub.stop() };
}
