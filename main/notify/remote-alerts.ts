// Alerts away from the desk as the core runs them (docs/RULES.md section 13): the channels the config's `notify`
// section and the stored secrets set up (rebuilt on `reload`), fed with the feed's alerts, the broker link down
// for over 30 s and back, and the day summaries; Telegram's buttons offer the safe remote commands when they are on.
import type { NotifySettings } from '../../shared/config/notify';
import type { AlertView, NotifyDeliveryView, NotifyView } from '../../shared/ipc';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { notifySecretNames } from '../platform/secrets';
import type { Channel, ChannelId, Delivery, RemoteLevel, RemoteMessage } from './channel';
import { createDispatcher, type ChannelStatus, type Dispatcher } from './dispatcher';
import { connectionMessage, daySummaryMessage, remoteMessageOf, type DaySummary } from './messages';
import { createNtfyChannel } from './ntfy';
import { createBotApi, type BotApi } from './telegram/bot-api';
import { createTelegramChannel } from './telegram/channel';
import { detectChats, type DetectedChat } from './telegram/chat-detect';
import { startPolling, type Poller } from './telegram/poller';
import { createRemoteCommands, type RemoteAction, type RemoteCommands } from './telegram/remote-commands';
import { createRemoteControl, type RemoteAudit } from './telegram/remote-control';
import { createWebhookChannel } from './webhook';

/** The secrets, from the environment (the token) or the secret store; never in the config or the view. */
export type NotifySecrets = {
  telegramToken?: string;
  ntfyToken?: string;
  /** Where the ntfy token may go (the origin it was saved for). */
  ntfyTokenOrigin?: string;
  webhookSecret?: string;
};

/** How long the broker link may be down before the trader's phone hears of it. */
export const LINK_DOWN_TELL_MS = 30_000;

export type RemoteAlertsDeps = {
  clock: Clock;
  logger: Logger;
  /** The `notify` section in force (null: none). */
  settings: () => NotifySettings | null;
  secrets: () => Promise<NotifySecrets>;
  /** WARDEN_TELEGRAM_API. */
  telegramApi: string;
  brokerKind: string;
  act: (action: RemoteAction, origin: string) => Promise<string>;
  audit: (record: RemoteAudit) => void;
  /** A channel failing (once per streak) or working again (error null): for the feed. */
  onTrouble: (id: ChannelId, error: string | null) => void;
  onChange: () => void;
};

/** A delivery as the view and the commands tell it (ISO time). */
export const deliveryView = (delivery: Delivery): NotifyDeliveryView =>
  delivery.ok
    ? { ok: true, at: new Date(delivery.at).toISOString() }
    : { ok: false, at: new Date(delivery.at).toISOString(), error: delivery.error };

const channelView = (status: ChannelStatus): NotifyView['channels'][number] => ({
  ...status,
  last: status.last === null ? null : deliveryView(status.last),
});

export type RemoteAlerts = {
  alert: (alert: AlertView) => void;
  connection: (connected: boolean, t: number) => void;
  daySummary: (summary: DaySummary) => void;
  /** Rebuilds the channels from the settings and secrets in force now. */
  reload: () => Promise<void>;
  status: () => NotifyView;
  test: (id: ChannelId) => Promise<Delivery>;
  /** The chats that sent /start to the bot (from the poller's updates, or one read when it is not running). */
  detect: () => Promise<DetectedChat[]>;
  stop: () => Promise<void>;
};

type Running = {
  dispatcher: Dispatcher;
  commands: RemoteCommands | null;
  poller: Poller | null;
  api: BotApi | null;
  problems: string[];
  secrets: NotifyView['secrets'];
};

