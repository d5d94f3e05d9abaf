// @vitest-environment jsdom
// The rule editor's groups (docs/RULES.md section 10): a group is chosen in the account picker, its name,
// members, rules and copier edited in the same draft, validated with every error beside its field or in the list,
// previewed with the core and applied; "New group" and "Remove group".
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../../renderer/src/features/rules/config-draft';
import { PREVIEW_DELAY_MS, RuleEditor } from '../../../renderer/src/features/rules/RuleEditor';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState, type FakeHost } from './harness';

afterEach(cleanup);

const accounts = { A1: {}, A2: {}, A3: {} };

const apex = {
  name: 'Apex 50Ks',
  accounts: ['A1', 'A2', 'A3'],
  rules: { groupDailyLoss: { amount: '1500' } },
};

function inForce(): Draft {
  return structuredClone({ accounts, groups: { apex } });
}

function renderEditor(problems: string[] = []) {
  return renderWithState(buildFixtureState(), {
    ui: <RuleEditor />,
    handlers: {
      getConfig: () => ({ ok: true, result: { config: inForce() } }),
      previewConfig: () => ({
        ok: true,
        result: { valid: true, errors: [], changes: ['group apex changed'], problems },
      }),
      setConfig: () => ({ ok: true, result: { changes: ['group apex changed'] } }),
    },
  });
}

async function chooseApex() {
  fireEvent.change(await screen.findByTestId('rules-account'), { target: { value: 'group:apex' } });
  await screen.findByTestId('group-editor');
}

const previewed = (host: FakeHost) =>
  host.sent.filter((c) => c.command === 'previewConfig').map((c) => c.args);

async function lastPreview(host: FakeHost) {
  await screen.findByTestId('rules-change');
  return previewed(host).at(-1);
}

