// @vitest-environment jsdom
// The rule editor: loads the config in force, edits an account's own limits, shows the validation message beside
// the field, previews the change with the core (previewConfig), applies it, locks the settings, and imports and
// exports the document.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  configText,
  parseConfigText,
  withEnabled,
  withRuleKey,
  type Draft,
} from '../../../renderer/src/features/rules/config-draft';
import { errorAt } from '../../../renderer/src/features/rules/rule-errors';
import { PREVIEW_DELAY_MS, RuleEditor } from '../../../renderer/src/features/rules/RuleEditor';
import { validateConfig } from '../../../shared/config/schema';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

afterEach(cleanup);

function inForce(): Draft {
  const result = validateConfig({
    presets: { prop50k: { rules: { dailyLoss: { amount: 1000 } } } },
    accounts: {
      'SIM-50K': { preset: 'prop50k', startingBalance: 50000, rules: { weeklyLoss: { amount: 2500 } } },
    },
  });
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.config as unknown as Draft;
}

function renderEditor(
  previewChanges: string[] = ['SIM-50K dailyLoss.amount: "1000" → "800"'],
  problems: string[] = [],
) {
  return renderWithState(buildFixtureState(), {
    ui: <RuleEditor />,
    handlers: {
      getConfig: () => ({ ok: true, result: { config: inForce() } }),
      previewConfig: () => ({
        ok: true,
        result: { valid: true, errors: [], changes: previewChanges, problems },
      }),
      setConfig: () => ({ ok: true, result: { changes: previewChanges } }),
    },
  });
}

describe('the rule editor', () => {
  it('shows the preset and the inherited limit, and previews a change typed in', async () => {
    const host = renderEditor();
    const amount = await screen.findByTestId<HTMLInputElement>('rule-dailyLoss-amount');
    expect(screen.getByTestId<HTMLSelectElement>('rules-preset').value).toBe('prop50k');
    expect(amount.value).toBe('');
    expect(amount.placeholder).toBe('inherited: 1,000');
    expect(screen.getByTestId<HTMLInputElement>('rule-weeklyLoss-amount').value).toBe('2500');
    expect(screen.getByTestId<HTMLInputElement>('rule-dailyLoss-enabled').checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('rule-maxContracts-enabled').checked).toBe(false);
    fireEvent.change(amount, { target: { value: '800' } });
    await waitFor(() => {
      expect(screen.getAllByTestId('rules-change').map((li) => li.textContent)).toEqual([
        'SIM-50K dailyLoss.amount: "1000" → "800"',
      ]);
    });
    const previewed = host.sent.filter((c) => c.command === 'previewConfig').at(-1);
    expect(previewed?.args).toEqual({
      config: expect.objectContaining({
        accounts: {
          'SIM-50K': {
            preset: 'prop50k',
            startingBalance: '50000',
            rules: { weeklyLoss: { amount: '2500' }, dailyLoss: { amount: '800' } },
          },
        },
      }) as unknown,
    });
    fireEvent.click(screen.getByTestId('rules-apply'));
    await screen.findByTestId('rules-applied');
    expect(screen.getByTestId('rules-applied').textContent).toBe(
      'Applied: SIM-50K dailyLoss.amount: "1000" → "800"',
    );
    expect(host.sent.filter((c) => c.command === 'setConfig')).toHaveLength(1);
  });

  it('shows the validation message beside the field and sends nothing to preview', async () => {
    const host = renderEditor();
    const amount = await screen.findByTestId('rule-dailyLoss-amount');
    fireEvent.change(amount, { target: { value: '-5' } });
    const error = await screen.findByTestId('rule-dailyLoss-amount-error');
    expect(error.textContent).toMatch(/^must be /);
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(amount.getAttribute('aria-describedby')).toBe(error.id);
    // Timers of one delay fire in the order set: when this one fires, a preview the edit had asked for was sent.
    await act(() => new Promise((resolve) => setTimeout(resolve, PREVIEW_DELAY_MS)));
    expect(host.sent.filter((c) => c.command === 'previewConfig')).toHaveLength(0);
    expect(screen.getByTestId<HTMLButtonElement>('rules-apply').disabled).toBe(true);
  });

  it('shows the core refusal (tighten-only) and keeps Apply disabled', async () => {
    renderEditor([], ['SIM-50K has its settings locked until 22:00, so its rules may only tighten']);
    fireEvent.change(await screen.findByTestId('rule-dailyLoss-amount'), { target: { value: '1500' } });
    const problem = await screen.findByTestId('rules-problem');
    expect(problem.textContent).toBe(
      'SIM-50K has its settings locked until 22:00, so its rules may only tighten',
    );
    expect(screen.getByTestId<HTMLButtonElement>('rules-apply').disabled).toBe(true);
  });

  it('locks the settings for today after a confirmation', async () => {
    const host = renderEditor();
    fireEvent.click(await screen.findByTestId('rules-lock'));
    expect(host.sent.filter((c) => c.command === 'lockSettings')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('rules-lock-confirm'));
    await waitFor(() => {
      expect(host.sent.filter((c) => c.command === 'lockSettings').map((c) => c.args)).toEqual([
        { account: 'SIM-50K' },
      ]);
    });
    await waitFor(() => {
      expect(screen.getByTestId<HTMLButtonElement>('rules-lock').disabled).toBe(true);
    });
  });

  it('imports a YAML file into the draft, where it is validated like an edit', async () => {
    renderEditor();
    const input = await screen.findByTestId('import-file');
    const file = new File(
      ['accounts:\n  SIM-50K:\n    rules:\n      dailyLoss: { amount: 0 }\n'],
      'rules.yaml',
    );
    vi.spyOn(file, 'text').mockResolvedValue(
      'accounts:\n  SIM-50K:\n    rules:\n      dailyLoss: { amount: 0 }\n',
    );
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByTestId('rule-dailyLoss-amount-error')).toBeTruthy();
    expect(screen.getByTestId<HTMLInputElement>('rule-dailyLoss-amount').value).toBe('0');
    expect(screen.getByTestId<HTMLSelectElement>('rules-preset').value).toBe('');
  });
});

