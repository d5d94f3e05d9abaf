// The ProjectX Gateway adapter (BrokerAdapter): log in, open the hubs, reconcile from REST, then follow the feed;
// on every reconnect reconcile again; when the client gives up, rebuild everything with backoff, forever, and
// tell the trader each state through `connection` events. Commands go to REST (commands.ts).
import type { BrokerEvent, ConnectionStatus } from '../../../shared/domain/events';
import type {
  AccountSelectable,
  BrokerAdapter,
  BrokerCredentials,
  CredentialsCapable,
  ResumePoint,
} from '../types';
import { createBook } from './book';
import { createCommands } from './commands';
import { createContracts } from './contracts';
import { createFeed } from './feed';
import { createLink, type Link } from './link';
import { DEFAULT_TIMING, type ProjectXOptions } from './options';
import type { PxAccount } from './parse';
import { createRateLimiter } from './rate-limiter';
import { createSerialQueue } from './serial-queue';
import { readAccounts, readSnapshot } from './reconcile';
import { createRestClient, errorText } from './rest-client';
import { createSession, type Credentials, type Session } from './session';

/** New credentials (and gateway URLs, when given): the session is rebuilt with them and a running connection is replaced. */
export type ProjectXBroker = BrokerAdapter & CredentialsCapable & AccountSelectable;

type Attempt = { ok: true } | { ok: false; status: ConnectionStatus; detail: string; delayMs?: number };
type Loss = { reason: string; planned: boolean };

export const NO_CREDENTIALS =
  'not connected: no ProjectX credentials (enter them in Warden, or set WARDEN_PROJECTX_USERNAME and WARDEN_PROJECTX_API_KEY)';

