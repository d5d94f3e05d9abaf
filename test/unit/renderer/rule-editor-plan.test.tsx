// @vitest-environment jsdom
// The rule editor's plan (docs/RULES.md section 11): "Start from a firm's program" offers the built-in presets
// and sets the account's preset to the chosen one's id, shows its as-of date, sources and notes with "Check your
// firm's current rules"; the plan's figures override the preset's (placeholders say "from preset: 3,000"), the
// scaling tiers are the account's own list or the preset's, and a bad figure's message stands beside it.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../../renderer/src/features/rules/config-draft';
import {
  figureText,
  isPlanFieldError,
  planFields,
  withPlanValue,
  withTierRemoved,
} from '../../../renderer/src/features/rules/plan-draft';
import { PREVIEW_DELAY_MS, RuleEditor } from '../../../renderer/src/features/rules/RuleEditor';
import { builtInPresets } from '../../../shared/presets';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

afterEach(cleanup);

function renderEditor(config: Draft) {
  return renderWithState(buildFixtureState(), {
    ui: <RuleEditor />,
    handlers: {
      getConfig: () => ({ ok: true, result: { config: structuredClone(config) } }),
      previewConfig: () => ({ ok: true, result: { valid: true, errors: [], changes: [], problems: [] } }),
    },
  });
}

const plain: Draft = { accounts: { 'SIM-50K': { startingBalance: '50000' } } };
const onTopstep: Draft = {
  accounts: { 'SIM-50K': { startingBalance: '50000', preset: 'topstep-50k-combine' } },
};

/** The config the editor last sent to be previewed. */
async function previewed(host: ReturnType<typeof renderEditor>): Promise<Draft> {
  await act(() => new Promise((resolve) => setTimeout(resolve, PREVIEW_DELAY_MS + 10)));
  const last = host.sent.filter((c) => c.command === 'previewConfig').at(-1);
  if (last?.command !== 'previewConfig') throw new Error('nothing previewed');
  return last.args.config as Draft;
}

const input = (testId: string) => screen.getByTestId<HTMLInputElement>(testId);

