// What the copier guard reads of a group (docs/RULES.md section 10): per underlying (an instrument's `underlying`,
// else its symbol), each member's direction there — the sign of its weighted net position — the symbols it holds
// and when its earliest position there opened. Time comes from events: "more than graceSeconds" is measured
// between event times.
import type { CopierSettings } from '../../../shared/config/groups';
import type { EngineEventType } from '../../../shared/domain/events';
import { dec, ZERO, type Dec } from '../../../shared/domain/money';
import type { AccountState, EngineState } from '../state';
import type { GroupContext } from './types';

/** Any event may be the first after a grace period ran out. */
export const everyEvent: readonly EngineEventType[] = [
  'instrument',
  'account',
  'quote',
  'fill',
  'order',
  'position',
  'connection',
  'clock',
  'selfLock',
  'lockReset',
  'configChange',
  'settingsLock',
  'dayStart',
];

export type Holding = { account: AccountState; net: Dec; symbols: string[]; openedAt: number };

export function underlyingOf(state: EngineState, symbol: string): string {
  return state.instruments.get(symbol)?.underlying ?? symbol;
}

/** Each account's holding in each underlying it holds anything in. */
export function holdingsOf(state: EngineState, accounts: readonly AccountState[]): Map<string, Holding[]> {
  const byUnderlying = new Map<string, Holding[]>();
  for (const account of accounts) {
    const own = new Map<string, Holding>();
    for (const position of account.positions.values()) {
      const underlying = underlyingOf(state, position.symbol);
      const weight = state.instruments.get(position.symbol)?.weight ?? dec(1);
      const holding = own.get(underlying) ?? { account, net: ZERO, symbols: [], openedAt: position.openedAt };
      holding.net = holding.net.plus(weight.times(position.qty));
      holding.symbols.push(position.symbol);
      holding.openedAt = Math.min(holding.openedAt, position.openedAt);
      own.set(underlying, holding);
    }
    for (const [underlying, holding] of own) {
      const list = byUnderlying.get(underlying) ?? [];
      list.push(holding);
      byUnderlying.set(underlying, list);
    }
  }
  return byUnderlying;
}

/** The direction of a holding: 1 long, −1 short, 0 when its sizes offset. */
export const direction = (holding: Holding | undefined): number =>
  holding === undefined ? 0 : holding.net.isZero() ? 0 : holding.net.isPositive() ? 1 : -1;

/** The group's copier, when it has one. */
export function copierOf(ctx: GroupContext): CopierSettings | null {
  return ctx.group.copier;
}

/** Forgets the memory under `prefix` whose rest is not in `keep` (a hedge or a leader position that ended). */
export function forgetExcept(ctx: GroupContext, prefix: string, keep: ReadonlySet<string>): void {
  const memory = ctx.memoryOf;
  if (Object.keys(memory.rules).every((key) => !key.startsWith(prefix) || keep.has(key))) return;
  memory.rules = Object.fromEntries(
    Object.entries(memory.rules).filter(([key]) => !key.startsWith(prefix) || keep.has(key)),
  );
}

/** Whether more than the grace has passed from `since` to `t` (event times, ms). */
export function graceOver(copier: CopierSettings, since: number, t: number): boolean {
  return t - since > copier.graceSeconds * 1000;
}
