// The firm's own limits on a Tradovate account (`userAccountAutoLiq`, docs/brokers/TRADOVATE.md section 5), as
// the screen shows them beside Warden's: Tradovate enforces them on its side, Warden only reads them.
import { moneyString, type Dec } from '../../../shared/domain/money';
import type { FirmLimitsView } from '../../../shared/ipc';
import type { TradovateBook } from './book';

const money = (value: Dec | null | undefined) => (value == null ? null : moneyString(value));

export function firmLimitsOf(book: TradovateBook, accountId: string): FirmLimitsView | null {
  const limits = book.autoLiqs.get(accountId);
  if (limits === undefined) return null;
  return {
    source: 'Tradovate auto-liquidation',
    dailyLoss: money(limits.dailyLossAutoLiq),
    dailyProfit: money(limits.dailyProfitAutoLiq),
    trailingDrawdown: money(limits.trailingMaxDrawdown),
    trailingMode: limits.trailingMaxDrawdownMode ?? null,
    flattenAt: limits.flattenTimestamp == null ? null : new Date(limits.flattenTimestamp).toISOString(),
    changesLocked: limits.changesLocked === true,
  };
}
