// The commands the UI sends to the core, with zod schemas: every incoming command is validated here first.
import { z } from 'zod';
import type { SettingChange } from '../config/setting-changes';
import { commandNames, type CommandName } from './channels';
import type { HistoryView } from './history';
import type { AlertView, LoginInUse, NotifyDeliveryView, StateView } from './view';
import type { WhatIfStatus } from './what-if';

export { commandNames, ipcChannels, type CommandName } from './channels';
export type { ChangeDirection, SettingChange } from '../config/setting-changes';

const decimalString = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(
    z
      .string()
      // A price or an amount needs far fewer; hundreds of digits would reach the broker but not the journal.
      .max(40, 'must be a decimal number of at most 40 characters')
      .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number such as 21450.25'),
  );
const accountId = z.string().min(1, 'account is required');
/** A group of the config (docs/RULES.md section 10): the command acts on each of its members. */
const groupId = z.string().min(1, 'group is required');
/** How many of `keys` the arguments give. */
const given = (args: Record<string, unknown>, keys: readonly string[]) =>
  keys.filter((key) => args[key] !== undefined).length;
const symbol = z.string().min(1, 'symbol is required');
const notifySecret = z.string().trim().min(1, 'must not be empty (null removes it)').max(512).nullable();
/** An http(s) base URL, without a trailing slash. */
const gatewayUrl = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'must be an http(s) URL such as https://api.topstepx.com')
  .transform((url) => url.replace(/\/+$/, ''));
/** A ws(s) URL (a Tradovate socket), without a trailing slash. */
const socketUrl = z
  .string()
  .trim()
  .regex(
    /^wss?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/,
    'must be a ws(s) URL such as wss://demo.tradovateapi.com/v1/websocket',
  )
  .transform((url) => url.replace(/\/+$/, ''));
const contracts = z
  .number()
  .int('must be a whole number of contracts')
  .positive('must be at least 1')
  .max(1000);

