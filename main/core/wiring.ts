// What the core is made of, built in dependency order: the engine restored from the store and its journal;
// what the trader is shown (subscribers, alerts, enforcement, the view and its publisher); the event pipeline
// through them; then config control and the commands, which feed their own events into that pipeline.
import type { AlertView, CalendarStatusView, NotifyView } from '../../shared/ipc';
import type { RemoteAlerts } from '../notify/remote-alerts';
import type { ReadonlyEngineState } from '../engine';
import { createAlertFeed, type AlertFeed } from '../alerts/alert-feed';
import { createChangeSignal } from '../enforce/change-signal';
import { createNewsFeed, type NewsFeed } from '../feeds/news-feed';
import type { Logger } from '../platform/logger';
import { knownOf } from '../whatif/known';
import { createWhatIfRuns } from '../whatif/runs';
import type { CoreDeps } from './app';
import { createCommandHandlers } from './commands';
import { createConfigControl } from './config-control';
import { planDayRebuild } from './day-rebuild';
import { createEnforcement } from './enforcement';
import { createGuardedAccounts } from './guarded-accounts';
import { buildHistory } from './history';
import { createHistoryRecorder } from './history-recorder';
import { createJournaling } from './journaling';
import { createPipeline, type Pipeline } from './pipeline';
import { createPublisher } from './publisher';
import { wireRemote } from './remote-wiring';
import { restoreEngine } from './restore';
import { createSignal } from './signal';
import { createSubscribers } from './subscribers';
import { createViewSource } from './view';

export type CoreParts = ReturnType<typeof wireCore>;
type Records = ReturnType<typeof wireRecords>;
type Shown = ReturnType<typeof wireShown>;

export function wireCore(deps: CoreDeps) {
  const logger = deps.logger.child('core');
  const life = { stopped: false };
  const records = wireRecords(deps, logger);
  // The feed is made after the pipeline it feeds; the view asks it for its status only when built.
  let news: NewsFeed | null = null;
  // The remote alerts hear every alert; they are made once the alert feed they report to exists.
  const toRemote = {
    alert: (_alert: AlertView): void => undefined,
    status: (): NotifyView | null => null,
  };
  const shown = wireShown(deps, logger, records.state, life, () => news?.status() ?? null, toRemote);
  // The commands are made after the pipeline; the remote alerts reach them (and the config) when they run.
  let commands: ReturnType<typeof wireCommands> | null = null;
  const remote = wireRemote({
    host: deps.remote,
    state: records.state,
    clock: deps.clock,
    logger,
    store: deps.store,
    secrets: deps.secrets,
    config: { inForce: () => commands?.config.inForce() ?? null },
    alerts: shown.alerts,
    brokerKind: deps.broker.kind,
    changed: () => {
      shown.publisher.markDirty();
    },
    handlers: () => {
      if (commands === null) throw new Error('the commands are not ready');
      return commands.handlers;
    },
  });
  toRemote.alert = (alert) => {
    remote.alert(alert);
  };
  toRemote.status = () => remote.remote.status();
  const dayRebuild = planDayRebuild(records.state, deps.clock.now());
  const pipeline = createPipeline({
    engine: records.engine,
    journaling: records.journaling,
    recorder: records.recorder,
    store: deps.store,
    alerts: shown.alerts,
    enforcer: shown.enforcement.enforcer,
    ownOrders: shown.enforcement.ownOrders,
    guarded: shown.guarded,
    changes: shown.changes,
    publisher: shown.publisher,
    dayRebuild,
    brokerKind: deps.broker.kind,
    logger,
    observer: remote.observer,
  });
  commands = wireCommands(deps, logger, { ...records, ...shown, pipeline, remote: remote.remote });
  news = wireNews(deps, logger, records.state, { ...shown, pipeline });
  return {
    news,
    ...records,
    ...shown,
    ...commands,
    remote: remote.remote,
    pipeline,
    logger,
    life,
    fillsFrom: dayRebuild?.stoppedAt ?? null,
  };
}

/** The engine as the store left it (latest snapshot + the journal since), its journal, and the history kept. */
function wireRecords(deps: CoreDeps, logger: Logger) {
  const { store, clock } = deps;
  const restored = restoreEngine(store, deps.engineConfig, logger);
  const { engine } = restored;
  const { state } = engine;
  logger.info('engine restored', { journalSeq: restored.journalSeq, replayed: restored.replayed });
  const journaling = createJournaling({
    store,
    state,
    clock,
    logger,
    restored,
    ...(deps.snapshotEvery === undefined ? {} : { snapshotEvery: deps.snapshotEvery }),
  });
  return { state, engine, journaling, recorder: createHistoryRecorder(store, state, clock) };
}

