// A position's protection on screen: stop coverage, first stop, initial risk, R multiple, and when stopRequired
// acts while it is unprotected.
import { describe, expect, it } from 'vitest';
import { protectionView } from '../../../main/core/position-risk-view';
import { positionUnrealized, type EngineState } from '../../../main/engine';
import { ev, instrumentEvents, runEngine } from '../../helpers/engine';
import { accountConfig, fill, quote, rule } from '../engine/rules/money-rules.helpers';

const stop = (t: string, id: string, qty: number, stopPrice: string) =>
  ev({
    type: 'order',
    t,
    account: 'A1',
    id,
    symbol: 'ES',
    side: 'sell',
    kind: 'stop',
    qty,
    stopPrice,
    status: 'working',
  });

function protection(state: EngineState) {
  const account = state.accounts.get('A1');
  const position = account?.positions.get('ES');
  if (account === undefined || position === undefined) throw new Error('no ES position on A1');
  return protectionView(state, account, position, positionUnrealized(state, position));
}

const opened = '2026-05-05T09:00:00-05:00';
const run = (events: ReturnType<typeof ev>[], rules = {}) =>
  runEngine([...instrumentEvents, fill(opened, 'ES', 'buy', 2, '5800'), ...events], accountConfig(rules))
    .state;

describe('position protection', () => {
  it('a full stop: its price, initial risk and R multiple', () => {
    // Risk |5800 − 5790| × 2 × 50 = 1000; at 5805 the position is +500: 0.50 R.
    const state = run([
      stop('2026-05-05T09:00:05-05:00', 's1', 2, '5790'),
      quote('2026-05-05T09:01:00-05:00', 'ES', '5805'),
    ]);
    expect(protection(state)).toEqual({
      stop: 'full',
      stopPrice: '5790',
      initialRisk: '1000',
      rMultiple: '0.50',
      stopDueAt: null,
    });
  });

  it('a partial stop under stopRequired: the rule acts at the end of the grace from the opening', () => {
    const state = run([stop('2026-05-05T09:00:03-05:00', 's1', 1, '5795.5')], {
      ...rule('stopRequired', { graceSeconds: 10, mode: 'close', stopTicks: 8 }),
    });
    expect(protection(state)).toEqual({
      stop: 'partial',
      stopPrice: '5795.5',
      initialRisk: '450',
      rMultiple: '0.00',
      stopDueAt: '2026-05-05T14:00:10.000Z',
    });
  });

  it('no stop and no stopRequired: nothing to measure R by, no deadline', () => {
    expect(protection(run([]))).toEqual({
      stop: 'none',
      stopPrice: null,
      initialRisk: null,
      rMultiple: null,
      stopDueAt: null,
    });
  });
});
