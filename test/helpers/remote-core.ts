// The real core on the simulator with its remote alerts pointed at fakes over real sockets (docs/RULES.md section
// 13): the config document with a `notify` section as the file the core starts from, the notify secrets in a file
// secret store, the Telegram API at the fake Bot API. A still market and a manual clock, like sim-core's.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimBroker } from '../../main/broker/sim';
import { createCore } from '../../main/core/app';
import { loadConfig } from '../../main/core/start';
import { engineConfigOf } from '../../main/engine';
import { memoryLogger } from '../../main/platform/logger';
import { fileSecretStore, type StoredNotifySecrets } from '../../main/platform/secrets';
import { openStore } from '../../main/store';
import { startFakeNotifyServer, type FakeNotifyServer } from '../fakes/notify-server';
import { startFakeBotServer, type FakeBotServer } from '../fakes/telegram/bot-server';
import { createManualClock } from './manual-clock';
import { STILL_TICK_INTERVAL_MS, TUESDAY_MORNING } from './sim-core';

export const CHAT_ID = '777000111';
export const OTHER_CHAT_ID = '999888777';
export const WEBHOOK_SECRET = 'whsec-remote-core-5f2c9a1e';
export const NTFY_PATH = '/warden-alerts-7f3k';
export const WEBHOOK_PATH = '/hooks/warden';

/** SIM-50K with a daily loss of 1,000.00 (warning 800, critical 950), and every channel on from `warning`. */
export function remoteConfig(receiver: string): string {
  return `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
accounts:
  SIM-50K:
    startingBalance: 50000
    rules:
      dailyLoss: { amount: 1000, basis: net }
notify:
  minLevel: warning
  telegram: { chatIds: ["${CHAT_ID}"], commands: true }
  ntfy: { url: "${receiver}${NTFY_PATH}" }
  webhook: { url: "${receiver}${WEBHOOK_PATH}" }
`;
}

export type RemoteCoreOptions = {
  /** The notify secrets stored before the core starts, given the fake's bot token (default: it and the webhook's). */
  secrets?: (botToken: string) => Omit<StoredNotifySecrets, 'broker'>;
  /** config.yaml's text for the receiver's origin (default: remoteConfig). The Bot API is the host's setting. */
  config?: (receiver: string) => string;
  /** A data folder a core stopped earlier left (a restart): its database, simulator book and config are kept. */
  dir?: string;
  /** When the clock starts (default TUESDAY_MORNING). */
  at?: number;
};

export async function remoteCore(options: RemoteCoreOptions = {}) {
  const bot: FakeBotServer = await startFakeBotServer();
  const receiver: FakeNotifyServer = await startFakeNotifyServer();
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'warden-remote-'));
  const configFile = join(dir, 'config.yaml');
  // A restart keeps its config, but the receiver is a new one on another port.
  writeFileSync(configFile, (options.config ?? remoteConfig)(receiver.origin));
  const secrets = fileSecretStore(dir);
  await secrets.write({
    broker: 'notify',
    ...(options.secrets?.(bot.token) ?? { telegramToken: bot.token, webhookSecret: WEBHOOK_SECRET }),
  });
  const clock = createManualClock(options.at ?? TUESDAY_MORNING);
  const logger = memoryLogger();
  const broker = createSimBroker({
    stateFile: join(dir, 'sim-broker.json'),
    clock,
    logger,
    seed: 7,
    tickIntervalMs: STILL_TICK_INTERVAL_MS,
  });
  const store = openStore(join(dir, 'warden.db'), { logger, clock });
  const document = loadConfig(configFile);
  const core = await createCore({
    broker,
    store,
    clock,
    logger,
    secrets,
    engineConfig: engineConfigOf(document),
    configSource: { document, file: configFile },
    remote: { telegramApi: bot.apiBase },
  });
  const stop = async (): Promise<void> => {
    await core.stop();
    await bot.close();
    await receiver.close();
  };
  return { core, broker, clock, store, logger, bot, receiver, dir, stop };
}

export type RemoteCore = Awaited<ReturnType<typeof remoteCore>>;

/** The requests the receiver got on `path`. */
export const requestsTo = (receiver: FakeNotifyServer, path: string) =>
  receiver.requests.filter((request) => request.path === path);

/** The texts the fake Bot API was asked to send, in order. */
export const sentTexts = (bot: FakeBotServer): string[] =>
  bot.calls('sendMessage').map((call) => (call.body as { text: string }).text);

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

/** The buttons of every sendMessage, in order (an empty list for one without). */
export const sentButtons = (bot: FakeBotServer): { text: string; data: string }[][][] =>
  bot.calls('sendMessage').map((call) => {
    const markup = (call.body as { reply_markup?: Keyboard }).reply_markup;
    return (markup?.inline_keyboard ?? []).map((row) =>
      row.map((button) => ({ text: button.text, data: button.callback_data })),
    );
  });

/** The webhook bodies received, parsed. */
export const webhookEvents = (receiver: FakeNotifyServer) =>
  requestsTo(receiver, WEBHOOK_PATH).map(
    (request) =>
      JSON.parse(request.body) as { event: string; title: string; message: string; account: string },
  );

/** An ntfy Title header as ntfy reads it: RFC 2047 encoded-words decoded. */
export function ntfyTitle(header: string | string[] | undefined): string {
  const text = Array.isArray(header) ? header.join(' ') : (header ?? '');
  const words = [...text.matchAll(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/g)];
  if (words.length === 0) return text;
  return words.map((word) => Buffer.from(word[1] ?? '', 'base64').toString('utf8')).join('');
}