/** What the trader is shown and what acts: alerts, enforcement, and the view pushed to the subscribers. */
function wireShown(
  deps: CoreDeps,
  logger: Logger,
  state: ReadonlyEngineState,
  life: { stopped: boolean },
  calendar: () => CalendarStatusView | null,
  toRemote: { alert(alert: AlertView): void; status(): NotifyView | null },
) {
  const { store, clock, broker } = deps;
  const subscribers = createSubscribers();
  /** Something the view shows changed outside the engine (a breaker, a flatten). */
  const viewChanged = createSignal();
  const alerts = createAlertFeed({
    store: store.alerts,
    clock,
    logger,
    onAlert: (alert) => {
      subscribers.emit({ type: 'alert', payload: alert });
      toRemote.alert(alert);
    },
  });
  const guarded = createGuardedAccounts({
    meta: store.meta,
    broker,
    ...(deps.fixedExcluded === undefined ? {} : { fixedExcluded: deps.fixedExcluded }),
  });
  const changes = createChangeSignal(clock);
  const enforcement = createEnforcement({
    state,
    store,
    clock,
    logger,
    broker,
    guarded,
    alerts,
    changes,
    stopped: () => life.stopped,
    changed: viewChanged.notify,
  });
  const view = createViewSource({
    state,
    clock,
    broker,
    guarded,
    enforcement,
    calendar,
    notify: () => toRemote.status(),
  });
  const publish = () => {
    // `serve` with no page open: no state is built (a page gets the current one when it connects).
    if (subscribers.count() === 0) return;
    subscribers.emit({ type: 'state', payload: view() });
  };
  const publisher = createPublisher(clock, publish, deps.publishIntervalMs);
  viewChanged.listen(() => {
    publisher.markDirty();
  });
  return { subscribers, alerts, guarded, changes, enforcement, view, publisher };
}

/** Config control and the command handlers: the trader's own events go through the same pipeline. */
function wireCommands(
  deps: CoreDeps,
  logger: Logger,
  parts: Pick<Records, 'state' | 'journaling'> &
    Pick<Shown, 'enforcement' | 'publisher' | 'view' | 'guarded'> & {
      pipeline: Pipeline;
      remote: RemoteAlerts;
    },
) {
  const { store, clock, broker } = deps;
  const { state, journaling, enforcement, publisher } = parts;
  const config = createConfigControl({
    state,
    store,
    clock,
    applyOwn: parts.pipeline.run,
    ...(deps.configSource?.file === undefined ? {} : { file: deps.configSource.file }),
  });
  // What-ifs read the journal here and replay it in worker threads (main/whatif).
  const whatIf = createWhatIfRuns({
    events: store.accountEvents,
    clock,
    logger: logger.child('what-if'),
    beforeRead: journaling.flushQuotes,
    known: (account) => knownOf(state, account, (...query) => store.accountEvents.tradesOpenAt(...query)),
  });
  const handlers = createCommandHandlers({
    state,
    whatIf,
    broker,
    flattener: enforcement.flattener,
    breaker: enforcement.breaker,
    config,
    logger,
    applyOwn: parts.pipeline.run,
    ...(deps.secrets === undefined ? {} : { secrets: deps.secrets }),
    accountSelection: parts.guarded,
    history: (query) => {
      journaling.flushQuotes();
      return buildHistory(store, state.config.session, query, clock.now());
    },
    afterCommand: () => {
      publisher.flush();
    },
    view: parts.view,
    remote: parts.remote,
  });
  return { config, handlers, whatIf };
}

/** Whether any account's newsBlackout takes windows from the calendar (the defaults count for unlisted ones). */
function calendarInUse(config: ReadonlyEngineState['config']): boolean {
  const all = [...Object.values(config.accounts).map((account) => account.rules), config.defaultRules];
  return all.some((rules) => rules?.newsBlackout?.enabled === true && rules.newsBlackout.calendar !== null);
}

/**
 * The feed's trouble is a warning that notifies only while some rule relies on the calendar; otherwise it is an
 * info line in the feed (the status still says so), not an alarm about a list nobody uses.
 */
function quietUnlessUsed(alerts: Pick<AlertFeed, 'raise'>, used: () => boolean): Pick<AlertFeed, 'raise'> {
  return {
    raise: (level, account, title, message, options) => {
      if (used()) alerts.raise(level, account, title, message, options);
      else alerts.raise('info', account, title, message, { ...options, notify: false });
    },
  };
}

/** The news calendar feed (docs/RULES.md section 12), when the host runs one: its lists enter through the pipeline. */
function wireNews(
  deps: CoreDeps,
  logger: Logger,
  state: ReadonlyEngineState,
  parts: Pick<Shown, 'alerts' | 'publisher'> & { pipeline: Pipeline },
): NewsFeed | null {
  if (deps.news === undefined) return null;
  return createNewsFeed({
    ...deps.news,
    clock: deps.clock,
    logger: logger.child('news'),
    alerts: quietUnlessUsed(parts.alerts, () => calendarInUse(state.config)),
    known: () => state.calendar,
    journal: parts.pipeline.run,
    changed: () => {
      parts.publisher.markDirty();
    },
    zone: () => state.config.session.timezone,
  });
}
