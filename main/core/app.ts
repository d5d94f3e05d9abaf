// The application core: broker events → journal → engine → decisions, enforcement and alerts → coalesced
// view pushes; commands from the hosts in. The Electron shell and `warden serve` are thin hosts of this.
import { apply, type Decision, type EngineConfig, type EngineState } from '../engine';
import type { WardenConfig } from '../../shared/config/schema';
import type { DayStartEvent, EngineEvent } from '../../shared/domain/events';
import { createAlertFeed } from '../alerts/alert-feed';
import { tellDecision } from '../alerts/decision-alerts';
import { createNotifyPolicy } from '../alerts/notify-policy';
import type {
  AccountSelectable,
  BrokerAdapter,
  CredentialsCapable,
  DemoCapable,
  ResumePoint,
} from '../broker/types';
import { createAccountSelection } from './account-selection';
import { createChangeSignal } from '../enforce/change-signal';
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
import { planDayRebuild } from './day-rebuild';
import { auditOf } from './trader-audit';
import { createEnforcement } from './enforcement';
import { buildHistory } from './history';
import { createHistoryRecorder } from './history-recorder';
import { createJournaling, QUOTE_FLUSH_MS } from './journaling';

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

export async function createCore(deps: CoreDeps): Promise<WardenCore> {
  const { store, clock, broker } = deps;
  let stopped = false;
  const logger = deps.logger.child('core');
  const restored = restoreEngine(store, deps.engineConfig, logger);
  const state: EngineState = restored.state;
  state.connection = { status: 'connecting', detail: null };
  logger.info('engine restored', { journalSeq: restored.journalSeq, replayed: restored.replayed });

  const journaling = createJournaling({
    store,
    state,
    clock,
    logger,
    restored,
    ...(deps.snapshotEvery === undefined ? {} : { snapshotEvery: deps.snapshotEvery }),
  });
  const recorder = createHistoryRecorder(store, state, clock);
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
      flattening: enforcement.flattener.running,
      enforcement: (account) => enforcement.breaker.stateOf(account),
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

  const notifyPolicy = createNotifyPolicy();
  const handleDecisions = (decisions: Decision[]): void => {
    for (const decision of decisions) {
      // An account the trader excluded is not guarded: nothing is said or done about it.
      if ('account' in decision && broker.isGuarded?.(decision.account) === false) continue;
      tellDecision(alerts, decision, notifyPolicy);
      recorder.record(decision);
      if (decision.kind !== 'rule') continue;
      if (decision.action === 'alert' && decision.attachStop === undefined) continue;
      enforcement.enforcer.carryOut(decision).catch((error: unknown) => {
        logger.error('enforcement failed', { rule: decision.rule, reason: (error as Error).message });
      });
    }
  };

  // A day that began while Warden was not running: its start comes from the broker's first snapshot.
  let dayRebuild = planDayRebuild(state, clock.now());
  const fillsFrom = dayRebuild?.stoppedAt ?? null;
  const settleDayStarts = (starts: DayStartEvent[]): void => {
    for (const start of starts) {
      onBrokerEvent(start);
      if (start.source === 'rebuilt')
        alerts.raise('info', start.account, "Today's start rebuilt", start.note);
    }
  };

  /** Every event passes here (the broker's, and the trader's own): journaled first (quotes excepted), then applied. */
  const onBrokerEvent = (event: EngineEvent): void => {
    let starts: DayStartEvent[] | null;
    try {
      journaling.record(event);
      const { decisions } = apply(state, event);
      if (decisions.length > 0) journaling.flushQuotes();
      handleDecisions(decisions);
      starts = dayRebuild?.observe(event, decisions) ?? null;
    } catch (error) {
      logger.error('broker event not applied', { type: event.type, reason: (error as Error).message });
      return;
    }
    const audit = auditOf(state, event);
    if (audit !== null) store.riskEvents.record(audit);
    if (starts !== null) {
      dayRebuild = null;
      settleDayStarts(starts);
    }
    if (event.type === 'connection' && (event.status === 'reconnecting' || event.status === 'disconnected')) {
      alerts.raise(
        'warning',
        null,
        `Broker ${event.status}`,
        event.detail ?? `The ${broker.kind} connection is ${event.status}.`,
      );
    }
    journaling.afterApply();
    changes.notify();
    publisher.markDirty();
  };

  const enforcement = createEnforcement({
    state,
    store,
    clock,
    logger,
    broker,
    alerts,
    changes,
    stopped: () => stopped,
    changed: () => {
      publisher.markDirty();
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
    flattener: enforcement.flattener,
    breaker: enforcement.breaker,
    config,
    logger,
    applyOwn: onBrokerEvent,
    ...(deps.secrets === undefined ? {} : { secrets: deps.secrets }),
    accountSelection,
    history: (query) => {
      journaling.flushQuotes();
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
    lastFillAt: store.journal.lastFillTime() ?? fillsFrom,
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
  enforcement.resume();
  // Time passes even in a quiet market (day rolls, countdowns), and the UI hears from the core every second.
  // Clock events are journaled like any other (a restart replays the same rolls and timers) and their decisions
  // are carried out (a grace period or a trading-hours flatten falls due on a tick, not on a quote).
  const stopClock = clock.setInterval(() => {
    onBrokerEvent({ type: 'clock', t: clock.now() });
  }, 1000);
  const stopQuoteFlush = clock.setInterval(() => {
    journaling.flushQuotes();
  }, QUOTE_FLUSH_MS);
  const stopSnapshots = clock.setInterval(() => {
    journaling.snapshotIfChanged();
    journaling.compact();
  }, 30_000);
  const stopSampling = clock.setInterval(() => {
    try {
      recorder.sampleEquity();
    } catch (error) {
      logger.error('equity sample not recorded', { reason: (error as Error).message });
    }
  }, deps.sampleEveryMs ?? 10_000);
  journaling.compact();

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
      enforcement.stop();
      publisher.stop();
      await broker.stop();
      journaling.snapshot();
      store.close();
    },
  };
}