describe('draft helpers', () => {
  it('an emptied field goes back to inheriting; a rule turned off says enabled: false', () => {
    const draft = inForce();
    const set = withRuleKey(draft, 'SIM-50K', 'dailyLoss', 'amount', '750');
    expect(set.accounts?.['SIM-50K']?.rules?.dailyLoss).toEqual({ amount: '750' });
    expect(
      withRuleKey(set, 'SIM-50K', 'dailyLoss', 'amount', undefined).accounts?.['SIM-50K']?.rules?.dailyLoss,
    ).toBeUndefined();
    expect(withEnabled(draft, 'SIM-50K', 'dailyLoss', false).accounts?.['SIM-50K']?.rules?.dailyLoss).toEqual(
      {
        enabled: false,
      },
    );
    expect(draft.accounts?.['SIM-50K']?.rules?.dailyLoss).toBeUndefined();
  });

  it('finds the error for a field by its path', () => {
    const errors = ['accounts.A1.rules.dailyLoss.amount: must be above 0', 'session.timezone: unknown'];
    expect(errorAt(errors, 'accounts.A1.rules.dailyLoss.amount')).toBe('must be above 0');
    expect(errorAt(errors, 'accounts.A2.rules.dailyLoss.amount')).toBeNull();
  });

  it('reads JSON and YAML, writes both, and refuses a list', () => {
    const draft = { accounts: { A1: { rules: { dailyLoss: { amount: '800' } } } } };
    expect(parseConfigText(configText(draft, 'json'))).toEqual(draft);
    expect(parseConfigText(configText(draft, 'yaml'))).toEqual(draft);
    expect(configText(draft, 'yaml')).toBe(
      'accounts:\n  A1:\n    rules:\n      dailyLoss:\n        amount: "800"\n',
    );
    expect(() => parseConfigText('- a\n- b\n')).toThrow('the file must hold one config document (an object)');
  });
});
