// @vitest-environment jsdom
// The accounts overview on the dashboard: one row per account under its group's header, closest to a limit
// first, with exact figures; the group's sums as the core sent them; arrow keys move between rows and Enter (or a
// click) opens the row's detail; a row's flatten asks first; a single account keeps its detail open.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFixtureState, fixturePlan } from '../../helpers/fixture-state';
import { fiveAccounts, fiveAccountsState, limitsOf } from '../../helpers/overview-fixture';
import { renderWithState } from './harness';

afterEach(cleanup);

const order = () =>
  [...screen.getByTestId('overview-table').querySelectorAll<HTMLElement>('tbody tr')].map(
    (row) => row.dataset.testid,
  );
const row = (id: string) => screen.getByTestId(`overview-row-${id}`);
const cell = (id: string, testId: string) => within(row(id)).getByTestId(testId).textContent;
const group = (id: string, testId: string) =>
  within(screen.getByTestId(`overview-group-${id}`)).getByTestId(testId).textContent;
const selected = () =>
  [...document.querySelectorAll<HTMLElement>('[data-overview-row][aria-selected="true"]')].map(
    (r) => r.dataset.overviewRow,
  );
const inTabOrder = () =>
  [...document.querySelectorAll<HTMLElement>('[data-overview-row]')]
    .filter((r) => r.tabIndex === 0)
    .map((r) => r.dataset.overviewRow);
const detail = () =>
  screen.getByTestId('overview-detail').querySelector<HTMLElement>('[data-account]')?.dataset.account;

