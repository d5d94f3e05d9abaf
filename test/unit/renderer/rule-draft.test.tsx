// @vitest-environment jsdom
// The Rules screen's draft: unapplied edits survive switching tabs and go only with "Discard changes"; the screen
// reads the config in force again after Apply and when it changes underneath (on focus), keeping unapplied edits and
// saying so; the core's own errors ("accounts.SIM-50K.rules.dailyLoss.amount: …") stand beside their fields, and
// errors no field owns are listed below.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../../renderer/src/features/rules/config-draft';
import { ruleDraftStoreOf } from '../../../renderer/src/features/rules/rule-draft-store';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState } from './harness';
import { ACCOUNT, click, errorOf, inForce, inputOf, renderRules, type } from './rule-helpers';

afterEach(cleanup);

const withLoss = (amount: number) => ({
  accounts: { [ACCOUNT]: { startingBalance: 50000, rules: { dailyLoss: { amount } } } },
});

/** A core whose config in force is `current`; setConfig takes a document in as the core would. */
function core(first: unknown) {
  const state = { current: inForce(first) };
  const handlers = {
    getConfig: () => ({ ok: true as const, result: { config: structuredClone(state.current) } }),
    setConfig: ({ config }: { config: unknown }) => {
      state.current = inForce(config);
      return { ok: true as const, result: { changes: ['applied'] } };
    },
  };
  return { state, handlers };
}

const amount = () => inputOf('rule-dailyLoss-amount').value;

describe('the draft', () => {
  it('survives switching to the dashboard and the history and back, until discarded on purpose', async () => {
    const { handlers } = core(withLoss(1000));
    const host = renderWithState(buildFixtureState(), { handlers });
    click('tab-rules');
    await screen.findByTestId('rule-dailyLoss-amount');
    type('rule-dailyLoss-amount', '800');
    expect(screen.getByTestId('rules-unapplied').textContent).toBe('Unapplied changes');
    click('tab-dashboard');
    expect(screen.queryByTestId('rule-editor')).toBeNull();
    click('tab-history');
    click('tab-rules');
    await screen.findByTestId('rule-editor');
    expect(amount()).toBe('800');
    await waitFor(() => {
      const previewed = host.sent.filter((c) => c.command === 'previewConfig').at(-1)?.args as
        { config: Draft } | undefined;
      expect(previewed?.config.accounts?.[ACCOUNT]?.rules?.['dailyLoss']).toEqual({ amount: '800' });
    });
    click('rules-discard');
    expect(amount()).toBe('1000');
    expect(screen.queryByTestId('rules-unapplied')).toBeNull();
    expect(inputOf('rules-discard').disabled).toBe(true);
  });

  it('reads the config in force again after Apply', async () => {
    const { handlers } = core(withLoss(1000));
    const host = renderRules(withLoss(1000), handlers);
    await screen.findByTestId('rule-dailyLoss-amount');
    type('rule-dailyLoss-amount', '750');
    await waitFor(() => {
      expect(inputOf('rules-apply').disabled).toBe(false);
    });
    click('rules-apply');
    await screen.findByTestId('rules-applied');
    await waitFor(() => {
      expect(screen.queryByTestId('rules-unapplied')).toBeNull();
    });
    const commands = host.sent.map((c) => c.command);
    expect(commands.lastIndexOf('getConfig')).toBeGreaterThan(commands.indexOf('setConfig'));
    expect(amount()).toBe('750');
  });

  it('takes a config changed underneath when nothing is edited', async () => {
    const { state, handlers } = core(withLoss(1000));
    renderRules(withLoss(1000), handlers);
    await screen.findByTestId('rule-editor');
    state.current = inForce(withLoss(900));
    fireEvent.focus(window);
    await waitFor(() => {
      expect(amount()).toBe('900');
    });
    expect(screen.queryByTestId('rules-changed-underneath')).toBeNull();
  });

  it('keeps the draft as it is when the config read again is the same', async () => {
    const { state, handlers } = core(withLoss(1000));
    const host = renderRules(withLoss(1000), handlers);
    await screen.findByTestId('rule-editor');
    const drafts: unknown[] = [];
    ruleDraftStoreOf(host.stores).subscribe((now, before) => {
      if (now.draft !== before.draft) drafts.push(now.draft);
    });
    fireEvent.focus(window); // reads the same config
    state.current = inForce(withLoss(900));
    fireEvent.focus(window); // reads a changed one, after the first
    await waitFor(() => {
      expect(amount()).toBe('900');
    });
    expect(drafts).toHaveLength(1);
  });

  it('keeps unapplied edits over a config changed underneath, says so, and shows it when asked', async () => {
    const { state, handlers } = core(withLoss(1000));
    renderRules(withLoss(1000), handlers);
    await screen.findByTestId('rule-editor');
    type('rule-dailyLoss-amount', '800');
    state.current = inForce(withLoss(900));
    fireEvent.focus(window);
    await screen.findByTestId('rules-changed-underneath');
    expect(amount()).toBe('800');
    click('rules-load-in-force');
    expect(amount()).toBe('900');
    expect(screen.queryByTestId('rules-changed-underneath')).toBeNull();
  });
});

