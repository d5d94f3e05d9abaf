// The application core: broker events → journal → engine → decisions, enforcement and alerts → coalesced
// view pushes; commands from the hosts in. The Electron shell and `warden serve` are thin hosts of this.
import {
  accountMetrics,
  apply,
  serializeState,
  tradingState,
  type ClosedTrade,
  type Decision,
  type EngineConfig,
  type EngineState,
} from '../engine';
import type { WardenConfig } from '../../shared/config/schema';
import type { EngineEvent } from '../../shared/domain/events';
import { createAlertFeed } from '../alerts/alert-feed';
import { tellDecision } from '../alerts/decision-alerts';
import type {
  AccountSelectable,
  BrokerAdapter,
  BrokerCommand,
  CredentialsCapable,
  DemoCapable,
  ResumePoint,
} from '../broker/types';
import { createAccountSelection } from './account-selection';
import { createEnforcer } from '../enforce/actions';
import { createChangeSignal } from '../enforce/change-signal';
import { createCircuitBreaker, type BreakerTransition } from '../enforce/circuit-breaker';
import { createFlattener, type Flattener, type FlattenRecorder } from '../enforce/flatten';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { SecretStore } from '../platform/secrets';
import type { Store } from '../store';
import { createCommandHandlers } from './commands';
import { createPublisher } from './publisher';
import { restoreEngine } from './restore';
import type { PushMessage, WardenCore } from './types';
import { buildView } from './view';
import { createConfigControl } from './config-control';
import { createFlattenRecorder } from './flatten-recorder';
import { buildHistory } from './history';

export type CoreDeps = {
  broker: BrokerAdapter & Partial<DemoCapable> & Partial<CredentialsCapable> & Partial<AccountSelectable>;
  store: Store;
  /** Where credentials entered in the UI are kept (a broker that logs in needs it to take them). */
  secrets?: SecretStore;
  clock: Clock;
  logger: Logger;
  engineConfig: EngineConfig;
  /** Take a snapshot after this many journaled events (and on a timer, and at stop). */
  snapshotEvery?: number;
  publishIntervalMs?: number;
  /** An equity sample per account this often (default 10 s), for charts and the P&L around a breach. */
  sampleEveryMs?: number;
  /** Things the user must be told at start (e.g. a damaged database moved aside). */
  startupNotices?: string[];
  /**
   * The config document `engineConfig` came from, and its file: an edited file is taken in at start (or kept
   * out, the user told why), and changes made in the app are written back. Without it, config changes are
   * journaled only.
   */
  configSource?: { document: WardenConfig; file?: string };
};

/** How long an applied quote may wait to be journaled (see `flushQuotes`). */
const QUOTE_FLUSH_MS = 250;

