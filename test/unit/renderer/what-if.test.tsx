// @vitest-environment jsdom
// The what-if panel's result: the summary in words first, then each day as it happened beside what the edited
// rules would have made of it, in the renderer's money and the session's time zone, the days they change marked,
// and the totals.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DRAFT, renderPanel, rowTexts, threeDays } from './what-if-fixture';

afterEach(cleanup);

const done = { state: 'done', done: 8, total: 8, result: threeDays() } as const;

describe('the what-if result', () => {
  it('shows the heading, the days choice (30 by default) and Run before anything runs', () => {
    renderPanel({ status: done });
    const panel = screen.getByTestId('what-if');
    expect(within(panel).getByRole('heading').textContent).toBe('What would these rules have done?');
    expect(screen.getByRole('region', { name: 'What would these rules have done?' })).toBe(panel);
    const days = screen.getByLabelText<HTMLSelectElement>('Days');
    expect(days.value).toBe('30');
    expect([...days.options].map((o) => o.textContent)).toEqual([
      'Last 7 days',
      'Last 30 days',
      'Last 90 days',
    ]);
    expect(screen.getByTestId('what-if-run').textContent).toBe('Run');
    expect(screen.queryByTestId('what-if-result')).toBeNull();
  });

  it('says the summary first, then each day, the days the rules change marked, and the totals', async () => {
    const panel = renderPanel({ status: done });
    panel.run();
    const result = await screen.findByTestId('what-if-result', {}, { timeout: 3000 });
    expect(result.firstElementChild).toBe(screen.getByTestId('what-if-summary'));
    expect(screen.getByTestId('what-if-summary').textContent).toBe(
      'With these rules you would have been stopped on 2 days and finished -12.50 instead of -1,291.75.',
    );
    const table = screen.getByRole('table');
    expect(table.querySelector('caption')?.textContent).toBe(
      'SIM-50K, day by day over the last 30 days (1,234 journaled events); times in America/Chicago',
    );
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Day', 'As it happened', 'With these rules', 'Difference', 'Stopped at', 'Fired first']);
    const rows = screen.getAllByTestId('what-if-day');
    expect(rows.map(rowTexts)).toEqual([
      ['2026-04-01', '+596.00', '+596.00', '0.00', '—', '—'],
      [
        '2026-04-06 changed',
        '-2,008.00',
        '-608.50',
        '+1,399.50',
        '09:47',
        'Daily loss warning at 09:20; Trade frequency breach at 09:40',
      ],
      ['2026-04-07 changed', '+120.25', '0.00', '-120.25', '17:00 (day before)', '—'],
    ]);
    expect(rows.map((row) => row.getAttribute('data-changed'))).toEqual(['false', 'true', 'true']);
    expect(rows.map((row) => row.className)).toEqual(['', 'what-if-changed', 'what-if-changed']);
    expect(rowTexts(screen.getByTestId('what-if-total'))).toEqual([
      'Total',
      '-1,291.75',
      '-12.50',
      '+1,279.25',
      '2 of 3 days',
      '2 days changed',
    ]);
    // Money coloured by its sign, as everywhere on the screen.
    const difference = within(rows[1] as HTMLElement).getByText('+1,399.50');
    expect(difference.className).toBe('num pnl-pos');
  });

  it('reads the times in the session’s time zone of the rules it ran', async () => {
    const draft = { ...DRAFT, session: { timezone: 'Europe/London', dayStart: '22:00' } };
    const panel = renderPanel({ status: done }, draft);
    panel.run();
    await screen.findByTestId('what-if-result', {}, { timeout: 3000 });
    const rows = screen.getAllByTestId('what-if-day');
    expect(rowTexts(rows[1] as HTMLElement).slice(4)).toEqual([
      '15:47',
      'Daily loss warning at 15:20; Trade frequency breach at 15:40',
    ]);
    expect(rowTexts(rows[2] as HTMLElement)[4]).toBe('23:00 (day before)');
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toMatch(
      /times in Europe\/London$/,
    );
  });

  it('says so when the account did not trade, without a table', async () => {
    const result = {
      ...threeDays(),
      days: [],
      actualNetPnl: '0',
      whatIfNetPnl: '0',
      daysStopped: 0,
      events: 0,
      summary: 'Nothing to compare: the account did not trade in the last 7 days.',
    };
    const panel = renderPanel({ status: { state: 'done', done: 0, total: 0, result } });
    panel.run();
    const summary = await screen.findByTestId('what-if-summary', {}, { timeout: 3000 });
    expect(summary.textContent).toBe('Nothing to compare: the account did not trade in the last 7 days.');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