export function createProjectXBroker(options: ProjectXOptions): ProjectXBroker {
  const { clock } = options;
  const log = options.logger;
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const book = createBook();
  const limiter = createRateLimiter(clock, timing.rateLimit);
  const restClient = (baseUrl: string) =>
    createRestClient({
      baseUrl,
      limiter,
      logger: log,
      timeoutMs: timing.requestTimeoutMs,
      backoffMs: timing.rateLimitBackoffMs,
    });
  let apiUrl = options.apiUrl;
  let rtcUrl = options.rtcUrl;
  let rest = restClient(apiUrl);
  const queue = createSerialQueue(log);
  let credentials: Credentials | null = options.credentials;
  let session: Session | null = null;
  let listener: ((event: BrokerEvent) => void) | undefined;
  let accounts: PxAccount[] = [];
  let guardedIds = new Set<string>();
  /** Every account the gateway lists, guarded or not (the trader chooses among them). */
  let listed: PxAccount[] = [];
  /** Excluded by the environment (WARDEN_PROJECTX_EXCLUDE: fixed) and by the trader in the app. */
  const fixedExcluded = new Set(options.exclude);
  let chosenExcluded = new Set<string>();
  const isExcluded = (id: string) => fixedExcluded.has(id) || chosenExcluded.has(id);
  let lastTradeAt: number | null = null;
  /** The engine's side of the picture, asked at every reconcile. */
  let resume: () => ResumePoint = () => ({ lastFillAt: null, held: [] });
  let link: Link | null = null;
  let marketDetail: string | null = null;
  let running = false;
  let stopped = false;
  let lose: ((loss: Loss) => void) | undefined;
  let wake: (() => void) | undefined;
  let resyncTimer: (() => void) | undefined;

  const send = (event: BrokerEvent): void => {
    if (event.type === 'fill') lastTradeAt = Math.max(lastTradeAt ?? event.t, event.t);
    try {
      listener?.(event);
    } catch (error) {
      log.error('event listener failed', { event: event.type, error: errorText(error) });
    }
  };
  const connection = (status: ConnectionStatus, detail?: string): void => {
    send({ type: 'connection', t: clock.now(), status, ...(detail === undefined ? {} : { detail }) });
  };

  const currentSession = (): Session => {
    if (session !== null) return session;
    if (credentials === null) throw new Error(NO_CREDENTIALS);
    const fresh = createSession({
      rest,
      credentials,
      clock,
      logger: log,
      refreshMarginMs: timing.refreshMarginMs,
    });
    fresh.onTokenChanged(() => lose?.({ reason: 'token refreshed', planned: true }));
    session = fresh;
    return fresh;
  };
  const call: Session['call'] = (endpoint, body) => currentSession().call(endpoint, body);
  const sessionView: Session = {
    token: () => session?.token() ?? null,
    login: () => currentSession().login(),
    refresh: () => currentSession().refresh(),
    call,
    onTokenChanged: () => undefined,
    stop: () => undefined,
  };
  const contracts = createContracts(sessionView, book, log);
  const deps = { session: sessionView, book, contracts, logger: log };

  /** The contracts whose quotes value something: held, or with working orders. */
  const syncQuotes = (): void => {
    const wanted = new Set<string>();
    for (const p of book.positions.values()) if (p.contractId != null) wanted.add(p.contractId);
    for (const o of book.orders.values()) if (o.contractId != null) wanted.add(o.contractId);
    link?.syncQuotes(wanted);
  };

  const reconcile = async (): Promise<string | null> => {
    // Balances are read again too: the snapshot's account reports must be as new as its fills.
    const read = await readAccounts(deps);
    if (!read.ok) return read.error;
    listed = read.value;
    accounts = read.value.filter((a) => guardedIds.has(a.id));
    const since = (lastTradeAt ?? clock.now() - timing.tradeLookbackMs) - 1000;
    const snapshot = await readSnapshot(
      deps,
      accounts,
      since,
      () => clock.now(),
      () => resume().held,
    );
    if (!snapshot.ok) return snapshot.error;
    for (const event of snapshot.value) {
      if (event.type === 'instrument') feed.noteInstrument(event.symbol);
      send(event);
    }
    syncQuotes();
    return null;
  };
  /** Runs in the feed's queue: hub events that arrive meanwhile wait, and follow the snapshot in order. */
  const reconcileInOrder = async (): Promise<string | null> => {
    let error: string | null = 'not run';
    await queue.run(async () => {
      error = await reconcile();
    });
    return error;
  };

  const resync = (reason: string): void => {
    if (resyncTimer !== undefined || link === null) return;
    log.info('resync from REST requested', { reason });
    resyncTimer = clock.setTimeout(() => {
      resyncTimer = undefined;
      void reconcileInOrder().then((error) => {
        if (error !== null) lose?.({ reason: `resync failed: ${error}`, planned: false });
      });
    }, timing.resyncDelayMs);
  };

  const feed = createFeed({
    book,
    contracts,
    clock,
    logger: log,
    queue,
    emit: send,
    guarded: (id) => guardedIds.has(id),
    positionSettleMs: timing.positionSettleMs,
    resync,
    holdingsChanged: syncQuotes,
    loggedOut: () => {
      void session
        ?.refresh()
        .finally(() => lose?.({ reason: 'the gateway ended the session', planned: false }));
    },
  });
  const execute = createCommands({ session: sessionView, book, logger: log, resync });

  const connectOnce = async (): Promise<Attempt> => {
    const current = currentSession();
    if (current.token() === null) {
      const login = await current.login();
      if (!login.ok) {
        return {
          ok: false,
          status: 'disconnected',
          detail: `login failed (${login.error})`,
          ...(login.badCredentials ? { delayMs: timing.badCredentialsRetryMs } : {}),
        };
      }
    }
    const read = await readAccounts(deps);
    if (!read.ok) return { ok: false, status: 'reconnecting', detail: `not connected: ${read.error}` };
    listed = read.value;
    accounts = read.value.filter((a) => !isExcluded(a.id));
    guardedIds = new Set(accounts.map((a) => a.id));
    const next = createLink({
      rtcUrl,
      token: () => session?.token() ?? null,
      feed,
      logger: log,
      timing,
      accounts: [...guardedIds],
      onReconnecting: (hub, reason) => {
        if (link === next) connection('reconnecting', `reconnecting: ${hub} hub connection lost (${reason})`);
      },
      onReconnected: (hub) => {
        if (link !== next) return;
        void reconcileInOrder().then((error) => {
          if (error === null) connection('connected', marketDetail ?? undefined);
          else
            lose?.({ reason: `reconcile after the ${hub} hub reconnected failed: ${error}`, planned: false });
        });
      },
      onClosed: (hub, reason) => {
        if (link === next) lose?.({ reason: `${hub} hub closed (${reason})`, planned: false });
      },
    });
    link = next;
    const started = await next.start();
    if (!started.ok) {
      await dropLink();
      if (started.unauthorized) await current.refresh();
      return { ok: false, status: 'reconnecting', detail: `not connected: ${started.error}` };
    }
    marketDetail = started.market;
    const error = await reconcileInOrder();
    if (error !== null) {
      await dropLink();
      return { ok: false, status: 'reconnecting', detail: `not connected: ${error}` };
    }
    connection('connected', marketDetail ?? undefined);
    return { ok: true };
  };

  const dropLink = async (): Promise<void> => {
    const old = link;
    link = null;
    resyncTimer?.();
    resyncTimer = undefined;
    await old?.stop();
  };

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const cancel = clock.setTimeout(resolve, ms);
      wake = () => {
        cancel();
        resolve();
      };
    });

  /** Read through a call: `stop()` changes it while the loop awaits. */
  const isStopped = () => stopped;

  const runLoop = async (started: () => void): Promise<void> => {
    running = true;
    let failures = 0;
    while (!stopped) {
      const lost = new Promise<Loss>((resolve) => {
        lose = resolve;
      });
      let attempt: Attempt;
      try {
        attempt = await connectOnce();
      } catch (error) {
        attempt = { ok: false, status: 'reconnecting', detail: `not connected: ${errorText(error)}` };
      }
      started();
      if (isStopped()) break;
      if (attempt.ok) {
        failures = 0;
        const loss = await lost;
        lose = undefined;
        if (isStopped()) break;
        log.warn('connection lost; rebuilding it', { reason: loss.reason });
        await dropLink();
        if (!loss.planned) connection('reconnecting', `reconnecting: ${loss.reason}`);
        continue;
      }
      lose = undefined;
      log.warn('connect failed', { detail: attempt.detail });
      connection(attempt.status, attempt.detail);
      const delays = timing.restartDelaysMs;
      await pause(attempt.delayMs ?? delays[Math.min(failures, delays.length - 1)] ?? 1000);
      failures += 1;
    }
    running = false;
  };

  const begin = (): Promise<void> =>
    new Promise<void>((resolve) => {
      void runLoop(resolve);
    });

  return {
    kind: 'projectx',
    async start(emit, resumePoint) {
      listener = emit;
      stopped = false;
      resume = resumePoint;
      lastTradeAt = resumePoint().lastFillAt;
      if (credentials === null) {
        connection('disconnected', NO_CREDENTIALS);
        return;
      }
      connection('connecting');
      await begin();
    },
    execute(command) {
      if (credentials === null) return Promise.resolve({ ok: false, error: NO_CREDENTIALS });
      if (isExcluded(command.account))
        return Promise.resolve({
          ok: false,
          error: `account ${command.account} is excluded from guarding: Warden does not act on it`,
        });
      return execute(command);
    },
    async stop() {
      stopped = true;
      lose?.({ reason: 'stopping', planned: true });
      wake?.();
      await dropLink();
      session?.stop();
      feed.stop();
      listener = undefined;
    },
    setCredentials(next: BrokerCredentials) {
      credentials = { userName: next.userName, apiKey: next.apiKey };
      if (next.apiUrl !== undefined && next.apiUrl !== apiUrl) {
        apiUrl = next.apiUrl;
        rest = restClient(apiUrl);
      }
      if (next.rtcUrl !== undefined) rtcUrl = next.rtcUrl;
      session?.stop();
      session = null;
      log.info('new credentials', { userName: next.userName, apiUrl, rtcUrl });
      if (listener === undefined || stopped) return;
      if (running) lose?.({ reason: 'new credentials', planned: false });
      else {
        connection('connecting');
        void begin();
      }
      wake?.();
    },
    accountsListed() {
      return listed.map((a) => ({
        id: a.id,
        name: a.name ?? a.id,
        guarded: !isExcluded(a.id),
        fixed: fixedExcluded.has(a.id),
      }));
    },
    isGuarded: (account) => !isExcluded(account),
    setExcluded(ids) {
      chosenExcluded = new Set(ids);
      // Events of a newly excluded account stop at once; the new connection subscribes only what is guarded.
      guardedIds = new Set([...guardedIds].filter((id) => !isExcluded(id)));
      log.info('account selection', { excluded: [...chosenExcluded], fixed: [...fixedExcluded] });
      if (link !== null) lose?.({ reason: 'account selection changed', planned: true });
    },
    credentialsInfo() {
      return {
        state: credentials === null ? 'missing' : 'stored',
        userName: credentials?.userName ?? null,
        apiUrl,
        rtcUrl,
      };
    },
  };
}