describe('the rule editor, groups', () => {
  it('lists the group beside the accounts and shows its name, members and rules', async () => {
    renderEditor();
    const picker = await screen.findByTestId<HTMLSelectElement>('rules-account');
    expect([...picker.options].map((o) => [o.value, o.text])).toEqual([
      ['SIM-50K', 'SIM-50K'],
      ['A1', 'A1'],
      ['A2', 'A2'],
      ['A3', 'A3'],
      ['group:apex', 'Group: Apex 50Ks'],
    ]);
    await chooseApex();
    expect(screen.queryByTestId('rules-preset')).toBeNull();
    expect(screen.queryByTestId('rules-lock')).toBeNull();
    expect(screen.getByTestId<HTMLInputElement>('group-name').value).toBe('Apex 50Ks');
    expect(
      ['A1', 'A2', 'A3'].map((a) => screen.getByTestId<HTMLInputElement>(`group-member-${a}`).checked),
    ).toEqual([true, true, true]);
    expect(screen.getByTestId<HTMLInputElement>('group-rule-groupDailyLoss-enabled').checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('group-rule-groupDailyLoss-amount').value).toBe('1500');
    expect(screen.getByTestId<HTMLInputElement>('group-rule-groupDailyLoss-warnAt').placeholder).toBe('0.8');
    expect(screen.getByTestId<HTMLInputElement>('group-rule-groupMaxContracts-enabled').checked).toBe(false);
    expect(screen.getByTestId<HTMLInputElement>('group-copier-enabled').checked).toBe(false);
  });

  it('sends the edited group to previewConfig and then to setConfig, as typed', async () => {
    const host = renderEditor();
    await chooseApex();
    fireEvent.change(screen.getByTestId('group-name'), { target: { value: 'Apex pair' } });
    fireEvent.click(screen.getByTestId('group-member-A3'));
    fireEvent.change(screen.getByTestId('group-rule-groupDailyLoss-amount'), { target: { value: '1200' } });
    fireEvent.change(screen.getByTestId('group-rule-groupDailyLoss-basis'), {
      target: { value: 'realized' },
    });
    fireEvent.change(screen.getByTestId('group-rule-groupDailyLoss-warnAt'), { target: { value: '0.7' } });
    fireEvent.click(screen.getByTestId('group-rule-groupMaxContracts-enabled'));
    fireEvent.change(screen.getByTestId('group-rule-groupMaxContracts-total'), { target: { value: '8' } });
    fireEvent.click(screen.getByTestId('group-copier-enabled'));
    fireEvent.change(screen.getByTestId('group-copier-graceSeconds'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('group-copier-onHedge'), { target: { value: 'close' } });
    fireEvent.click(screen.getByTestId('group-copier-haltWithLeader'));
    const expected = {
      config: {
        accounts,
        groups: {
          apex: {
            name: 'Apex pair',
            accounts: ['A1', 'A2'],
            rules: {
              groupDailyLoss: { amount: '1200', basis: 'realized', warnAt: '0.7' },
              groupMaxContracts: { total: '8' },
            },
            copier: { leader: 'A1', graceSeconds: 3, onHedge: 'close', haltWithLeader: true },
          },
        },
      },
    };
    expect(await lastPreview(host)).toEqual(expected);
    expect(screen.getAllByTestId('rules-change').map((li) => li.textContent)).toEqual(['group apex changed']);
    fireEvent.click(screen.getByTestId('rules-apply'));
    await screen.findByTestId('rules-applied');
    expect(host.sent.filter((c) => c.command === 'setConfig').map((c) => c.args)).toEqual([expected]);
  });

  it('shows each error beside its field, a member error in the list, and previews nothing', async () => {
    const host = renderEditor();
    await chooseApex();
    fireEvent.click(screen.getByTestId('group-copier-enabled'));
    fireEvent.change(screen.getByTestId('group-copier-leader'), { target: { value: 'A3' } });
    fireEvent.click(screen.getByTestId('group-member-A3'));
    fireEvent.change(screen.getByTestId('group-rule-groupDailyLoss-amount'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('group-rule-groupDailyLoss-criticalAt'), {
      target: { value: '0.5' },
    });
    fireEvent.change(screen.getByTestId('group-rule-groupDailyLoss-warnAt'), { target: { value: '0.9' } });
    expect((await screen.findByTestId('group-rule-groupDailyLoss-amount-error')).textContent).toBe(
      'is required',
    );
    expect(screen.getByTestId('group-rule-groupDailyLoss-warnAt-error').textContent).toBe(
      'must be below criticalAt (0.5), got 0.9',
    );
    expect(screen.getByTestId('group-copier-leader-error').textContent).toBe(
      '"A3" is not a member of the group (members are A1, A2)',
    );
    expect(screen.getByTestId<HTMLButtonElement>('rules-apply').disabled).toBe(true);
    // Timers of one delay fire in the order set: when this one fires, a preview the edits had asked for was sent.
    await act(() => new Promise((resolve) => setTimeout(resolve, PREVIEW_DELAY_MS)));
    expect(previewed(host)).toEqual([]);
  });

  it('shows the core refusal of a looser group (tighten-only) and keeps Apply disabled', async () => {
    renderEditor(['A1 has its settings locked until 22:00, so group apex may only tighten']);
    await chooseApex();
    fireEvent.change(screen.getByTestId('group-rule-groupDailyLoss-amount'), { target: { value: '2000' } });
    expect((await screen.findByTestId('rules-problem')).textContent).toBe(
      'A1 has its settings locked until 22:00, so group apex may only tighten',
    );
    expect(screen.getByTestId<HTMLButtonElement>('rules-apply').disabled).toBe(true);
  });

  it('"New group" asks for members, then previews the new group', async () => {
    const host = renderEditor();
    fireEvent.click(await screen.findByTestId('group-new'));
    expect(screen.getByTestId<HTMLSelectElement>('rules-account').value).toBe('group:group1');
    expect(screen.getByTestId<HTMLInputElement>('group-name').value).toBe('New group');
    expect(screen.getByTestId('group-members-error').textContent).toBe('must list at least one account');
    fireEvent.click(screen.getByTestId('group-member-A3'));
    fireEvent.click(screen.getByTestId('group-member-A1'));
    expect(await lastPreview(host)).toEqual({
      config: {
        accounts,
        groups: { apex, group1: { name: 'New group', accounts: ['A1', 'A3'] } },
      },
    });
  });

  it('"Remove group" takes the group out of the document and goes back to an account', async () => {
    const host = renderEditor();
    await chooseApex();
    fireEvent.click(screen.getByTestId('group-remove'));
    expect(screen.queryByTestId('group-editor')).toBeNull();
    expect(screen.getByTestId<HTMLSelectElement>('rules-account').value).toBe('SIM-50K');
    expect(await lastPreview(host)).toEqual({ config: { accounts } });
  });
});