export function createRemoteAlerts(deps: RemoteAlertsDeps): RemoteAlerts {
  let running: Running = idle();
  let stopped = false;
  const isStopped = () => stopped;
  let seenStarts: DetectedChat[] = [];
  let down: { since: number; told: boolean; cancel: () => void } | null = null;

  const build = async (): Promise<Running> => {
    const built = await buildChannels(deps);
    const dispatcher = createDispatcher({
      channels: built.channels,
      clock: deps.clock,
      logger: deps.logger,
      onTrouble: deps.onTrouble,
      onChange: deps.onChange,
    });
    const { api, commands } = built;
    const poller = api === null || commands === null ? null : listen(api, commands);
    return { dispatcher, commands, poller, api, problems: built.problems, secrets: built.secrets };
  };

  const listen = (api: BotApi, commands: RemoteCommands): Poller => {
    const control = createRemoteControl({
      api,
      commands,
      act: deps.act,
      audit: deps.audit,
      logger: deps.logger,
    });
    return startPolling({
      api,
      clock: deps.clock,
      onUpdate: async (update) => {
        // Only a /start names a chat anew; anything else a chat sends (a press, a word) leaves it detected.
        const started = detectChats([update]);
        if (started.length > 0)
          seenStarts = started.concat(seenStarts.filter((c) => c.chatId !== update.chatId));
        await control(update);
      },
      onProblem: (problem) => {
        deps.logger.warn('telegram polling', { kind: problem.kind, message: problem.message });
        if (problem.kind === 'unreachable') deps.onTrouble('telegram', problem.message);
        if (problem.kind === 'recovered') deps.onTrouble('telegram', null);
      },
    });
  };

  /** The message with Telegram's safe buttons for its account, when remote commands are on. */
  const withButtons = (message: RemoteMessage): RemoteMessage => {
    const { commands } = running;
    if (commands === null || message.account === null || message.level !== 'critical') return message;
    const account = message.account;
    return {
      ...message,
      buttons: [
        [commands.offer({ kind: 'flatten', account }), commands.offer({ kind: 'lockDay', account })],
        [commands.offer({ kind: 'flattenAll' })],
      ],
    };
  };

  const tell = (message: RemoteMessage): void => {
    running.dispatcher.tell(withButtons(message));
  };

  return {
    alert(alert) {
      const message = remoteMessageOf(alert);
      if (message !== null) tell(message);
    },
    connection(connected, t) {
      if (!connected) {
        if (down !== null) return;
        const since = t;
        down = {
          since,
          told: false,
          cancel: deps.clock.setTimeout(() => {
            if (down === null) return;
            down.told = true;
            tell(connectionMessage(deps.brokerKind, deps.clock.now(), deps.clock.now() - since, false));
          }, LINK_DOWN_TELL_MS),
        };
        return;
      }
      if (down === null) return;
      down.cancel();
      if (down.told) tell(connectionMessage(deps.brokerKind, t, t - down.since, true));
      down = null;
    },
    daySummary(summary) {
      tell(daySummaryMessage(summary, deps.clock.now()));
    },
    reload: oneAtATime(async () => {
      if (isStopped()) return;
      const built = await build();
      // Stopped meanwhile: what was just built must not keep polling or sending.
      const [kept, dropped] = isStopped() ? [running, built] : [built, running];
      running = kept;
      dropped.dispatcher.stop();
      await dropped.poller?.stop();
      if (!isStopped()) deps.onChange();
    }),
    status: () => ({
      channels: running.dispatcher.status().map(channelView),
      commands: running.poller !== null,
      problems: running.problems,
      secrets: running.secrets,
    }),
    test: (id) =>
      running.dispatcher.test(id, {
        event: 'test',
        level: 'info',
        account: null,
        rule: null,
        title: 'Warden test message',
        message: 'Alerts from Warden reach you here.',
        t: deps.clock.now(),
      }),
    async detect() {
      if (running.poller !== null || running.api === null) return seenStarts;
      const batch = await running.api.getUpdates({ offset: null, timeoutSeconds: 0 });
      return detectChats(batch.updates);
    },
    async stop() {
      stopped = true;
      down?.cancel();
      running.dispatcher.stop();
      await running.poller?.stop();
      running = idle();
    },
  };

  function idle(): Running {
    return {
      dispatcher: createDispatcher({
        channels: [],
        clock: deps.clock,
        logger: deps.logger,
        onTrouble: deps.onTrouble,
      }),
      commands: null,
      poller: null,
      api: null,
      problems: [],
      secrets: [],
    };
  }
}

