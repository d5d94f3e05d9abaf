// Carries out the engine's decisions (docs/RULES.md section 7): flatten (verified), close, reduce, cancel. Each
// broker command is sent once per decision, and not at all when the same cancel or close is already on its way or
// was accepted and its effect is not in the picture yet (the flatten's command memory, shared); what it answered
// is logged and the trader alerted when refused.
import { WARDEN_CLOSE_TAG } from '../../shared/domain/events';
import type { BrokerCommand, CommandResult } from '../broker/types';
import type { ReadonlyEngineState, RuleDecision } from '../engine';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { createCommandMemory } from './command-memory';
import type { Flattener, FlattenStep } from './flatten';

/** The audit of an action other than a flatten: what was asked, each broker command sent, its answer and time. */
export type ActionRecorder = {
  begin(account: string, action: string, reason: string, at: number): number;
  finish(id: number, steps: FlattenStep[], at: number): void;
};

export type EnforcerDeps = {
  state: ReadonlyEngineState;
  clock: Pick<Clock, 'now'>;
  execute(command: BrokerCommand): Promise<CommandResult>;
  flattener: Flattener;
  recorder: ActionRecorder;
  logger: Logger;
  /** A command the broker refused: the trader must hear it (the account stays locked). */
  onRefused(decision: RuleDecision, command: BrokerCommand, error: string): void;
};

export function createEnforcer(deps: EnforcerDeps) {
  const commands =
    deps.flattener.commands ??
    createCommandMemory({ clock: deps.clock, execute: (command) => deps.execute(command) });
  // The memory sees an accepted command done in the engine's picture, not by comparing a report's time (the
  // broker's clock) with the acceptance's (ours).
  commands.watch(deps.state);

  /**
   * Whether the command still has something to act on: an earlier command or the broker may have done it, and
   * the same cancel or close may be on its way, or accepted with its effect not seen yet.
   */
  const stillNeeded = (command: BrokerCommand): boolean => {
    if (commands.pending(command)) return false;
    const account = deps.state.accounts.get(command.account);
    if (command.type === 'cancelOrder') return account?.orders.has(command.orderId) === true;
    if (command.type === 'closePosition') return account?.positions.has(command.symbol) === true;
    return true;
  };

  const send = async (
    decision: RuleDecision,
    command: BrokerCommand,
    steps: FlattenStep[],
  ): Promise<void> => {
    if (!stillNeeded(command)) return;
    const result = await commands.send(command);
    steps.push({ at: deps.clock.now(), command, ...result });
    deps.logger.info('enforcement command', { rule: decision.rule, command: command.type, ok: result.ok });
    if (!result.ok) deps.onRefused(decision, command, result.error);
  };

  const commandsFor = (decision: RuleDecision): BrokerCommand[] => {
    const account = deps.state.accounts.get(decision.account);
    if (account === undefined) return [];
    const { symbol } = decision;
    switch (decision.action) {
      case 'cancelOrders':
        return [...account.orders.values()]
          .filter((order) => symbol === undefined || order.symbol === symbol)
          .filter((order) => order.tag !== WARDEN_CLOSE_TAG)
          .map((order) => ({ type: 'cancelOrder', account: account.id, orderId: order.id }));
      case 'closePosition':
        return symbol !== undefined && account.positions.has(symbol)
          ? [{ type: 'closePosition', account: account.id, symbol }]
          : [];
      case 'reducePosition': {
        const held = symbol === undefined ? undefined : account.positions.get(symbol);
        if (held === undefined || symbol === undefined) return [];
        const qty = Math.min(Math.abs(held.qty), decision.qty ?? Math.ceil(Math.abs(held.qty) / 2));
        return [{ type: 'closePosition', account: account.id, symbol, qty }];
      }
      case 'alert': {
        const stop = decision.attachStop;
        if (stop === undefined || symbol === undefined || !account.positions.has(symbol)) return [];
        return [
          {
            type: 'placeOrder',
            account: account.id,
            symbol,
            side: stop.side,
            qty: stop.qty,
            kind: 'stop',
            stopPrice: stop.stopPrice,
            tag: 'warden-stop',
          },
        ];
      }
      case 'flatten':
        return [];
    }
  };

  return {
    /**
     * Starts what the decision asks for; resolves when the commands were answered (a flatten when verified).
     * It starts after the current broker event has been fully delivered: a command sent from inside the event
     * that caused it would have its own events applied before the rest of that event's (a broker's position
     * report following its fill), and the picture would go wrong.
     */
    async carryOut(decision: RuleDecision): Promise<void> {
      await new Promise<void>((resolve) => {
        queueMicrotask(resolve);
      });
      if (decision.action === 'flatten') {
        await deps.flattener.flatten(decision.account, `${decision.rule}: ${decision.message}`);
        return;
      }
      const needed = commandsFor(decision).filter((command) => stillNeeded(command));
      if (needed.length === 0) return;
      const action = decision.attachStop === undefined ? decision.action : 'attachStop';
      const id = deps.recorder.begin(
        decision.account,
        action,
        `${decision.rule}: ${decision.message}`,
        deps.clock.now(),
      );
      const steps: FlattenStep[] = [];
      try {
        for (const command of needed) await send(decision, command, steps);
      } finally {
        deps.recorder.finish(id, steps, deps.clock.now());
      }
    },
  };
}
