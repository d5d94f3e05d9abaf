// @vitest-environment jsdom
// The change preview before Apply: each change in words with its direction, a change the core would refuse now
// (a locked account may only tighten) in red with the core's reason; the plain audit lines when the core sent no
// diff; after Apply, what it changed.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangePreview } from '../../../renderer/src/features/rules/ChangePreview';
import type { Preview } from '../../../renderer/src/features/rules/use-rule-changes';

afterEach(cleanup);

const REFUSAL =
  'A1 is halted until the day ends, so its rules may only tighten; this change loosens maxContracts.total: raised from 3 to 5';

const preview: Preview = {
  valid: true,
  errors: [],
  changes: ['A1 dailyLoss.amount: "1000" → "800"', 'A1 maxContracts.total: "3" → "5"'],
  problems: [REFUSAL],
  diff: [
    {
      path: 'accounts.A1.rules.dailyLoss.amount',
      account: 'A1',
      group: null,
      rule: 'dailyLoss',
      key: 'amount',
      before: '1000',
      after: '800',
      words: 'Daily loss 1,000.00 → 800.00',
      direction: 'tighter',
      refused: null,
    },
    {
      path: 'accounts.A1.rules.maxContracts.total',
      account: 'A1',
      group: null,
      rule: 'maxContracts',
      key: 'total',
      before: '3',
      after: '5',
      words: 'Max contracts 3 → 5',
      direction: 'looser',
      refused: REFUSAL,
    },
    {
      path: 'groups.apex.copier.graceSeconds',
      account: null,
      group: 'apex',
      rule: null,
      key: 'graceSeconds',
      before: 60,
      after: 30,
      words: 'Copier grace 60 s → 30 s',
      direction: 'neutral',
      refused: null,
    },
  ],
};

const texts = (testId: string) => screen.queryAllByTestId(testId).map((node) => node.textContent);

describe('the change preview', () => {
  it('says each change in words, which way it goes, and what would be refused now', () => {
    render(<ChangePreview preview={preview} applied={null} />);
    expect(texts('rules-change-words')).toEqual([
      'A1 · Daily loss 1,000.00 → 800.00',
      'A1 · Max contracts 3 → 5',
      'group apex · Copier grace 60 s → 30 s',
    ]);
    expect(texts('rules-change-direction')).toEqual(['tighter', 'looser']);
    expect(texts('rules-change-refused')).toEqual([`Would be refused: ${REFUSAL}`]);
    expect(screen.getAllByTestId('rules-change')[1]?.className).toBe('rule-diff-refused');
    expect(texts('rules-problem')).toEqual([REFUSAL]);
  });

  it('lists the audit lines when the core sent no diff, and what Apply changed after it', () => {
    const { rerender } = render(
      <ChangePreview
        preview={{ valid: true, errors: [], changes: preview.changes, problems: [] }}
        applied={null}
      />,
    );
    expect(texts('rules-change')).toEqual(preview.changes);
    rerender(<ChangePreview preview={null} applied={['A1 dailyLoss.amount: "1000" → "800"']} />);
    expect(screen.getByTestId('rules-applied').textContent).toBe(
      'Applied: A1 dailyLoss.amount: "1000" → "800"',
    );
  });
});
