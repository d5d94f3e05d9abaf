// Which schema reads which entity: one table for the snapshot's lists (plural keys) and the props pushes
// (`entityType`), so both read an entity the same way.
import type { z } from 'zod';
import {
  accountRiskStatusSchema,
  accountSchema,
  cashBalanceSchema,
  contractMaturitySchema,
  contractSchema,
  fillFeeSchema,
  fillPairSchema,
  fillSchema,
  marginSnapshotSchema,
  orderSchema,
  orderVersionSchema,
  positionSchema,
  productSchema,
  userAccountAutoLiqSchema,
  type TvAccount,
  type TvAccountRiskStatus,
  type TvCashBalance,
  type TvContract,
  type TvContractMaturity,
  type TvFill,
  type TvFillFee,
  type TvFillPair,
  type TvMarginSnapshot,
  type TvOrder,
  type TvOrderVersion,
  type TvPosition,
  type TvProduct,
  type TvUserAccountAutoLiq,
} from './entities';
import { parsePayload, type Parsed } from './values';

/** Every entity Warden reads, by its `entityType`. */
export type TvEntities = {
  account: TvAccount;
  cashBalance: TvCashBalance;
  position: TvPosition;
  order: TvOrder;
  orderVersion: TvOrderVersion;
  fill: TvFill;
  fillPair: TvFillPair;
  fillFee: TvFillFee;
  contract: TvContract;
  contractMaturity: TvContractMaturity;
  product: TvProduct;
  userAccountAutoLiq: TvUserAccountAutoLiq;
  accountRiskStatus: TvAccountRiskStatus;
  marginSnapshot: TvMarginSnapshot;
};
export type EntityType = keyof TvEntities;

export const ENTITY_SCHEMAS: { [K in EntityType]: z.ZodType<TvEntities[K]> } = {
  account: accountSchema,
  cashBalance: cashBalanceSchema,
  position: positionSchema,
  order: orderSchema,
  orderVersion: orderVersionSchema,
  fill: fillSchema,
  fillPair: fillPairSchema,
  fillFee: fillFeeSchema,
  contract: contractSchema,
  contractMaturity: contractMaturitySchema,
  product: productSchema,
  userAccountAutoLiq: userAccountAutoLiqSchema,
  accountRiskStatus: accountRiskStatusSchema,
  marginSnapshot: marginSnapshotSchema,
};

/** The snapshot's list for each entity (`user/syncrequest`'s plural keys). */
export const SNAPSHOT_LISTS: { [K in EntityType]: string } = {
  account: 'accounts',
  cashBalance: 'cashBalances',
  position: 'positions',
  order: 'orders',
  orderVersion: 'orderVersions',
  fill: 'fills',
  fillPair: 'fillPairs',
  fillFee: 'fillFees',
  contract: 'contracts',
  contractMaturity: 'contractMaturities',
  product: 'products',
  userAccountAutoLiq: 'userAccountAutoLiqs',
  accountRiskStatus: 'accountRiskStatuses',
  marginSnapshot: 'marginSnapshots',
};

/** One entity of a known type, tagged with it. */
export type TvEntity = { [K in EntityType]: { type: K; value: TvEntities[K] } }[EntityType];

export function isEntityType(name: string): name is EntityType {
  return Object.hasOwn(ENTITY_SCHEMAS, name);
}

export function parseEntity<K extends EntityType>(type: K, value: unknown): Parsed<TvEntities[K]> {
  return parsePayload(type, ENTITY_SCHEMAS[type], value);
}
