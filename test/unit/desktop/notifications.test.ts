// Native notifications: what a trader is told for an alert and for the outcome of a flatten.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Notification, resetElectronFake } from '../../mocks/electron';
import type { CommandResponse, FlattenReport } from '../../../shared/ipc';
import { memoryLogger } from '../../../main/platform/logger';
import { alertNotification, createNotifier, flattenNotification } from '../../../main/desktop/notifications';
import { accountView, alertView } from './fake-core';

vi.mock('electron', () => import('../../mocks/electron'));

const accounts = [accountView('acc-1', 'SIM-50K'), accountView('acc-2', 'SIM-100K')];
const report = (account: string, flat: boolean, extra: Partial<FlattenReport> = {}): FlattenReport => ({
  account,
  flat,
  cancelledOrders: 1,
  closedPositions: 2,
  elapsedMs: 420,
  ...extra,
});
const flattened = (...reports: FlattenReport[]): CommandResponse<'flatten'> => ({
  ok: true,
  result: { reports },
});

describe('alertNotification', () => {
  it.each([
    ['critical', 'critical'],
    ['warning', 'normal'],
  ] as const)('shows a %s alert with %s urgency', (level, urgency) => {
    const alert = alertView({ level, title: 'Daily loss 80%', message: 'SIM-50K is at -$800.00' });
    expect(alertNotification(alert)).toEqual({
      title: 'Daily loss 80%',
      body: 'SIM-50K is at -$800.00',
      urgency,
    });
  });

  it('keeps alerts the core does not mark for notifying in the window', () => {
    expect(alertNotification(alertView({ level: 'info', notify: false }))).toBeNull();
  });

  it('notifies an info alert the core marks for notifying (a completed flatten)', () => {
    const flat = alertView({
      level: 'info',
      notify: true,
      title: 'Flatten complete',
      message: 'SIM-50K is flat (40 ms).',
    });
    expect(alertNotification(flat)).toEqual({
      title: 'Flatten complete',
      body: 'SIM-50K is flat (40 ms).',
      urgency: 'normal',
    });
  });
});

describe('flattenNotification', () => {
  it.each([
    [
      'one account flat',
      flattened(report('acc-1', true)),
      { title: 'Flatten complete: SIM-50K is flat', body: 'SIM-50K: 2 positions closed, 1 order cancelled' },
    ],
    [
      'two accounts flat',
      flattened(report('acc-1', true), report('acc-2', true, { closedPositions: 1, cancelledOrders: 0 })),
      {
        title: 'Flatten complete: SIM-50K, SIM-100K are flat',
        body: 'SIM-50K: 2 positions closed, 1 order cancelled\nSIM-100K: 1 position closed, 0 orders cancelled',
      },
    ],
    [
      'an account not confirmed flat',
      flattened(report('acc-1', true), report('acc-2', false, { error: 'close rejected: market closed' })),
      { title: 'Flatten FAILED: act manually', body: 'SIM-100K: close rejected: market closed' },
    ],
    [
      'not flat, no reason given',
      flattened(report('acc-9', false)),
      { title: 'Flatten FAILED: act manually', body: 'acc-9: not confirmed flat' },
    ],
    [
      'the command failing',
      { ok: false, error: 'broker disconnected' } as const,
      { title: 'Flatten FAILED: act manually', body: 'broker disconnected' },
    ],
    ['no accounts', flattened(), { title: 'Flatten complete', body: 'No accounts to flatten' }],
  ])('%s', (_name, response, expected) => {
    expect(flattenNotification(response, accounts)).toMatchObject(expected);
  });

  it('marks a failure critical', () => {
    expect(flattenNotification(flattened(report('acc-1', false)), accounts).urgency).toBe('critical');
  });
});

describe('the notifier', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it('shows a native notification for a critical alert, and clicking it shows the window', () => {
    const onClick = vi.fn();
    const notifier = createNotifier({ onClick, logger: memoryLogger() });
    notifier.alert(alertView({ level: 'critical', title: 'Trailing drawdown breached' }));
    expect(Notification.shown.map((shown) => shown.options)).toEqual([
      expect.objectContaining({ title: 'Trailing drawdown breached', urgency: 'critical' }),
    ]);
    Notification.shown[0]?.emit('click');
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('shows the flatten result', () => {
    const notifier = createNotifier({ onClick: vi.fn(), logger: memoryLogger() });
    notifier.flattenResult(flattened(report('acc-1', true)), accounts);
    expect(Notification.shown[0]?.options.title).toBe('Flatten complete: SIM-50K is flat');
  });

  it('shows nothing, and logs, where the OS has no notifications', () => {
    Notification.supported = false;
    const logger = memoryLogger();
    createNotifier({ onClick: vi.fn(), logger }).alert(alertView());
    expect(Notification.shown).toEqual([]);
    expect(logger.lines).toHaveLength(1);
  });
});
