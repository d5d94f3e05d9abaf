// The Tradovate adapter (BrokerAdapter), composed like ProjectX's: the login (auth.ts), the connection state
// machine (connection.ts), the user socket with its snapshot and pushes (link.ts), the quotes or their fallback
// (market-data.ts) and the commands (commands.ts). This module only wires them and answers for the adapter.
// Credentials set at run time live one level up (broker.ts), which builds a fresh adapter for each login.
import type { BrokerEvent, ConnectionStatus } from '../../../shared/domain/events';
import { createSerialQueue } from '../serial-queue';
import type { BrokerAdapter, FirmLimitsCapable, PnlSourceCapable, ResumePoint } from '../types';
import { firmLimitsOf } from './firm-limits';
import { createTradovateAuth } from './auth';
import { createCommands } from './commands';
import { createConnection } from '../connection';
import { createTradovateMapper } from './events';
import { createUserLink } from './link';
import { createMarketData, type MarketData } from './market-data';
import { DEFAULT_TIMING, type TradovateOptions } from './options';
import { createSaid } from './reconcile';
import { createRequest } from './request';
import { createRestClient } from './rest';

export function createTradovateAdapter(
  options: TradovateOptions,
): BrokerAdapter & PnlSourceCapable & FirmLimitsCapable {
  const { clock, logger, urls } = options;
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const rest = createRestClient({ baseUrl: urls.api, clock, logger });
  const auth = createTradovateAuth({ rest, clock, logger, minLoginIntervalMs: timing.minLoginIntervalMs });
  const mapper = createTradovateMapper();
  const said = createSaid();
  const queue = createSerialQueue(logger);
  let emit: ((event: BrokerEvent) => void) | null = null;
  let resume: () => ResumePoint = () => ({ lastFillAt: null, held: [] });
  let marketData: MarketData | null = null;

  const send = (events: readonly BrokerEvent[]): void => {
    for (const event of events) {
      said.note(event);
      emit?.(event);
    }
    if (events.some((e) => e.type === 'position' || e.type === 'order')) marketData?.follow();
  };
  const report = (status: ConnectionStatus, detail?: string, asked?: true): void => {
    send([
      {
        type: 'connection',
        t: clock.now(),
        status,
        ...(detail === undefined ? {} : { detail }),
        ...(asked === undefined ? {} : { asked }),
      },
    ]);
  };

  const request = createRequest({
    auth,
    credentials: options.credentials,
    logger,
    rest,
    socket: () => link.socket(),
    replaced: () => {
      connection.lose({ reason: 'the token was replaced', planned: true });
    },
  });

  const link = createUserLink({
    url: urls.ws,
    credentials: options.credentials,
    auth,
    clock,
    logger,
    socketTiming: timing.socket,
    queue,
    mapper,
    said,
    feesPerContract: options.feesPerContract,
    positionSettleMs: timing.positionSettleMs,
    emit: send,
    resume: () => resume(),
    lose: (loss) => {
      connection.lose(loss);
    },
  });

  const drop = async (): Promise<void> => {
    marketData?.stop();
    marketData = null;
    await link.drop();
  };

  const connection = createConnection({
    clock,
    logger,
    report,
    restartDelaysMs: timing.restartDelaysMs,
    backOffAfterLoss: true,
    cannotConnect: () => null,
    async connect() {
      const attempt = await link.connect();
      if (!attempt.ok) return attempt;
      const md = createMarketData({
        url: urls.md,
        auth,
        clock,
        logger,
        socketTiming: timing.socket,
        queue,
        book: mapper.book,
        silenceMs: timing.marketDataSilenceMs,
        pollMs: timing.snapshotPollMs,
        emit: send,
        request,
        fellBack: (detail) => {
          if (marketData === md && connection.state() === 'connected') report('connected', detail);
        },
        recovered: () => {
          if (marketData === md && connection.state() === 'connected')
            report('connected', noAccounts(mapper.book.accounts.size, options.environment) ?? undefined);
        },
        ended: (reason) => {
          if (marketData === md) connection.lose({ reason, planned: false });
        },
      });
      marketData = md;
      await md.start();
      return { ok: true, detail: noAccounts(mapper.book.accounts.size, options.environment) ?? md.detail() };
    },
    drop,
  });

  auth.onChange((change) => {
    if (change.kind === 'expired') connection.lose({ reason: change.error, planned: false });
  });

  const commands = createCommands({ book: mapper.book, request });

  return {
    kind: 'tradovate',
    async start(next, resumePoint) {
      emit = next;
      resume = resumePoint;
      await connection.start();
    },
    execute: (command) => commands(command),
    pnlSource: () => marketData?.pnlSource() ?? { source: 'quotes' },
    firmLimits: (account) => firmLimitsOf(mapper.book, account),
    reconnect: (reason) => emit !== null && connection.reconnect(reason),
    async stop() {
      connection.stop();
      await drop();
      auth.stop();
      emit = null;
    },
  };
}

/** A login that lists no account is most often on the other environment (TRADOVATE.md: `account/list` is []). */
function noAccounts(count: number, environment: TradovateOptions['environment']): string | null {
  if (count > 0) return null;
  if (environment === 'demo') return 'no accounts on demo: is this a live account? Choose Live in the login';
  if (environment === 'live')
    return 'no accounts on live: prop evaluations are on demo. Choose Demo in the login';
  return 'Tradovate lists no account for this login';
}
