// Enforcement through the REST API: each broker command to its own unit (cancel-order.ts, close-position.ts,
// protective-stop.ts), whose outcomes are settled alike (command-outcome.ts).
import type { BrokerCommand, CommandResult } from '../types';
import { cancelOrder } from './cancel-order';
import { closePosition } from './close-position';
import type { CommandDeps } from './command-outcome';
import { createProtectiveStops } from './protective-stop';

export type { CommandDeps } from './command-outcome';

export function createCommands(deps: CommandDeps): (command: BrokerCommand) => Promise<CommandResult> {
  const placeProtectiveStop = createProtectiveStops(deps);
  return async (command) => {
    deps.logger.info('command', { command: command.type, account: command.account });
    switch (command.type) {
      case 'cancelOrder':
        return cancelOrder(deps, command.account, command.orderId);
      case 'closePosition':
        return closePosition(deps, command.account, command.symbol, command.qty);
      case 'placeOrder':
        return placeProtectiveStop(command);
    }
  };
}
