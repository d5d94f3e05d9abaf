// @vitest-environment jsdom
// The history screen over a fake host: it asks getHistory for the chosen account and range, shows the
// timeline with filters, a breach's detail, the per-day summary, the closed trades and the breakdown, and
// exports files through a Blob URL.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryScreen } from '../../../renderer/src/features/history/HistoryScreen';
import type { HistoryView } from '../../../shared/ipc';
import { buildFixtureState, fixtureAccount } from '../../helpers/fixture-state';
import { renderWithState } from './harness';
import { entry, fixtureHistory } from './history-fixture';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });
}

async function renderHistory(history: HistoryView = fixtureHistory()) {
  const state = buildFixtureState();
  state.accounts = [...state.accounts, fixtureAccount({ id: 'PA-150K' })];
  const host = renderWithState(state, {
    ui: <HistoryScreen />,
    // A copy per answer, as from a real host: the view crosses a wire, so each load brings new objects.
    handlers: { getHistory: () => ({ ok: true, result: structuredClone(history) }) },
  });
  await settle();
  return host;
}

function rows(testId: string): string[][] {
  return within(screen.getByTestId(testId))
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent));
}

describe('history screen', () => {
  it('loads the last 30 days of all accounts, then refetches for the chosen account, range and refresh', async () => {
    const host = await renderHistory();
    expect(host.sent).toEqual([{ command: 'getHistory', args: { days: 30 } }]);
    const account = screen.getByLabelText('Account');
    expect(
      within(account)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All accounts', 'SIM-50K', 'PA-150K']);
    fireEvent.change(account, { target: { value: 'PA-150K' } });
    await settle();
    fireEvent.change(screen.getByLabelText('Range'), { target: { value: '90' } });
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await settle();
    expect(host.sent.slice(1)).toEqual([
      { command: 'getHistory', args: { account: 'PA-150K', days: 30 } },
      { command: 'getHistory', args: { account: 'PA-150K', days: 90 } },
      { command: 'getHistory', args: { account: 'PA-150K', days: 90 } },
    ]);
  });

  it('shows an error the host returns', async () => {
    renderWithState(buildFixtureState(), {
      ui: <HistoryScreen />,
      handlers: { getHistory: () => ({ ok: false, error: 'store closed' }) },
    });
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('History could not be loaded: store closed');
  });

  it('filters the timeline by text, level and day', async () => {
    await renderHistory();
    expect(screen.getByRole('table', { name: /Timeline of alerts and actions/ })).toBeTruthy();
    expect(screen.getAllByTestId('timeline-row')).toHaveLength(4);
    fireEvent.change(screen.getByLabelText('Rule or kind contains'), { target: { value: 'daily loss' } });
    expect(screen.getAllByTestId('timeline-row').map((r) => r.children[5]?.textContent)).toEqual([
      'Daily loss limit reached',
      'Daily loss 80% used',
    ]);
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'critical' } });
    expect(screen.getAllByTestId('timeline-row')).toHaveLength(1);
    expect(screen.getByTestId('timeline-count').textContent).toBe('1 of 4');
    fireEvent.change(screen.getByLabelText('Rule or kind contains'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2025-03-12' } });
    expect(screen.getAllByTestId('timeline-row').map((r) => r.children[5]?.textContent)).toEqual([
      'trailing.update',
    ]);
    fireEvent.change(screen.getByLabelText('Rule or kind contains'), {
      target: { value: 'nothing like it' },
    });
    expect(screen.getByTestId('timeline-empty').textContent).toBe('Nothing in the timeline matches');
  });

  it('opens a breach detail with the P&L around it, and closes it', async () => {
    await renderHistory();
    const breaches = screen.getAllByTestId('timeline-breach');
    expect(breaches.map((b) => b.textContent)).toEqual([
      'flatten: dailyLoss breached',
      'Daily loss limit reached',
    ]);
    fireEvent.click(breaches[1] as HTMLElement);
    const detail = screen.getByTestId('breach-detail');
    expect(breaches[1]?.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.id).toBe('history-breach-title');
    expect(within(detail).getByTestId('breach-day-net').textContent).toBe('-1,000.67');
    expect(within(detail).getByTestId('breach-day-drawdown').textContent).toBe('1,034.40');
    expect(within(detail).getByTestId('breach-before').textContent).toBe('-980.34');
    expect(within(detail).getByTestId('breach-after').textContent).toBe('-20.33');
    expect(rows('breach-trades').map((r) => [r[1], r[5], r[6], r[7]])).toEqual([
      ['MNQ', '+19.76', '+19.76', 'before'],
      ['MES', '-1,000.10', '-980.34', 'before'],
      ['MNQ', '-20.33', '-1,000.67', 'after'],
    ]);
    fireEvent.click(within(detail).getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('breach-detail')).toBeNull();
  });

  it('says each level change with its figures, and shows the one behind a breach in its detail', async () => {
    const base = fixtureHistory();
    const levelChange = (id: string, t: string, level: string, value: string, threshold: string) =>
      entry({
        id,
        t,
        level,
        rule: 'dailyLoss',
        title: `dailyLoss ${level}`,
        value,
        limit: '1000',
        threshold,
      });
    const history: HistoryView = {
      ...base,
      timeline: [
        entry({
          id: 'response-1',
          t: '2025-03-11T14:41:00.000Z',
          kind: 'response',
          level: 'flat',
          rule: 'dailyLoss',
          title: 'flatten: dailyLoss: daily loss 1000.67 reached 1000',
          detail: 'closePosition MES ok; flat in 40 ms: 1 position closed, 0 orders cancelled',
        }),
        levelChange('alert-b', '2025-03-11T14:40:30.000Z', 'breach', '1000.67', '1000'),
        levelChange('alert-w', '2025-03-11T14:10:00.000Z', 'warning', '812.5', '800'),
      ],
    };
    await renderHistory(history);
    expect(screen.getAllByTestId('timeline-row').map((r) => r.children[5]?.textContent)).toEqual([
      'flatten: dailyLoss: daily loss 1000.67 reached 1000',
      'dailyLoss breach: 1,000.67 of 1,000.00 (breach at 1,000.00)',
      'dailyLoss warning: 812.50 of 1,000.00 (warning at 800.00)',
    ]);
    fireEvent.click(screen.getAllByTestId('timeline-breach')[0] as HTMLElement);
    expect(screen.getByTestId('breach-level').textContent).toBe(
      'dailyLoss breach: 1,000.67 of 1,000.00 (breach at 1,000.00)',
    );
  });

  it('keeps a breach open across a refresh, which brings the same entries anew', async () => {
    const host = await renderHistory();
    fireEvent.click(screen.getAllByTestId('timeline-breach')[1] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await settle();
    expect(host.sent).toHaveLength(2);
    expect(screen.getByTestId('breach-detail')).toBeTruthy();
    expect(screen.getAllByTestId('timeline-breach')[1]?.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getAllByTestId('timeline-breach')[1] as HTMLElement);
    expect(screen.queryByTestId('breach-detail')).toBeNull();
  });

  it('shows the day P&L sampled around the breach when one account is chosen', async () => {
    const history: HistoryView = {
      ...fixtureHistory(),
      equity: [
        { t: '2025-03-11T14:40:20.000Z', equity: '49350.00', dailyNetPnl: '-650.00' },
        { t: '2025-03-11T14:40:30.000Z', equity: '48999.33', dailyNetPnl: '-1000.67' },
        { t: '2025-03-11T14:40:40.000Z', equity: '48999.33', dailyNetPnl: '-1000.67' },
      ],
    };
    await renderHistory(history);
    fireEvent.click(screen.getAllByTestId('timeline-breach')[1] as HTMLElement);
    expect(screen.getByTestId('breach-equity-at').textContent).toBe('-1,000.67');
    expect(screen.getByTestId('breach-equity-after').textContent).toBe('-1,000.67');
    expect(screen.getByTestId('breach-equity-low').textContent).toBe('-1,000.67');
    expect(rows('breach-equity-table').map((r) => [r[1], r[2]])).toEqual([
      ['49,350.00', '-650.00'],
      ['48,999.33', '-1,000.67'],
      ['48,999.33', '-1,000.67'],
    ]);
    // The first sample at the left edge, inside the chart's 5-unit margin.
    expect(screen.getByTestId('breach-spark').querySelector('path')?.getAttribute('d')).toMatch(/^M5\.0,/);
  });

  it('asks for one account when the history has no equity samples', async () => {
    await renderHistory();
    fireEvent.click(screen.getAllByTestId('timeline-breach')[0] as HTMLElement);
    expect(screen.getByTestId('breach-equity-none').textContent).toBe(
      'Choose one account to see its P&L sampled around the breach',
    );
  });

  it('shows the per-day summary with signed, coloured P&L', async () => {
    await renderHistory();
    fireEvent.click(screen.getByRole('tab', { name: 'Days' }));
    expect(screen.getByRole('table', { name: 'Per-day summary' })).toBeTruthy();
    expect(rows('history-days-table')).toEqual([
      ['2025-03-12', 'SIM-50K', '+250.00', '—', '0.00', '1', '0'],
      ['2025-03-11', 'SIM-50K', '-1,000.67', '—', '1,034.40', '3', '1'],
    ]);
    const cells = within(screen.getByTestId('history-days-table')).getAllByText(/^[+-]\d/);
    expect(cells.map((c) => c.className)).toEqual(['num pnl-pos', 'num pnl-neg']);
  });

  it("shows each day's share of the total as the core sends it, a dash when there is none", async () => {
    const day = (label: string, netPnl: string, shareOfTotalPct: string) => ({
      day: label,
      account: 'SIM-50K',
      netPnl,
      trades: 1,
      maxDrawdown: '0.00',
      breaches: 0,
      shareOfTotalPct,
    });
    const days = [
      day('2025-03-12', '150.00', '42.86'),
      day('2025-03-11', '250.00', '71.43'),
      day('2025-03-10', '-50.00', '-14.29'),
    ];
    await renderHistory({ ...fixtureHistory(), days });
    fireEvent.click(screen.getByRole('tab', { name: 'Days' }));
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('Share');
    expect(screen.getAllByTestId('history-day-share').map((cell) => cell.textContent)).toEqual([
      '42.86%',
      '71.43%',
      '-14.29%',
    ]);
  });

  it('lists closed trades with MFE/MAE, the initial risk and R (a dash without a stop), and the tag', async () => {
    await renderHistory();
    fireEvent.click(screen.getByRole('tab', { name: 'Trades' }));
    const table = rows('history-trades-table');
    expect(table).toHaveLength(4);
    const [first, second] = table;
    expect([first?.[0], ...(first ?? []).slice(2)]).toEqual([
      '2025-03-11',
      'SIM-50K',
      'MNQ',
      'Long',
      '1',
      '21450.25',
      '21460.75',
      '+19.76',
      '+30.00',
      '-5.50',
      '25.00',
      '+0.7904R',
      'orb',
    ]);
    expect(second?.slice(3, 5)).toEqual(['MES', 'Short']);
    expect(second?.[8]).toBe('-1,000.10');
    expect(second?.slice(11, 13)).toEqual(['—', '—']);
  });

  it('breaks P&L down by symbol, tag and hour', async () => {
    await renderHistory();
    fireEvent.click(screen.getByRole('tab', { name: 'Breakdown' }));
    expect(rows('breakdown-symbol')).toEqual([
      ['MNQ', '3', '2 / 1', '+249.43'],
      ['MES', '1', '0 / 1', '-1,000.10'],
    ]);
    expect(rows('breakdown-tag').map((r) => [r[0], r[3]])).toEqual([
      ['orb', '+269.76'],
      ['fade', '-20.33'],
      ['(untagged)', '-1,000.10'],
    ]);
    expect(screen.getByRole('table', { name: 'P&L by hour of day (local)' })).toBeTruthy();
    expect(rows('breakdown-hour')).toHaveLength(3);
  });

  it('moves between tabs with the arrow keys', async () => {
    await renderHistory();
    const timeline = screen.getByRole('tab', { name: 'Timeline' });
    expect(timeline.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(timeline, { key: 'ArrowRight' });
    const days = screen.getByRole('tab', { name: 'Days' });
    expect(days.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(days);
    fireEvent.keyDown(days, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Breakdown' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(timeline);
  });

  it('exports the trades as CSV through a Blob URL download', async () => {
    await renderHistory();
    const blobs: Blob[] = [];
    const create = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:history-1';
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    let downloaded = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    fireEvent.click(screen.getByRole('button', { name: 'Trades CSV' }));
    expect(downloaded).toBe('warden-trades-all-30d.csv');
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    const text = await blobs[0]?.text();
    expect(text?.split('\r\n')[0]).toBe(
      'account,day,openedAt,closedAt,symbol,side,qty,entryPrice,exitPrice,netPnl,fees,mfe,mae,initialRisk,rMultiple,tag',
    );
    expect(text?.split('\r\n')).toHaveLength(6);
  });

  it('says so when there is nothing in the range', async () => {
    await renderHistory({ trades: [], days: [], timeline: [] });
    expect(screen.getByTestId('timeline-empty')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Trades' }));
    expect(screen.getByTestId('history-trades-empty').textContent).toBe('No closed trades in this range');
  });
});
