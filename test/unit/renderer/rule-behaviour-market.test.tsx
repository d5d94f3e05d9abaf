// @vitest-environment jsdom
// The Rules screen's behaviour and market data & broker groups: inherited values in words, counts kept as whole
// numbers, yes/no flags, blocked symbols as chips from the broker's instruments (others typed in), clearing back to
// inherited, and each error beside its field (the rule's own error beside the rule).
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  click,
  emptyChoiceOf,
  errorOf,
  ownRules,
  placeholderOf,
  openRules,
  type,
} from './rule-helpers';

afterEach(cleanup);

const layered = {
  defaults: { rules: { stopRequired: { graceSeconds: 15 } } },
  presets: {
    desk: {
      rules: {
        consecutiveLosses: { max: 3, cooldownMinutes: 30 },
        symbolBlock: { symbols: ['GC'] },
      },
    },
  },
  accounts: { [ACCOUNT]: { preset: 'desk', startingBalance: 50000 } },
};

const open = (document: unknown = layered) => openRules(document);

const pressed = (testId: string) => screen.getByTestId(testId).getAttribute('aria-pressed');

describe('behaviour', () => {
  it('says what each empty field inherits, in words', async () => {
    await open();
    expect(placeholderOf('rule-consecutiveLosses-max')).toBe('inherited: 3');
    expect(placeholderOf('rule-consecutiveLosses-cooldownMinutes')).toBe('inherited: 30');
    expect(emptyChoiceOf('rule-consecutiveLosses-escalate')).toBe('inherited: no');
    expect(emptyChoiceOf('rule-consecutiveLosses-resetDaily')).toBe('inherited: yes');
    expect(screen.getByTestId('rule-consecutiveLosses-more').textContent).toBe(
      'More inherited: flatten, halted for 30 min',
    );
    expect(placeholderOf('rule-tradeFrequency-perMinute')).toBe('inherited: no limit');
    expect(placeholderOf('rule-tradeFrequency-cooldownMinutes')).toBe('required');
    expect(placeholderOf('rule-stopRequired-graceSeconds')).toBe('inherited: 15');
    expect(emptyChoiceOf('rule-stopRequired-mode')).toBe('inherited: close the position');
    expect(placeholderOf('rule-stopRequired-stopTicks')).toBe('inherited: 8');
    expect(placeholderOf('rule-trailingStop-trailTicks')).toBe('required');
  });

  it('keeps counts as whole numbers and flags as yes/no, and clears them back to inherited', async () => {
    const host = await open();
    click('rule-tradeFrequency-enabled');
    type('rule-tradeFrequency-perDay', '5');
    type('rule-tradeFrequency-cooldownMinutes', '10');
    type('rule-consecutiveLosses-escalate', 'true');
    type('rule-consecutiveLosses-resetDaily', 'false');
    expect(ownRules(host)).toEqual({
      tradeFrequency: { enabled: true, perDay: 5, cooldownMinutes: 10 },
      consecutiveLosses: { escalate: true, resetDaily: false },
    });
    type('rule-consecutiveLosses-escalate', '');
    type('rule-consecutiveLosses-resetDaily', '');
    type('rule-tradeFrequency-perDay', '');
    expect(ownRules(host)).toEqual({ tradeFrequency: { enabled: true, cooldownMinutes: 10 } });
    click('rule-tradeFrequency-perHour-none');
    expect(ownRules(host)['tradeFrequency']).toEqual({ enabled: true, cooldownMinutes: 10, perHour: null });
  });

  it("shows each error beside its field, and the rule's own beside the rule", async () => {
    await open();
    click('rule-tradeFrequency-enabled');
    type('rule-tradeFrequency-cooldownMinutes', '10');
    expect(errorOf('rule-tradeFrequency')).toBe('needs at least one window: perMinute, perHour or perDay');
    type('rule-consecutiveLosses-max', '1.5');
    expect(errorOf('rule-consecutiveLosses-max')).toBe('must be a whole number, got "1.5"');
    click('rule-trailingStop-enabled');
    type('rule-trailingStop-trailTicks', '0');
    expect(errorOf('rule-trailingStop-trailTicks')).toBe('must be a whole number of at least 1, got 0');
    type('rule-trailingStop-trailTicks', '4');
    expect(errorOf('rule-trailingStop-trailTicks')).toBeNull();
    expect(errorOf('rule-trailingStop-activateAfterTicks')).toBe('is required');
    expect(screen.queryByTestId('rule-errors')).toBeNull();
  });
});

describe('market data & broker', () => {
  it('says what each empty field inherits, and shows the inherited symbols as chosen chips', async () => {
    await open();
    expect(placeholderOf('rule-staleData-maxQuoteAgeSeconds')).toBe('inherited: 10');
    expect(emptyChoiceOf('rule-staleData-flatten')).toBe('inherited: no');
    expect(screen.getByTestId('rule-symbolBlock-symbols-source').textContent).toBe('inherited');
    // The broker's instruments are the chips; GC, inherited, is chosen.
    const chips = screen.getByRole('group', { name: 'Symbols' }).querySelectorAll('.chip');
    expect([...chips].map((c) => c.textContent)).toEqual(['MNQ', 'NQ', 'MES', 'ES', 'CL', 'GC']);
    expect(pressed('rule-symbolBlock-symbols-GC')).toBe('true');
    expect(pressed('rule-symbolBlock-symbols-CL')).toBe('false');
    expect(screen.getByTestId('rule-brokerLock').textContent).toContain(
      'No settings: it follows the broker.',
    );
    expect(screen.getByTestId('rule-brokerLock-more').textContent).toBe(
      'More inherited: flatten, halted until the broker allows trading',
    );
  });

  it('chooses blocked symbols from the chips and by typing, and goes back to the inherited ones', async () => {
    const host = await open();
    click('rule-symbolBlock-symbols-MNQ');
    type('rule-symbolBlock-symbols-input', ' ZN ');
    click('rule-symbolBlock-symbols-add');
    expect(ownRules(host)['symbolBlock']).toEqual({ symbols: ['GC', 'MNQ', 'ZN'] });
    expect(pressed('rule-symbolBlock-symbols-ZN')).toBe('true');
    click('rule-symbolBlock-symbols-GC');
    expect(ownRules(host)['symbolBlock']).toEqual({ symbols: ['MNQ', 'ZN'] });
    click('rule-symbolBlock-symbols-inherit');
    expect(ownRules(host)).toEqual({});
    click('rule-staleData-enabled');
    type('rule-staleData-maxQuoteAgeSeconds', '20');
    type('rule-staleData-flatten', 'true');
    click('rule-brokerLock-enabled');
    expect(ownRules(host)).toEqual({
      staleData: { enabled: true, maxQuoteAgeSeconds: 20, flatten: true },
      brokerLock: { enabled: true },
    });
    type('rule-staleData-flatten', '');
    type('rule-staleData-maxQuoteAgeSeconds', '');
    expect(ownRules(host)['staleData']).toEqual({ enabled: true });
  });

  it('shows a bad symbol and an empty list beside the chips', async () => {
    await open();
    type('rule-symbolBlock-symbols-input', 'Z N');
    click('rule-symbolBlock-symbols-add');
    expect(errorOf('rule-symbolBlock-symbols')).toBe(
      'item 2: must be a symbol such as MNQ (no spaces), got "Z N"',
    );
    click('rule-symbolBlock-symbols-Z N');
    click('rule-symbolBlock-symbols-GC');
    expect(errorOf('rule-symbolBlock-symbols')).toBe('needs at least one symbol');
  });
});