describe("the rule editor's plan", () => {
  it("offers every firm program as firm · program, and choosing one sets the account's preset", async () => {
    const host = renderEditor(plain);
    const picker = await screen.findByTestId<HTMLSelectElement>('rules-firm-program');
    const labels = within(picker)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(labels).toEqual(['none', ...[...builtInPresets.values()].map((p) => `${p.firm} · ${p.program}`)]);
    expect(labels).toContain('Topstep · 50K Trading Combine');
    expect(screen.queryByTestId('firm-card')).toBeNull();
    fireEvent.change(picker, { target: { value: 'topstep-50k-combine' } });
    expect(screen.getByTestId<HTMLSelectElement>('rules-preset').value).toBe('topstep-50k-combine');
    expect((await previewed(host)).accounts?.['SIM-50K']).toEqual({
      startingBalance: '50000',
      preset: 'topstep-50k-combine',
    });
  });

  it("shows the program's as-of date, sources and notes, and says to check the firm's current rules", async () => {
    renderEditor(onTopstep);
    const card = within(await screen.findByTestId('firm-card'));
    const topstep = builtInPresets.get('topstep-50k-combine');
    if (topstep === undefined) throw new Error('no Topstep preset');
    expect(card.getByTestId('firm-asof').textContent).toBe(topstep.asOf);
    expect(card.getByText("Check your firm's current rules").tagName).toBe('STRONG');
    expect(
      within(card.getByTestId('firm-sources'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(topstep.source);
    expect(
      within(card.getByTestId('firm-notes'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(topstep.notes);
  });

  it("shows the program's figures as placeholders, and a figure typed in overrides the preset's", async () => {
    const host = renderEditor(onTopstep);
    await screen.findByTestId('plan-editor');
    expect(input('plan-name').placeholder).toBe('from preset: Topstep 50K Combine');
    expect(input('plan-profitTarget').placeholder).toBe('from preset: 3,000');
    expect(input('plan-consistencyPct').placeholder).toBe('from preset: 50');
    expect(input('plan-minTradingDays').placeholder).toBe('from preset: 2');
    expect(input('plan-profitTarget').value).toBe('');
    fireEvent.change(input('plan-profitTarget'), { target: { value: '2500' } });
    fireEvent.change(input('plan-minTradingDays'), { target: { value: '4' } });
    expect((await previewed(host)).accounts?.['SIM-50K']?.plan).toEqual({
      profitTarget: '2500',
      minTradingDays: 4,
    });
    // Emptied again, the preset's figure applies and the account's plan goes away.
    fireEvent.change(input('plan-profitTarget'), { target: { value: '' } });
    fireEvent.change(input('plan-minTradingDays'), { target: { value: '' } });
    expect((await previewed(host)).accounts?.['SIM-50K']).toEqual({
      startingBalance: '50000',
      preset: 'topstep-50k-combine',
    });
  });

  it("shows the core's message beside a bad figure and sends nothing to preview", async () => {
    const host = renderEditor(onTopstep);
    const target = await screen.findByTestId('plan-profitTarget');
    fireEvent.change(target, { target: { value: '-5' } });
    const error = await screen.findByTestId('plan-profitTarget-error');
    // The config's own words (shared/config), whatever it adds after them.
    expect(error.textContent).toMatch(/^must be greater than 0\b/);
    expect(target.getAttribute('aria-invalid')).toBe('true');
    expect(target.getAttribute('aria-describedby')).toBe(error.id);
    // Beside its field only, not again in the list of the other errors.
    expect(screen.queryByTestId('rule-errors')).toBeNull();
    await act(() => new Promise((resolve) => setTimeout(resolve, PREVIEW_DELAY_MS + 10)));
    expect(host.sent.filter((c) => c.command === 'previewConfig')).toHaveLength(0);
  });

  it("edits the scaling tiers as the account's own list, starting from the preset's", async () => {
    const host = renderEditor({
      accounts: { 'SIM-50K': { startingBalance: '50000', preset: 'topstep-50k-express' } },
    });
    expect((await screen.findByTestId('plan-tiers-inherited')).textContent).toBe(
      'From preset: 2 from 0 · 3 from 1,500 · 5 from 2,000',
    );
    fireEvent.click(screen.getByTestId('plan-tiers-own'));
    expect(input('plan-tier-1-from').value).toBe('1500');
    fireEvent.click(screen.getByTestId('plan-tier-2-remove'));
    fireEvent.click(screen.getByTestId('plan-tier-add'));
    fireEvent.change(input('plan-tier-2-from'), { target: { value: '2500' } });
    fireEvent.change(input('plan-tier-2-maxContracts'), { target: { value: '4' } });
    expect((await previewed(host)).accounts?.['SIM-50K']?.plan).toEqual({
      scaling: [
        { from: '0', maxContracts: 2 },
        { from: '1500', maxContracts: 3 },
        { from: '2500', maxContracts: 4 },
      ],
    });
    fireEvent.click(screen.getByTestId('plan-tiers-preset'));
    await waitFor(() => {
      expect(screen.getByTestId('plan-tiers-inherited')).toBeTruthy();
    });
  });

  it("shows a bad tier's message beside it", async () => {
    renderEditor({
      accounts: {
        'SIM-50K': { startingBalance: '50000', plan: { scaling: [{ from: 0, maxContracts: 2 }] } },
      },
    });
    fireEvent.change(await screen.findByTestId('plan-tier-0-maxContracts'), { target: { value: '0' } });
    expect((await screen.findByTestId('plan-tier-0-maxContracts-error')).textContent).toMatch(
      /^must be a whole number of at least 1\b/,
    );
  });
});

describe("the plan's draft helpers", () => {
  const target = planFields.find((f) => f.key === 'profitTarget');
  if (target === undefined) throw new Error('no profit target field');

  it.each([
    ['3000', '3,000'],
    [3000, '3,000'],
    ['1234567.5', '1,234,567.5'],
    ['50', '50'],
    ['Topstep 50K', 'Topstep 50K'],
    [undefined, ''],
  ])('figureText(%j) = %s', (value, text) => {
    expect(figureText(value)).toBe(text);
  });

  it('keeps the rest of the account when its plan is set and emptied', () => {
    const set = withPlanValue(onTopstep, 'SIM-50K', target, ' 2500 ');
    expect(set.accounts?.['SIM-50K']).toEqual({
      startingBalance: '50000',
      preset: 'topstep-50k-combine',
      plan: { profitTarget: '2500' },
    });
    expect(withPlanValue(set, 'SIM-50K', target, '')).toEqual(onTopstep);
    expect(onTopstep.accounts?.['SIM-50K']).not.toHaveProperty('plan');
  });

  it("removing the last own tier gives the preset's back", () => {
    const own: Draft = { accounts: { A: { plan: { scaling: [{ from: 0, maxContracts: 1 }] } } } };
    expect(withTierRemoved(own, 'A', 0)).toEqual({ accounts: { A: {} } });
  });

  it.each([
    ['accounts.A.plan.profitTarget: must be greater than 0', true],
    ['accounts.A.plan.scaling[1].from: must be at least 0', true],
    ['accounts.A.plan.scaling: needs at least one tier', true],
    ['accounts.A.plan.colour: unknown key', false],
    ['accounts.B.plan.profitTarget: must be greater than 0', false],
    ['accounts.A.rules.dailyLoss.amount: must be greater than 0', false],
  ])('%s is shown beside a field: %s', (error, beside) => {
    expect(isPlanFieldError(error, 'A')).toBe(beside);
  });
});
