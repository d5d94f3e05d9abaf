// @vitest-environment jsdom
// The desktop app's extras on screen: the host's standing notices as banners, the test notification (native in
// the desktop app, the browser's own under `warden serve`) with its outcome, and an account opened from a
// notification.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromBridge } from '../../../renderer/src/api';
import type { WardenBridge } from '../../../renderer/src/api/bridge-api';
import { App } from '../../../renderer/src/app/App';
import { HIGHLIGHT_MS } from '../../../renderer/src/features/desktop/use-open-account';
import { createStores, WardenProvider } from '../../../renderer/src/state';
import type { DesktopExtras, HostNotice, TestNotificationResult } from '../../../shared/ipc';
import {
  FIXTURE_ACCOUNT_ID,
  buildFixtureState,
  fixtureAccount,
  fixtureAlerts,
} from '../../helpers/fixture-state';
import { fakeHost, renderWithState } from './harness';

const SECOND_ACCOUNT = 'SIM-100K';

/** The preload's desktop extras, driven by the test. */
function fakeDesktop(result: TestNotificationResult = { ok: true }) {
  let current: HostNotice[] = [];
  const noticeListeners = new Set<(notices: HostNotice[]) => void>();
  const openListeners = new Set<(accountId: string) => void>();
  const testNotification = vi.fn(() => Promise.resolve(result));
  const extras: DesktopExtras = {
    onNotices(listener) {
      noticeListeners.add(listener);
      listener(current);
      return () => {
        noticeListeners.delete(listener);
      };
    },
    onOpenAccount(listener) {
      openListeners.add(listener);
      return () => {
        openListeners.delete(listener);
      };
    },
    testNotification,
  };
  return {
    extras,
    testNotification,
    setNotices(notices: HostNotice[]) {
      current = notices;
      act(() => {
        for (const listener of noticeListeners) listener(notices);
      });
    },
    open(accountId: string) {
      act(() => {
        for (const listener of openListeners) listener(accountId);
      });
    },
    openListeners,
  };
}

/** The whole screen over a host that has the desktop extras (or none), with two accounts. */
function renderApp(desktop: DesktopExtras | undefined, browserHost = false) {
  const host = fakeHost();
  if (desktop !== undefined) host.api.desktop = desktop;
  const stores = createStores();
  stores.link.getState().setStatus({ kind: 'open' });
  stores.view.getState().receive(
    buildFixtureState({
      accounts: [fixtureAccount(), fixtureAccount({ id: SECOND_ACCOUNT, name: SECOND_ACCOUNT })],
    }),
  );
  stores.alerts.getState().receiveSnapshot(fixtureAlerts());
  return render(
    <WardenProvider value={{ api: host.api, stores }}>
      <App browserHost={browserHost} />
    </WardenProvider>,
  );
}

const unavailable: HostNotice = {
  id: 'notifications',
  level: 'critical',
  title: 'Desktop notifications are not available',
  message:
    'The system refused a notification: access denied. Alerts still show in this window and in the tray.',
  fix: 'Open Settings > System > Notifications: turn notifications on and allow Warden.',
};
const noTray: HostNotice = {
  id: 'tray',
  level: 'warning',
  title: 'No tray icon',
  message: 'This desktop shows no tray icons.',
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  // jsdom has no scrollIntoView; the open-account test adds one.
  Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
});

