// The one interface every broker adapter (sim, projectx, tradovate) implements: normalized events out, commands in.
import type { BrokerEvent, OrderEvent, OrderKind, Side } from '../../shared/domain/events';
import type { Dec } from '../../shared/domain/money';
import type { FirmLimitsView, LoginInUse } from '../../shared/ipc';
import type { StoredProjectXCredentials, StoredTradovateCredentials } from '../platform/secrets';

export type PlaceOrder = {
  type: 'placeOrder';
  account: string;
  symbol: string;
  side: Side;
  qty: number;
  kind: OrderKind;
  limitPrice?: Dec;
  stopPrice?: Dec;
  /** Protective bracket placed once the entry fills (one-cancels-other). */
  stopLossPrice?: Dec;
  takeProfitPrice?: Dec;
  tag?: string;
};

export type CancelOrder = { type: 'cancelOrder'; account: string; orderId: string };

/** Close a position at market: all of it, or `qty` contracts of it (a partial close). */
export type ClosePosition = { type: 'closePosition'; account: string; symbol: string; qty?: number };

export type BrokerCommand = PlaceOrder | CancelOrder | ClosePosition;

/** What the broker said to a command. A refusal carries the broker's reason in words a trader can act on. */
export type CommandResult = { ok: true; orderId?: string } | { ok: false; error: string };

export type BrokerKind = 'sim' | 'projectx' | 'tradovate';

/** A working order the engine holds: enough to report it cancelled when the broker no longer lists it. */
export type HeldOrder = Pick<OrderEvent, 'id' | 'symbol' | 'side' | 'kind' | 'qty'>;

/** What the engine holds of one account: its working orders and the symbols of its open positions. */
export type Held = { account: string; orders: HeldOrder[]; positions: string[] };

/**
 * Where the engine's picture ends: the adapter replays fills from `lastFillAt` on (the engine de-duplicates by
 * id), and reports closed or cancelled whatever of `held` the broker no longer lists, since it may have gone
 * while Warden was not running or not connected.
 */
export type ResumePoint = {
  lastFillAt: number | null;
  held: Held[];
  /**
   * Each known account's own last fill (null when it has none): an account left unguarded for a while, or
   * reconnected after others traded, is replayed from its own point, not from the newest fill of any account.
   */
  accountsLastFillAt?: Record<string, number | null>;
};

export type BrokerAdapter = {
  readonly kind: BrokerKind;
  /**
   * Connects and starts the feed. Every (re)connect first emits the broker's full snapshot (instruments,
   * accounts, open positions, working orders, fills at or after `resume().lastFillAt`, and the held orders and
   * positions the broker no longer lists as cancelled and closed) so the picture is reconciled, then a
   * `connection` event with status `connected`. `resume` is asked again at every reconnect.
   */
  start(emit: (event: BrokerEvent) => void, resume: () => ResumePoint): Promise<void>;
  execute(command: BrokerCommand): Promise<CommandResult>;
  /**
   * Renews the connection now (the host saw the machine wake from sleep or the screen unlock: a link that looks
   * up may be dead). At once a `connection` event `reconnecting` (detail `reconnecting: <reason>`), as on a
   * dropped link; then the link is torn down and a fresh one made, which like every (re)connect emits the full
   * snapshot and then `connected`. A reconnect or connect already under way is left to finish, not doubled.
   * Answers whether a reconnect is under way; false, doing nothing, when there is no connection to renew (not
   * started, stopped, or nothing to connect with).
   */
  reconnect(reason: string): boolean;
  stop(): Promise<void>;
};

/**
 * A ProjectX login (the URLs, when left out, stay as they are) and a Tradovate login (the trader's user name and
 * password with their API key, `cid` and `secret` from Settings → API Access; `environment` picks the three URLs,
 * any URL given overrides its own): exactly what is stored between runs.
 */
export type ProjectXLogin = StoredProjectXCredentials;
export type TradovateLogin = StoredTradovateCredentials;

/** What a broker that logs in needs. */
export type BrokerCredentials = ProjectXLogin | TradovateLogin;

/** The broker a login is for (a ProjectX login may leave it out). */
export const loginBroker = (login: {
  broker?: 'projectx' | 'tradovate' | undefined;
}): 'projectx' | 'tradovate' => login.broker ?? 'projectx';

/** Whether credentials are set, whose, and where they connect to: never the key. */
export type CredentialsInfo = { state: 'missing' | 'stored'; login: LoginInUse | null };

/** A broker that logs in (ProjectX, Tradovate): new credentials (its own kind) replace the session and connection. */
export type CredentialsCapable = {
  setCredentials(credentials: BrokerCredentials): void;
  credentialsInfo(): CredentialsInfo;
};

/**
 * A broker whose open P&L may come from its own snapshots instead of quotes (Tradovate without market data):
 * `lastAt` is when the newest snapshot was read (epoch ms), null before the first.
 */
export type PnlSource =
  { source: 'quotes' } | { source: 'snapshots'; everyMs: number; lastAt: number | null; why: string };
export type PnlSourceCapable = { pnlSource(): PnlSource };

/** A broker that enforces its own limits on an account (Tradovate's auto-liquidation): what they are, or null. */
export type FirmLimitsCapable = { firmLimits(account: string): FirmLimitsView | null };

/** One of the trader's accounts at the broker. */
export type BrokerAccount = { id: string; name: string };

/**
 * A broker whose accounts the trader may leave unguarded (ProjectX). Which are guarded is the core's to decide
 * (main/core/guarded-accounts.ts): the adapter only subscribes to and acts on the accounts it is not told to
 * leave alone.
 */
export type AccountSelectable = {
  /** The accounts the broker listed at the last (re)connect. */
  accountsListed(): BrokerAccount[];
  /** Every account to leave alone (replaces the previous set); reconnects to apply it. */
  setExcluded(ids: ReadonlySet<string>): void;
};

/** A broker that can trade by itself to keep the screen alive (the simulator's demo mode). */
export type DemoCapable = { setDemo(enabled: boolean): void; readonly demo: boolean };
