// @vitest-environment jsdom
// Flatten all takes one deliberate action: the button only opens a confirmation; the focused confirm button
// sends {all: true}; Escape or Cancel send nothing. The verified result is shown afterwards.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlattenReport } from '../../../shared/ipc';
import { buildFixtureState, fixtureAccount } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

afterEach(cleanup);

const flatReport: FlattenReport = {
  account: 'SIM-50K',
  flat: true,
  cancelledOrders: 1,
  closedPositions: 2,
  elapsedMs: 420,
};

async function confirm(): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByTestId('flatten-confirm'));
    await Promise.resolve();
  });
}

describe('flatten all', () => {
  it('sends nothing on the first click; it opens a dialog with the confirm button focused', () => {
    const host = renderWithState();
    fireEvent.click(screen.getByTestId('flatten-all'));
    expect(host.sent).toEqual([]);
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain(
      'Cancels 1 working order and closes 2 positions at market on SIM-50K',
    );
    expect(document.activeElement).toBe(screen.getByTestId('flatten-confirm'));
  });

  it('sends flatten {all: true} once confirmed, and closes the dialog', async () => {
    const host = renderWithState();
    fireEvent.click(screen.getByTestId('flatten-all'));
    await confirm();
    expect(host.sent).toEqual([{ command: 'flatten', args: { all: true } }]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('cancels on Escape without sending, and gives focus back to the button', () => {
    const host = renderWithState();
    const button = screen.getByTestId('flatten-all');
    button.focus();
    fireEvent.click(button);
    fireEvent.keyDown(screen.getByTestId('flatten-confirm'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(host.sent).toEqual([]);
    expect(document.activeElement).toBe(button);
  });

  it('cancels with the Cancel button without sending', () => {
    const host = renderWithState();
    fireEvent.click(screen.getByTestId('flatten-all'));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: /^cancel/i }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(host.sent).toEqual([]);
  });

  it('keeps keyboard focus inside the dialog', () => {
    renderWithState();
    fireEvent.click(screen.getByTestId('flatten-all'));
    const confirmButton = screen.getByTestId('flatten-confirm');
    fireEvent.keyDown(confirmButton, { key: 'Tab' });
    expect(document.activeElement?.textContent).toContain('Cancel');
    fireEvent.keyDown(document.activeElement ?? confirmButton, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirmButton);
  });

  it('shows "Flattening…" while the core reports a flatten running', () => {
    renderWithState(buildFixtureState({ accounts: [fixtureAccount({ flattening: true })] }));
    expect(screen.getByTestId('flatten-all').textContent).toContain('Flattening…');
    expect(screen.getByTestId('flatten-all').getAttribute('aria-busy')).toBe('true');
  });

  it('shows a confirmed flat with what was done', async () => {
    renderWithState(undefined, {
      handlers: { flatten: () => ({ ok: true, result: { reports: [flatReport] } }) },
    });
    fireEvent.click(screen.getByTestId('flatten-all'));
    await confirm();
    const result = screen.getByTestId('flatten-result');
    expect(result.dataset.flat).toBe('true');
    expect(result.textContent).toContain('Flat — confirmed');
    expect(result.textContent).toContain('SIM-50K: flat — closed 2 positions, cancelled 1 order in 0.4 s');
  });

  it('shows loudly when an account is not flat, with the error', async () => {
    const report: FlattenReport = {
      ...flatReport,
      flat: false,
      closedPositions: 1,
      error: 'ES close rejected',
    };
    renderWithState(undefined, {
      handlers: { flatten: () => ({ ok: true, result: { reports: [report] } }) },
    });
    fireEvent.click(screen.getByTestId('flatten-all'));
    await confirm();
    const result = screen.getByTestId('flatten-result');
    expect(result.dataset.flat).toBe('false');
    expect(result.getAttribute('role')).toBe('alert');
    expect(result.textContent).toContain('NOT FLAT — check the broker now');
    expect(result.textContent).toContain('ES close rejected');
  });

  it('shows a failed command as not flat', async () => {
    renderWithState(undefined, {
      handlers: { flatten: () => ({ ok: false, error: 'Not connected to Warden' }) },
    });
    fireEvent.click(screen.getByTestId('flatten-all'));
    await confirm();
    expect(screen.getByTestId('flatten-result').textContent).toContain('Not connected to Warden');
  });

  it('offers a per-account flatten only when there are several accounts, sending that account', async () => {
    const second = fixtureAccount({ id: 'PA-150K-7', name: 'PA-150K-7' });
    const host = renderWithState(buildFixtureState({ accounts: [fixtureAccount(), second] }));
    fireEvent.click(screen.getByTestId('flatten-account-PA-150K-7'));
    expect(screen.getByRole('dialog').textContent).toContain('Flatten PA-150K-7?');
    await confirm();
    expect(host.sent).toEqual([{ command: 'flatten', args: { account: 'PA-150K-7' } }]);
  });
});
