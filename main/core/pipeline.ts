// The event pipeline: every event (the broker's, and the trader's own) passes the same five steps in order —
// apply (journaled first, then the engine), decide (what each decision means to the trader), enforce (what the
// rules do about it), record (the audit, a rebuilt day start, a lost connection) and publish (snapshot when due,
// the change signal, a view push).
import type { DayStartEvent, EngineEvent } from '../../shared/domain/events';
import type { AlertFeed } from '../alerts/alert-feed';
import { tellDecision } from '../alerts/decision-alerts';
import { createNotifyPolicy, type NotifyPolicy } from '../alerts/notify-policy';
import type { ChangeSignal } from '../enforce/change-signal';
import type { OwnOrders } from '../enforce/own-orders';
import type { Decision, ReadonlyEngineState, RuleDecision } from '../engine';
import type { Logger } from '../platform/logger';
import type { Store } from '../store';
import type { DayRebuild } from './day-rebuild';
import type { GuardedAccounts } from './guarded-accounts';
import type { HistoryRecorder } from './history-recorder';
import type { Journaling } from './journaling';
import type { Publisher } from './publisher';
import { auditOf } from './trader-audit';

export type PipelineDeps = {
  /** The engine: its state to read, and `apply`, the one way to change it. */
  engine: { readonly state: ReadonlyEngineState; apply(event: EngineEvent): Decision[] };
  journaling: Pick<Journaling, 'record' | 'flushQuotes' | 'afterApply'>;
  store: Pick<Store, 'riskEvents'>;
  alerts: AlertFeed;
  recorder: Pick<HistoryRecorder, 'record'>;
  enforcer: { carryOut(decision: RuleDecision): Promise<unknown> };
  /** Tags the closing orders Warden's own enforcement made, before they are journaled. */
  ownOrders: Pick<OwnOrders, 'tag'>;
  /** Nothing is said or done about an account Warden does not guard. */
  guarded: Pick<GuardedAccounts, 'isGuarded'>;
  changes: Pick<ChangeSignal, 'notify'>;
  publisher: Pick<Publisher, 'markDirty'>;
  /** A day that began while Warden was not running: its start comes from the broker's first snapshot. */
  dayRebuild: DayRebuild | null;
  brokerKind: string;
  logger: Logger;
  /** Hears each event around its steps (the remote alerts' day summaries and broker link). */
  observer?: { before(event: EngineEvent): void; after(event: EngineEvent): void };
};

export type Pipeline = {
  /** Runs one event through every step; a failure is logged and the event not applied (never thrown). */
  run: (event: EngineEvent) => void;
};

export function createPipeline(deps: PipelineDeps): Pipeline {
  const policy = createNotifyPolicy();
  let dayRebuild = deps.dayRebuild;

  function run(received: EngineEvent): void {
    let starts: DayStartEvent[] | null;
    const event = deps.ownOrders.tag(received);
    deps.observer?.before(event);
    try {
      const decisions = applyStep(deps, event);
      // A command leaves before the trader is told: telling is a row and a push to every screen, none of which the
      // command needs.
      if (decisions.some((decision) => acts(decision) && isGuarded(deps, decision)))
        deps.alerts.holdForCommands();
      for (const decision of decisions) if (decideStep(deps, policy, decision)) enforceStep(deps, decision);
      starts = dayRebuild?.observe(event, decisions) ?? null;
    } catch (error) {
      deps.logger.error('broker event not applied', { type: event.type, reason: (error as Error).message });
      return;
    }
    if (starts !== null) dayRebuild = null;
    recordStep(deps, event, starts ?? [], run);
    deps.observer?.after(event);
    publishStep(deps);
  }

  return { run };
}

/** Journaled before it is applied (a quote: into the pending batch, which goes in before any decision acts). */
function applyStep(deps: PipelineDeps, event: EngineEvent): Decision[] {
  deps.journaling.record(event);
  const decisions = deps.engine.apply(event);
  if (decisions.length > 0) deps.journaling.flushQuotes();
  return decisions;
}

const isGuarded = (deps: PipelineDeps, decision: Decision): boolean =>
  !('account' in decision) || deps.guarded.isGuarded(decision.account);

/** A rule decision that acts (anything but a bare alert) is carried out through the broker. */
const acts = (decision: Decision): decision is RuleDecision =>
  decision.kind === 'rule' && (decision.action !== 'alert' || decision.attachStop !== undefined);

/** A decision about a guarded account is told to the trader and kept for the history; false: leave it alone. */
function decideStep(deps: PipelineDeps, policy: NotifyPolicy, decision: Decision): boolean {
  if (!isGuarded(deps, decision)) return false;
  tellDecision(deps.alerts, decision, policy, deps.engine.state.config.session.timezone);
  deps.recorder.record(decision);
  return true;
}

function enforceStep(deps: PipelineDeps, decision: Decision): void {
  if (!acts(decision)) return;
  deps.enforcer.carryOut(decision).catch((error: unknown) => {
    deps.logger.error('enforcement failed', { rule: decision.rule, reason: (error as Error).message });
  });
}

/**
 * The audit row the event leaves; the day starts rebuilt at the broker's first snapshot, applied through the
 * pipeline (`run`) and told; a connection lost, told.
 */
function recordStep(
  deps: PipelineDeps,
  event: EngineEvent,
  starts: readonly DayStartEvent[],
  run: (event: EngineEvent) => void,
): void {
  const audit = auditOf(deps.engine.state, event);
  if (audit !== null) deps.store.riskEvents.record(audit);
  for (const start of starts) {
    run(start);
    if (start.source === 'rebuilt')
      deps.alerts.raise('info', start.account, "Today's start rebuilt", start.note);
  }
  if (event.type === 'connection' && event.asked === true) {
    // Asked for (a wake, an unlock): in the feed and the audit, without a desktop notification each time.
    deps.alerts.raise(
      'info',
      null,
      'Reconnecting to the broker',
      event.detail ?? 'A fresh connection was asked for.',
      { topic: 'connection' },
    );
  } else if (
    event.type === 'connection' &&
    (event.status === 'reconnecting' || event.status === 'disconnected')
  ) {
    deps.alerts.raise(
      'warning',
      null,
      `Broker ${event.status}`,
      event.detail ?? `The ${deps.brokerKind} connection is ${event.status}.`,
      { topic: 'connection' },
    );
  }
}

/** A snapshot once enough events were journaled; waiting enforcement hears of the change; a view push follows. */
function publishStep(deps: PipelineDeps): void {
  deps.journaling.afterApply();
  deps.changes.notify();
  deps.publisher.markDirty();
}
