// The trader's order commands: place (simulator only, and not what a lock forbids), cancel, close, flatten.
import { dec, type Dec } from '../../../shared/domain/money';
import type { ParsedCommandArgs } from '../../../shared/ipc';
import type { CommandDeps, Handlers } from './types';
import { brokerAnswer, knownAccount, knownGroupMembers, Refused, refuseWhileLocked } from './refusals';

type OrderDeps = Pick<CommandDeps, 'state' | 'broker' | 'flattener' | 'breaker' | 'accountSelection'>;

/** `{ [key]: price }` when the price was given, `{}` when not (the command's optional prices). */
function price<K extends string>(key: K, value: string | undefined): Partial<Record<K, Dec>> {
  return (value === undefined ? {} : { [key]: dec(value) }) as Partial<Record<K, Dec>>;
}

async function placeOrder({ state, broker }: OrderDeps, args: ParsedCommandArgs<'placeOrder'>) {
  if (broker.kind !== 'sim') throw new Refused('placing orders is only available on the simulated broker');
  knownAccount(state, args.account);
  if (!state.instruments.has(args.symbol)) throw new Refused(`unknown symbol ${args.symbol}`);
  refuseWhileLocked(state, args.account, args.symbol, args.side);
  const answer = brokerAnswer(
    await broker.execute({
      type: 'placeOrder',
      account: args.account,
      symbol: args.symbol,
      side: args.side,
      qty: args.qty,
      kind: args.kind,
      ...price('limitPrice', args.limitPrice),
      ...price('stopPrice', args.stopPrice),
      ...price('stopLossPrice', args.stopLoss),
      ...price('takeProfitPrice', args.takeProfit),
    }),
  );
  return { orderId: answer.orderId ?? null };
}

async function cancelOrder({ state, broker }: OrderDeps, args: ParsedCommandArgs<'cancelOrder'>) {
  knownAccount(state, args.account);
  brokerAnswer(await broker.execute({ type: 'cancelOrder', account: args.account, orderId: args.orderId }));
  return {};
}

async function closePosition({ state, broker }: OrderDeps, args: ParsedCommandArgs<'closePosition'>) {
  knownAccount(state, args.account);
  const command = { type: 'closePosition' as const, account: args.account, symbol: args.symbol };
  brokerAnswer(await broker.execute(args.qty === undefined ? command : { ...command, qty: args.qty }));
  return {};
}

/** The accounts a flatten is for: one, every guarded member of a group, or every guarded account. */
function flattenTargets(
  { state, accountSelection }: OrderDeps,
  args: ParsedCommandArgs<'flatten'>,
): string[] {
  // "All" is every guarded account, and a group every guarded member: an excluded one is the trader's own business.
  if (args.all === true) return [...state.accounts.keys()].filter((id) => accountSelection.isGuarded(id));
  if (args.group !== undefined)
    return knownGroupMembers(state, args.group).filter((id) => accountSelection.isGuarded(id));
  const account = args.account ?? '';
  knownAccount(state, account);
  return [account];
}

/** The trader's flatten; asked from elsewhere (`origin`), its reason says from where ("remote: flatten from …"). */
async function flatten(deps: OrderDeps, args: ParsedCommandArgs<'flatten'>, origin: string | undefined) {
  const ids = flattenTargets(deps, args);
  for (const id of ids) deps.breaker.probe(id, `${origin ?? 'the trader'} asked to flatten`);
  const reason = origin === undefined ? 'user: flatten' : `remote: flatten from ${origin}`;
  const reports = await Promise.all(ids.map((id) => deps.flattener.flatten(id, reason)));
  return { reports };
}

export function orderHandlers(
  deps: OrderDeps,
): Handlers<'placeOrder' | 'cancelOrder' | 'closePosition' | 'flatten'> {
  return {
    placeOrder: (args) => placeOrder(deps, args),
    cancelOrder: (args) => cancelOrder(deps, args),
    closePosition: (args) => closePosition(deps, args),
    flatten: (args, origin) => flatten(deps, args, origin),
  };
}
