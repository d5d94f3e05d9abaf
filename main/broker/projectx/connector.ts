// One connect attempt (docs/brokers/PROJECTX.md sections 1, 3 and 5.2): log in when there is no token, list the accounts,
// open the hubs for the guarded ones, reconcile; and the link it leaves up until it is dropped. The link's own
// reconnects are told to the trader and reconciled; when its client gives up, the connection is lost.
import type { ConnectionStatus } from '../../../shared/domain/events';
import type { Logger } from '../../platform/logger';
import type { AccountSelection } from './account-selection';
import { notConnected, type Attempt, type Loss } from '../connection';
import type { CredentialsHolder } from './credentials';
import type { Feed } from './feed';
import { createLink, type Link } from './link';
import type { ProjectXTiming } from './options';
import { readAccounts, type ReconcileDeps } from './reconcile';
import type { Resync } from './resync';
import type { Session } from './session';

export type ConnectorDeps = {
  credentials: CredentialsHolder;
  reads: ReconcileDeps;
  selection: AccountSelection;
  feed: Feed;
  resync: Resync;
  logger: Logger;
  timing: ProjectXTiming;
  report(status: ConnectionStatus, detail?: string): void;
  lose(loss: Loss): void;
};

export type Connector = {
  attempt(): Promise<Attempt>;
  /** Takes the link down (and any resync asked for it). */
  drop(): Promise<void>;
  link(): Link | null;
};

export function createConnector(deps: ConnectorDeps): Connector {
  let link: Link | null = null;
  /** Why there are no quotes, when there are none (given with every `connected`). */
  let marketDetail: string | null = null;

  const drop = async (): Promise<void> => {
    const old = link;
    link = null;
    deps.credentials.keepWarm(false);
    deps.resync.cancel();
    await old?.stop();
  };

  const attempt = async (): Promise<Attempt> => {
    const session = deps.credentials.session();
    const refused = await logIn(session, deps.timing.badCredentialsRetryMs);
    if (refused !== null) return refused;
    const read = await readAccounts(deps.reads);
    if (!read.ok) return notConnected(read.error);
    deps.selection.list(read.value);
    const opened = openLink();
    const started = await opened.start();
    if (!started.ok) {
      await drop();
      if (started.unauthorized) await session.refresh();
      return notConnected(started.error);
    }
    marketDetail = started.market;
    const error = await deps.resync.reconcile();
    if (error !== null) {
      await drop();
      return notConnected(error);
    }
    // From here a command may be needed at any moment: its connection is kept open for it.
    if (link === opened) deps.credentials.keepWarm(true);
    return { ok: true, detail: marketDetail };
  };

  /** A new link for the guarded accounts; the events of one that was replaced are ignored. */
  const openLink = (): Link => {
    const next: Link = createLink({
      rtcUrl: deps.credentials.rtcUrl(),
      token: () => deps.credentials.current.token(),
      feed: deps.feed,
      logger: deps.logger,
      timing: deps.timing,
      accounts: deps.selection.guardedIds(),
      onReconnecting: (hub, reason) => {
        if (link === next)
          deps.report('reconnecting', `reconnecting: ${hub} hub connection lost (${reason})`);
      },
      onReconnected: (hub) => {
        if (link === next) void reconcileAfterReconnect(hub);
      },
      onClosed: (hub, reason) => {
        if (link === next) deps.lose({ reason: `${hub} hub closed (${reason})`, planned: false });
      },
    });
    link = next;
    return next;
  };

  const reconcileAfterReconnect = async (hub: string): Promise<void> => {
    const error = await deps.resync.reconcile();
    if (error === null) deps.report('connected', marketDetail ?? undefined);
    else deps.lose({ reason: `reconcile after the ${hub} hub reconnected failed: ${error}`, planned: false });
  };

  return { attempt, drop, link: () => link };
}

/**
 * Logs in when the session has no token: null when it has one now, else why not (after bad credentials, with a
 * longer wait before the next attempt: retrying sooner cannot help).
 */
async function logIn(session: Session, badCredentialsRetryMs: number): Promise<Attempt | null> {
  if (session.token() !== null) return null;
  const login = await session.login();
  if (login.ok) return null;
  return {
    ok: false,
    status: 'disconnected',
    detail: `login failed (${login.error})`,
    ...(login.badCredentials ? { delayMs: badCredentialsRetryMs } : {}),
  };
}