export const commandSchemas = {
  placeOrder: z.strictObject({
    account: accountId,
    symbol,
    side: z.enum(['buy', 'sell']),
    qty: contracts,
    kind: z.enum(['market', 'limit', 'stop']).default('market'),
    limitPrice: decimalString.optional(),
    stopPrice: decimalString.optional(),
    /** Protective stop and profit target, placed when the entry fills. */
    stopLoss: decimalString.optional(),
    takeProfit: decimalString.optional(),
  }),
  cancelOrder: z.strictObject({ account: accountId, orderId: z.string().min(1) }),
  closePosition: z.strictObject({ account: accountId, symbol, qty: contracts.optional() }),
  /** One account, every member of a group, or every guarded account. */
  flatten: z
    .strictObject({
      account: accountId.optional(),
      group: groupId.optional(),
      all: z.literal(true).optional(),
    })
    .refine((args) => given(args, ['account', 'group', 'all']) === 1, {
      message: 'give one of account, group or all: true',
    }),
  /**
   * Self-lock: halted (flattened, no new orders) until the trading day or week ends; cannot be lifted early. Of
   * one account, or of every member of a group.
   */
  lock: z
    .strictObject({
      account: accountId.optional(),
      group: groupId.optional(),
      until: z.enum(['dayEnd', 'weekEnd']).default('dayEnd'),
    })
    .refine((args) => given(args, ['account', 'group']) === 1, { message: 'give account or group' }),
  /** Lifts the locks that last until reset by hand (a failed account); timed locks stay. */
  resetLock: z.strictObject({ account: accountId }),
  /**
   * A day that began while Warden was not running and could not be rebuilt from the broker's trades: the trader
   * confirms its starting equity (Warden's estimate, or the figure the broker shows), which lifts the lock.
   */
  confirmDayStart: z.strictObject({ account: accountId, startEquity: decimalString }),
  setDemo: z.strictObject({ enabled: z.boolean() }),
  getState: z.strictObject({}),
  /**
   * A new config document (docs/RULES.md section 8), validated in full; while an account is not active or its
   * settings are locked, the change may only tighten its rules.
   */
  setConfig: z.strictObject({ config: z.unknown() }),
  /** Judges a config document as setConfig would, without applying it: its errors, changes and refusals. */
  previewConfig: z.strictObject({ config: z.unknown() }),
  /** Locks the account's settings until the trading day ends: until then config changes may only tighten. */
  lockSettings: z.strictObject({ account: accountId }),
  getConfig: z.strictObject({}),
  /**
   * The history of the last `days` trading days (of one account, or all): trades, day summaries, timeline. With
   * `account`, `equityDay` also asks for every equity sample of one trading day (`today`, or the day's label, the
   * date on which it ends), for the equity charts. With `group` (its id and members, as StateView.groups has
   * them): the members' trades and timeline, and `groupDays`, the group's totals per day.
   */
  getHistory: z
    .strictObject({
      account: accountId.optional(),
      group: z
        .strictObject({ id: z.string().min(1), accounts: z.array(accountId).min(1, 'must list a member') })
        .optional(),
      days: z.number().int().min(1).max(366).default(30),
      equityDay: z
        .union([z.literal('today'), z.iso.date('must be today or a trading day such as 2025-03-12')])
        .optional(),
    })
    .refine((args) => args.equityDay === undefined || args.account !== undefined, {
      message: 'equityDay needs an account',
      path: ['equityDay'],
    })
    .refine((args) => args.group === undefined || args.account === undefined, {
      message: 'ask for an account or a group, not both',
      path: ['group'],
    }),
  /**
   * The broker login, stored (encrypted on the desktop, a 0600 file in `serve`) and used at once; never sent back.
   * ProjectX (`broker` absent or "projectx"): user name and API key; the URLs default to the ones in use (TopstepX
   * unless configured). Tradovate (`broker: "tradovate"`): the trader's login and API key (`cid`, `secret` from
   * Settings → API Access); `environment` picks the URLs (demo unless said), `apiUrl`/`wsUrl`/`mdUrl` override them.
   */
  setCredentials: z.discriminatedUnion('broker', [
    z.strictObject({
      broker: z.literal('projectx').optional(),
      userName: z.string().trim().min(1, 'user name is required').max(200),
      apiKey: z.string().trim().min(1, 'API key is required').max(500),
      apiUrl: gatewayUrl.optional(),
      rtcUrl: gatewayUrl.optional(),
    }),
    z.strictObject({
      broker: z.literal('tradovate'),
      userName: z.string().trim().min(1, 'user name is required').max(200),
      password: z.string().min(1, 'password is required').max(500),
      appId: z.string().trim().min(1, 'app id is required').max(200).default('Warden'),
      appVersion: z.string().trim().min(1).max(50).default('1.0'),
      cid: z
        .union([z.number(), z.string().trim()])
        .transform(Number)
        .pipe(
          z
            .number({ error: 'must be the whole number shown as CID' })
            .int('must be the whole number shown as CID')
            .positive('must be the whole number shown as CID'),
        ),
      secret: z.string().trim().min(1, 'secret is required').max(500),
      environment: z.enum(['demo', 'live'], 'must be demo or live').default('demo'),
      apiUrl: gatewayUrl.optional(),
      wsUrl: socketUrl.optional(),
      mdUrl: socketUrl.optional(),
    }),
  ]),
  /**
   * Guard an account of the broker or leave it alone (ProjectX; every active account is guarded by default). The
   * choice is kept. An account that is locked, or whose settings are, cannot be excluded until that ends.
   */
  setAccountGuarded: z.strictObject({ account: accountId, guarded: z.boolean() }),
  /**
   * Drops the broker connection and makes a fresh one now, which reconciles the whole picture (the desktop sends
   * it when the machine wakes from sleep or the screen unlocks). One already under way is not doubled.
   */
  /** `reason`: what the link shows while it reconnects ("the system woke from sleep"). */
  reconnect: z.strictObject({ reason: z.string().trim().min(1).max(120).optional() }),
  /**
   * Starts a what-if (shared/ipc/what-if.ts): the account's journaled events of the last `days` trading days
   * through `config` (the edited document, validated as setConfig would) with enforcement simulated, off the
   * engine's thread. Answers at once with the run's id; `whatIfStatus` tells its progress and result.
   */
  whatIf: z.strictObject({
    account: accountId,
    days: z
      .number()
      .int('must be a whole number of days')
      .min(1, 'must be at least 1')
      .max(90, 'must be at most 90'),
    config: z.unknown(),
  }),
  whatIfStatus: z.strictObject({ run: z.string().min(1, 'run is required') }),
  /** Stops a what-if that is running; its status becomes `cancelled`. */
  cancelWhatIf: z.strictObject({ run: z.string().min(1, 'run is required') }),
  /**
   * The remote alerts' secrets (docs/RULES.md section 13), stored like broker credentials: a text sets one, null
   * removes it, absent keeps it. Never sent back.
   */
  setNotifySecrets: z.strictObject({
    telegramToken: notifySecret.optional(),
    ntfyToken: notifySecret.optional(),
    webhookSecret: notifySecret.optional(),
  }),
  /** Sends a test message now to one channel. */
  testNotify: z.strictObject({ channel: z.enum(['telegram', 'ntfy', 'webhook']) }),
  /** The chats that sent /start to the bot, for the trader to pick theirs. */
  detectTelegramChats: z.strictObject({}),
} as const satisfies Record<CommandName, z.ZodType>;

export type CommandArgs<N extends CommandName> = z.input<(typeof commandSchemas)[N]>;
export type ParsedCommandArgs<N extends CommandName> = z.output<(typeof commandSchemas)[N]>;

/** What a flatten did, per account: flat confirmed or not, and why. */
export type FlattenReport = {
  account: string;
  flat: boolean;
  cancelledOrders: number;
  closedPositions: number;
  elapsedMs: number;
  error?: string;
};

/**
 * One setting a config change changes (issue 15's "safe changes"), as the Rules screen shows it before Apply:
 * "Daily loss 1,000.00 → 800.00: tighter". Its rule, key, values, words and direction are a SettingChange's.
 */
