// The Tradovate broker as the core holds it for the whole run: the login in use (from the environment, the stored
// one, or one entered in the UI) and, for it, one adapter (adapter.ts). New credentials stop that adapter and start
// a fresh one for the new login, in order, with the same event sink; with no login at all the link says so and
// waits for one. The accounts the trader leaves unguarded are kept out here: their events are not passed on and
// commands for them are refused.
import type { BrokerEvent } from '../../../shared/domain/events';
import type { Dec } from '../../../shared/domain/money';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type {
  AccountSelectable,
  BrokerAccount,
  BrokerAdapter,
  CredentialsCapable,
  FirmLimitsCapable,
  PnlSourceCapable,
  ResumePoint,
  TradovateLogin,
} from '../types';
import { createTradovateAdapter } from './adapter';
import { urlsOf, type UrlOverrides } from './environment';
import type { TradovateTiming } from './options';

export const NO_TRADOVATE_CREDENTIALS =
  'not connected: no Tradovate credentials (enter them in Warden, or set WARDEN_TRADOVATE_USERNAME, _PASSWORD, _CID and _SECRET)';

export type TradovateBrokerOptions = {
  login: TradovateLogin | null;
  /** URLs from the environment: used where the login gives none. */
  overrides: UrlOverrides;
  clock: Clock;
  logger: Logger;
  /** Stable for this machine and data folder, so Tradovate does not ask to approve a new device at every start. */
  deviceId?: string;
  feesPerContract?: Dec;
  timing?: Partial<TradovateTiming>;
};

export type TradovateBroker = BrokerAdapter &
  CredentialsCapable &
  PnlSourceCapable &
  FirmLimitsCapable &
  AccountSelectable;

export function createTradovateBroker(options: TradovateBrokerOptions): TradovateBroker {
  const { logger } = options;
  let login = options.login;
  let adapter: ReturnType<typeof createTradovateAdapter> | null = null;
  let sink: { emit: (event: BrokerEvent) => void; resume: () => ResumePoint } | null = null;
  let excluded: ReadonlySet<string> = new Set();
  const listed = new Map<string, BrokerAccount>();
  /** Adapter swaps run one after the other. */
  let swapping: Promise<void> = Promise.resolve();

  const where = (given: TradovateLogin) =>
    urlsOf(given.environment, {
      ...options.overrides,
      ...(given.apiUrl === undefined ? {} : { apiUrl: given.apiUrl }),
      ...(given.wsUrl === undefined ? {} : { wsUrl: given.wsUrl }),
      ...(given.mdUrl === undefined ? {} : { mdUrl: given.mdUrl }),
    });

  const build = (given: TradovateLogin) => {
    const { urls, named } = where(given);
    return createTradovateAdapter({
      credentials: {
        name: given.userName,
        password: given.password,
        appId: given.appId,
        appVersion: given.appVersion,
        cid: given.cid,
        sec: given.secret,
        ...(options.deviceId === undefined ? {} : { deviceId: options.deviceId }),
      },
      urls,
      environment: named,
      clock: options.clock,
      logger,
      ...(options.feesPerContract === undefined ? {} : { feesPerContract: options.feesPerContract }),
      ...(options.timing === undefined ? {} : { timing: options.timing }),
    });
  };

  /** What the adapter says, less what concerns accounts left unguarded; every account listed is noted. */
  const pass = (event: BrokerEvent): void => {
    // A balance from a snapshot carries no name: the name the account was listed with stays.
    if (event.type === 'account')
      listed.set(event.account, {
        id: event.account,
        name: event.name ?? listed.get(event.account)?.name ?? event.account,
      });
    if ('account' in event && excluded.has(event.account)) return;
    sink?.emit(event);
  };

  const startAdapter = async (): Promise<void> => {
    if (sink === null) return;
    if (login === null) {
      sink.emit({
        type: 'connection',
        t: options.clock.now(),
        status: 'disconnected',
        detail: NO_TRADOVATE_CREDENTIALS,
      });
      return;
    }
    const fresh = build(login);
    adapter = fresh;
    const { resume } = sink;
    await fresh.start(pass, resume);
  };

  const restart = (why: string): Promise<void> => {
    swapping = swapping.then(async () => {
      logger.info('Tradovate: connecting anew', { why });
      const old = adapter;
      adapter = null;
      listed.clear();
      await old?.stop();
      await startAdapter();
    });
    return swapping;
  };

  return {
    kind: 'tradovate',
    async start(emit, resume) {
      sink = { emit, resume };
      swapping = startAdapter();
      await swapping;
    },
    execute(command) {
      if (excluded.has(command.account))
        return Promise.resolve({
          ok: false,
          error: `${command.account} is not guarded by Warden: act on it in Tradovate`,
        });
      if (adapter === null) return Promise.resolve({ ok: false, error: NO_TRADOVATE_CREDENTIALS });
      return adapter.execute(command);
    },
    reconnect: (reason) => adapter?.reconnect(reason) ?? false,
    async stop() {
      await swapping;
      sink = null;
      const old = adapter;
      adapter = null;
      await old?.stop();
    },
    setCredentials(next) {
      if (next.broker !== 'tradovate')
        throw new Error('Tradovate takes Tradovate credentials, not ProjectX ones');
      login = next;
      void restart('new credentials');
    },
    credentialsInfo() {
      if (login === null) return { state: 'missing', login: null };
      const { urls, named } = where(login);
      return {
        state: 'stored',
        login: {
          broker: 'tradovate',
          userName: login.userName,
          environment: named,
          apiUrl: urls.api,
          wsUrl: urls.ws,
          mdUrl: urls.md,
        },
      };
    },
    pnlSource: () => adapter?.pnlSource() ?? { source: 'quotes' },
    firmLimits: (account) => adapter?.firmLimits(account) ?? null,
    accountsListed: () => [...listed.values()],
    setExcluded(ids) {
      const changed = ids.size !== excluded.size || [...ids].some((id) => !excluded.has(id));
      excluded = new Set(ids);
      // A fresh snapshot (same login, no new one) brings the accounts now guarded back; those left alone simply
      // stop being passed on.
      if (changed) adapter?.reconnect('account selection changed');
    },
  };
}
