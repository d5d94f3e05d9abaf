// groupMaxContracts (docs/RULES.md section 10): the members' summed weighted contracts, working entry orders
// included, against `total`; only the account whose fill or order took the group over is acted on, in that
// symbol, by the excess rounded up to whole contracts; once per excursion, re-armed back within the limit.
import { describe, expect, it } from 'vitest';
import { at, fill, groupConfig, order, run, table } from './groups.helpers';

const apex = groupConfig({ rules: { groupMaxContracts: { total: 3 } } });
const over = (t: string, account: string, symbol: string, action: string, qty?: number) => ({
  t: at(t),
  account,
  rule: 'groupMaxContracts',
  level: 'breach',
  action,
  symbol,
  ...(qty === undefined ? {} : { qty }),
  group: 'apex',
});

describe('groupMaxContracts', () => {
  it('reduces the account whose fill took the group over by the excess, in whole contracts rounded up', () => {
    const { decisions } = run(
      [
        fill('09:00', 'A1', 'ES', 'buy', 2, '5800'),
        fill('09:01', 'A2', 'MES', 'buy', 8, '5800'), // 2.8
        fill('09:02', 'B1', 'ES', 'buy', 5, '5800'), // not a member
        fill('09:03', 'A2', 'MES', 'sell', 4, '5800'), // 2.4: reducing
        fill('09:04', 'A3', 'MES', 'buy', 7, '5800'), // 3.1: 0.1 over → 1 MES
        fill('09:05', 'A1', 'ES', 'buy', 1, '5800'), // 4.1: still over, reported once
        fill('09:06', 'A1', 'ES', 'sell', 2, '5800'), // 2.1: back within, re-armed
        fill('09:07', 'A2', 'ES', 'sell', 1, '5800'), // 3.1: A2 short 1 ES takes it over: 1 ES
      ],
      apex,
    );
    expect(table(decisions)).toStrictEqual([
      over('09:04', 'A3', 'MES', 'reducePosition', 1),
      over('09:07', 'A2', 'ES', 'reducePosition', 1),
    ]);
  });

  it('a working entry order that would take the group over is cancelled; one on the reducing side is not', () => {
    const { decisions } = run(
      [
        fill('09:00', 'A1', 'ES', 'buy', 3, '5800'), // 3: the limit is allowed
        order('09:01', 'A1', 'o1', 'ES', 'sell', 3), // a reducing order: at most 3
        order('09:02', 'A2', 'o2', 'MES', 'buy', 5), // could make 3.5
      ],
      apex,
    );
    expect(table(decisions)).toStrictEqual([over('09:02', 'A2', 'MES', 'cancelOrders')]);
  });

  it('a fill that takes the group over with the orders counted is reduced by that excess', () => {
    const { decisions } = run(
      [
        order('09:00', 'A1', 'o1', 'ES', 'buy', 2),
        fill('09:01', 'A2', 'ES', 'buy', 1, '5800'), // 1 open, 3 with the order: allowed
        fill('09:02', 'A2', 'MES', 'buy', 2, '5800'), // 1.2 open, 3.2 with the order
      ],
      apex,
    );
    expect(table(decisions)).toStrictEqual([over('09:02', 'A2', 'MES', 'reducePosition', 2)]);
  });
});
