// The core's published picture against a broker's truth: balances and positions (signed quantity and average
// price) per account, and equity = balance + unrealized in every account; waited for, or checked at instants.
import type { StateView } from '../../../shared/ipc';
import { dec } from '../../../shared/domain/money';
import { StateCorruption } from '../harness/types';

/** Positions by contract id (ProjectX) or symbol (Tradovate, `bySymbol`); an average price of null is not compared. */
export type TruthAccount = {
  id: string;
  balance: string;
  positions: Map<string, { qty: number; avgPrice: string | null }>;
  bySymbol?: boolean;
};

/** Where the view differs from the truth (one line per difference), or [] when it does not. */
export function differences(view: StateView, truth: readonly TruthAccount[]): string[] {
  const found: string[] = [];
  for (const account of truth) {
    const shown = view.accounts.find((a) => a.id === account.id);
    if (shown === undefined) {
      found.push(`${account.id}: not in the view`);
      continue;
    }
    if (!dec(shown.metrics.balance).equals(dec(account.balance)))
      found.push(`${account.id}: balance ${shown.metrics.balance}, the broker says ${account.balance}`);
    const held = new Map(
      shown.positions
        .filter((p) => p.qty !== 0)
        .map((p) => [account.bySymbol === true ? p.symbol : p.contractId, p]),
    );
    for (const [contract, position] of account.positions) {
      const mine = held.get(contract);
      held.delete(contract);
      if (mine === undefined)
        found.push(`${account.id} ${contract}: not held, the broker says ${position.qty}`);
      else if (
        mine.qty !== position.qty ||
        (position.avgPrice !== null && !samePrice(mine.avgPrice, position.avgPrice))
      )
        found.push(
          `${account.id} ${contract}: ${mine.qty} @ ${mine.avgPrice}, the broker says ${position.qty} @ ${position.avgPrice}`,
        );
    }
    for (const [contract, mine] of held)
      found.push(`${account.id} ${contract}: ${mine.qty} held, the broker has none`);
  }
  return found;
}

/** Average prices to a millionth: a broker rounds an average its own way (ProjectX sends a double). */
const samePrice = (a: string, b: string) => dec(a).toDecimalPlaces(6).equals(dec(b).toDecimalPlaces(6));

/** equity = balance + unrealized, for every account shown. */
export function equityIdentity(view: StateView): void {
  for (const account of view.accounts) {
    const { balance, unrealizedPnl, equity } = account.metrics;
    if (!dec(balance).plus(dec(unrealizedPnl)).equals(dec(equity)))
      throw new StateCorruption(
        `${account.id}: equity ${equity} is not balance ${balance} + unrealized ${unrealizedPnl}`,
      );
  }
}

/** Waits until the view shows the truth; a corruption naming the differences when it never does. */
export async function converges(
  view: () => StateView,
  truth: () => TruthAccount[],
  what: string,
  timeoutMs = 6_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string[] = [];
  while (Date.now() < deadline) {
    last = differences(view(), truth());
    if (last.length === 0 && view().connection.status === 'connected') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new StateCorruption(
    `${what}: the picture never came back to the broker's (${last.join('; ') || 'not connected'})`,
  );
}

/** Samples the view for `ms` while the truth stands still: it must show the truth at every instant. */
export async function holds(
  view: () => StateView,
  truth: TruthAccount[],
  what: string,
  ms = 60,
): Promise<void> {
  const deadline = Date.now() + ms;
  do {
    const found = differences(view(), truth);
    if (found.length > 0) throw new StateCorruption(`${what} changed the picture: ${found.join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  } while (Date.now() < deadline);
}
