// apply's onDecision hears every decision once, as it is made, and exactly the ones apply returns, also when a
// held quote and its confirming quote are accepted together.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config/schema';
import { apply, createEngineState, engineConfigOf, type Decision } from '../../../main/engine';
import { instrumentEvents } from '../../helpers/engine';
import { fill, quote } from './rules/money-rules.helpers';

describe('onDecision', () => {
  it('tells a held quote’s warning and its confirmer’s breach once each, in order', () => {
    const document = validateConfig({
      quoteSanity: { maxJumpPct: 5, confirmQuotes: 1 },
      accounts: { A1: { startingBalance: 50000, rules: { dailyLoss: { amount: 18000 } } } },
    });
    if (!document.ok) throw new Error(document.errors.join('; '));
    const state = createEngineState(engineConfigOf(document.config));
    const opening = [
      ...instrumentEvents,
      fill('2026-05-05T09:00:00-05:00', 'ES', 'buy', 1, '5800'),
      quote('2026-05-05T09:00:30-05:00', 'ES', '5800'),
    ];
    for (const event of opening) apply(state, event);

    const held = apply(state, quote('2026-05-05T09:01:00-05:00', 'ES', '5500')); // −5.2 %: held back
    expect(held.decisions).toEqual([]);

    const told: Decision[] = [];
    // 5240 is within 5 % of 5500: both are accepted, 5500 (loss 15,000: warning) then 5240 (28,000: breach).
    const { decisions } = apply(state, quote('2026-05-05T09:02:00-05:00', 'ES', '5240'), (d) => told.push(d));
    expect(decisions.map((d) => (d.kind === 'rule' ? [d.level, d.action] : d.kind))).toEqual([
      ['warning', 'alert'],
      ['breach', 'flatten'],
    ]);
    expect(told).toEqual(decisions);
  });
});
