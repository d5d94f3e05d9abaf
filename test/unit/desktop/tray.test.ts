// The tray: Flatten all / Show Warden / Quit, and a colour that follows the worst condition.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Notification, Tray, resetElectronFake } from '../../mocks/electron';
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

  it('offers Flatten all, Show Warden and Quit', () => {
    expect(setup().menu.labels()).toEqual(['Flatten all', 'Show Warden', 'Quit']);
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
    ).toBe('Warden: broker disconnected');
  });
});
