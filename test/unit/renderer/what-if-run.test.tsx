// @vitest-environment jsdom
// A what-if run as the panel follows it: started with the draft and the days chosen, its progress asked about
// every 250 ms and shown as a progress bar until the result; Cancel; a run that fails or is refused said in words;
// a result marked as for the rules as they were once the draft changes; a run nobody can see any more cancelled.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { WHAT_IF_POLL_MS } from '../../../renderer/src/features/what-if/use-what-if';
import type { CommandResponse } from '../../../shared/ipc';
import type { WhatIfStatus } from '../../../shared/ipc/what-if';
import { ACCOUNT, DRAFT, renderPanel, threeDays } from './what-if-fixture';

afterEach(cleanup);

const running = (done: number, total = 8): WhatIfStatus => ({ state: 'running', done, total });
const done: WhatIfStatus = { state: 'done', done: 8, total: 8, result: threeDays() };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const slow = { timeout: 3000 };

const bar = () => screen.getByRole('progressbar', { name: 'What-if progress' });
const barValues = () =>
  ['aria-valuemin', 'aria-valuemax', 'aria-valuenow', 'aria-valuetext'].map((a) => bar().getAttribute(a));

describe('a what-if run', () => {
  it('sends the draft and the days chosen, shows the progress as it is polled, then the result', async () => {
    const script = { status: running(2) };
    const panel = renderPanel(script);
    fireEvent.change(screen.getByTestId('what-if-days'), { target: { value: '7' } });
    panel.run();
    expect(panel.sentOf('whatIf').map((s) => s.args)).toEqual([{ account: ACCOUNT, days: 7, config: DRAFT }]);
    // Started: the run's rows counted, none replayed yet; Cancel in place of Run.
    await waitFor(() => {
      expect(barValues()).toEqual(['0', '8', '0', '0 of 8 events']);
    });
    expect(screen.getByTestId('what-if-cancel').textContent).toBe('Cancel');
    expect(screen.queryByTestId('what-if-run')).toBeNull();
    await waitFor(() => {
      expect(barValues()).toEqual(['0', '8', '2', '2 of 8 events']);
    }, slow);
    expect(screen.getByTestId('what-if-progress').textContent).toBe('2 of 8 events');
    script.status = done;
    await screen.findByTestId('what-if-result', {}, slow);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByTestId('what-if-run').textContent).toBe('Run');
    const asked = panel.sentOf('whatIfStatus');
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(new Set(asked.map((s) => JSON.stringify(s.args)))).toEqual(new Set(['{"run":"run-7"}']));
    // Ended: no more polling.
    await wait(WHAT_IF_POLL_MS * 3);
    expect(panel.sentOf('whatIfStatus').length).toBe(asked.length);
  });

  it('keeps polling about every 250 ms while it runs, not faster', async () => {
    const panel = renderPanel({ status: running(1) });
    panel.run();
    await wait(WHAT_IF_POLL_MS * 4 + 100);
    const polls = panel.sentOf('whatIfStatus').length;
    expect(polls).toBeGreaterThanOrEqual(2);
    expect(polls).toBeLessThanOrEqual(4);
  });

  it('cancels on request: cancelWhatIf for the run, "Cancelled", and no more polling', async () => {
    const panel = renderPanel({ status: running(3, 10) });
    panel.run();
    await waitFor(() => {
      expect(barValues()[2]).toBe('3');
    }, slow);
    fireEvent.click(screen.getByTestId('what-if-cancel'));
    expect((await screen.findByTestId('what-if-cancelled')).textContent).toBe('Cancelled');
    expect(panel.sentOf('cancelWhatIf').map((s) => s.args)).toEqual([{ run: 'run-7' }]);
    expect(screen.queryByRole('progressbar')).toBeNull();
    const polls = panel.sentOf('whatIfStatus').length;
    await wait(WHAT_IF_POLL_MS * 3);
    expect(panel.sentOf('whatIfStatus').length).toBe(polls);
    expect(screen.getByTestId('what-if-run').textContent).toBe('Run');
  });

  it('cancelled before the core has answered: the run it then starts is cancelled at once', async () => {
    let answer: (response: CommandResponse<'whatIf'>) => void = () => undefined;
    const started = new Promise<CommandResponse<'whatIf'>>((resolve) => {
      answer = resolve;
    });
    const panel = renderPanel({ started, status: running(1) });
    panel.run();
    expect(barValues()).toEqual(['0', null, null, 'Reading the journal…']);
    fireEvent.click(screen.getByTestId('what-if-cancel'));
    expect(screen.getByTestId('what-if-cancelled').textContent).toBe('Cancelled');
    answer({ ok: true, result: { run: 'run-8', total: 8 } });
    await waitFor(() => {
      expect(panel.sentOf('cancelWhatIf').map((s) => s.args)).toEqual([{ run: 'run-8' }]);
    });
    await wait(WHAT_IF_POLL_MS * 2);
    expect(panel.sentOf('whatIfStatus')).toEqual([]);
    expect(screen.getByTestId('what-if-cancelled').textContent).toBe('Cancelled');
  });

  it('shows the result of a run that had ended before Cancel reached it', async () => {
    const script: { status: WhatIfStatus; cancelled: boolean } = { status: running(3), cancelled: false };
    renderPanel(script);
    fireEvent.click(screen.getByTestId('what-if-run'));
    await screen.findByRole('progressbar');
    script.status = done;
    fireEvent.click(screen.getByTestId('what-if-cancel'));
    expect((await screen.findByTestId('what-if-summary', {}, slow)).textContent).toBe(threeDays().summary);
    expect(screen.queryByTestId('what-if-cancelled')).toBeNull();
  });

  it('says why a run failed', async () => {
    const panel = renderPanel({
      status: {
        state: 'failed',
        error: 'the what-if stopped: Worker terminated due to reaching memory limit',
      },
    });
    panel.run();
    const failed = await screen.findByTestId('what-if-failed', {}, slow);
    expect(failed.textContent).toBe(
      'Failed: the what-if stopped: Worker terminated due to reaching memory limit',
    );
    expect(failed.getAttribute('role')).toBe('alert');
  });

  it('says why the core refused to start it, without polling', async () => {
    const error =
      'the config has errors: accounts.SIM-50K.rules.dailyLoss.amount: must be greater than 0, got -600';
    const panel = renderPanel({ started: { ok: false, error }, status: done });
    panel.run();
    expect((await screen.findByTestId('what-if-failed')).textContent).toBe(`Failed: ${error}`);
    await wait(WHAT_IF_POLL_MS * 2);
    expect(panel.sentOf('whatIfStatus')).toEqual([]);
  });
});

