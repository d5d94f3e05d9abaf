// The tray: Flatten all / Show Warden / Quit, and a colour that follows the worst condition.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Notification, Tray, app, dialog, resetElectronFake } from '../../mocks/electron';
import { memoryLogger } from '../../../main/platform/logger';
import { createNotifier } from '../../../main/desktop/notifications';
import { createTray } from '../../../main/desktop/tray';
import { trayLevel, trayTooltip } from '../../../main/desktop/tray-level';
import { accountView, createFakeCore, stateView } from './fake-core';

vi.mock('electron', () => import('../../mocks/electron'));

function setup() {
  const core = createFakeCore();
  const showWindow = vi.fn();
  const quit = vi.fn();
  const logger = memoryLogger();
  const notifier = createNotifier({ onClick: showWindow, logger });
  const handle = createTray({
    core,
    iconDir: '/opt/warden/dist/desktop/icons',
    notifier,
    showWindow,
    quit,
    logger,
  });
  const tray = Tray.instances.at(-1);
  if (tray === undefined || tray.menu === null) throw new Error('no tray with a menu');
  return { core, showWindow, quit, handle, tray, menu: tray.menu };
}

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the tray', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it('shows the green icon with the tooltip "Warden"', () => {
    const { tray } = setup();
    expect(tray.tooltip).toBe('Warden');
    expect(tray.image?.path).toBe('/opt/warden/dist/desktop/icons/tray-ok.png');
  });

  it('offers Flatten all, Lock for the rest of the day, Show Warden, Start at login and Quit', () => {
    expect(setup().menu.labels()).toEqual([
      'Flatten all',
      'Lock for the rest of the day',
      'Show Warden',
      'Start at login',
      'Quit',
    ]);
  });

  it('Lock for the rest of the day asks once (Enter = lock), then locks every account not halted', async () => {
    const { core, menu } = setup();
    core.state = stateView({
      accounts: [
        accountView('acc-1', 'SIM-50K'),
        accountView('acc-2', 'PA-150K', { tradingState: 'reducing' }),
        accountView('acc-3', 'EVAL-1', { tradingState: 'halted' }),
      ],
    });
    core.respond('lock', { ok: true, result: { lockedUntil: '2026-05-05T22:00:00.000Z' } });
    menu.click('Lock for the rest of the day');
    await flushPromises();
    expect(dialog.messageBoxes).toEqual([
      expect.objectContaining({
        message: 'Lock trading for the rest of the day?',
        detail:
          'SIM-50K, PA-150K will be flattened and halted until the trading day ends. This cannot be undone.',
        buttons: ['Lock for the day', 'Cancel'],
        defaultId: 0,
        cancelId: 1,
      }),
    ]);
    expect(core.calls).toEqual([
      { name: 'lock', args: { account: 'acc-1', until: 'dayEnd' } },
      { name: 'lock', args: { account: 'acc-2', until: 'dayEnd' } },
    ]);
    expect(Notification.shown.map((n) => [n.options.title, n.options.body])).toEqual([
      ['Locked for the day', 'SIM-50K, PA-150K'],
    ]);
  });

  it('Lock for the rest of the day does nothing when the trader cancels', async () => {
    const { core, menu } = setup();
    dialog.answers.push(1);
    menu.click('Lock for the rest of the day');
    await flushPromises();
    expect(dialog.messageBoxes).toHaveLength(1);
    expect(core.calls).toEqual([]);
  });

  it('a refused lock is notified as a failure', async () => {
    const { core, menu } = setup();
    core.respond('lock', { ok: false, error: 'broker disconnected' });
    menu.click('Lock for the rest of the day');
    await flushPromises();
    expect(Notification.shown.map((n) => [n.options.title, n.options.body])).toEqual([
      ['Lock FAILED', 'SIM-50K: broker disconnected'],
    ]);
  });

  it('Start at login follows the OS setting and toggles it', () => {
    const { tray } = setup();
    const item = () => tray.menu?.template.find((i) => i.label === 'Start at login');
    expect(item()?.checked).toBe(false);
    tray.menu?.click('Start at login');
    expect(app.getLoginItemSettings().openAtLogin).toBe(true);
    expect(item()?.checked).toBe(true);
    tray.menu?.click('Start at login');
    expect(app.getLoginItemSettings().openAtLogin).toBe(false);
  });

  it("lists each account's day P&L in the tooltip, and updates it only when it changes", () => {
    const { handle, tray } = setup();
    const pnl = (value: string, tradingState: 'active' | 'halted' = 'active') =>
      stateView({
        accounts: [accountView('acc-1', 'SIM-50K', { tradingState }), accountView('acc-2', 'PA-150K')].map(
          (a, i) => ({ ...a, metrics: { ...a.metrics, dailyNetPnl: i === 0 ? value : '-87' } }),
        ),
      });
    handle.update(pnl('1234.5'));
    expect(tray.tooltip).toBe('Warden\nSIM-50K: day +1,234.50\nPA-150K: day -87.00');
    handle.update(pnl('-1000', 'halted'));
    expect(tray.tooltip).toBe(
      'Warden: an account is restricted\nSIM-50K: day -1,000.00 (halted)\nPA-150K: day -87.00',
    );
  });

  it('Flatten all flattens every account; the outcome is notified from the core alert, not twice', async () => {
    const { core, menu } = setup();
    core.respond('flatten', {
      ok: true,
      result: {
        reports: [{ account: 'acc-1', flat: true, cancelledOrders: 0, closedPositions: 1, elapsedMs: 300 }],
      },
    });
    menu.click('Flatten all');
    await flushPromises();
    expect(core.calls).toEqual([{ name: 'flatten', args: { all: true } }]);
    expect(Notification.shown).toEqual([]);
  });

  it('tells the trader to act manually when Flatten all fails', async () => {
    const { core, menu } = setup();
    core.respond('flatten', { ok: false, error: 'broker disconnected' });
    menu.click('Flatten all');
    await flushPromises();
    expect(Notification.shown.map((shown) => shown.options.title)).toEqual(['Flatten FAILED: act manually']);
  });

  it('Show Warden shows the window and Quit quits', () => {
    const { menu, showWindow, quit } = setup();
    menu.click('Show Warden');
    expect(showWindow).toHaveBeenCalledOnce();
    expect(quit).not.toHaveBeenCalled();
    menu.click('Quit');
    expect(quit).toHaveBeenCalledOnce();
  });

  it('turns red when an account is halted and back to green when it is active again', () => {
    const { handle, tray } = setup();
    handle.update(stateView({ accounts: [accountView('acc-1', 'SIM-50K', { tradingState: 'halted' })] }));
    handle.update(stateView({ accounts: [accountView('acc-1', 'SIM-50K', { tradingState: 'halted' })] }));
    handle.update(stateView());
    expect(tray.images.map((image) => image.path.split('/').at(-1))).toEqual([
      'tray-ok.png',
      'tray-critical.png',
      'tray-ok.png',
    ]);
  });
});

