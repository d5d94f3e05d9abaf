// The application core: broker events → journal → engine → decisions, enforcement and alerts → coalesced
// view pushes; commands from the hosts in. The Electron shell and `warden serve` are thin hosts of this.
import { randomUUID } from 'node:crypto';
import { apply, type Decision, type EngineConfig, type EngineState } from '../engine';
import { serializeState } from '../engine';
import type { BrokerEvent } from '../../shared/domain/events';
import type { AlertLevel, AlertView } from '../../shared/ipc';
import type { BrokerAdapter, DemoCapable } from '../broker/types';
import { createChangeSignal } from '../enforce/change-signal';
import { createFlattener, type Flattener } from '../enforce/flatten';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Store } from '../store';
import { createCommandHandlers } from './commands';
import { createPublisher } from './publisher';
import { restoreEngine } from './restore';
import type { PushMessage, WardenCore } from './types';
import { buildView } from './view';
import { createFlattenRecorder } from './flatten-recorder';

export type CoreDeps = {
  broker: BrokerAdapter & Partial<DemoCapable>;
  store: Store;
  clock: Clock;
  logger: Logger;
  engineConfig: EngineConfig;
  /** Take a snapshot after this many journaled events (and on a timer, and at stop). */
  snapshotEvery?: number;
  publishIntervalMs?: number;
  /** Things the user must be told at start (e.g. a damaged database moved aside). */
  startupNotices?: string[];
};

const ALERTS_SHOWN = 50;

export async function createCore(deps: CoreDeps): Promise<WardenCore> {
  const { store, clock, broker } = deps;
  const logger = deps.logger.child('core');
  const restored = restoreEngine(store, deps.engineConfig, logger);
  const state: EngineState = restored.state;
  state.connection = { status: 'connecting', detail: null };
  logger.info('engine restored', { journalSeq: restored.journalSeq, replayed: restored.replayed });

  let journalSeq = restored.journalSeq;
  let sinceSnapshot = restored.replayed;
  let viewSeq = 0;
  const listeners = new Set<(message: PushMessage) => void>();
  const changes = createChangeSignal(clock);
  const alerts: AlertView[] = store.alerts.recent(ALERTS_SHOWN);
  const emit = (message: PushMessage) => {
    for (const listener of listeners) listener(message);
  };

  const view = () =>
    buildView(state, {
      seq: ++viewSeq,
      now: clock.now(),
      broker: broker.kind,
      demo: broker.demo ?? false,
      flattening: flattener.running,
      alerts,
    });
  const publisher = createPublisher(
    clock,
    () => emit({ type: 'state', payload: view() }),
    deps.publishIntervalMs,
  );

  const raiseAlert = (level: AlertLevel, account: string | null, title: string, message: string): void => {
    const alert: AlertView = {
      id: randomUUID(),
      t: new Date(clock.now()).toISOString(),
      level,
      account,
      title,
      message,
    };
    alerts.unshift(alert);
    alerts.length = Math.min(alerts.length, ALERTS_SHOWN);
    store.alerts.add(alert);
    logger.info('alert', { alertLevel: level, account, title, message });
    emit({ type: 'alert', payload: alert });
    publisher.markDirty();
  };

  const snapshot = (): void => {
    store.snapshots.save({ journalSeq, t: clock.now(), state: serializeState(state) });
    sinceSnapshot = 0;
  };

  const handleDecisions = (decisions: Decision[]): void => {
    for (const decision of decisions) {
      if (decision.kind === 'positionCorrected') {
        raiseAlert(
          'warning',
          decision.account,
          `${decision.symbol} position corrected`,
          `Warden had ${decision.derivedQty}, the broker reports ${decision.brokerQty}; the broker's position is used.`,
        );
      }
    }
  };

  /** Every broker event passes here: journaled first (quotes excepted), then applied. */
  const onBrokerEvent = (event: BrokerEvent): void => {
    try {
      if (event.type !== 'quote') {
        journalSeq = store.journal.append(event);
        sinceSnapshot += 1;
      }
      handleDecisions(apply(state, event).decisions);
    } catch (error) {
      logger.error('broker event not applied', { type: event.type, reason: (error as Error).message });
      return;
    }
    if (event.type === 'connection' && (event.status === 'reconnecting' || event.status === 'disconnected')) {
      raiseAlert(
        'warning',
        null,
        `Broker ${event.status}`,
        event.detail ?? `The ${broker.kind} connection is ${event.status}.`,
      );
    }
    if (sinceSnapshot >= (deps.snapshotEvery ?? 200)) snapshot();
    changes.notify();
    publisher.markDirty();
  };

  const flattener: Flattener = createFlattener({
    clock,
    execute: (command) => broker.execute(command),
    exposure: (id) => {
      const account = state.accounts.get(id);
      if (account === undefined) return null;
      const positions = [...account.positions.values()].map((p) => ({ symbol: p.symbol, qty: p.qty }));
      return { orders: [...account.orders.keys()], positions };
    },
    nextChange: (ms) => changes.next(ms),
    recorder: createFlattenRecorder(store.responses),
  });

  const handlers = createCommandHandlers({
    state,
    broker,
    flattener,
    logger,
    onFlattened: (report) => {
      publisher.markDirty();
      if (report.flat) {
        raiseAlert(
          'info',
          report.account,
          'Flatten complete',
          `${report.account} is flat (${report.elapsedMs} ms).`,
        );
      } else {
        raiseAlert('critical', report.account, 'Flatten FAILED: act manually', report.error ?? 'not flat');
      }
    },
    afterCommand: () => {
      publisher.flush();
    },
    view,
  });

  for (const notice of deps.startupNotices ?? [])
    raiseAlert('critical', null, 'Warden started with a problem', notice);
  await broker.start(onBrokerEvent, { lastFillAt: store.journal.lastFillTime() });
  const stopClock = clock.setInterval(() => {
    onBrokerEventClock();
  }, 1000);
  const stopSnapshots = clock.setInterval(() => {
    if (sinceSnapshot > 0) snapshot();
  }, 30_000);
  function onBrokerEventClock(): void {
    apply(state, { type: 'clock', t: clock.now() });
    publisher.markDirty();
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
      publisher.stop();
      await broker.stop();
      snapshot();
      store.close();
    },
  };
}
