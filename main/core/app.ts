// The application core: broker events → journal → engine → decisions, enforcement and alerts → coalesced
// view pushes; commands from the hosts in. The Electron shell and `warden serve` are thin hosts of this.
import {
  apply,
  serializeState,
  tradingState,
  type Decision,
  type EngineConfig,
  type EngineState,
} from '../engine';
import type { WardenConfig } from '../../shared/config/schema';
import type { EngineEvent } from '../../shared/domain/events';
import { createAlertFeed } from '../alerts/alert-feed';
import { tellDecision } from '../alerts/decision-alerts';
import { createNotifyPolicy } from '../alerts/notify-policy';
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
import { createFlattener, type Flattener } from '../enforce/flatten';
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

  const snapshot = (): void => {
    store.snapshots.save({ journalSeq, t: clock.now(), state: serializeState(state) });
    changedSinceSnapshot = false;
    journaledSinceSnapshot = 0;
  };

  const notifyPolicy = createNotifyPolicy();
  const handleDecisions = (decisions: Decision[]): void => {
    for (const decision of decisions) {
      // An account the trader excluded is not guarded: nothing is said or done about it.
      if ('account' in decision && broker.isGuarded?.(decision.account) === false) continue;
      tellDecision(alerts, decision, notifyPolicy);
      if (decision.kind !== 'rule' || decision.action === 'alert') continue;
      enforcer.carryOut(decision).catch((error: unknown) => {
        logger.error('enforcement failed', { rule: decision.rule, reason: (error as Error).message });
      });
    }
  };

  /** Every event passes here (the broker's, and the trader's own): journaled first (quotes excepted), then applied. */
  const onBrokerEvent = (event: EngineEvent): void => {
    try {
      if (event.type !== 'quote') {
        journalSeq = store.journal.append(event);
        journaledSinceSnapshot += 1;
      }
      changedSinceSnapshot = true;
      handleDecisions(apply(state, event).decisions);
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
    recorder: createFlattenRecorder(store.responses),
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
  const stopClock = clock.setInterval(() => {
    apply(state, { type: 'clock', t: clock.now() });
    publisher.markDirty();
  }, 1000);
  const stopSnapshots = clock.setInterval(() => {
    if (changedSinceSnapshot) snapshot();
  }, 30_000);

  /** After a restart: a halted account that still holds something is flattened (e.g. a flatten a crash cut short). */
  function resumeEnforcement(): void {
    for (const account of state.accounts.values()) {
      if (broker.isGuarded?.(account.id) === false) continue;
      const holds = account.positions.size > 0 || account.orders.size > 0;
      if (tradingState(account) === 'halted' && holds)
        void flattener.flatten(account.id, 'resume: account is halted');
    }
  }

  let stopped = false;
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
