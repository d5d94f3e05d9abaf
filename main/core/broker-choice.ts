// Which broker the core runs, built from the environment (docs/API.md section 2) and the credentials stored when
// the trader entered them in the UI. Environment credentials win over stored ones. Unreadable stored credentials
// are reported, not fatal: the trader can enter them again.
import { createHash } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { createProjectXBroker, projectXEnvironment, type Credentials } from '../broker/projectx';
import { createSimBroker, type SimBrokerOptions } from '../broker/sim';
import { createTradovateBroker, tradovateEnvironment } from '../broker/tradovate';
import type { BrokerAdapter, BrokerKind, TradovateLogin } from '../broker/types';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { LoginBrokerKind, SecretStore, StoredCredentials } from '../platform/secrets';

export type BrokerChoiceDeps = {
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  /** Where problems found while choosing are told (shown as startup notices). */
  notices: string[];
  dataDir: string;
  sim: Omit<SimBrokerOptions, 'clock' | 'logger'>;
};

const NAMES: Record<LoginBrokerKind, string> = { projectx: 'ProjectX', tradovate: 'Tradovate' };

export async function brokerFor(kind: BrokerKind, deps: BrokerChoiceDeps): Promise<BrokerAdapter> {
  const { clock } = deps;
  switch (kind) {
    case 'projectx':
      return projectXBroker(deps);
    case 'tradovate':
      return tradovateBroker(deps);
    case 'sim':
      return createSimBroker({ ...deps.sim, clock, logger: deps.logger.child('sim') });
  }
}

/** The accounts WARDEN_PROJECTX_EXCLUDE (comma- or space-separated ids) leaves unguarded for good. */
export function excludedByEnvironment(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.WARDEN_PROJECTX_EXCLUDE ?? '').split(/[\s,]+/).filter((id) => id !== '');
}

/** ProjectX: credentials from the environment, else the stored ones, whose gateway URLs come with them. */
async function projectXBroker(deps: BrokerChoiceDeps): Promise<BrokerAdapter> {
  const env = projectXEnvironment();
  const logger = deps.logger.child('projectx');
  if (env.credentials !== null) return createProjectXBroker({ ...env, clock: deps.clock, logger });
  const read = await readStored(deps, 'projectx');
  const stored = read === null || read.broker === 'tradovate' || read.broker === 'notify' ? null : read;
  const credentials: Credentials | null =
    stored === null ? null : { userName: stored.userName, apiKey: stored.apiKey };
  return createProjectXBroker({
    ...env,
    apiUrl: stored?.apiUrl ?? env.apiUrl,
    rtcUrl: stored?.rtcUrl ?? env.rtcUrl,
    credentials,
    clock: deps.clock,
    logger,
  });
}

/** Tradovate: the login from WARDEN_TRADOVATE_*, else the stored one; the URLs the environment overrides. */
async function tradovateBroker(deps: BrokerChoiceDeps): Promise<BrokerAdapter> {
  const setting = tradovateEnvironment();
  const logger = deps.logger.child('tradovate');
  for (const problem of setting.problems) {
    logger.warn('Tradovate environment variables', { problem });
    deps.notices.push(problem);
  }
  let login: TradovateLogin | null = setting.login;
  if (login === null) {
    const stored = await readStored(deps, 'tradovate');
    if (stored?.broker === 'tradovate') login = stored;
  }
  return createTradovateBroker({
    login,
    overrides: setting.overrides,
    clock: deps.clock,
    logger,
    deviceId: deviceIdFor(deps.dataDir),
  });
}

async function readStored(
  deps: BrokerChoiceDeps,
  broker: LoginBrokerKind,
): Promise<StoredCredentials | null> {
  try {
    return await deps.secrets.read(broker);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.logger.error('stored credentials not readable', { broker, reason });
    deps.notices.push(
      `The stored ${NAMES[broker]} credentials could not be read (${reason}); enter them again.`,
    );
    return null;
  }
}

/**
 * The same id at every start on this machine and data folder (never anything that identifies the trader): a new
 * id at each login would make Tradovate ask to approve a new device every time.
 */
export function deviceIdFor(dataDir: string): string {
  const seed = `${hostname()}\n${userInfo().username}\n${dataDir}`;
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
