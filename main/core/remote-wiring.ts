// The remote alerts in the core (docs/RULES.md section 13): built from the config's `notify` section in force and
// the secrets (the environment's bot token first), told every alert of the feed, the broker link's changes and the
// day summaries; a remote command runs through the command handlers like the screen's, and is audited with its
// origin. Its channels are rebuilt when the config or the secrets change.
import type { EngineEvent } from '../../shared/domain/events';
import type { AlertView } from '../../shared/ipc';
import type { AlertFeed } from '../alerts/alert-feed';
import { untilText, type ReadonlyEngineState } from '../engine';
import { createDaySummaries } from '../notify/day-summaries';
import { createRemoteAlerts, type NotifySecrets, type RemoteAlerts } from '../notify/remote-alerts';
import type { RemoteAction } from '../notify/telegram/remote-commands';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { SecretStore } from '../platform/secrets';
import type { Store } from '../store';
import type { createCommandHandlers } from './commands';
import type { ConfigControl } from './config-control';
import { isBreachResponse } from './history';

export const DEFAULT_TELEGRAM_API = 'https://api.telegram.org';

/** The host's side: WARDEN_TELEGRAM_API and WARDEN_TELEGRAM_TOKEN. */
export type RemoteHost = { telegramApi?: string; telegramToken?: string };

type Handlers = ReturnType<typeof createCommandHandlers>;

export type RemoteWiringDeps = {
  host: RemoteHost | undefined;
  state: ReadonlyEngineState;
  clock: Clock;
  logger: Logger;
  store: Pick<Store, 'riskEvents' | 'responses'>;
  secrets: SecretStore | undefined;
  config: Pick<ConfigControl, 'inForce'>;
  alerts: Pick<AlertFeed, 'raise'>;
  brokerKind: string;
  changed(): void;
  /** The command handlers, once built (a remote command runs through them). */
  handlers(): Handlers;
};

export type RemoteWiring = {
  remote: RemoteAlerts;
  /** For the alert feed: every alert as it is raised. */
  alert(alert: AlertView): void;
  /** For the pipeline: around each event. */
  observer: { before(event: EngineEvent): void; after(event: EngineEvent): void };
};

export function wireRemote(deps: RemoteWiringDeps): RemoteWiring {
  const logger = deps.logger.child('notify');
  const remote = createRemoteAlerts({
    clock: deps.clock,
    logger,
    settings: () => deps.config.inForce()?.notify ?? null,
    secrets: () => notifySecrets(deps.secrets, deps.host, logger),
    telegramApi: deps.host?.telegramApi ?? DEFAULT_TELEGRAM_API,
    brokerKind: deps.brokerKind,
    act: (action, origin) => actRemotely(deps.handlers(), action, origin, deps.state),
    audit: (record) => {
      deps.store.riskEvents.record({
        t: deps.clock.now(),
        account: null,
        kind: 'remoteCommand',
        detail: record,
      });
    },
    onTrouble: (id, error) => {
      if (error === null)
        deps.alerts.raise('info', null, `Remote alerts: ${id} works again`, `Messages reach ${id} again.`, {
          topic: 'notify',
        });
      else deps.alerts.raise('warning', null, `Remote alerts: ${id} failing`, error, { topic: 'notify' });
    },
    onChange: () => {
      deps.changed();
    },
  });
  const breaches = (account: string, from: number, to: number) =>
    deps.store.responses.reasonsBetween(account, from, to).filter(isBreachResponse).length;
  const days = createDaySummaries(deps.state, breaches, (summary) => {
    remote.daySummary(summary);
  });
  return {
    remote,
    alert(alert) {
      // After the turn: a broker command the same event started goes out before any phone message is built.
      setImmediate(() => {
        remote.alert(alert);
      });
    },
    observer: {
      before: (event) => {
        days.before(event.t);
      },
      after: (event) => {
        days.after();
        if (event.type === 'connection') remote.connection(event.status === 'connected', event.t);
        // The config control remembers the document in force only once its event is applied: rebuild after that.
        if (event.type === 'configChange')
          queueMicrotask(() => {
            remote.reload().catch((error: unknown) => {
              logger.warn('remote alerts not rebuilt', { error: (error as Error).message });
            });
          });
      },
    },
  };
}

/** The secrets: the environment's bot token over the stored one; an unreadable store counts as none (logged). */
async function notifySecrets(
  store: SecretStore | undefined,
  host: RemoteHost | undefined,
  logger: Logger,
): Promise<NotifySecrets> {
  let stored: NotifySecrets = {};
  try {
    const read = await store?.read('notify');
    if (read?.broker === 'notify') {
      const { broker: _broker, ...secrets } = read;
      stored = secrets;
    }
  } catch (error) {
    logger.warn('notify secrets unreadable', { error: (error as Error).message });
  }
  return host?.telegramToken === undefined ? stored : { ...stored, telegramToken: host.telegramToken };
}

/** A confirmed remote command, through the same handlers as the screen's; resolves to its result in words. */
async function actRemotely(
  handlers: Handlers,
  action: RemoteAction,
  origin: string,
  state: ReadonlyEngineState,
): Promise<string> {
  if (action.kind === 'lockDay') {
    const answer = await handlers.run('lock', { account: action.account, until: 'dayEnd' }, origin);
    if (!answer.ok) throw new Error(answer.error);
    const until = untilText(Date.parse(answer.result.lockedUntil), state.config.session.timezone);
    return `${action.account} is locked ${until}.`;
  }
  const args = action.kind === 'flatten' ? { account: action.account } : {};
  const answer = await handlers.run('flatten', args, origin);
  if (!answer.ok) throw new Error(answer.error);
  const lines = answer.result.reports.map((report) =>
    report.flat
      ? `${report.account} is flat.`
      : `${report.account} is NOT flat: ${report.error ?? 'not confirmed'}. Act in the broker's platform.`,
  );
  return lines.length === 0 ? 'No account to flatten.' : lines.join('\n');
}
