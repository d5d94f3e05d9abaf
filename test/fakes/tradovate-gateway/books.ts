// Positions, fill pairs and realized P&L derived from an account's active fills, FIFO as Tradovate pairs them: a
// busted fill (active: false) simply drops out and everything is derived again.
import Decimal from 'decimal.js';
import type { Fill } from './model';

export type PairDraft = {
  buyFillId: number;
  sellFillId: number;
  qty: number;
  buyPrice: number;
  sellPrice: number;
};
export type Book = {
  netPos: number;
  /** The average price of the open lots; undefined when flat. */
  netPrice: number | undefined;
  bought: number;
  boughtValue: number;
  sold: number;
  soldValue: number;
  pairs: PairDraft[];
};

type Lot = { fill: Fill; open: number };

/** Replays one contract's active fills (in id order) into its position and FIFO pairs. */
export function replay(fills: Fill[]): Book {
  const lots: Lot[] = [];
  const pairs: PairDraft[] = [];
  let bought = 0;
  let sold = 0;
  let boughtValue = new Decimal(0);
  let soldValue = new Decimal(0);
  for (const fill of [...fills].filter((f) => f.active).sort((a, b) => a.id - b.id)) {
    if (fill.action === 'Buy') {
      bought += fill.qty;
      boughtValue = boughtValue.plus(new Decimal(fill.price).times(fill.qty));
    } else {
      sold += fill.qty;
      soldValue = soldValue.plus(new Decimal(fill.price).times(fill.qty));
    }
    let remaining = fill.qty;
    for (
      let lot = lots[0];
      remaining > 0 && lot !== undefined && lot.fill.action !== fill.action;
      lot = lots[0]
    ) {
      const qty = Math.min(lot.open, remaining);
      const [buy, sell] = fill.action === 'Buy' ? [fill, lot.fill] : [lot.fill, fill];
      pairs.push({ buyFillId: buy.id, sellFillId: sell.id, qty, buyPrice: buy.price, sellPrice: sell.price });
      lot.open -= qty;
      remaining -= qty;
      if (lot.open === 0) lots.shift();
    }
    if (remaining > 0) lots.push({ fill, open: remaining });
  }
  const open = lots.reduce((n, lot) => n + lot.open, 0);
  const cost = lots.reduce(
    (sum, lot) => sum.plus(new Decimal(lot.fill.price).times(lot.open)),
    new Decimal(0),
  );
  return {
    netPos: lots[0]?.fill.action === 'Sell' ? -open : open,
    netPrice: open === 0 ? undefined : cost.dividedBy(open).toNumber(),
    bought,
    boughtValue: boughtValue.toNumber(),
    sold,
    soldValue: soldValue.toNumber(),
    pairs,
  };
}

/** Realized P&L of pairs: (sell − buy) × qty × value per point, exact. */
export function realizedOf(pairs: PairDraft[], valuePerPoint: number): Decimal {
  return pairs.reduce(
    (sum, p) => sum.plus(new Decimal(p.sellPrice).minus(p.buyPrice).times(p.qty).times(valuePerPoint)),
    new Decimal(0),
  );
}