describe('the host notices banner', () => {
  it('shows nothing while there are no notices', () => {
    renderApp(fakeDesktop().extras);
    expect(screen.queryByTestId('host-notices')).toBeNull();
  });

  it('shows each notice with its title, message and fix; critical ones as alerts, warnings as status', () => {
    const desktop = fakeDesktop();
    renderApp(desktop.extras);
    desktop.setNotices([unavailable, noTray]);
    const critical = screen.getByTestId('host-notice-notifications');
    expect(critical.getAttribute('role')).toBe('alert');
    expect(critical.classList).toContain('banner-bad');
    expect(critical.textContent).toBe(
      'Desktop notifications are not available ' +
        'The system refused a notification: access denied. Alerts still show in this window and in the tray.' +
        'Open Settings > System > Notifications: turn notifications on and allow Warden.',
    );
    const warning = screen.getByTestId('host-notice-tray');
    expect(warning.getAttribute('role')).toBe('status');
    expect(warning.classList).toContain('banner-warn');
    expect(warning.textContent).toBe('No tray icon This desktop shows no tray icons.');
  });

  it('shows the notices the host already has when the page starts', () => {
    const desktop = fakeDesktop();
    desktop.setNotices([noTray]);
    renderApp(desktop.extras);
    expect(screen.getByTestId('host-notice-tray')).toBeTruthy();
  });

  it('disappears when the host clears the notices', () => {
    const desktop = fakeDesktop();
    renderApp(desktop.extras);
    desktop.setNotices([unavailable]);
    expect(screen.getByTestId('host-notice-notifications')).toBeTruthy();
    desktop.setNotices([]);
    expect(screen.queryByTestId('host-notices')).toBeNull();
  });

  it('sits under the header with the link banner', () => {
    const desktop = fakeDesktop();
    const { container } = renderApp(desktop.extras);
    desktop.setNotices([noTray]);
    const order = [...container.querySelectorAll('.topbar, [data-testid="host-notices"], .tabs')].map(
      (element) => element.getAttribute('data-testid') ?? element.className,
    );
    expect(order).toEqual([expect.stringContaining('topbar'), 'host-notices', 'tabs']);
  });
});

describe('the notification settings', () => {
  it('are not shown by a host without desktop extras outside a browser', () => {
    renderWithState();
    expect(screen.queryByTestId('notification-settings')).toBeNull();
  });

  it('send the native test notification and say it was sent', async () => {
    const desktop = fakeDesktop({ ok: true });
    renderApp(desktop.extras);
    await act(async () => {
      fireEvent.click(screen.getByTestId('test-notification'));
      await Promise.resolve();
    });
    expect(desktop.testNotification).toHaveBeenCalledOnce();
    expect(screen.getByTestId('test-notification-outcome').textContent).toBe('Sent: check that it appeared');
  });

  it('say why the test notification was not shown', async () => {
    const desktop = fakeDesktop({ ok: false, error: 'no confirmation from the system' });
    renderApp(desktop.extras);
    await act(async () => {
      fireEvent.click(screen.getByTestId('test-notification'));
      await Promise.resolve();
    });
    const outcome = screen.getByTestId('test-notification-outcome');
    expect(outcome.textContent).toBe('Not shown: no confirmation from the system');
    expect(outcome.getAttribute('role')).toBe('status');
  });

  it('explain how to let Warden through Focus Assist, Focus and Do Not Disturb', () => {
    renderApp(fakeDesktop().extras);
    const help = screen.getByTestId('notification-help');
    expect(within(help).getByText('Not seeing notifications?').tagName).toBe('SUMMARY');
    expect(help.textContent).toContain('Settings > System > Notifications');
    expect(help.textContent).toContain('Focus Assist / Do Not Disturb');
    expect(help.textContent).toContain('System Settings > Focus');
    expect(help.textContent).toContain('Linux: turn Do Not Disturb off');
    expect(help.textContent).not.toContain('Browser:');
  });

  describe('in a browser', () => {
    const shown: { title: string; options: NotificationOptions | undefined }[] = [];
    let permission: NotificationPermission = 'granted';
    beforeEach(() => {
      shown.length = 0;
      permission = 'granted';
      vi.stubGlobal(
        'Notification',
        class {
          static get permission() {
            return permission;
          }
          static requestPermission() {
            permission = 'granted';
            return Promise.resolve(permission);
          }
          readonly title: string;
          constructor(title: string, options?: NotificationOptions) {
            this.title = title;
            shown.push({ title, options });
          }
        },
      );
    });

    it.each(['granted', 'default'] as const)(
      "show the browser's own notification (permission %s)",
      async (initial) => {
        permission = initial;
        renderApp(undefined, true);
        await act(async () => {
          fireEvent.click(screen.getByTestId('test-notification'));
          await Promise.resolve();
        });
        expect(shown.map((entry) => entry.title)).toEqual(['Warden test notification']);
        expect(screen.getByTestId('test-notification-outcome').textContent).toBe(
          'Sent: check that it appeared',
        );
        expect(screen.getByTestId('notification-help').textContent).toContain('Browser:');
      },
    );

    it('say when the page may not notify', async () => {
      permission = 'denied';
      renderApp(undefined, true);
      await act(async () => {
        fireEvent.click(screen.getByTestId('test-notification'));
        await Promise.resolve();
      });
      expect(shown).toEqual([]);
      expect(screen.getByTestId('test-notification-outcome').textContent).toBe(
        "Not shown: notifications are blocked for this page: allow them in the browser's site settings",
      );
    });
  });
});

