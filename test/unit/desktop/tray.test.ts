// The tray: Flatten all / Show Warden / Open logs folder / Start at login / Quit, a click that shows the window
// (not on macOS), the icon each OS wants, and a colour and tooltip that follow the worst condition and notice.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Notification, Tray, app, dialog, resetElectronFake, shell } from '../../mocks/electron';
import type { HostNotice } from '../../../shared/ipc';
import { memoryLogger } from '../../../main/platform/logger';
import { createHostNotices } from '../../../main/desktop/host-notices';
import { loginItem, type LoginItem } from '../../../main/desktop/login-item';
import { createNotifier } from '../../../main/desktop/notifications';
import { createTray } from '../../../main/desktop/tray';
import {
  noticeLevel,
  noticeLine,
  trayIconFile,
  trayLevel,
  trayTooltip,
  trayView,
} from '../../../main/desktop/tray-level';
import { accountView, createFakeCore, stateView } from './fake-core';

vi.mock('electron', () => import('../../mocks/electron'));

const LOG_DIR = '/data/warden/logs';

function setup(input: { platform?: NodeJS.Platform; loginItem?: LoginItem } = {}) {
  const core = createFakeCore();
  const showWindow = vi.fn();
  const quit = vi.fn();
  const logger = memoryLogger();
  const notices = createHostNotices(logger);
  const platform = input.platform ?? 'darwin';
  const notifier = createNotifier({
    onOpen: () => {
      showWindow();
    },
    notices,
    logger,
    platform,
  });
  const handle = createTray({
    core,
    iconDir: '/opt/warden/dist/desktop/icons',
    logDir: LOG_DIR,
    notices,
    notifier,
    showWindow,
    quit,
    logger,
    platform,
    ...(input.loginItem === undefined ? {} : { loginItem: input.loginItem }),
  });
  const tray = Tray.instances.at(-1);
  if (tray === undefined || tray.menu === null) throw new Error('no tray with a menu');
  return { core, showWindow, quit, handle, tray, menu: tray.menu, notices, logger };
}

