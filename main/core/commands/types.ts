// What the trader's commands work on, and the shape of a handler: a plain function when it does nothing
// asynchronous, a promise when it waits on the broker or the secret store.
import type { EngineEvent } from '../../../shared/domain/events';
import type {
  CommandName,
  CommandResults,
  HistoryView,
  ParsedCommandArgs,
  StateView,
} from '../../../shared/ipc';
import type { AccountSelectable, BrokerAdapter, CredentialsCapable, DemoCapable } from '../../broker/types';
import type { CircuitBreaker } from '../../enforce/circuit-breaker';
import type { Flattener } from '../../enforce/flatten';
import type { ReadonlyEngineState } from '../../engine';
import type { Logger } from '../../platform/logger';
import type { SecretStore } from '../../platform/secrets';
import type { ConfigControl } from '../config-control';
import type { GuardedAccounts } from '../guarded-accounts';
import type { RemoteAlerts } from '../../notify/remote-alerts';
import type { WhatIfRuns } from '../../whatif/runs';

export type CommandDeps = {
  /** The history screens' view (read-only, from the store). */
  history: (query: { account?: string | undefined; days: number }) => HistoryView;
  state: ReadonlyEngineState;
  broker: BrokerAdapter & Partial<DemoCapable> & Partial<CredentialsCapable> & Partial<AccountSelectable>;
  /** Which accounts Warden guards (the core's alone): asked by flatten-all, changed by setAccountGuarded. */
  accountSelection: GuardedAccounts;
  /** Where credentials entered in the UI are kept. */
  secrets?: SecretStore;
  flattener: Flattener;
  /** A trader's flatten is always tried: it turns an open breaker half open. */
  breaker: Pick<CircuitBreaker, 'probe'>;
  config: ConfigControl;
  logger: Logger;
  afterCommand(): void;
  /** Journals and applies an event the trader caused (a self-lock), like a broker event. */
  applyOwn(event: EngineEvent): void;
  view(): StateView;
  /** The what-if runs (off the engine's thread); without them the what-if commands are refused. */
  whatIf?: WhatIfRuns;
  /** The remote alerts (docs/RULES.md section 13); without them their commands are refused. */
  remote?: Pick<RemoteAlerts, 'reload' | 'test' | 'detect'>;
};

/**
 * `origin`: who asked, when it was not the trader at the screen ("telegram chat 777000111 (Dana)"), for the
 * audit.
 */
export type Handler<N extends CommandName> = (
  args: ParsedCommandArgs<N>,
  origin?: string,
) => CommandResults[N] | Promise<CommandResults[N]>;

/** The handlers of the commands `N` (all of them by default). */
export type Handlers<N extends CommandName = CommandName> = { [K in N]: Handler<K> };