export async function createCore(deps: CoreDeps): Promise<WardenCore> {
  const { store, clock, broker } = deps;
  let stopped = false;
  const logger = deps.logger.child('core');
  const restored = restoreEngine(store, deps.engineConfig, logger);
  const state: EngineState = restored.state;
  state.connection = { status: 'connecting', detail: null };
  logger.info('engine restored', { journalSeq: restored.journalSeq, replayed: restored.replayed });

  let journalSeq = restored.journalSeq;
  /** Anything applied since the last snapshot (quotes too: they move peaks and MFE/MAE). */
  let changedSinceSnapshot = restored.replayed > 0;
  let journaledSinceSnapshot = restored.replayed;
  let viewSeq = 0;
  const listeners = new Set<(message: PushMessage) => void>();
  const changes = createChangeSignal(clock);
  const emit = (message: PushMessage) => {
    for (const listener of listeners) listener(message);
  };

  const view = () =>
    buildView(state, {
      seq: ++viewSeq,
      now: clock.now(),
      broker: broker.kind,
      demo: broker.demo ?? false,
      guarded: (account) => broker.isGuarded?.(account) ?? true,
      ...(broker.accountsListed === undefined ? {} : { brokerAccounts: broker.accountsListed() }),
      ...(broker.credentialsInfo === undefined ? {} : { credentials: broker.credentialsInfo().state }),
      flattening: flattener.running,
      enforcement: (account) => breaker.stateOf(account),
      alerts: alerts.recent,
    });
  const publisher = createPublisher(
    clock,
    () => emit({ type: 'state', payload: view() }),
    deps.publishIntervalMs,
  );

  const alerts = createAlertFeed({
    store: store.alerts,
    clock,
    logger,
    onAlert: (alert) => {
      emit({ type: 'alert', payload: alert });
      publisher.markDirty();
    },
  });

  /**
   * Quotes are journaled too (a replay without them would value every later fill, peak and MFE/MAE at stale
   * marks), but in batches: the pending ones go in with the next other event, before a decision is acted on, at
   * a snapshot, and every QUOTE_FLUSH_MS. A crash loses at most that much market data, never a decision.
   */
  let pendingQuotes: EngineEvent[] = [];
  const flushQuotes = (): void => {
    if (pendingQuotes.length === 0) return;
    journalSeq = store.journal.appendMany(pendingQuotes);
    pendingQuotes = [];
  };

  const snapshot = (): void => {
    // The snapshot must cover every event applied, so the quotes applied so far are journaled first.
    flushQuotes();
    store.snapshots.save({ journalSeq, t: clock.now(), state: serializeState(state) });
    changedSinceSnapshot = false;
    journaledSinceSnapshot = 0;
  };

  const handleDecisions = (decisions: Decision[]): void => {
    for (const decision of decisions) {
      // An account the trader excluded is not guarded: nothing is said or done about it.
      if ('account' in decision && broker.isGuarded?.(decision.account) === false) continue;
      tellDecision(alerts, decision);
      if (decision.kind === 'tradeClosed') recordTrade(decision.trade);
      if (decision.kind !== 'rule') continue;
      if (decision.action === 'alert' && decision.attachStop === undefined) continue;
      enforcer.carryOut(decision).catch((error: unknown) => {
        logger.error('enforcement failed', { rule: decision.rule, reason: (error as Error).message });
      });
    }
  };

  const recordTrade = (trade: ClosedTrade): void => {
    const tag = [...(state.accounts.get(trade.account)?.orders.values() ?? [])].find(
      (order) => order.symbol === trade.symbol && order.tag !== null,
    )?.tag;
    store.history.addTrade({
      account: trade.account,
      symbol: trade.symbol,
      side: trade.side,
      qty: trade.qty,
      entryPrice: trade.entryPrice.toFixed(),
      exitPrice: trade.exitPrice.toFixed(),
      openedAt: trade.openedAt,
      closedAt: trade.closedAt,
      realizedPnl: trade.realizedPnl.toFixed(2),
      fees: trade.fees.toFixed(2),
      netPnl: trade.netPnl.toFixed(2),
      mfe: trade.mfe.toFixed(2),
      mae: trade.mae.toFixed(2),
      tag: tag ?? null,
    });
  };

  const sampleEquity = (): void => {
    const t = clock.now();
    store.history.sample(
      [...state.accounts.values()].map((account) => {
        const metrics = accountMetrics(state, account);
        let openQty = 0;
        for (const position of account.positions.values()) openQty += Math.abs(position.qty);
        return {
          account: account.id,
          t,
          balance: metrics.balance.toFixed(2),
          equity: metrics.equity.toFixed(2),
          dailyNetPnl: metrics.dailyNetPnl.toFixed(2),
          dailyDrawdown: metrics.dailyDrawdown.toFixed(2),
          openQty,
        };
      }),
    );
  };

  let compactedAt = Number.NEGATIVE_INFINITY;
  /** At most hourly: the journal behind the oldest snapshot and samples past the retention period go. */
  const compact = (): void => {
    if (clock.now() - compactedAt < 3_600_000) return;
    compactedAt = clock.now();
    const removed = store.compact(clock.now());
    if (removed.journal + removed.samples > 0) logger.info('compacted the database', removed);
  };

  /** Every event passes here (the broker's, and the trader's own): journaled first (quotes excepted), then applied. */
  const onBrokerEvent = (event: EngineEvent): void => {
    try {
      if (event.type === 'quote') pendingQuotes.push(event);
      else {
        journalSeq = store.journal.appendMany([...pendingQuotes, event]);
        pendingQuotes = [];
        if (event.type !== 'clock') journaledSinceSnapshot += 1;
      }
      changedSinceSnapshot = true;
      const { decisions } = apply(state, event);
      if (decisions.length > 0) flushQuotes();
      handleDecisions(decisions);
    } catch (error) {
      logger.error('broker event not applied', { type: event.type, reason: (error as Error).message });
      return;
    }
    if (event.type === 'connection' && (event.status === 'reconnecting' || event.status === 'disconnected')) {
      alerts.raise(
        'warning',
        null,
        `Broker ${event.status}`,
        event.detail ?? `The ${broker.kind} connection is ${event.status}.`,
      );
    }
    if (journaledSinceSnapshot >= (deps.snapshotEvery ?? 200)) snapshot();
    changes.notify();
    publisher.markDirty();
  };

  /** Every transition is recorded; the trader hears when enforcement pauses and when it works again. */
  const onBreakerTransition = (change: BreakerTransition): void => {
    const { account, from, to, reason } = change;
    store.riskEvents.record({ t: change.at, account, kind: 'circuitBreaker', detail: { from, to, reason } });
    logger.warn('enforcement circuit breaker', { account, from, to, reason });
    if (to === 'open')
      alerts.raise(
        'critical',
        account,
        'Enforcement paused: act manually',
        `${account}: the broker failed repeated enforcement commands (${reason}). Warden pauses and tries again later; check the account in the broker's platform now.`,
      );
    if (to === 'closed')
      alerts.raise(
        'info',
        account,
        'Enforcement working again',
        `${account}: the broker accepted a command again.`,
      );
    publisher.markDirty();
  };
  const breaker = createCircuitBreaker({ clock, onTransition: onBreakerTransition });
  /** Enforcement's own broker commands pass the circuit breaker; the trader's orders and cancels do not. */
  const enforce = (command: BrokerCommand) => breaker.guard(command, (c) => broker.execute(c));

  const flattener: Flattener = createFlattener({
    clock,
    execute: enforce,
    exposure: (id) => {
      const account = state.accounts.get(id);
      if (account === undefined) return null;
      const positions = [...account.positions.values()].map((p) => ({ symbol: p.symbol, qty: p.qty }));
      return { orders: [...account.orders.keys()], positions };
    },
    nextChange: (ms) => changes.next(ms),
    recorder: whileOpen(createFlattenRecorder(store.responses), () => stopped),
    onFinished: (report, run) => {
      publisher.markDirty();
      if (run.retry && !report.flat) {
        logger.warn('flatten retry: still not flat', { account: report.account, error: report.error });
        return;
      }
      if (report.flat) {
        alerts.raise(
          'info',
          report.account,
          'Flatten complete',
          `${report.account} is flat (${report.elapsedMs} ms).`,
          true,
        );
      } else {
        alerts.raise('critical', report.account, 'Flatten FAILED: act manually', report.error ?? 'not flat');
      }
    },
  });

  const enforcer = createEnforcer({
    state,
    execute: enforce,
    flattener,
    logger,
    onRefused: (decision, command, error) => {
      const account = state.accounts.get(decision.account);
      const locked = account !== undefined && tradingState(account) !== 'active';
      alerts.raise(
        'critical',
        decision.account,
        `Broker refused ${command.type}`,
        `${decision.rule}: ${error}.${locked ? ' The account stays locked.' : ''} Check the account and act manually.`,
      );
    },
  });

  const config = createConfigControl({
    state,
    store,
    clock,
    applyOwn: onBrokerEvent,
    ...(deps.configSource?.file === undefined ? {} : { file: deps.configSource.file }),
  });

  const accountSelection = createAccountSelection(store.meta);
  const handlers = createCommandHandlers({
    state,
    broker,
    flattener,
    breaker,
    config,
    logger,
    applyOwn: onBrokerEvent,
    ...(deps.secrets === undefined ? {} : { secrets: deps.secrets }),
    accountSelection,
    history: (query) => {
      flushQuotes();
      return buildHistory(store, state.config.session, query, clock.now());
    },
    afterCommand: () => {
      publisher.flush();
    },
    view,
  });

  for (const notice of deps.startupNotices ?? [])
    alerts.raise('critical', null, 'Warden started with a problem', notice);
  const refused = deps.configSource === undefined ? [] : config.admitFile(deps.configSource.document);
  if (refused.length > 0)
    alerts.raise(
      'critical',
      null,
      'Config file not applied',
      `${refused.join('; ')}. The rules in force stay until the lock ends; restart Warden then, or make the file only tighten.`,
    );
  if (broker.setExcluded !== undefined) broker.setExcluded(new Set(accountSelection.excluded()));
  /** Asked by the adapter at every (re)connect: what it must confirm or report gone. */
  const resumePoint = (): ResumePoint => ({
    lastFillAt: store.journal.lastFillTime(),
    held: [...state.accounts.values()].map((account) => ({
      account: account.id,
      orders: [...account.orders.values()].map(({ id, symbol, side, kind, qty }) => ({
        id,
        symbol,
        side,
        kind,
        qty,
      })),
      positions: [...account.positions.values()].filter((p) => p.qty !== 0).map((p) => p.symbol),
    })),
  });
  await broker.start(onBrokerEvent, resumePoint);
  resumeEnforcement();
  // Time passes even in a quiet market (day rolls, countdowns), and the UI hears from the core every second.
  // Clock events are journaled like any other (a restart replays the same rolls and timers) and their decisions
  // are carried out (a grace period or a trading-hours flatten falls due on a tick, not on a quote).
  const stopClock = clock.setInterval(() => {
    onBrokerEvent({ type: 'clock', t: clock.now() });
  }, 1000);
  const stopQuoteFlush = clock.setInterval(flushQuotes, QUOTE_FLUSH_MS);
  const stopSnapshots = clock.setInterval(() => {
    if (changedSinceSnapshot) snapshot();
    compact();
  }, 30_000);
  const stopSampling = clock.setInterval(() => {
    try {
      sampleEquity();
    } catch (error) {
      logger.error('equity sample not recorded', { reason: (error as Error).message });
    }
  }, deps.sampleEveryMs ?? 10_000);
  compact();

  /**
   * After a restart: a flatten a crash cut short is recorded as interrupted and run again while its account still
   * holds something, and a halted account that still holds something is flattened.
   */
  function resumeEnforcement(): void {
    const interrupted = new Set<string>();
    for (const response of store.responses.unfinished()) {
      store.responses.finish(response.id, {
        finishedAt: clock.now(),
        outcome: 'interrupted',
        detail: { steps: response.detail, report: 'Warden stopped before this response finished' },
      });
      if (response.action === 'flatten') interrupted.add(response.account);
    }
    for (const account of state.accounts.values()) {
      if (broker.isGuarded?.(account.id) === false) continue;
      const holds = account.positions.size > 0 || account.orders.size > 0;
      if (!holds) continue;
      if (interrupted.has(account.id)) void flattener.flatten(account.id, 'resume: an interrupted flatten');
      else if (tradingState(account) === 'halted')
        void flattener.flatten(account.id, 'resume: account is halted');
    }
  }
  return {
    command: (name, args) => handlers.run(name, args),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    view,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopClock();
      stopQuoteFlush();
      stopSampling();
      stopSnapshots();
      flattener.stop();
      breaker.stop();
      publisher.stop();
      await broker.stop();
      snapshot();
      store.close();
    },
  };
}

/** A flatten still running when the core stops records nothing more: the database is closed (a restart resumes it). */
function whileOpen(recorder: FlattenRecorder, stopped: () => boolean): FlattenRecorder {
  return {
    begin: (account, reason, at) => (stopped() ? -1 : recorder.begin(account, reason, at)),
    progress: (id, steps) => {
      if (!stopped() && id >= 0) recorder.progress(id, steps);
    },
    finish: (id, report, steps, at) => {
      if (!stopped() && id >= 0) recorder.finish(id, report, steps, at);
    },
  };
}