/** Runs `task` after the runs asked before it have ended (each reads the settings when it starts: the last wins). */
function oneAtATime(task: () => Promise<void>): () => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return () => {
    const next = last.then(task);
    last = next.catch(() => undefined);
    return next;
  };
}

type Built = {
  channels: { channel: Channel; minLevel: RemoteLevel }[];
  api: BotApi | null;
  commands: RemoteCommands | null;
  problems: string[];
  secrets: NotifyView['secrets'];
};

/** The channels the settings and secrets set up, and what keeps one from running. */
async function buildChannels(deps: RemoteAlertsDeps): Promise<Built> {
  const settings = deps.settings();
  const secrets = await deps.secrets();
  const names = notifySecretNames.filter((n) => secrets[n] !== undefined);
  if (settings === null) return { channels: [], api: null, commands: null, problems: [], secrets: names };
  const problems: string[] = [];
  const channels: { channel: Channel; minLevel: RemoteLevel }[] = [];
  const levelOf = (own: RemoteLevel | undefined): RemoteLevel => own ?? settings.minLevel;
  let api: BotApi | null = null;
  let commands: RemoteCommands | null = null;
  if (settings.telegram !== undefined) {
    if (secrets.telegramToken === undefined)
      problems.push('telegram: no bot token (WARDEN_TELEGRAM_TOKEN or the settings)');
    else {
      api = createBotApi({
        apiBase: deps.telegramApi,
        token: secrets.telegramToken,
        onBadUpdate: (reason) => deps.logger.warn('telegram update skipped', { reason }),
      });
      if (settings.telegram.chatIds.length === 0)
        problems.push('telegram: no chat yet (send /start to your bot, then press Detect)');
      else
        channels.push({
          channel: createTelegramChannel({ api, chatIds: settings.telegram.chatIds }),
          minLevel: levelOf(settings.telegram.minLevel),
        });
      if (settings.telegram.commands && settings.telegram.chatIds.length > 0)
        commands = createRemoteCommands({
          chatIds: settings.telegram.chatIds,
          now: () => deps.clock.now(),
        });
    }
  }
  if (settings.ntfy !== undefined) {
    const token = ntfyTokenFor(settings.ntfy.url, secrets, problems);
    channels.push({
      channel: createNtfyChannel({ url: settings.ntfy.url, ...(token === null ? {} : { token }) }),
      minLevel: levelOf(settings.ntfy.minLevel),
    });
  }
  if (settings.webhook !== undefined) {
    if (secrets.webhookSecret === undefined)
      problems.push('webhook: no signing secret (set it in the settings)');
    else
      channels.push({
        channel: createWebhookChannel({ url: settings.webhook.url, secret: secrets.webhookSecret }),
        minLevel: levelOf(settings.webhook.minLevel),
      });
  }
  return { channels, api, commands, problems, secrets: names };
}

/** The ntfy token, for the server it was saved for only; for another, none, and a problem that says why. */
function ntfyTokenFor(url: string, secrets: NotifySecrets, problems: string[]): string | null {
  if (secrets.ntfyToken === undefined) return null;
  const origin = new URL(url).origin;
  if (secrets.ntfyTokenOrigin === origin) return secrets.ntfyToken;
  problems.push(
    `ntfy: the access token was saved for ${secrets.ntfyTokenOrigin ?? 'another server'}, not ${origin}; it is not sent (save it again for this server)`,
  );
  return null;
}
