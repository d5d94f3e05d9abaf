// The fake Tradovate gateway's starting book: one user with two 50K demo (evaluation) accounts, and the December
// 2026 MNQ and ES contracts with their real value per point and tick size.
import type { Model } from './model';
import { tradeDateOf } from './model';

export const USER = { id: 2_781_045, name: 'warden-trader', password: 'fake-password-0123' };
export const APP = { appId: 'Warden', cid: 8_123, sec: 'fake-secret-4567-89ab' };
export const ACCOUNT_A = 31_870_411;
export const ACCOUNT_B = 31_870_412;
export const MNQ = 3_956_714;
export const ES = 3_956_702;
export const MNQ_PRODUCT = 2_904;
export const ES_PRODUCT = 2_765;
const MNQ_MATURITY = 52_881;
const ES_MATURITY = 52_870;

export function seedDemo(model: Model, atMs: number, balance = 50_000): void {
  const timestamp = new Date(atMs).toISOString();
  model.users.set(USER.id, USER);
  for (const [id, name] of [
    [ACCOUNT_A, 'DEMO3187041'],
    [ACCOUNT_B, 'DEMO3187042'],
  ] as const) {
    model.accounts.set(id, {
      id,
      name,
      userId: USER.id,
      accountType: 'Customer',
      active: true,
      archived: false,
      restricted: false,
      closed: false,
      clearingHouseId: 2,
      riskCategoryId: 2,
      autoLiqProfileId: 2,
      marginAccountType: 'Speculator',
      legalStatus: 'Individual',
      timestamp,
    });
    model.startOfDay.set(id, balance);
    model.cashBalances.set(id + 1, {
      id: id + 1,
      accountId: id,
      timestamp,
      tradeDate: tradeDateOf(atMs),
      currencyId: 1,
      amount: balance,
      realizedPnl: 0,
      weekRealizedPnL: 0,
    });
    model.userAccountAutoLiqs.set(id, {
      id,
      changesLocked: true,
      dailyLossAutoLiq: 1_000,
      trailingMaxDrawdown: 2_000,
      trailingMaxDrawdownMode: 'EOD',
    });
    model.accountRiskStatuses.set(id, { id, adminAction: 'Normal', userTriggeredLiqOnly: false });
    model.marginSnapshots.set(id, {
      id,
      timestamp,
      riskTimePeriodId: 2,
      initialMargin: 0,
      maintenanceMargin: 0,
      autoLiqLevel: 0,
      liqOnlyLevel: 0,
      totalUsedMargin: 0,
      fullInitialMargin: 0,
    });
  }
  const products = [
    { id: MNQ_PRODUCT, name: 'MNQ', description: 'Micro E-mini Nasdaq-100', valuePerPoint: 2 },
    { id: ES_PRODUCT, name: 'ES', description: 'E-mini S&P 500', valuePerPoint: 50 },
  ];
  for (const p of products)
    model.products.set(p.id, {
      ...p,
      currencyId: 1,
      productType: 'Futures',
      exchangeId: 1,
      contractGroupId: 1,
      status: 'Verified',
      tickSize: 0.25,
      priceFormatType: 'Decimal',
      priceFormat: -2,
    });
  for (const [id, name, maturityId, productId] of [
    [MNQ, 'MNQZ6', MNQ_MATURITY, MNQ_PRODUCT],
    [ES, 'ESZ6', ES_MATURITY, ES_PRODUCT],
  ] as const) {
    model.contractMaturities.set(maturityId, {
      id: maturityId,
      productId,
      expirationMonth: 202612,
      expirationDate: '2026-12-18T14:30:00.000Z',
      isFront: true,
      archived: false,
    });
    model.contracts.set(id, {
      id,
      name,
      contractMaturityId: maturityId,
      status: 'DefinitionChecked',
      providerTickSize: 0.25,
    });
  }
}
