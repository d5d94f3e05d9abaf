// A closed trade's initial risk and R multiple (docs/RULES.md section 3): the first protective stop seen while the
// position is open fixes the risk, |entry − stop| × qty × point value; R = net P&L / risk, 4 places half-up.
import { describe, expect, it } from 'vitest';
import { deserializeState, serializeState, type Decision } from '../../../main/engine';
import type { EngineEvent } from '../../../shared/domain/events';
import { ev, instrumentEvents, runEngine } from '../../helpers/engine';
import { accountConfig, fill } from './rules/money-rules.helpers';

const t = (time: string) => `2026-05-05T09:${time}-05:00`;
const config = accountConfig({});
const stop = (time: string, id: string, symbol: string, side: 'buy' | 'sell', qty: number, price: string) =>
  ev({
    type: 'order',
    t: t(time),
    account: 'A1',
    id,
    symbol,
    side,
    kind: 'stop',
    qty,
    stopPrice: price,
    status: 'working',
  });

/** Symbol, net P&L, initial risk and R of each closed trade, exact. */
function closedTrades(decisions: readonly Decision[]) {
  return decisions.flatMap((d) =>
    d.kind === 'tradeClosed'
      ? [
          [
            d.trade.symbol,
            d.trade.netPnl.toFixed(),
            d.trade.initialRisk?.toFixed() ?? null,
            d.trade.rMultiple?.toFixed() ?? null,
          ],
        ]
      : [],
  );
}

describe('initial risk and R of closed trades', () => {
  it.each<{ name: string; events: EngineEvent[]; expected: (string | null)[][] }>([
    {
      name: 'long 2 ES at 5800, stop 5795 placed after the entry (500 at risk), later raised; out at 5810: +2R',
      events: [
        fill(t('00:00'), 'ES', 'buy', 2, '5800'),
        stop('00:05', 's1', 'ES', 'sell', 2, '5795'),
        stop('01:00', 's1', 'ES', 'sell', 2, '5798'), // the trail moves the stop: the initial risk stays
        fill(t('02:00'), 'ES', 'sell', 2, '5810'),
      ],
      expected: [['ES', '1000', '500', '2']],
    },
    {
      name: 'short 1 NQ at 21000, its bracket stop 21012.50 seen before the fill (250 at risk); stopped at 21020 with fees',
      events: [
        stop('00:00', 's2', 'NQ', 'buy', 1, '21012.5'),
        fill(t('00:01'), 'NQ', 'sell', 1, '21000', '1.40'),
        fill(t('01:00'), 'NQ', 'buy', 1, '21020', '1.40'), // −400 − 2.80
      ],
      expected: [['NQ', '-402.8', '250', '-1.6112']],
    },
    {
      name: 'MES long at 5000 with a 4940 stop (300 at risk): +100 is 0.3333R, then −200 on the next is −0.6667R',
      events: [
        fill(t('00:00'), 'MES', 'buy', 1, '5000'),
        stop('00:01', 's3', 'MES', 'sell', 1, '4940'),
        fill(t('01:00'), 'MES', 'sell', 1, '5020'),
        fill(t('02:00'), 'MES', 'buy', 1, '5000'),
        stop('02:01', 's4', 'MES', 'sell', 1, '4940'),
        fill(t('03:00'), 'MES', 'sell', 1, '4960'),
      ],
      expected: [
        ['MES', '100', '300', '0.3333'],
        ['MES', '-200', '300', '-0.6667'],
      ],
    },
    {
      name: 'no stop ever, or only a stop on the wrong side (it would add): no risk, no R',
      events: [
        fill(t('00:00'), 'ES', 'buy', 1, '5800'),
        stop('00:01', 's5', 'ES', 'buy', 1, '5810'),
        fill(t('01:00'), 'ES', 'sell', 1, '5790'),
      ],
      expected: [['ES', '-500', null, null]],
    },
    {
      name: 'a stop at the entry price risks nothing: the risk is 0 and R has no meaning',
      events: [
        fill(t('00:00'), 'ES', 'buy', 1, '5800'),
        stop('00:01', 's6', 'ES', 'sell', 1, '5800'),
        fill(t('01:00'), 'ES', 'sell', 1, '5800'),
      ],
      expected: [['ES', '0', '0', null]],
    },
  ])('$name', ({ events, expected }) => {
    const { decisions } = runEngine([...instrumentEvents, ...events], config);
    expect(closedTrades(decisions)).toEqual(expected);
  });

  it('an open trade keeps its initial risk through a snapshot; a snapshot from before R has none on its trades', () => {
    const { state } = runEngine(
      [
        ...instrumentEvents,
        fill(t('00:00'), 'ES', 'buy', 1, '5800'),
        fill(t('00:30'), 'ES', 'sell', 1, '5801'),
        fill(t('01:00'), 'ES', 'buy', 1, '5800'),
        stop('01:01', 's7', 'ES', 'sell', 1, '5790'),
      ],
      config,
    );
    const restored = deserializeState(serializeState(state), config);
    expect(restored.accounts.get('A1')?.positions.get('ES')?.trade.initialRisk?.toFixed()).toBe('500');

    const old = JSON.parse(serializeState(state)) as {
      state: { accounts: { $map: [string, { closedTrades: Record<string, unknown>[] }][] } };
    };
    for (const [, account] of old.state.accounts.$map)
      for (const trade of account.closedTrades) {
        delete trade['initialRisk'];
        delete trade['rMultiple'];
      }
    const [trade] = deserializeState(JSON.stringify(old), config).accounts.get('A1')?.closedTrades ?? [];
    expect([trade?.netPnl.toFixed(), trade?.initialRisk, trade?.rMultiple]).toEqual(['50', null, null]);
  });
});
