// A fake gateway's starting book: one 50K practice account and two contracts (MNQ and ES, June 2026), with the
// ids and metadata of docs/brokers/PROJECTX.md section 6.
import Decimal from 'decimal.js';
import type { Model } from './model';

export const ACCOUNT_ID = 18410777;
export const MNQ = 'CON.F.US.MNQ.M26';
export const ES = 'CON.F.US.EP.M26';

export function seedDemo(model: Model, balance = '50000'): void {
  model.accounts.set(ACCOUNT_ID, {
    id: ACCOUNT_ID,
    name: '50KTC-V2-423406-16429504',
    balance: new Decimal(balance),
    canTrade: true,
    isVisible: true,
    simulated: true,
  });
  model.contracts.set(MNQ, {
    id: MNQ,
    name: 'MNQM6',
    description: 'Micro E-mini Nasdaq-100: June 2026',
    tickSize: 0.25,
    tickValue: 0.5,
    symbolId: 'F.US.MNQ',
  });
  model.contracts.set(ES, {
    id: ES,
    name: 'ESM6',
    description: 'E-Mini S&P 500: June 2026',
    tickSize: 0.25,
    tickValue: 12.5,
    symbolId: 'F.US.EP',
  });
}
