// @vitest-environment jsdom
// The guarded-accounts list: one switch per broker account, sent as setAccountGuarded; an account fixed by the
// environment cannot be switched; a refusal is shown as the core said it; absent when the broker has no choice.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

afterEach(cleanup);

const state = buildFixtureState({
  connection: { broker: 'projectx', status: 'connected', detail: null, credentials: 'stored' },
  brokerAccounts: [
    { id: '101', name: '50K-EVAL', guarded: true, fixed: false },
    { id: '102', name: '150K-PA', guarded: false, fixed: false },
    { id: '103', name: 'COPY-1', guarded: false, fixed: true },
  ],
});
const box = (id: string) => screen.getByTestId<HTMLInputElement>(`account-guard-${id}`);

describe('guarded accounts', () => {
  it('lists every broker account with its switch', () => {
    renderWithState(state);
    expect(
      ['101', '102', '103'].map((id) => [
        screen.getByTestId(`account-choice-${id}`).textContent,
        box(id).checked,
        box(id).disabled,
      ]),
    ).toEqual([
      ['50K-EVAL', true, false],
      ['150K-PA', false, false],
      ['COPY-1(excluded by WARDEN_PROJECTX_EXCLUDE)', false, true],
    ]);
  });

  it('sends setAccountGuarded with the new value', async () => {
    const host = renderWithState(state);
    await act(async () => {
      fireEvent.click(box('101'));
      await Promise.resolve();
    });
    await act(async () => {
      fireEvent.click(box('102'));
      await Promise.resolve();
    });
    expect(host.sent).toEqual([
      { command: 'setAccountGuarded', args: { account: '101', guarded: false } },
      { command: 'setAccountGuarded', args: { account: '102', guarded: true } },
    ]);
  });

  it('shows the core refusal', async () => {
    renderWithState(state, {
      handlers: {
        setAccountGuarded: () => ({
          ok: false,
          error: '101 is halted: it stays guarded until the lock ends',
        }),
      },
    });
    await act(async () => {
      fireEvent.click(box('101'));
      await Promise.resolve();
    });
    expect(screen.getByTestId('account-selection-error').textContent).toBe(
      '101 is halted: it stays guarded until the lock ends',
    );
  });

  it('is absent when the broker lists no choice (the simulator)', () => {
    renderWithState(buildFixtureState());
    expect(screen.queryByTestId('account-selection')).toBeNull();
  });
});