const notificationsNotice: HostNotice = {
  id: 'notifications',
  level: 'warning',
  title: 'Desktop notifications are not available',
  message: 'The system refused them.',
};
const criticalNotice: HostNotice = {
  id: 'keychain',
  level: 'critical',
  title: 'Credentials are not protected',
  message: 'No keychain.',
};
const fileName = (path: string | undefined) => path?.split('/').at(-1);

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the tray', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it('shows the green icon with the tooltip "Warden"', () => {
    const { tray } = setup({ platform: 'linux' });
    expect(tray.tooltip).toBe('Warden');
    expect(tray.image?.path).toBe('/opt/warden/dist/desktop/icons/tray-ok.png');
  });

  it('offers Flatten all, Lock for the rest of the day, Show Warden, Open logs folder, Start at login and Quit', () => {
    expect(setup().menu.labels()).toEqual([
      'Flatten all',
      'Lock for the rest of the day',
      'Show Warden',
      'Open logs folder',
      'Start at login',
      'Quit',
    ]);
  });

  it.each([
    ['linux', 'tray-ok.png'],
    ['darwin', 'tray-ok-mac.png'],
    ['win32', 'tray-ok.ico'],
  ] as const)('on %s shows %s', (platform, file) => {
    expect(setup({ platform }).tray.image?.path).toBe(`/opt/warden/dist/desktop/icons/${file}`);
  });

  it.each(['linux', 'win32'] as const)('a click on the icon shows the window on %s', (platform) => {
    const { tray, showWindow } = setup({ platform });
    tray.emit('click', {}, { x: 0, y: 0, width: 16, height: 16 }, { x: 4, y: 4 });
    expect(showWindow).toHaveBeenCalledOnce();
  });

  it('a click on macOS is left to open the menu', () => {
    const { tray, showWindow } = setup({ platform: 'darwin' });
    expect(tray.listenerCount('click')).toBe(0);
    tray.emit('click');
    expect(showWindow).not.toHaveBeenCalled();
  });

  it('Open logs folder opens <data dir>/logs', async () => {
    const { menu, notices } = setup();
    menu.click('Open logs folder');
    await flushPromises();
    expect(shell.opened).toEqual([LOG_DIR]);
    expect(notices.list()).toEqual([]);
  });

  it('a logs folder that cannot be opened stands as a notice until it opens', async () => {
    const { menu, notices } = setup();
    shell.openPathError = 'Failed to open path';
    menu.click('Open logs folder');
    await flushPromises();
    expect(notices.list()).toEqual([
      {
        id: 'logs-folder',
        level: 'warning',
        title: 'The logs folder could not be opened',
        message: '/data/warden/logs: Failed to open path',
        fix: 'Open /data/warden/logs in a file manager.',
      },
    ]);
    shell.openPathError = '';
    menu.click('Open logs folder');
    await flushPromises();
    expect(notices.list()).toEqual([]);
  });

  it('a standing notice turns the icon amber and heads the tooltip; clearing it restores both', () => {
    const { tray, notices, handle } = setup({ platform: 'linux' });
    notices.raise(notificationsNotice);
    expect(fileName(tray.image?.path)).toBe('tray-warning.png');
    expect(tray.tooltip).toBe('⚠ Desktop notifications are not available\nWarden');
    handle.update(stateView());
    expect(tray.tooltip).toBe('⚠ Desktop notifications are not available\nWarden\nSIM-50K: day 0.00');
    notices.clear('notifications');
    expect(tray.tooltip).toBe('Warden\nSIM-50K: day 0.00');
    expect(tray.images.map((image) => fileName(image.path))).toEqual([
      'tray-ok.png',
      'tray-warning.png',
      'tray-ok.png',
    ]);
  });

  it('a critical notice turns it red, and a notice standing at start shows at once', () => {
    const logger = memoryLogger();
    const { tray, notices } = setup({ platform: 'win32' });
    notices.raise(criticalNotice);
    expect(fileName(tray.image?.path)).toBe('tray-critical.ico');
    expect(tray.tooltip).toBe('⚠ Credentials are not protected\nWarden');
    const standing = createHostNotices(logger);
    standing.raise(notificationsNotice);
    createTray({
      core: createFakeCore(),
      iconDir: '/icons',
      logDir: LOG_DIR,
      notices: standing,
      notifier: createNotifier({ onOpen: () => undefined, notices: standing, logger, platform: 'linux' }),
      showWindow: () => undefined,
      quit: () => undefined,
      logger,
      platform: 'linux',
    });
    expect(Tray.instances.at(-1)?.image?.path).toBe('/icons/tray-warning.png');
    expect(Tray.instances.at(-1)?.tooltip).toBe('⚠ Desktop notifications are not available\nWarden');
  });

  it('a warning notice does not lower a critical state; destroy stops following the notices', () => {
    const { tray, notices, handle } = setup({ platform: 'linux' });
    handle.update(stateView({ accounts: [accountView('acc-1', 'SIM-50K', { tradingState: 'halted' })] }));
    notices.raise(notificationsNotice);
    expect(fileName(tray.image?.path)).toBe('tray-critical.png');
    expect(tray.tooltip).toBe(
      '⚠ Desktop notifications are not available\nWarden: SIM-50K halted\nSIM-50K: day 0.00 (halted)',
    );
    handle.destroy();
    notices.clear('notifications');
    expect(tray.destroyed).toBe(true);
    expect(tray.tooltip).toBe(
      '⚠ Desktop notifications are not available\nWarden: SIM-50K halted\nSIM-50K: day 0.00 (halted)',
    );
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
    // Asked without stopping the main process: the guard runs on while the question is open.
    expect(dialog.blockingBoxes).toBe(0);
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

  it('Start at login on Linux writes and removes the XDG autostart entry, and shows whether it is there', () => {
    const config = mkdtempSync(join(tmpdir(), 'warden-tray-autostart-'));
    const entry = join(config, 'autostart', 'warden.desktop');
    const login = loginItem('linux', { XDG_CONFIG_HOME: config }, { execPath: '/opt/Warden/warden' });
    const { tray, notices } = setup({ platform: 'linux', loginItem: login });
    const item = () => tray.menu?.template.find((i) => i.label === 'Start at login');
    expect(item()?.checked).toBe(false);
    tray.menu?.click('Start at login');
    expect(readFileSync(entry, 'utf8')).toContain('\nExec=/opt/Warden/warden\n');
    expect(item()?.checked).toBe(true);
    expect(app.getLoginItemSettings().openAtLogin).toBe(false);
    tray.menu?.click('Start at login');
    expect(existsSync(entry)).toBe(false);
    expect(item()?.checked).toBe(false);
    expect(notices.list()).toEqual([]);
  });

  it('a start-at-login setting that cannot be written stands as a notice', () => {
    const login: LoginItem = {
      get: () => false,
      set: () => {
        throw new Error('EACCES: permission denied');
      },
      where: '/home/trader/.config/autostart/warden.desktop',
    };
    const { tray, notices } = setup({ platform: 'linux', loginItem: login });
    tray.menu?.click('Start at login');
    expect(notices.list()).toEqual([
      {
        id: 'login-item',
        level: 'warning',
        title: 'Start at login could not be changed',
        message: '/home/trader/.config/autostart/warden.desktop: EACCES: permission denied',
      },
    ]);
  });

  it('Start at login on macOS and Windows follows the OS setting and toggles it', () => {
    const { tray } = setup({ platform: 'darwin' });
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
    expect(tray.tooltip).toBe('Warden: SIM-50K halted\nSIM-50K: day -1,000.00 (halted)\nPA-150K: day -87.00');
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
    const { handle, tray } = setup({ platform: 'linux' });
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

  it('trayIconFile picks the format of each OS', () => {
    expect(
      ['linux', 'freebsd', 'darwin', 'win32'].map((p) => trayIconFile('warning', p as NodeJS.Platform)),
    ).toEqual(['tray-warning.png', 'tray-warning.png', 'tray-warning-mac.png', 'tray-warning.ico']);
  });

  it('notices: at least warning, critical when one is; the worst named first with how many more', () => {
    expect(noticeLevel([])).toBe('ok');
    expect(noticeLevel([notificationsNotice])).toBe('warning');
    expect(noticeLevel([notificationsNotice, criticalNotice])).toBe('critical');
    expect(noticeLine([])).toBeNull();
    expect(noticeLine([notificationsNotice, criticalNotice])).toBe(
      '⚠ Credentials are not protected (+1 more)',
    );
    expect(trayView(null, [])).toEqual({ level: 'ok', tooltip: 'Warden' });
    expect(
      trayView(stateView({ connection: { broker: 'sim', status: 'disconnected', detail: null } }), [
        criticalNotice,
      ]),
    ).toEqual({
      level: 'critical',
      tooltip: '⚠ Credentials are not protected\nWarden: broker disconnected\nSIM-50K: day 0.00',
    });
  });

  it('says why in the tooltip', () => {
    expect(
      trayTooltip(stateView({ connection: { broker: 'sim', status: 'disconnected', detail: null } })),
    ).toBe('Warden: broker disconnected\nSIM-50K: day 0.00');
    expect(
      trayTooltip(stateView({ accounts: [accountView('a', 'A', { limits: [limit('critical')] })] })),
    ).toBe('Warden: A Daily loss critical\nA: day 0.00');
  });

  it('with 20 accounts names the worst one and its group first, and lists only those needing attention', () => {
    const accounts = Array.from({ length: 20 }, (_, i) => accountView(`A${i + 1}`, `Apex ${i + 1}`));
    const worse = (id: string, overrides: Parameters<typeof accountView>[2]) => {
      const index = accounts.findIndex((account) => account.id === id);
      accounts[index] = accountView(id, `Apex ${index + 1}`, overrides);
    };
    worse('A3', { limits: [limit('warning')] });
    worse('A7', { tradingState: 'halted' });
    worse('A12', { limits: [limit('critical')] });
    const group = {
      id: 'apex',
      name: 'Apex 50Ks',
      accounts: ['A6', 'A7', 'A8'],
      leader: 'A6',
      metrics: { dailyNetPnl: '0', dailyRealizedPnl: '0', unrealizedPnl: '0', openContracts: 0 },
      limits: [],
      tradingState: 'halted' as const,
    };
    expect(trayTooltip(stateView({ accounts, groups: [group] }))).toBe(
      [
        'Warden: Apex 7 (Apex 50Ks) halted (+2 more)',
        'Apex 7: day 0.00 (halted)',
        'Apex 12: day 0.00',
        'Apex 3: day 0.00',
        '17 accounts ok',
      ].join('\n'),
    );
  });
});

describe('the tray with account groups', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  const group = (id: string, name: string, accounts: string[]) => ({
    id,
    name,
    accounts,
    leader: null,
    metrics: { dailyNetPnl: '0', dailyRealizedPnl: '0', unrealizedPnl: '0', openContracts: 0 },
    limits: [],
    tradingState: 'active' as const,
  });
  const withGroups = stateView({
    accounts: [accountView('A1', 'Apex 1'), accountView('A2', 'Apex 2'), accountView('T1', 'Topstep 1')],
    groups: [group('apex', 'Apex 50Ks', ['A1', 'A2']), group('top', 'Topstep', ['T1'])],
  });

  it('offers one submenu per group, rebuilt when the groups change and not on every push', () => {
    const { handle, tray } = setup();
    expect(tray.menu?.labels()).not.toContain('Apex 50Ks');
    handle.update(withGroups);
    const menu = tray.menu;
    expect(menu?.labels().slice(0, 4)).toEqual([
      'Flatten all',
      'Lock for the rest of the day',
      'Apex 50Ks',
      'Topstep',
    ]);
    expect(menu?.submenuLabels('Apex 50Ks')).toEqual([
      'Flatten Apex 50Ks',
      'Lock Apex 50Ks for the rest of the day',
    ]);
    handle.update({ ...withGroups, seq: 2 });
    expect(tray.menu).toBe(menu);
  });

  it("flattens a group's members with one command", async () => {
    const { core, handle, tray } = setup();
    core.respond('flatten', { ok: true, result: { reports: [] } });
    handle.update(withGroups);
    tray.menu?.click('Flatten Apex 50Ks');
    await vi.waitFor(() => {
      expect(core.calls).toEqual([{ name: 'flatten', args: { group: 'apex' } }]);
    });
  });

  it('locks a group for the day after one question, and tells a refusal', async () => {
    const { core, handle, tray } = setup();
    core.respond('lock', { ok: false, error: 'unknown group "apex"' });
    handle.update(withGroups);
    tray.menu?.click('Lock Apex 50Ks for the rest of the day');
    await vi.waitFor(() => {
      expect(Notification.shown.map((n) => [n.options.title, n.options.body])).toEqual([
        ['Lock Apex 50Ks FAILED', 'unknown group "apex"'],
      ]);
    });
    expect(dialog.messageBoxes[0]).toMatchObject({
      message: 'Lock Apex 50Ks for the rest of the day?',
      detail:
        'Its 2 accounts will be flattened and halted until the trading day ends. This cannot be undone.',
    });
    expect(core.calls).toEqual([{ name: 'lock', args: { group: 'apex', until: 'dayEnd' } }]);
  });
});
