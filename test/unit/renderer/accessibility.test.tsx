// @vitest-environment jsdom
// Every control on the dashboard and in the rule editor can be reached with the keyboard and has a name a screen
// reader can say; the screens are tabs.
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config/schema';
import { renderWithState } from './harness';

afterEach(cleanup);

function accessibleName(element: HTMLElement): string {
  const label = element.getAttribute('aria-label');
  if (label !== null && label.trim() !== '') return label.trim();
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy !== null)
    return labelledBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
  // Buttons and links have no `labels` (undefined), form fields a list.
  const labels = (element as Partial<HTMLInputElement>).labels;
  if (labels !== undefined && labels !== null && labels.length > 0)
    return [...labels]
      .map((l) => l.textContent)
      .join(' ')
      .trim();
  return element.textContent.trim();
}

function unnamedOrUnreachable(): string[] {
  const controls = [
    ...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [role="tab"]'),
  ];
  expect(controls.length).toBeGreaterThan(10);
  return controls
    .filter((c) => c.tabIndex < 0 || accessibleName(c) === '')
    .map((c) => c.outerHTML.slice(0, 120));
}

const config = validateConfig({ accounts: { 'SIM-50K': { rules: { dailyLoss: { amount: 1000 } } } } });

describe('accessibility', () => {
  it('dashboard: every control is reachable and named', () => {
    renderWithState();
    expect(unnamedOrUnreachable()).toEqual([]);
    expect(screen.getByRole('tab', { name: 'Dashboard' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getAllByRole('meter').map((m) => m.getAttribute('aria-label'))).toEqual([
      'Daily loss: 820.00 of 1,000.00 · 180.00 left',
      'Trailing drawdown: 250.00 of 2,000.00 · 1,750.00 left',
      'Trades today: 3 of 10 · 7 left',
      'Margin level no margin in use; warning at 150%, critical at 120%',
    ]);
  });

  it('rule editor: every control is reachable and named', async () => {
    if (!config.ok) throw new Error(config.errors.join('; '));
    renderWithState(undefined, {
      handlers: { getConfig: () => ({ ok: true, result: { config: config.config } }) },
    });
    fireEvent.click(screen.getByRole('tab', { name: 'Rules' }));
    await screen.findByTestId('rule-editor');
    expect(screen.getByRole('tab', { name: 'Rules' }).getAttribute('aria-selected')).toBe('true');
    expect(unnamedOrUnreachable()).toEqual([]);
    expect(screen.getByLabelText('Daily loss')).toBe(screen.getByTestId('rule-dailyLoss-enabled'));
  });
});
