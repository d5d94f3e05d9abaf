// The severity ladder: thresholds at 0.8 / 0.95 / 1 of the limit, and a 5% hysteresis on the way down.
import { describe, expect, it } from 'vitest';
import { levelOf, nextLevel } from '../../../../main/engine/rules/levels';
import { dec, ONE } from '../../../../shared/domain/money';
import type { RuleLevel } from '../../../../main/engine';

const t = { warnAt: dec('0.8'), criticalAt: dec('0.95'), hysteresis: dec('0.05') };

describe('levelOf', () => {
  it.each([
    ['0', 'ok'],
    ['0.7999', 'ok'],
    ['0.8', 'warning'],
    ['0.9499', 'warning'],
    ['0.95', 'critical'],
    ['0.9999', 'critical'],
    ['1', 'breach'],
    ['1.5', 'breach'],
  ])('%s of the limit is %s', (fraction, level) => {
    expect(levelOf(dec(fraction), ONE, t)).toBe(level);
    // The same fraction of a 1,000 limit: compared as value ≥ threshold × limit, no division.
    expect(levelOf(dec(fraction).times(1000), dec(1000), t)).toBe(level);
  });
});

describe('nextLevel', () => {
  it.each<[RuleLevel, string, RuleLevel]>([
    ['ok', '0.96', 'critical'], // jumps straight to the highest level reached
    ['warning', '0.79', 'warning'], // hovering just under the threshold does not step down
    ['warning', '0.75', 'warning'], // exactly threshold − hysteresis still holds
    ['warning', '0.7499', 'ok'],
    ['critical', '0.91', 'critical'],
    ['critical', '0.89', 'warning'],
    ['critical', '0.5', 'ok'],
    ['breach', '0.96', 'breach'],
    ['breach', '0.94', 'critical'],
    ['breach', '0', 'ok'], // a new day: the loss is gone
  ])('from %s at %s → %s', (previous, fraction, expected) => {
    expect(nextLevel(previous, dec(fraction), ONE, t)).toBe(expected);
    expect(nextLevel(previous, dec(fraction).times('2500.5'), dec('2500.5'), t)).toBe(expected);
  });
});
