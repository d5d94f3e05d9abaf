// What a host (Electron desktop or `warden serve`) sees of the core: commands in, pushed messages out.
import type { CommandName, CommandResponse, PushMessages, StateView } from '../../shared/ipc';
import type { BrokerKind } from '../broker/types';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { SecretStore } from '../platform/secrets';

export type PushMessage = {
  [K in keyof PushMessages]: { type: K; payload: PushMessages[K] };
}[keyof PushMessages];

/** A guarded account that holds something the broker could move: open positions, working orders. */
export type ExposedAccount = { id: string; name: string; openPositions: number; workingOrders: number };

export type WardenCore = {
  /** Validates `args` against the contract, runs the command and answers; never throws. */
  command<N extends CommandName>(name: N, args: unknown): Promise<CommandResponse<N>>;
  /**
   * First, to this listener alone, the recent alerts (`alerts`, newest first); then coalesced state pushes (at
   * most about 20 a second) and each new alert (`alert`). Returns the unsubscribe function.
   */
  subscribe(listener: (message: PushMessage) => void): () => void;
  /** The latest view, built now. */
  view(): StateView;
  /**
   * Is anything exposed? The guarded accounts with an open position or a working order, in the view's order;
   * empty when none. Cheap (no view is built): a host may ask on every state push.
   */
  exposedAccounts(): ExposedAccount[];
  stop(): Promise<void>;
};

export type CoreOptions = {
  dataDir: string;
  broker: BrokerKind;
  demo: boolean;
  configPath?: string;
  logger?: Logger;
  /** better-sqlite3 native addon built for the host's ABI (Electron), when it is not the default one. */
  sqliteBinding?: string;
  clock?: Clock;
  /** Where broker credentials entered in the UI are kept; by default the data dir's 0600 file. */
  secrets?: SecretStore;
  /** The news calendar feed's URL; null: off; by default WARDEN_NEWS_URL, else the public weekly export. */
  newsUrl?: string | null;
};
