// trailingStop: activate after a favourable move from the average price, close on a retrace from the best; each
// step of the stop's life (add, activate, update, trigger, remove) is reported for the audit.
import { describe, expect, it } from 'vitest';
import type { Decision, TrailingStopChange } from '../../../../main/engine';
import { instrumentEvents, runEngine } from '../../../helpers/engine';
import { accountConfig, at, fill, quote, rule, ruleDecisions } from './money-rules.helpers';

// ES ticks are 0.25: activation after 8 ticks (2.00 points), a trail of 4 ticks (1.00 point).
const config = accountConfig(rule('trailingStop', { activateAfterTicks: 8, trailTicks: 4 }));
const q = (time: string, last: string) => quote(`2026-05-05T09:${time}-05:00`, 'ES', last);
const closed = (time: string) => ({
  t: at(`2026-05-05T09:${time}-05:00`),
  rule: 'trailingStop',
  level: 'breach',
  action: 'closePosition',
  symbol: 'ES',
});

describe('trailingStop: 8 ticks to activate, 4 ticks of trail, on one ES contract at 5800', () => {
  it.each([
    {
      name: 'long: a 4-tick dip before activation is ignored; after the 5803.50 best, 5802.50 twice closes it',
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        q('01:00', '5801.75'), // 7 ticks: not active
        q('02:00', '5800.75'), // 4 ticks back, but not active
        q('03:00', '5802'), // 8 ticks: active
        q('04:00', '5803.5'), // best
        q('05:00', '5802.75'), // 3 ticks back
        q('06:00', '5802.5'), // 4 ticks back: first quote
        q('07:00', '5802.5'), // confirmed
      ],
      expected: [closed('07:00')],
    },
    {
      name: 'short: active at 5798, best 5797, 5798 then 5798.25 closes it',
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'sell', 1, '5800'),
        q('01:00', '5798'),
        q('02:00', '5797'),
        q('03:00', '5798'),
        q('04:00', '5798.25'),
      ],
      expected: [closed('04:00')],
    },
    {
      name: 'a single retracing tick that recovers is not confirmed',
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        q('01:00', '5803.5'),
        q('02:00', '5802.5'),
        q('03:00', '5803'),
        q('04:00', '5802.5'),
      ],
      expected: [],
    },
    {
      name: 'never quoted, marked by its fills: adds at 5804 (active from the 5802 average) then 5803 close it at once',
      events: [
        fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        fill('2026-05-05T09:01:00-05:00', 'ES', 'buy', 1, '5804'),
        fill('2026-05-05T09:02:00-05:00', 'ES', 'buy', 1, '5803'),
      ],
      expected: [closed('02:00')],
    },
  ])('$name', ({ events, expected }) => {
    const { decisions } = runEngine([...instrumentEvents, ...events], config);
    expect(ruleDecisions(decisions)).toEqual(expected);
  });
});

/** The stop's life as the audit records it: time, change, side, best price, stop price. */
function lifecycle(decisions: readonly Decision[]) {
  return decisions
    .filter((d): d is TrailingStopChange => d.kind === 'trailingStop')
    .map((d) => [d.t, d.change, d.side, d.best.toFixed(), d.stopPrice?.toFixed() ?? null]);
}

describe('trailingStop: its life for the audit', () => {
  it('long: added at the fill, activated 8 ticks up, moved with the best, triggered, removed at the close', () => {
    const { decisions } = runEngine(
      [
        ...instrumentEvents,
        fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
        q('01:00', '5801.75'), // a new best, but not active: nothing to record
        q('02:00', '5802'), // 8 ticks: active, the stop 4 ticks behind
        q('03:00', '5803.5'), // a new best moves the stop
        q('04:00', '5803'), // no new best
        q('05:00', '5802.5'), // at the stop: first quote
        q('06:00', '5802.5'), // confirmed
        fill('2026-05-05T09:06:30-05:00', 'ES', 'sell', 1, '5802.5'),
      ],
      config,
    );
    const time = (hhmmss: string) => at(`2026-05-05T09:${hhmmss}-05:00`);
    expect(lifecycle(decisions)).toEqual([
      [time('00:00'), 'add', 'long', '5800', null],
      [time('02:00'), 'activate', 'long', '5802', '5801'],
      [time('03:00'), 'update', 'long', '5803.5', '5802.5'],
      [time('06:00'), 'trigger', 'long', '5803.5', '5802.5'],
      [time('06:30'), 'remove', 'long', '5803.5', '5802.5'],
    ]);
    expect(ruleDecisions(decisions)).toEqual([closed('06:00')]);
  });

  it('a reversal in one fill removes the short stop and adds a long one from the new average', () => {
    const { decisions, state } = runEngine(
      [
        ...instrumentEvents,
        fill('2026-05-05T09:00:00-05:00', 'ES', 'sell', 1, '5800'),
        q('01:00', '5799.5'), // a better price for the short, not active (2 ticks)
        fill('2026-05-05T09:02:00-05:00', 'ES', 'buy', 2, '5799'),
      ],
      config,
    );
    const time = (hhmmss: string) => at(`2026-05-05T09:${hhmmss}-05:00`);
    expect(lifecycle(decisions)).toEqual([
      [time('00:00'), 'add', 'short', '5800', null],
      [time('02:00'), 'remove', 'short', '5799.5', null],
      [time('02:00'), 'add', 'long', '5799', null],
    ]);
    // The long is marked at the last quote (5799.5), already above its 5799 entry: its best so far.
    expect(state.accounts.get('A1')?.rules['trailingStop:ES']?.data).toEqual({
      side: 1,
      best: '5799.5',
      active: 0,
    });
  });
});