export type ConfigChangeView = SettingChange & {
  /**
   * Where the setting is in the document, as validation errors name it: "accounts.A1.rules.dailyLoss.amount",
   * "accounts.A1.plan.scaling", "groups.apex.rules.groupDailyLoss.amount", "groups.apex.copier.graceSeconds",
   * "groups.apex" (added or removed), "quoteSanity.confirmQuotes". Settings are compared as resolved, so a change
   * of `defaults` or of a preset shows at each account it reaches.
   */
  path: string;
  /** The account it concerns; null for a group's setting or the document's own. */
  account: string | null;
  group: string | null;
  /**
   * Why the core would refuse it now (the account is locked or its settings are): setConfig's reason, naming
   * this setting's loosening ("SIM-50K is halted until …, so its rules may only tighten; this change loosens
   * dailyLoss.amount: raised from 1000 to 1500"); setConfig's own lists every loosening of the account in one.
   */
  refused: string | null;
};

export type CommandResults = {
  placeOrder: { orderId: string | null };
  cancelOrder: Record<string, never>;
  closePosition: Record<string, never>;
  flatten: { reports: FlattenReport[] };
  /** `accounts`: for a group, the members locked (the ones Warden knows), in config order. */
  lock: { lockedUntil: string; accounts?: string[] };
  resetLock: { lifted: number };
  confirmDayStart: { startEquity: string };
  setDemo: { demo: boolean };
  getState: StateView;
  /** Every rule setting the change made, per account ("A1 dailyLoss.amount: \"1000\" → \"800\""). */
  setConfig: { changes: string[] };
  /**
   * `errors`: the document's validation errors, each with its path ("accounts.A1.rules.dailyLoss.amount: ...");
   * `problems`: why it may not take effect now (tighten-only while locked); `changes`: what it would change.
   */
  previewConfig: {
    valid: boolean;
    errors: string[];
    changes: string[];
    problems: string[];
    /**
     * Every changed setting in the trader's words, with its direction and whether the core would refuse it now
     * (the core always sends it; optional so that results built without it, as test fixtures are, still type).
     * [] for an invalid document.
     */
    diff?: ConfigChangeView[];
  };
  lockSettings: { lockedUntil: string };
  /** The config document in force (as validated: defaults filled in, numbers as decimal strings). */
  getConfig: { config: unknown };
  /** What is now in use: never the key or password. */
  setCredentials: { credentials: 'stored' } & LoginInUse;
  /** The accounts the trader excluded now (sorted). */
  setAccountGuarded: { excluded: string[] };
  getHistory: HistoryView;
  /** Whether a reconnect is under way (begun now or already running); false when there is no connection to renew. */
  reconnect: { reconnecting: boolean };
  /** The run's id and how many events it will replay. */
  whatIf: { run: string; total: number };
  whatIfStatus: WhatIfStatus;
  /** False when the run had already ended (or is unknown). */
  cancelWhatIf: { cancelled: boolean };
  /** Which secrets are stored now (names only). */
  setNotifySecrets: { stored: ('telegramToken' | 'ntfyToken' | 'webhookSecret')[] };
  testNotify: NotifyDeliveryView;
  detectTelegramChats: { chats: { chatId: string; name: string }[] };
};

export type CommandResponse<N extends CommandName> =
  { ok: true; result: CommandResults[N] } | { ok: false; error: string };

/** Validates a command's arguments; the error names each bad field and what is wrong with it. */
export function parseCommand<N extends CommandName>(
  name: N,
  args: unknown,
): { ok: true; args: ParsedCommandArgs<N> } | { ok: false; error: string } {
  const schema: z.ZodType = commandSchemas[name];
  const result = schema.safeParse(args);
  if (result.success) return { ok: true, args: result.data as ParsedCommandArgs<N> };
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(arguments)';
    return `${path}: ${issue.message}`;
  });
  return { ok: false, error: `invalid ${name}: ${problems.join('; ')}` };
}

export function isCommandName(value: unknown): value is CommandName {
  return (commandNames as readonly unknown[]).includes(value);
}

/**
 * Messages the core pushes to the UI. Alerts reach the screen by one route: a subscriber (a page) hears the
 * recent ones (`alerts`, newest first) once, when it subscribes, then each new one as an `alert`.
 */
export type PushMessages = { state: StateView; alerts: AlertView[]; alert: AlertView };

/** The contract as the renderer sees it: one function per command, and subscriptions to pushes. */
export type WardenApi = { [N in CommandName]: (args: CommandArgs<N>) => Promise<CommandResponse<N>> } & {
  onState(listener: (state: StateView) => void): () => void;
  /** The recent alerts, newest first: once per (re)connection, before any new one. */
  onAlerts(listener: (alerts: AlertView[]) => void): () => void;
  onAlert(listener: (alert: AlertView) => void): () => void;
};

/** WebSocket frames in `warden serve`: the same contract as the Electron IPC. */
export type ClientFrame = { id: number; command: CommandName; args: unknown };
export type ServerFrame =
  | { type: 'response'; id: number; response: CommandResponse<CommandName> }
  | { type: 'state'; state: StateView }
  | { type: 'alerts'; alerts: AlertView[] }
  | { type: 'alert'; alert: AlertView }
  | { type: 'error'; error: string };