describe('the accounts overview', () => {
  it('lists every account under its group, closest to a limit first', () => {
    renderWithState(fiveAccountsState());
    expect(order()).toEqual([
      'overview-group-apex',
      'overview-row-APEX-03',
      'overview-row-APEX-02',
      'overview-row-APEX-01',
      'overview-group-topstep',
      'overview-row-TS-50K-2',
      'overview-row-TS-150K-1',
    ]);
  });

  it("shows each account's figures exactly", () => {
    renderWithState(fiveAccountsState());
    expect(cell('APEX-02', 'overview-pnl')).toBe('-830.00');
    expect(cell('APEX-02', 'overview-loss')).toBe('170.00');
    expect(cell('APEX-02', 'overview-trailing')).toBe('1,300.00');
    expect(cell('APEX-02', 'overview-contracts')).toBe('4 / 10');
    expect(cell('APEX-02', 'overview-worst')).toBe('warning · Daily loss');
    expect(cell('APEX-02', 'overview-state')).toBe('Active');
    expect(cell('TS-150K-1', 'overview-pnl')).toBe('+350.00');
    expect(cell('TS-150K-1', 'overview-loss')).toBe('3,000.00');
    expect(cell('TS-150K-1', 'overview-worst')).toBe('ok');
    expect(cell('TS-50K-2', 'overview-trailing')).toBe('200.00');
    expect(row('TS-50K-2').dataset.level).toBe('critical');
    const bar = within(row('APEX-02')).getByTestId('overview-loss').parentElement;
    expect(bar?.className).toBe('overview-room limit-warning');
    expect(bar?.getAttribute('title')).toBe('830.00 of 1,000.00 · 170.00 left');
    expect(bar?.querySelector<HTMLElement>('.overview-fill')?.style.width).toBe('83%');
  });

  it('shows a halted account with its countdown on the core clock', () => {
    renderWithState(fiveAccountsState());
    expect(cell('APEX-03', 'overview-state')).toBe('Halted');
    expect(cell('APEX-03', 'overview-countdown')).toMatch(/^(2h 00m 00s|1h 59m 5\ds)$/);
    expect(cell('APEX-03', 'overview-loss')).toBe('0.00');
    expect(within(row('APEX-03')).getByTestId('overview-state').parentElement?.getAttribute('title')).toBe(
      'dailyLoss: daily loss limit reached (-1,000.00)',
    );
  });

  it("shows the group's figures as the core sums them, not re-added from the rows", () => {
    renderWithState(fiveAccountsState());
    expect(group('apex', 'overview-pnl')).toBe('-2,250.00');
    expect(group('apex', 'overview-loss')).toBe('1,750.00');
    expect(group('apex', 'overview-contracts')).toBe('7 / 20');
    expect(group('apex', 'overview-members')).toBe('3 accounts');
    expect(group('topstep', 'overview-members')).toBe('2 accounts');
    expect(group('apex', 'overview-state')).toBe('Halted');
    expect(group('apex', 'overview-worst')).toBe('warning · Group daily loss');
    expect(group('topstep', 'overview-pnl')).toBe('+150.00');
    expect(group('topstep', 'overview-contracts')).toBe('4');
    expect(within(row('APEX-01')).getByText('lead')).toBeTruthy();
  });

  it('opens the first row by default: its detail (panel, positions, orders) beside the table', () => {
    renderWithState(fiveAccountsState());
    expect(selected()).toEqual(['APEX-03']);
    expect(inTabOrder()).toEqual(['APEX-03']);
    expect(detail()).toBe('APEX-03');
    expect(screen.getAllByTestId(/^account-/).map((e) => e.dataset.testid)).toEqual(['account-APEX-03']);
    expect(within(screen.getByTestId('account-APEX-03')).getByTestId('positions-empty')).toBeTruthy();
  });

  it('moves between account rows with the arrow keys, Home and End, skipping group headers', () => {
    renderWithState(fiveAccountsState());
    row('APEX-03').focus();
    const press = (key: string) => {
      if (!(document.activeElement instanceof HTMLElement)) throw new Error('nothing focused');
      fireEvent.keyDown(document.activeElement, { key });
    };
    press('ArrowUp');
    expect(document.activeElement).toBe(row('APEX-03'));
    press('ArrowDown');
    press('ArrowDown');
    expect(document.activeElement).toBe(row('APEX-01'));
    press('ArrowDown');
    expect(document.activeElement).toBe(row('TS-50K-2'));
    expect(inTabOrder()).toEqual(['TS-50K-2']);
    press('End');
    expect(document.activeElement).toBe(row('TS-150K-1'));
    press('ArrowDown');
    expect(document.activeElement).toBe(row('TS-150K-1'));
    press('Home');
    expect(document.activeElement).toBe(row('APEX-03'));
    // Moving does not open: the detail is still the first row's.
    expect(detail()).toBe('APEX-03');
  });

  it("opens the focused row's detail on Enter, and a clicked row's", () => {
    renderWithState(fiveAccountsState());
    row('APEX-03').focus();
    fireEvent.keyDown(row('APEX-03'), { key: 'ArrowDown' });
    fireEvent.keyDown(row('APEX-02'), { key: 'Enter' });
    expect(selected()).toEqual(['APEX-02']);
    expect(detail()).toBe('APEX-02');
    expect(screen.queryByTestId('account-APEX-03')).toBeNull();
    expect(within(screen.getByTestId('account-APEX-02')).getByTestId('position-MNQ')).toBeTruthy();
    fireEvent.click(within(row('TS-50K-2')).getByTestId('overview-pnl'));
    expect(selected()).toEqual(['TS-50K-2']);
    expect(detail()).toBe('TS-50K-2');
    expect(document.activeElement).toBe(row('TS-50K-2'));
    expect(inTabOrder()).toEqual(['TS-50K-2']);
  });

  it("flattens one account from its row after the confirmation, without opening the row's detail", async () => {
    const host = renderWithState(fiveAccountsState());
    fireEvent.click(screen.getByTestId('flatten-account-TS-50K-2'));
    expect(host.sent).toEqual([]);
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Flatten TS-50K-2?');
    expect(dialog.textContent).toContain(
      'Cancels 1 working order and closes 2 positions at market on TS-50K-2',
    );
    const confirm = screen.getByTestId('flatten-confirm');
    expect(document.activeElement).toBe(confirm);
    // A key in the dialog is the dialog's, not the row's.
    fireEvent.keyDown(confirm, { key: 'Enter' });
    expect(detail()).toBe('APEX-03');
    await act(async () => {
      fireEvent.click(confirm);
      await Promise.resolve();
    });
    expect(host.sent).toEqual([{ command: 'flatten', args: { account: 'TS-50K-2' } }]);
    expect(detail()).toBe('APEX-03');
  });

  it("flattens a group's members from its header after the confirmation", async () => {
    const host = renderWithState(fiveAccountsState());
    fireEvent.click(screen.getByTestId('flatten-group-topstep'));
    expect(host.sent).toEqual([]);
    const dialog = screen.getByRole('dialog');
    expect(dialog.querySelector('h2')?.textContent).toBe('Flatten the group Topstep?');
    expect(dialog.textContent).toContain(
      'Cancels 2 working orders and closes 4 positions at market on TS-150K-1, TS-50K-2.',
    );
    await act(async () => {
      fireEvent.click(screen.getByTestId('flatten-confirm'));
      await Promise.resolve();
    });
    expect(host.sent).toEqual([{ command: 'flatten', args: { group: 'topstep' } }]);
    expect(detail()).toBe('APEX-03');
  });

  it('re-sorts when a push changes a level, keeping the focused row focused and the detail open', () => {
    const host = renderWithState(fiveAccountsState());
    // APEX-02 is the row the page moves (below APEX-01); a moved element loses focus unless it is given back.
    row('APEX-02').focus();
    const next = fiveAccountsState({ seq: 2 });
    const apex1 = next.accounts.find((a) => a.id === 'APEX-01');
    if (apex1 === undefined) throw new Error('fixture has APEX-01');
    apex1.limits = limitsOf({ dailyLoss: ['960.00', '1000.00', 'critical'] });
    act(() => {
      host.stores.view.getState().receive(next);
    });
    expect(order().slice(0, 4)).toEqual([
      'overview-group-apex',
      'overview-row-APEX-03',
      'overview-row-APEX-01',
      'overview-row-APEX-02',
    ]);
    expect(cell('APEX-01', 'overview-loss')).toBe('40.00');
    expect(document.activeElement).toBe(row('APEX-02'));
    expect(detail()).toBe('APEX-03');
  });

  it('without groups: no header rows', () => {
    renderWithState(buildFixtureState({ accounts: fiveAccounts() }));
    expect(order()).toEqual([
      'overview-row-APEX-03',
      'overview-row-TS-50K-2',
      'overview-row-APEX-02',
      'overview-row-TS-150K-1',
      'overview-row-APEX-01',
    ]);
  });
});

