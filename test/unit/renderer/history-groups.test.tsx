// @vitest-environment jsdom
// The history screen by group (docs/RULES.md section 10): the account filter offers each group of the state, asks
// getHistory for it with its members, and the day summary shows the group's totals per day as the core sums them.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryScreen } from '../../../renderer/src/features/history/HistoryScreen';
import type { GroupView, HistoryView, StateView } from '../../../shared/ipc';
import { buildFixtureState, fixtureAccount } from '../../helpers/fixture-state';
import { renderWithState } from './harness';
import { fixtureHistory, trade } from './history-fixture';

afterEach(cleanup);

async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });
}

const apex = (dailyNetPnl = '-200.00'): GroupView => ({
  id: 'apex',
  name: 'Apex 50Ks',
  accounts: ['SIM-50K', 'PA-150K'],
  leader: null,
  metrics: { dailyNetPnl, dailyRealizedPnl: dailyNetPnl, unrealizedPnl: '0.00', openContracts: 0 },
  limits: [],
  tradingState: 'active',
});

function stateWith(group: GroupView): StateView {
  const state = buildFixtureState();
  state.accounts = [...state.accounts, fixtureAccount({ id: 'PA-150K' }), fixtureAccount({ id: 'B1' })];
  state.groups = [group];
  return state;
}

const groupHistory: HistoryView = {
  trades: [trade({ account: 'SIM-50K', netPnl: '-123.44' }), trade({ account: 'PA-150K', netPnl: '-76.56' })],
  days: [
    {
      day: '2025-03-11',
      account: 'PA-150K',
      netPnl: '-76.56',
      trades: 1,
      maxDrawdown: '80.00',
      breaches: 1,
      shareOfTotalPct: null,
    },
    {
      day: '2025-03-11',
      account: 'SIM-50K',
      netPnl: '-123.44',
      trades: 1,
      maxDrawdown: '130.00',
      breaches: 0,
      shareOfTotalPct: null,
    },
  ],
  timeline: [],
  groupDays: [{ day: '2025-03-11', group: 'apex', netPnl: '-200.00', trades: 2, breaches: 1 }],
};

function rows(testId: string): string[][] {
  return within(screen.getByTestId(testId))
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent));
}

describe('history by group', () => {
  it('offers the group, asks for its members and shows its totals per day', async () => {
    const host = renderWithState(stateWith(apex()), {
      ui: <HistoryScreen />,
      handlers: {
        getHistory: (args) => ({
          ok: true,
          result: structuredClone(args.group === undefined ? fixtureHistory() : groupHistory),
        }),
      },
    });
    await settle();
    const account = screen.getByLabelText('Account');
    expect(
      within(account)
        .getAllByRole('option')
        .map((o) => [o.getAttribute('value'), o.textContent]),
    ).toEqual([
      ['', 'All accounts'],
      ['SIM-50K', 'SIM-50K'],
      ['PA-150K', 'PA-150K'],
      ['B1', 'B1'],
      ['group:apex', 'Group: Apex 50Ks'],
    ]);
    fireEvent.change(account, { target: { value: 'group:apex' } });
    await settle();
    expect(host.sent.map((c) => c.args)).toEqual([
      { days: 30 },
      { group: { id: 'apex', accounts: ['SIM-50K', 'PA-150K'] }, days: 30 },
    ]);
    fireEvent.click(screen.getByTestId('history-tab-days'));
    expect(rows('history-group-days-table')).toEqual([['2025-03-11', 'apex', '-200.00', '2', '1']]);
    expect(rows('history-days-table').map((row) => row.slice(0, 3))).toEqual([
      ['2025-03-11', 'PA-150K', '-76.56'],
      ['2025-03-11', 'SIM-50K', '-123.44'],
    ]);
    // New figures of the group (every state push) do not ask again; a change of its members does.
    act(() => {
      host.stores.view.getState().receive(stateWith(apex('-250.00')));
    });
    await settle();
    expect(host.sent).toHaveLength(2);
    const wider = { ...apex(), accounts: ['SIM-50K', 'PA-150K', 'B1'] };
    act(() => {
      host.stores.view.getState().receive(stateWith(wider));
    });
    await settle();
    expect(host.sent.map((c) => c.args).at(-1)).toEqual({
      group: { id: 'apex', accounts: ['SIM-50K', 'PA-150K', 'B1'] },
      days: 30,
    });
    expect(host.sent).toHaveLength(3);
  });

  it('shows no group table for all accounts or one account', async () => {
    renderWithState(stateWith(apex()), {
      ui: <HistoryScreen />,
      handlers: { getHistory: () => ({ ok: true, result: fixtureHistory() }) },
    });
    await settle();
    fireEvent.click(screen.getByTestId('history-tab-days'));
    expect(screen.queryByTestId('history-group-days-table')).toBeNull();
  });
});
