// The real core the bench measures, as a host builds it: the case's real broker adapter (ProjectX or Tradovate)
// pointed at the gateway thread, a real SQLite store in a temp dir (removed at stop), the system clock, the log as
// `warden serve` writes it (level info, into warden.log in the temp dir; not to stderr, which carries the report),
// production timings. One rule: positionLoss 300, closing the position with no lock, so account A can breach again
// and again; the default quote sanity (a breach confirmed by a second quote).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProjectXBroker } from '../../../main/broker/projectx';
import { createTradovateBroker } from '../../../main/broker/tradovate';
import { createCore } from '../../../main/core/app';
import { deviceIdFor } from '../../../main/core/broker-choice';
import { loadConfig, openCoreStore } from '../../../main/core/start';
import type { WardenCore } from '../../../main/core/types';
import { engineConfigOf } from '../../../main/engine';
import { systemClock } from '../../../main/platform/clock';
import { createLogger, type Logger } from '../../../main/platform/logger';
import type { CheckpointerState } from '../../../main/store/checkpoints';
import { probeAdapter, type Probe } from './probe';
import { storeMeter, tapWire, timedStore, type StoreMeter } from './taps';
import type { GatewayAddress } from './protocol';

const CONFIG = `
session: { timezone: America/Chicago, dayStart: "17:00" }
defaults:
  rules:
    positionLoss: { amount: 300 }
`;

export type BenchCore = {
  core: WardenCore;
  probe: Probe;
  meter: StoreMeter;
  checkpoints(): CheckpointerState;
  stop(): Promise<void>;
};

function brokerFor(address: GatewayAddress, dir: string, logger: Logger) {
  if (address.case === 'projectx')
    return createProjectXBroker({
      apiUrl: address.url,
      rtcUrl: address.url,
      credentials: address.login,
      clock: systemClock,
      logger,
    });
  const { login } = address;
  return createTradovateBroker({
    login: {
      broker: 'tradovate',
      userName: login.name,
      password: login.password,
      appId: login.appId,
      appVersion: '1.0',
      cid: login.cid,
      secret: login.sec,
      environment: 'demo',
      apiUrl: address.api,
      wsUrl: address.ws,
      mdUrl: address.md,
    },
    overrides: {},
    clock: systemClock,
    logger,
    deviceId: deviceIdFor(dir),
  });
}

/** The core on the probed adapter, in `dir`, once its broker link is up. */
async function coreIn(dir: string, address: GatewayAddress): Promise<Omit<BenchCore, 'stop'>> {
  writeFileSync(join(dir, 'config.yaml'), CONFIG);
  const logger = createLogger({ level: 'info', console: false, file: join(dir, 'warden.log') });
  const broker = brokerFor(address, dir, logger);
  const meter = storeMeter();
  const probe = probeAdapter(broker, meter);
  tapWire(probe.wire);
  const connected = probe.until(
    'the broker link to be up',
    (e) => e.type === 'connection' && e.status === 'connected',
    20_000,
  );
  const store = timedStore(openCoreStore(join(dir, 'warden.db'), logger, systemClock), meter);
  const core = await createCore({
    broker,
    store,
    clock: systemClock,
    logger,
    engineConfig: engineConfigOf(loadConfig(join(dir, 'config.yaml'))),
  });
  await connected;
  return { core, probe, meter, checkpoints: () => store.checkpoints() };
}

export async function startBenchCore(address: GatewayAddress): Promise<BenchCore> {
  const dir = mkdtempSync(join(tmpdir(), `warden-bench-e2e-${address.case}-`));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  // Also when the run is cut short (a failure, Ctrl-C): main.ts turns signals into an exit.
  process.once('exit', removeDir);
  try {
    const { core, probe, meter, checkpoints } = await coreIn(dir, address);
    return {
      core,
      probe,
      meter,
      checkpoints,
      stop: () => core.stop().finally(removeDir),
    };
  } catch (error) {
    removeDir();
    throw error;
  }
}
