// The ProjectX Gateway adapter (BrokerAdapter), composed of named units: the credentials holder, the account
// selection, the connection state machine driving one connect attempt at a time, reconcile and resync, the feed
// of hub events, and the REST commands. This module only wires them and answers for the adapter.
import type { Clock } from '../../platform/clock';
import type {
  AccountSelectable,
  BrokerAdapter,
  BrokerCommand,
  CommandResult,
  CredentialsCapable,
} from '../types';
import { createAccountSelection, type AccountSelection } from './account-selection';
import { createBook } from './book';
import { createCommands } from './commands';
import { createConnection, type Connection, type Loss } from '../connection';
import { createConnector, type Connector } from './connector';
import { createContracts } from './contracts';
import { createCredentialsHolder, NO_CREDENTIALS, type CredentialsHolder } from './credentials';
import { createFeed, type Feed } from './feed';
import { DEFAULT_TIMING, type ProjectXOptions, type ProjectXTiming } from './options';
import { createOutlet, type Outlet } from './outlet';
import type { ReconcileDeps } from './reconcile';
import { createResync, type Resync } from './resync';
import { createSerialQueue, type SerialQueue } from '../serial-queue';

/** New credentials (and gateway URLs, when given): the session is rebuilt with them and a running connection is replaced. */
export type ProjectXBroker = BrokerAdapter & CredentialsCapable & AccountSelectable;

type Units = {
  outlet: Outlet;
  selection: AccountSelection;
  credentials: CredentialsHolder;
  connection: Connection;
  connector: Connector;
  feed: Feed;
  commands: (command: BrokerCommand) => Promise<CommandResult>;
};

export function createProjectXBroker(options: ProjectXOptions): ProjectXBroker {
  const units = compose(options);
  const { outlet, selection, credentials, connection, connector, feed } = units;
  return {
    kind: 'projectx',
    async start(emit, resume) {
      outlet.open(emit, resume);
      await connection.start();
    },
    execute: (command) => executeUnlessExcluded(units, command),
    reconnect: (reason) => outlet.isOpen() && connection.reconnect(reason),
    async stop() {
      connection.stop();
      await connector.drop();
      credentials.stop();
      feed.stop();
      outlet.close();
    },
    setCredentials(next) {
      if (next.broker === 'tradovate')
        throw new Error('ProjectX takes ProjectX credentials, not Tradovate ones');
      credentials.replace(next);
      if (outlet.isOpen()) connection.renew('new credentials');
    },
    credentialsInfo: () => credentials.info(),
    accountsListed: () => selection.listed(),
    setExcluded(ids) {
      selection.exclude(ids);
      if (connector.link() !== null) connection.lose({ reason: 'account selection changed', planned: true });
    },
  };
}

/** Commands go to REST, but none without credentials nor for an account Warden was told to leave alone. */
function executeUnlessExcluded(
  { credentials, selection, commands }: Units,
  command: BrokerCommand,
): Promise<CommandResult> {
  if (!credentials.hasCredentials()) return Promise.resolve({ ok: false, error: NO_CREDENTIALS });
  if (selection.isExcluded(command.account))
    return Promise.resolve({
      ok: false,
      error: `account ${command.account} is excluded from guarding: Warden does not act on it`,
    });
  return commands(command);
}

/** What several units are built from. */
type Shared = Pick<Units, 'outlet' | 'selection' | 'credentials'> & {
  reads: ReconcileDeps;
  queue: SerialQueue;
  clock: Clock;
  timing: ProjectXTiming;
  lose: (loss: Loss) => void;
};

function compose(options: ProjectXOptions): Units {
  const { clock, logger } = options;
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const book = createBook();
  const queue = createSerialQueue(logger);
  const outlet = createOutlet(clock, logger);
  const selection = createAccountSelection(logger);
  const lose = (loss: Loss) => {
    connection.lose(loss);
  };
  const credentials = createCredentialsHolder({
    ...options,
    timing,
    tokenChanged: () => {
      lose({ reason: 'token refreshed', planned: true });
    },
  });
  const session = credentials.current;
  const reads = { session, book, contracts: createContracts(session, book, logger), logger };
  const shared: Shared = { reads, queue, outlet, selection, credentials, clock, timing, lose };
  const feed = feedOf(shared, () => resync);
  const resync = createResync({ ...shared, logger, feed, link: () => connector.link() });
  const report: Outlet['connection'] = (status, detail, asked) => {
    outlet.connection(status, detail, asked);
  };
  const connector = createConnector({ ...shared, logger, feed, resync, report });
  const connection = createConnection({
    clock,
    logger,
    report,
    restartDelaysMs: timing.restartDelaysMs,
    cannotConnect: () => (credentials.hasCredentials() ? null : NO_CREDENTIALS),
    connect: () => connector.attempt(),
    drop: () => connector.drop(),
  });
  const commands = createCommands({ session, book, logger, resync: (reason) => resync.request(reason) });
  return { outlet, selection, credentials, connection, connector, feed, commands };
}

/** The feed of hub events: only guarded accounts' events pass; what it cannot complete asks for a resync. */
function feedOf(units: Shared, resync: () => Resync): Feed {
  const { outlet, selection, credentials, lose } = units;
  return createFeed({
    ...units.reads,
    clock: units.clock,
    queue: units.queue,
    emit: (event) => {
      outlet.send(event);
    },
    guarded: (account) => selection.isGuarded(account),
    positionSettleMs: units.timing.positionSettleMs,
    resync: (reason) => {
      resync().request(reason);
    },
    holdingsChanged: () => {
      resync().syncQuotes();
    },
    loggedOut: () => {
      void credentials
        .built()
        ?.refresh()
        .finally(() => {
          lose({ reason: 'the gateway ended the session', planned: false });
        });
    },
  });
}