describe('a result and the draft', () => {
  const stale = () => screen.getByTestId('what-if-result').getAttribute('data-stale');

  it('is marked as for the rules as they were once the draft changes, until run again', async () => {
    const panel = renderPanel({ status: done });
    panel.run();
    await screen.findByTestId('what-if-result', {}, slow);
    expect(stale()).toBe('false');
    expect(screen.queryByTestId('what-if-stale')).toBeNull();
    // The same document read again (a reload): a new object, the same rules.
    panel.edit({ draft: structuredClone(DRAFT) });
    expect(stale()).toBe('false');
    const edited = { accounts: { [ACCOUNT]: { rules: { dailyLoss: { amount: 800 } } } } };
    panel.edit({ draft: edited });
    expect(stale()).toBe('true');
    expect(screen.getByTestId('what-if-stale').textContent).toBe(
      'For the rules as they were: they have changed since. Run again for the rules as they are now.',
    );
    expect(screen.getByTestId('what-if-summary').textContent).toBe(threeDays().summary);
    panel.run();
    expect(panel.sentOf('whatIf').map((s) => s.args.config)).toEqual([DRAFT, edited]);
    await waitFor(() => {
      expect(stale()).toBe('false');
    }, slow);
    expect(screen.queryByTestId('what-if-stale')).toBeNull();
  });

  it('is the draft as it was at Run: an edit while it runs makes its result stale', async () => {
    const script = { status: running(1) };
    const panel = renderPanel(script);
    panel.run();
    await screen.findByRole('progressbar');
    panel.edit({ draft: { accounts: { [ACCOUNT]: { rules: { dailyLoss: { amount: 900 } } } } } });
    script.status = done;
    await screen.findByTestId('what-if-result', {}, slow);
    expect(stale()).toBe('true');
  });
});

describe('a run nobody can see any more', () => {
  it('is cancelled when another account is chosen, and its result not shown for the new one', async () => {
    const panel = renderPanel({ status: running(2) });
    panel.run();
    await screen.findByRole('progressbar');
    panel.edit({ account: 'SIM-100K' });
    await waitFor(() => {
      expect(panel.sentOf('cancelWhatIf').map((s) => s.args)).toEqual([{ run: 'run-7' }]);
    });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByTestId('what-if-run').textContent).toBe('Run');
    expect(screen.getByTestId('what-if').textContent).toContain('Replays SIM-100K’s journaled days');
  });

  it('is cancelled when the panel goes (another tab)', async () => {
    const panel = renderPanel({ status: running(2) });
    panel.run();
    await screen.findByRole('progressbar');
    cleanup();
    expect(panel.sentOf('cancelWhatIf').map((s) => s.args)).toEqual([{ run: 'run-7' }]);
    const polls = panel.sentOf('whatIfStatus').length;
    await wait(WHAT_IF_POLL_MS * 2);
    expect(panel.sentOf('whatIfStatus').length).toBe(polls);
  });
});
