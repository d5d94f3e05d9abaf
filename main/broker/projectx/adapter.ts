// The ProjectX Gateway adapter (BrokerAdapter), composed of named units: the credentials holder, the account
// selection, the connection state machine driving one connect attempt at a time, reconcile and resync, the feed
// of hub events, and the REST commands. This module only wires them and answers for the adapter.
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
import { createConnection, type Connection, type Loss } from './connection';
import { createConnector, type Connector } from './connector';
import { createContracts } from './contracts';
import { createCredentialsHolder, NO_CREDENTIALS, type CredentialsHolder } from './credentials';
import { createFeed, type Feed } from './feed';
import { DEFAULT_TIMING, type ProjectXOptions } from './options';
import { createOutlet, type Outlet } from './outlet';
import { createResync } from './resync';
import { createSerialQueue } from './serial-queue';

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
    async stop() {
      connection.stop();
      await connector.drop();
      credentials.stop();
      feed.stop();
      outlet.close();
    },
    setCredentials(next) {
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
  const feed = createFeed({
    ...reads,
    clock,
    queue,
    emit: (event) => {
      outlet.send(event);
    },
    guarded: (account) => selection.isGuarded(account),
    positionSettleMs: timing.positionSettleMs,
    resync: (reason) => {
      resync.request(reason);
    },
    holdingsChanged: () => {
      resync.syncQuotes();
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
  const report = (...args: Parameters<Outlet['connection']>) => {
    outlet.connection(...args);
  };
  const resync = createResync({
    reads,
    selection,
    outlet,
    queue,
    clock,
    logger,
    timing,
    lose,
    feed,
    link: () => connector.link(),
  });
  const connector = createConnector({
    credentials,
    reads,
    selection,
    feed,
    resync,
    logger,
    timing,
    report,
    lose,
  });
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
