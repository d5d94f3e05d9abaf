// Tradovate's entities (docs/brokers/TRADOVATE.md section 5): the fields Warden acts on, the rest ignored.
// Strict only where a wrong value would corrupt the picture (a fill's price and size, a product's tick); enums
// stay text, so a value Tradovate adds later reaches the mapping, which decides, instead of failing the frame.
import { z } from 'zod';
import {
  count,
  decimal,
  enumText,
  id,
  maybe,
  positiveDecimal,
  signedCount,
  timestamp,
  tradeDate,
} from './values';

export const accountSchema = z.object({
  id,
  name: maybe(z.string().max(200)),
  userId: maybe(id),
  accountType: maybe(enumText),
  active: maybe(z.boolean()),
  archived: maybe(z.boolean()),
  restricted: maybe(z.boolean()),
  closed: maybe(z.boolean()),
});
export type TvAccount = z.infer<typeof accountSchema>;

/** Cash only: Tradovate sends no open P&L here. */
export const cashBalanceSchema = z.object({
  id,
  accountId: id,
  amount: decimal,
  /** Today's realized P&L; the field's case differs between sources, so both are read. */
  realizedPnL: maybe(decimal),
  realizedPnl: maybe(decimal),
  weekRealizedPnL: maybe(decimal),
  currencyId: maybe(id),
  tradeDate: maybe(tradeDate),
  timestamp: maybe(timestamp),
});
export type TvCashBalance = z.infer<typeof cashBalanceSchema>;

/** No P&L either; `netPrice` is absent when flat. */
export const positionSchema = z.object({
  id,
  accountId: id,
  contractId: id,
  netPos: signedCount,
  netPrice: maybe(decimal),
  bought: maybe(count),
  boughtValue: maybe(decimal),
  sold: maybe(count),
  soldValue: maybe(decimal),
  timestamp: maybe(timestamp),
  tradeDate: maybe(tradeDate),
});
export type TvPosition = z.infer<typeof positionSchema>;

/** Its type, size and prices are on its latest orderVersion. */
export const orderSchema = z.object({
  id,
  accountId: id,
  contractId: id,
  action: enumText,
  ordStatus: enumText,
  timestamp: maybe(timestamp),
  parentId: maybe(id),
  linkedId: maybe(id),
  admin: maybe(z.boolean()),
});
export type TvOrder = z.infer<typeof orderSchema>;

export const orderVersionSchema = z.object({
  id,
  orderId: id,
  /** An order is for one contract at least: the engine (and its journal) refuse an order of none. */
  orderQty: z.number().int().min(1).max(1_000_000),
  orderType: enumText,
  price: maybe(decimal),
  stopPrice: maybe(decimal),
  timestamp: maybe(timestamp),
  text: maybe(z.string().max(1000)),
});
export type TvOrderVersion = z.infer<typeof orderVersionSchema>;

/** A fill is strict: a wrong one corrupts P&L. `active: false` is a busted fill. Its account is its order's. */
export const fillSchema = z.object({
  id,
  orderId: id,
  contractId: id,
  timestamp,
  action: enumText,
  qty: z.number().int().min(1).max(1_000_000),
  price: decimal,
  active: z.boolean(),
  tradeDate: maybe(tradeDate),
});
export type TvFill = z.infer<typeof fillSchema>;

/** A closing match Tradovate made (first in, first out) between a buy fill and a sell fill. */
export const fillPairSchema = z.object({
  id,
  positionId: maybe(id),
  buyFillId: id,
  sellFillId: id,
  qty: z.number().int().min(1).max(1_000_000),
  buyPrice: decimal,
  sellPrice: decimal,
  active: maybe(z.boolean()),
});
export type TvFillPair = z.infer<typeof fillPairSchema>;

/**
 * The fees of one fill, its id the fill's (the partner docs' `FillFee`; the brief's "commission"). Every part
 * may be absent: their sum is the fill's fees. *(unverified: that `id` is the fill's id)*
 */
export const fillFeeSchema = z.object({
  id,
  commission: maybe(decimal),
  clearingFee: maybe(decimal),
  exchangeFee: maybe(decimal),
  nfaFee: maybe(decimal),
  brokerageFee: maybe(decimal),
  ipFee: maybe(decimal),
  orderRoutingFee: maybe(decimal),
});
export type TvFillFee = z.infer<typeof fillFeeSchema>;

export const contractSchema = z.object({
  id,
  name: z.string().min(1).max(64),
  contractMaturityId: maybe(id),
  /** Some answers carry the product's id straight on the contract. */
  productId: maybe(id),
});
export type TvContract = z.infer<typeof contractSchema>;

export const contractMaturitySchema = z.object({
  id,
  productId: id,
  productName: maybe(z.string().max(64)),
  expirationMonth: maybe(z.number().int()),
  isFront: maybe(z.boolean()),
});
export type TvContractMaturity = z.infer<typeof contractMaturitySchema>;

/** `valuePerPoint` and `tickSize` make the tick value: a product without them cannot be priced. */
export const productSchema = z.object({
  id,
  name: z.string().min(1).max(64),
  /** The instrument's name: an empty one is no name (the journal refuses an empty name). */
  description: maybe(z.string().max(500)).transform((text) => (text === '' ? null : text)),
  currencyId: maybe(id),
  productType: maybe(enumText),
  valuePerPoint: positiveDecimal,
  tickSize: positiveDecimal,
});
export type TvProduct = z.infer<typeof productSchema>;

/** The firm's own server-side limits: read-only for Warden, shown beside its own. */
export const userAccountAutoLiqSchema = z.object({
  id,
  accountId: maybe(id),
  dailyLossAutoLiq: maybe(decimal),
  dailyProfitAutoLiq: maybe(decimal),
  trailingMaxDrawdown: maybe(decimal),
  trailingMaxDrawdownMode: maybe(enumText),
  trailingMaxDrawdownLimit: maybe(decimal),
  flattenTimestamp: maybe(timestamp),
  changesLocked: maybe(z.boolean()),
});
export type TvUserAccountAutoLiq = z.infer<typeof userAccountAutoLiqSchema>;

/**
 * Whether the firm lets the account add risk. `liquidateOnly` is a time in the partner docs and a flag in some
 * reports, and the published schema spells it `liquidationOnly`: any of them, when set, means liquidate-only.
 */
/* The per-account entities below carry the account's id as their own `id` (unverified; `accountId` wins when sent). */

export const accountRiskStatusSchema = z.object({
  id,
  accountId: maybe(id),
  adminAction: maybe(enumText),
  liquidateOnly: maybe(z.union([z.boolean(), z.string().max(64)])),
  liquidationOnly: maybe(z.union([z.boolean(), z.string().max(64)])),
  userTriggeredLiqOnly: maybe(z.boolean()),
});
export type TvAccountRiskStatus = z.infer<typeof accountRiskStatusSchema>;

export const marginSnapshotSchema = z.object({
  id,
  accountId: maybe(id),
  initialMargin: maybe(decimal),
  maintenanceMargin: maybe(decimal),
  totalUsedMargin: maybe(decimal),
  autoLiqLevel: maybe(decimal),
  liqOnlyLevel: maybe(decimal),
  riskTimePeriodId: maybe(id),
});
export type TvMarginSnapshot = z.infer<typeof marginSnapshotSchema>;
