// Enforcement as the core wires it (docs/RULES.md section 7): rule decisions carried out through the broker, the
// verified flatten, and the circuit breaker in front of enforcement's own commands; what happens is told to the
// trader and recorded. After a restart, an interrupted flatten is run again and a halted account is emptied.
import type { FlattenReport } from '../../shared/ipc';
import type { AlertFeed } from '../alerts/alert-feed';
import type { BrokerAdapter, BrokerCommand } from '../broker/types';
import { createEnforcer, type ActionRecorder } from '../enforce/actions';
import type { ChangeSignal } from '../enforce/change-signal';
import { createCircuitBreaker, type BreakerTransition } from '../enforce/circuit-breaker';
import { createFlattener, type Flattener, type FlattenRecorder } from '../enforce/flatten';
import { createOwnOrders } from '../enforce/own-orders';
import { tradingState, type ReadonlyEngineState, type RuleDecision } from '../engine';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Store } from '../store';
import { createActionRecorder, createFlattenRecorder } from './flatten-recorder';
import type { GuardedAccounts } from './guarded-accounts';

export type EnforcementDeps = {
  state: ReadonlyEngineState;
  store: Store;
  clock: Clock;
  logger: Logger;
  broker: Pick<BrokerAdapter, 'execute'>;
  /** A restart empties only the accounts Warden guards. */
  guarded: Pick<GuardedAccounts, 'isGuarded'>;
  alerts: AlertFeed;
  changes: ChangeSignal;
  /** True once the core stopped: the database is closed, a running flatten records nothing more. */
  stopped(): boolean;
  /** Something the view shows changed (a breaker, a flatten). */
  changed(): void;
};

export type Enforcement = ReturnType<typeof createEnforcement>;

export function createEnforcement(deps: EnforcementDeps) {
  const { state, clock, logger } = deps;
  const breaker = createCircuitBreaker({ clock, onTransition: (change) => breakerChanged(deps, change) });
  const ownOrders = createOwnOrders(clock);
  /**
   * Enforcement's own broker commands pass the circuit breaker (the trader's orders and cancels do not), and the
   * closing orders they make at the broker are known as Warden's.
   */
  const execute = async (command: BrokerCommand) => {
    ownOrders.sending(command);
    const result = await breaker.guard(command, (c) => deps.broker.execute(c));
    ownOrders.answered(command, result);
    return result;
  };
  const flattener = createFlattener({
    clock,
    execute,
    exposure: (id) => exposureOf(state, id),
    nextChange: (ms) => deps.changes.next(ms),
    recorder: whileOpen(createFlattenRecorder(deps.store.responses), () => deps.stopped()),
    onFinished: (report, run) => {
      flattenFinished(deps, report, run.retry);
    },
  });
  const enforcer = createEnforcer({
    state,
    clock,
    execute,
    flattener,
    recorder: actionsWhileOpen(createActionRecorder(deps.store.responses), () => deps.stopped()),
    logger,
    onRefused: (decision, command, error) => {
      brokerRefused(deps, decision, command, error);
    },
  });
  return {
    breaker,
    flattener,
    enforcer,
    ownOrders,
    /**
     * After a restart: a flatten a crash cut short is recorded as interrupted and run again while its account
     * still holds something, and a halted account that still holds something is flattened.
     */
    resume(): void {
      resumeAfterRestart(deps, flattener);
    },
    stop(): void {
      flattener.stop();
      breaker.stop();
    },
  };
}

/** What the engine holds for the account: what a flatten must cancel and close. */
function exposureOf(state: ReadonlyEngineState, id: string) {
  const account = state.accounts.get(id);
  if (account === undefined) return null;
  const positions = [...account.positions.values()].map((p) => ({ symbol: p.symbol, qty: p.qty }));
  return { orders: [...account.orders.keys()], positions };
}

/** Every transition is recorded; the trader hears when enforcement pauses and when it works again. */
function breakerChanged(deps: EnforcementDeps, change: BreakerTransition): void {
  const { account, from, to, reason } = change;
  deps.store.riskEvents.record({
    t: change.at,
    account,
    kind: 'circuitBreaker',
    detail: { from, to, reason },
  });
  deps.logger.warn('enforcement circuit breaker', { account, from, to, reason });
  if (to === 'open')
    deps.alerts.raise(
      'critical',
      account,
      'Enforcement paused: act manually',
      `${account}: the broker failed repeated enforcement commands (${reason}). Warden pauses and tries again later; check the account in the broker's platform now.`,
      { topic: 'enforcement' },
    );
  if (to === 'closed')
    deps.alerts.raise(
      'info',
      account,
      'Enforcement working again',
      `${account}: the broker accepted a command again.`,
      { topic: 'enforcement' },
    );
  deps.changed();
}

/** A flatten run ended: the trader hears whether the account is flat (a retry that still is not, only the log). */
function flattenFinished(deps: EnforcementDeps, report: FlattenReport, retry: boolean): void {
  deps.changed();
  if (retry && !report.flat) {
    deps.logger.warn('flatten retry: still not flat', { account: report.account, error: report.error });
    return;
  }
  if (report.flat)
    deps.alerts.raise(
      'info',
      report.account,
      'Flatten complete',
      `${report.account} is flat (${report.elapsedMs} ms).`,
      { notify: true, topic: 'enforcement' },
    );
  else
    deps.alerts.raise(
      'critical',
      report.account,
      'Flatten FAILED: act manually',
      report.error ?? 'not flat',
      {
        topic: 'enforcement',
      },
    );
}

function brokerRefused(
  deps: EnforcementDeps,
  decision: RuleDecision,
  command: BrokerCommand,
  error: string,
): void {
  const account = deps.state.accounts.get(decision.account);
  const locked = account !== undefined && tradingState(account) !== 'active';
  deps.alerts.raise(
    'critical',
    decision.account,
    `Broker refused ${command.type}`,
    `${decision.rule}: ${error}.${locked ? ' The account stays locked.' : ''} Check the account and act manually.`,
    { topic: 'enforcement' },
  );
}

function resumeAfterRestart(deps: EnforcementDeps, flattener: Flattener): void {
  const { store, clock } = deps;
  const interrupted = new Set<string>();
  for (const response of store.responses.unfinished()) {
    store.responses.finish(response.id, {
      finishedAt: clock.now(),
      outcome: 'interrupted',
      detail: { steps: response.detail, report: 'Warden stopped before this response finished' },
    });
    if (response.action === 'flatten') interrupted.add(response.account);
  }
  for (const account of deps.state.accounts.values()) {
    if (!deps.guarded.isGuarded(account.id)) continue;
    const holds = account.positions.size > 0 || account.orders.size > 0;
    if (!holds) continue;
    if (interrupted.has(account.id)) void flattener.flatten(account.id, 'resume: an interrupted flatten');
    else if (tradingState(account) === 'halted')
      void flattener.flatten(account.id, 'resume: account is halted');
  }
}

/** An action still running when the core stops records nothing more: the database is closed. */
function actionsWhileOpen(recorder: ActionRecorder, stopped: () => boolean): ActionRecorder {
  return {
    begin: (account, action, reason, at) => (stopped() ? -1 : recorder.begin(account, action, reason, at)),
    finish: (id, steps, at) => {
      if (!stopped() && id >= 0) recorder.finish(id, steps, at);
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
