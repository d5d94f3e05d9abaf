// Warden's commands as Tradovate requests (docs/brokers/TRADOVATE.md section 7), all marked automated: a whole
// position closed with `order/liquidateposition` (it also cancels that contract's working orders), part of one
// with a market order the other way, an order cancelled with `order/cancelorder`, one placed with
// `order/placeorder`. A `failureReason` other than Success is a refusal in words; that the account went flat is
// the core's to verify from the stream.
import type { Dec } from '../../../shared/domain/money';
import type { BrokerCommand, CancelOrder, ClosePosition, CommandResult, PlaceOrder } from '../types';
import type { TradovateBook } from './book';
import { parseCommandAnswer } from './parse/answers';
import type { SocketOutcome } from './wire/outcome';

export type CommandDeps = {
  book: TradovateBook;
  /** The request over the user socket, or REST while it is down. */
  request(endpoint: string, body: Record<string, unknown>): Promise<SocketOutcome>;
};

export function createCommands(deps: CommandDeps) {
  return (command: BrokerCommand): Promise<CommandResult> => {
    if (!deps.book.accounts.has(command.account))
      return refuse(`account ${command.account} is not one of the Tradovate accounts Warden has read`);
    switch (command.type) {
      case 'closePosition':
        return closePosition(deps, command);
      case 'cancelOrder':
        return cancelOrder(deps, command);
      case 'placeOrder':
        return placeOrder(deps, command);
    }
  };
}

async function closePosition(deps: CommandDeps, command: ClosePosition): Promise<CommandResult> {
  if (command.qty !== undefined && (!Number.isInteger(command.qty) || command.qty < 1))
    return {
      ok: false,
      error: `cannot close ${command.qty} contracts: a whole number of at least 1 is needed`,
    };
  const contractId = contractOf(deps.book, command.symbol);
  if (contractId === null) return { ok: false, error: `no Tradovate contract ${command.symbol} known` };
  const position = [...deps.book.positions.values()].find(
    (p) => p.accountId === command.account && p.contractId === contractId,
  );
  const held = Math.abs(position?.netPos ?? 0);
  if (command.qty === undefined || command.qty >= held || position === undefined)
    return send(deps, 'order/liquidateposition', {
      accountId: Number(command.account),
      contractId: Number(contractId),
      admin: false,
      isAutomated: true,
    });
  return send(deps, 'order/placeorder', {
    ...accountFields(deps.book, command.account),
    action: position.netPos > 0 ? 'Sell' : 'Buy',
    symbol: command.symbol,
    orderQty: command.qty,
    orderType: 'Market',
    isAutomated: true,
  });
}

function cancelOrder(deps: CommandDeps, command: CancelOrder): Promise<CommandResult> {
  return send(deps, 'order/cancelorder', { orderId: Number(command.orderId), isAutomated: true });
}

function placeOrder(deps: CommandDeps, command: PlaceOrder): Promise<CommandResult> {
  if (command.stopLossPrice !== undefined || command.takeProfitPrice !== undefined)
    return Promise.resolve({
      ok: false,
      error: 'a bracket (stop loss or take profit) is not supported on Tradovate yet: place the entry alone',
    });
  const prices: Record<string, number> = {};
  if (command.kind === 'limit') {
    if (command.limitPrice === undefined) return refuse('a limit order needs a limit price');
    prices.price = num(command.limitPrice);
  }
  if (command.kind === 'stop') {
    if (command.stopPrice === undefined) return refuse('a stop order needs a stop price');
    prices.stopPrice = num(command.stopPrice);
  }
  return send(deps, 'order/placeorder', {
    ...accountFields(deps.book, command.account),
    action: command.side === 'buy' ? 'Buy' : 'Sell',
    symbol: command.symbol,
    orderQty: command.qty,
    orderType: ORDER_TYPES[command.kind],
    ...prices,
    ...(command.tag === undefined ? {} : { text: command.tag }),
    isAutomated: true,
  });
}

const ORDER_TYPES: Record<PlaceOrder['kind'], string> = { market: 'Market', limit: 'Limit', stop: 'Stop' };

async function send(
  deps: CommandDeps,
  endpoint: string,
  body: Record<string, unknown>,
): Promise<CommandResult> {
  const outcome = await deps.request(endpoint, body);
  if (outcome.kind !== 'ok') {
    const maybe = outcome.kind === 'timeout' || outcome.kind === 'closed';
    return {
      ok: false,
      error: maybe ? `${outcome.error} (Tradovate may still have carried it out)` : outcome.error,
    };
  }
  const answer = parseCommandAnswer(outcome.payload);
  if (!answer.ok) return { ok: false, error: `${endpoint}: answer not understood (${answer.error.message})` };
  if (!answer.value.accepted) {
    const { reason, text } = answer.value;
    return {
      ok: false,
      error: `Tradovate refused ${endpoint}: ${text ?? reason}${text === null ? '' : ` (${reason})`}`,
    };
  }
  return answer.value.orderId === null ? { ok: true } : { ok: true, orderId: answer.value.orderId };
}

/** `accountSpec` is the account's name: Tradovate wants both. */
function accountFields(book: TradovateBook, account: string): Record<string, unknown> {
  const name = book.accounts.get(account)?.name;
  return { accountId: Number(account), ...(name == null ? {} : { accountSpec: name }) };
}

function contractOf(book: TradovateBook, symbol: string): string | null {
  for (const contract of book.contracts.values()) if (contract.name === symbol) return contract.id;
  return null;
}

function refuse(error: string): Promise<CommandResult> {
  return Promise.resolve({ ok: false, error });
}

function num(value: Dec): number {
  return value.toNumber();
}