const limit = (level: 'ok' | 'warning' | 'critical') => ({
  rule: 'dailyLoss',
  label: 'Daily loss',
  unit: 'money' as const,
  used: '850',
  limit: '1000',
  level,
});

describe('trayLevel', () => {
  it.each([
    ['all active and connected', stateView(), 'ok'],
    [
      'an account halted',
      stateView({ accounts: [accountView('a', 'A', { tradingState: 'halted' })] }),
      'critical',
    ],
    [
      'an account reducing',
      stateView({ accounts: [accountView('a', 'A', { tradingState: 'reducing' })] }),
      'critical',
    ],
    ['a flatten running', stateView({ accounts: [accountView('a', 'A', { flattening: true })] }), 'critical'],
    [
      'a limit at warning',
      stateView({ accounts: [accountView('a', 'A', { limits: [limit('warning')] })] }),
      'warning',
    ],
    [
      'a limit at critical',
      stateView({ accounts: [accountView('a', 'A', { limits: [limit('ok'), limit('critical')] })] }),
      'critical',
    ],
    ['every limit ok', stateView({ accounts: [accountView('a', 'A', { limits: [limit('ok')] })] }), 'ok'],
    [
      'the broker reconnecting',
      stateView({ connection: { broker: 'sim', status: 'reconnecting', detail: null } }),
      'warning',
    ],
    [
      'halted while disconnected',
      stateView({
        connection: { broker: 'sim', status: 'disconnected', detail: null },
        accounts: [accountView('a', 'A', { tradingState: 'halted' })],
      }),
      'critical',
    ],
  ] as const)('%s → %s', (_name, state, expected) => {
    expect(trayLevel(state)).toBe(expected);
  });

  it('says why in the tooltip', () => {
    expect(
      trayTooltip(stateView({ connection: { broker: 'sim', status: 'disconnected', detail: null } })),
    ).toBe('Warden: broker disconnected\nSIM-50K: day 0.00');
    expect(
      trayTooltip(stateView({ accounts: [accountView('a', 'A', { limits: [limit('critical')] })] })),
    ).toBe('Warden: a limit is critical\nA: day 0.00');
  });
});