describe("the core's errors", () => {
  const windowed = {
    accounts: {
      [ACCOUNT]: {
        startingBalance: 50000,
        rules: {
          dailyLoss: { amount: 1000 },
          tradingHours: { windows: [{ days: ['monday'], start: '08:30', end: '15:00' }] },
        },
      },
    },
  };
  const refusal = [
    `accounts.${ACCOUNT}.rules.dailyLoss.amount: must be at most 5000, got "6000"`,
    `accounts.${ACCOUNT}.rules.tradingHours.windows[0].end: must be in the session, got "15:00"`,
    'session.timezone: cannot change while Warden runs',
  ];

  it('stand beside their fields after a refused Apply, the rest below', async () => {
    renderRules(windowed, {
      setConfig: () => ({ ok: false, error: `the config has errors: ${refusal.join('; ')}` }),
    });
    await screen.findByTestId('rule-dailyLoss-amount');
    type('rule-dailyLoss-amount', '6000');
    await waitFor(() => {
      expect(inputOf('rules-apply').disabled).toBe(false);
    });
    click('rules-apply');
    await waitFor(() => {
      expect(errorOf('rule-dailyLoss-amount')).toBe('must be at most 5000, got "6000"');
    });
    expect(errorOf('rule-tradingHours-windows-0-end')).toBe('must be in the session, got "15:00"');
    expect(screen.getByTestId('rule-errors').textContent).toBe(
      'session.timezone: cannot change while Warden runs',
    );
  });

  it("stand beside their fields when the core's preview finds them", async () => {
    renderRules(windowed, {
      previewConfig: () => ({
        ok: true,
        result: { valid: false, errors: refusal, changes: [], problems: [] },
      }),
    });
    await screen.findByTestId('rule-dailyLoss-amount');
    type('rule-dailyLoss-amount', '6000');
    await waitFor(() => {
      expect(errorOf('rule-tradingHours-windows-0-end')).toBe('must be in the session, got "15:00"');
    });
    expect(errorOf('rule-dailyLoss-amount')).toBe('must be at most 5000, got "6000"');
  });

  it('that no field owns are listed below (an unknown key, a level of a rule without levels)', async () => {
    renderRules(withLoss(1000));
    await screen.findByTestId('rule-editor');
    const yaml = [
      'accounts:',
      `  ${ACCOUNT}:`,
      '    rules:',
      '      dailyLoss: { amout: 900, enabled: "yes" }',
      '      maxContracts: { total: 3, warnAt: 2 }',
      '',
    ].join('\n');
    const file = new File([yaml], 'rules.yaml');
    Object.defineProperty(file, 'text', { value: () => Promise.resolve(yaml) });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    const list = await screen.findByTestId('rule-errors');
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      `accounts.${ACCOUNT}.rules.dailyLoss.amout: unknown key for dailyLoss (did you mean amount?); it accepts enabled, warnAt, criticalAt, action, lock, lockState, amount, basis`,
      `accounts.${ACCOUNT}.rules.maxContracts.warnAt: must be at most 1, got 2`,
    ]);
    expect(errorOf('rule-dailyLoss-enabled')).toBe('must be true or false, got "yes"');
  });
});
