// The real core on the Tradovate broker as brokerFor builds it (createTradovateBroker: one adapter for the login,
// account exclusion, no fees per contract) against the fake Tradovate gateway over real sockets, on the system
// clock, with a real SQLite store in a temp dir. The broker's timings may be shortened so that reconnects and the
// market-data fallback happen within a test; every wait is for a condition, never a fixed sleep.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { createTradovateBroker, type TradovateTiming } from '../../../main/broker/tradovate';
import type { TradovateLogin } from '../../../main/broker/types';
import { createCore } from '../../../main/core/app';
import { deviceIdFor } from '../../../main/core/broker-choice';
import { loadConfig } from '../../../main/core/start';
import type { PushMessage, WardenCore } from '../../../main/core/types';
import { engineConfigOf } from '../../../main/engine';
import { systemClock } from '../../../main/platform/clock';
import { memoryLogger } from '../../../main/platform/logger';
import { openStore, type Store } from '../../../main/store';
import type { AccountView } from '../../../shared/ipc';
import {
  FAKE_CREDENTIALS,
  startFakeTradovate,
  type FakeTradovate,
  type FakeTradovateOptions,
} from '../../fakes/tradovate-gateway/server';
import { seedDemo } from '../../fakes/tradovate-gateway/seed';

/** Reconnects within a test; the rest as the adapter's defaults (snapshots every 2 s, 10 s of md silence). */
export const FAST: Partial<TradovateTiming> = { restartDelaysMs: [100, 200, 400] };

/** The fake Tradovate gateway on the system clock, seeded with its demo user, two accounts, MNQ and ES. */
export async function seededGateway(options: FakeTradovateOptions = {}): Promise<FakeTradovate> {
  const gateway = await startFakeTradovate(options);
  seedDemo(gateway.model, Date.now());
  return gateway;
}

/** The fake's own login, as the trader would enter it with the fake's three URLs. */
export function fakeLogin(gateway: FakeTradovate): TradovateLogin {
  return {
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
  };
}

export type TradovateCore = WardenCore & {
  logger: ReturnType<typeof memoryLogger>;
  store: Store;
  /** Every message the core pushed, in order. */
  pushes: PushMessage[];
  /** The titles of the alerts raised so far, as `level: title`. */
  alerts(): string[];
  /** The guarded account `id` in the view; throws when it is not shown. */
  account(id: number): AccountView;
};

/**
 * The real core (store and config in `dir`) on the fake's login. `stop()` may be called more than once.
 */
export async function tradovateCoreOn(
  gateway: FakeTradovate,
  dir: string,
  options: { config?: string; timing?: Partial<TradovateTiming> } = {},
): Promise<TradovateCore> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'config.yaml'),
    options.config ?? 'session: { timezone: America/Chicago, dayStart: "17:00" }\n',
  );
  const logger = memoryLogger();
  const broker = createTradovateBroker({
    login: fakeLogin(gateway),
    overrides: {},
    clock: systemClock,
    logger,
    deviceId: deviceIdFor(dir),
    timing: { ...FAST, ...options.timing },
  });
  const store = openStore(join(dir, 'warden.db'), { logger, clock: systemClock });
  const core = await createCore({
    broker,
    store,
    clock: systemClock,
    logger,
    engineConfig: engineConfigOf(loadConfig(join(dir, 'config.yaml'))),
  });
  const pushes: PushMessage[] = [];
  core.subscribe((message) => pushes.push(message));
  let stopped: Promise<void> | undefined;
  return {
    ...core,
    logger,
    store,
    pushes,
    alerts: () =>
      pushes.flatMap((m) => (m.type === 'alert' ? [`${m.payload.level}: ${m.payload.title}`] : [])),
    account(id) {
      const found = core.view().accounts.find((a) => a.id === String(id));
      if (found === undefined) throw new Error(`account ${id} is not in the view`);
      return found;
    },
    stop: () => (stopped ??= core.stop()),
  };
}

/** Waits (short polls, real time) until `check` stops throwing. */
export function until(check: () => void, timeout = 10_000): Promise<void> {
  return vi.waitFor(check, { timeout, interval: 10 });
}