describe('opening an account from a notification', () => {
  it('switches to the dashboard, scrolls the account into view, focuses it and marks it for a moment', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const scrolled: Element[] = [];
    const scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
    Object.defineProperty(Element.prototype, 'scrollIntoView', {
      value: scrollIntoView,
      configurable: true,
    });
    const desktop = fakeDesktop();
    renderApp(desktop.extras);
    fireEvent.click(screen.getByTestId('tab-rules'));
    expect(screen.queryByTestId(`account-${SECOND_ACCOUNT}`)).toBeNull();
    desktop.open(SECOND_ACCOUNT);
    expect(screen.getByTestId('tab-dashboard').getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByTestId(`account-${SECOND_ACCOUNT}`);
    expect(panel.getAttribute('data-account')).toBe(SECOND_ACCOUNT);
    expect(panel.getAttribute('data-opened')).toBe('true');
    expect(document.activeElement).toBe(panel);
    expect(scrolled).toEqual([panel]);
    expect(scrollIntoView).toHaveBeenCalledWith({ behavior: 'smooth', block: 'start' });
    // The overview opens that account's detail (the only panel shown) and selects its row.
    expect(screen.queryByTestId(`account-${FIXTURE_ACCOUNT_ID}`)).toBeNull();
    expect(screen.getByTestId(`overview-row-${SECOND_ACCOUNT}`).getAttribute('aria-selected')).toBe('true');
    act(() => {
      vi.advanceTimersByTime(HIGHLIGHT_MS - 1);
    });
    expect(panel.getAttribute('data-opened')).toBe('true');
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(panel.hasAttribute('data-opened')).toBe(false);
  });

  it('stops listening when the screen goes away', () => {
    const desktop = fakeDesktop();
    const { unmount } = renderApp(desktop.extras);
    expect(desktop.openListeners.size).toBe(1);
    unmount();
    expect(desktop.openListeners.size).toBe(0);
  });
});

describe('the bridge host', () => {
  const commands = Object.fromEntries(
    ['onState', 'onAlerts', 'onAlert'].map((name) => [name, () => () => undefined]),
  );

  it("passes the preload's desktop extras through, delegating each call", async () => {
    const desktop = fakeDesktop({ ok: false, error: 'access denied' });
    const api = fromBridge({ ...commands, desktop: desktop.extras } as unknown as WardenBridge);
    await expect(api.desktop?.testNotification()).resolves.toEqual({ ok: false, error: 'access denied' });
    expect(desktop.testNotification).toHaveBeenCalledOnce();
    api.desktop?.onOpenAccount(() => undefined);
    expect(desktop.openListeners.size).toBe(1);
  });

  it('has no desktop extras over a bridge without them', () => {
    const api = fromBridge(commands as unknown as WardenBridge);
    expect('desktop' in api).toBe(false);
  });
});