describe('a single account', () => {
  it('one row, its detail open, no per-account flatten (Flatten all is that account)', () => {
    renderWithState();
    expect(order()).toEqual(['overview-row-SIM-50K']);
    expect(selected()).toEqual(['SIM-50K']);
    expect(detail()).toBe('SIM-50K');
    expect(cell('SIM-50K', 'overview-pnl')).toBe('+147.50');
    expect(cell('SIM-50K', 'overview-loss')).toBe('180.00');
    expect(cell('SIM-50K', 'overview-trailing')).toBe('1,750.00');
    expect(cell('SIM-50K', 'overview-contracts')).toBe('3');
    expect(screen.queryByTestId('flatten-account-SIM-50K')).toBeNull();
    expect(
      within(screen.getByTestId('overview-table'))
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Account',
      'State',
      'Day P&L',
      'Daily loss left',
      'Trailing left',
      'Contracts',
      'Worst level',
    ]);
  });
});

describe("the overview's cap left today", () => {
  /** The five accounts, two of them with a plan: one with room under today's cap, one over it. */
  function withPlans() {
    const state = fiveAccountsState();
    for (const account of state.accounts) {
      if (account.id === 'TS-150K-1') account.plan = fixturePlan();
      if (account.id === 'TS-50K-2')
        account.plan = fixturePlan({
          todayProfit: '700.00',
          consistencyCapLeft: '0.00',
          profitNeededForConsistency: '140.00',
        });
    }
    return state;
  }

  it('is a column once an account has a plan: its cap left in money, a dash without a plan or for a group', () => {
    renderWithState(withPlans());
    const headers = within(screen.getByTestId('overview-table'))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers.slice(3, 6)).toEqual(['Daily loss left', 'Trailing left', 'Cap left today']);
    expect(cell('TS-150K-1', 'overview-cap')).toBe('412.50');
    expect(cell('TS-50K-2', 'overview-cap')).toBe('0.00');
    expect(cell('APEX-01', 'overview-cap')).toBe('—');
    expect(group('topstep', 'overview-cap')).toBe('—');
    expect(screen.getByTestId('overview-table').className).toBe('grid overview-grid overview-grid-plan');
  });

  it("colours the cap by the plan's level and says the sentence in its tooltip", () => {
    renderWithState(withPlans());
    const room = (id: string) => within(row(id)).getByTestId('overview-cap').parentElement;
    expect(room('TS-150K-1')?.className).toBe('overview-room limit-ok');
    expect(room('TS-150K-1')?.getAttribute('title')).toBe(
      'You can make 412.50 more today and stay within 50%',
    );
    expect(room('TS-50K-2')?.className).toBe('overview-room limit-breach');
    expect(room('TS-50K-2')?.getAttribute('title')).toBe(
      'Over the 50% cap: profit needed on other days: 140.00',
    );
  });

  it('shows a dash while a plan has no cap yet (no profit banked)', () => {
    const state = withPlans();
    const account = state.accounts.find((a) => a.id === 'TS-150K-1');
    if (account?.plan == null) throw new Error('no plan');
    account.plan = { ...account.plan, consistencyCapToday: null, consistencyCapLeft: null };
    renderWithState(state);
    expect(cell('TS-150K-1', 'overview-cap')).toBe('—');
  });

  it('is no column when no account has a plan', () => {
    renderWithState(fiveAccountsState());
    expect(
      within(screen.getByTestId('overview-table'))
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).not.toContain('Cap left today');
    expect(screen.queryAllByTestId('overview-cap')).toEqual([]);
  });
});
