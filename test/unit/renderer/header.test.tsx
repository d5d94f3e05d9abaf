// @vitest-environment jsdom
// The top bar tells the connection truth (broker status, stale feed, lost link, bad token) and drives Demo.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { UNAUTHORIZED_MESSAGE } from '../../../renderer/src/api';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

afterEach(cleanup);

describe('header', () => {
  it('shows the product, the broker and its status word', () => {
    renderWithState();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Warden');
    const status = screen.getByTestId('connection-status');
    expect(status.textContent).toContain('sim');
    expect(status.textContent).toContain('connected');
    expect(status.classList).toContain('conn-ok');
  });

  it.each([
    [
      'reconnecting',
      'reconnecting: user hub connection lost (socket closed)',
      'reconnecting',
      'user hub connection lost (socket closed)',
      'conn-warn',
    ],
    [
      'reconnecting',
      'not connected: Account/search: no answer in 1000 ms',
      'reconnecting',
      'not connected: Account/search: no answer in 1000 ms',
      'conn-warn',
    ],
    [
      'disconnected',
      'not connected: no ProjectX credentials (enter them in Warden, or set WARDEN_PROJECTX_USERNAME and WARDEN_PROJECTX_API_KEY)',
      'not connected',
      'no ProjectX credentials (enter them in Warden, or set WARDEN_PROJECTX_USERNAME and WARDEN_PROJECTX_API_KEY)',
      'conn-bad',
    ],
    [
      'disconnected',
      'login failed (Auth/loginKey refused: invalid credentials (check the user name and API key))',
      'login failed',
      'Auth/loginKey refused: invalid credentials (check the user name and API key)',
      'conn-bad',
    ],
    [
      'connected',
      'market data not entitled (the market hub refused the login): open P&L will not move',
      'market data not entitled',
      'open P&L will not move: the market hub refused the login',
      'conn-warn',
    ],
    ['connecting', null, 'connecting', null, 'conn-warn'],
  ] as const)('shows %s with "%s" as "%s (%s)"', (status, detail, label, reason, tone) => {
    renderWithState(
      buildFixtureState({ connection: { broker: 'projectx', status, detail, credentials: 'stored' } }),
    );
    const element = screen.getByTestId('connection-status');
    expect(screen.getByTestId('connection-label').textContent).toBe(label);
    expect(screen.queryByTestId('connection-reason')?.textContent ?? null).toBe(
      reason === null ? null : `(${reason})`,
    );
    expect(element.textContent).toBe(`projectx${label}${reason === null ? '' : `(${reason})`}`);
    expect(element.classList).toContain(tone);
  });

  it('binds the Demo switch to state.demo and sends setDemo with the new value', () => {
    const host = renderWithState(buildFixtureState({ demo: false }));
    const toggle = screen.getByTestId<HTMLInputElement>('demo-toggle');
    expect(toggle.checked).toBe(false);
    expect(screen.getByRole('switch', { name: /demo/i })).toBe(toggle);
    fireEvent.click(toggle);
    expect(host.sent).toEqual([{ command: 'setDemo', args: { enabled: true } }]);
  });

  it('shows the Demo switch on when the core says demo is on', () => {
    renderWithState(buildFixtureState({ demo: true }));
    expect(screen.getByTestId<HTMLInputElement>('demo-toggle').checked).toBe(true);
  });

  it('shows the server time', () => {
    renderWithState();
    expect(screen.getByTestId('server-time').textContent).toMatch(/\d\d:\d\d:\d\d/);
  });
});

describe('link banner', () => {
  it('is absent while the link is open', () => {
    renderWithState();
    expect(screen.queryByTestId('link-banner')).toBeNull();
  });

  it('says "Reconnecting to Warden…" when the link drops', () => {
    const host = renderWithState();
    act(() => {
      host.stores.link.getState().setStatus({ kind: 'reconnecting', attempt: 2, retryInMs: 500 });
    });
    expect(screen.getByTestId('link-banner').textContent).toContain('Reconnecting to Warden…');
  });

  it('marks the last known figures as frozen while the link is down', () => {
    const host = renderWithState();
    expect(screen.getByRole('main').dataset.stale).toBe('false');
    act(() => {
      host.stores.link.getState().setStatus({ kind: 'reconnecting', attempt: 1, retryInMs: 250 });
    });
    expect(screen.getByRole('main').dataset.stale).toBe('true');
    const status = screen.getByTestId('connection-status');
    expect(status.textContent).toContain('link to Warden lost');
    expect(status.classList).toContain('conn-warn');
  });

  it('explains a refused token', () => {
    renderWithState(null, { link: { kind: 'unauthorized' } });
    expect(screen.getByTestId('link-banner').textContent).toBe(UNAUTHORIZED_MESSAGE);
    expect(UNAUTHORIZED_MESSAGE).toBe(
      'Access token missing or wrong — open the URL printed by `warden serve`',
    );
  });

  it('waits calmly for the first state', () => {
    renderWithState(null, { link: { kind: 'connecting' } });
    expect(screen.getByText('Waiting for the first picture from Warden…')).toBeTruthy();
    expect(screen.getByTestId('connection-status').textContent).toContain('waiting');
  });
});

describe('alerts feed', () => {
  it('lists alerts newest first with their level', () => {
    const host = renderWithState();
    act(() => {
      host.stores.alerts.getState().add([
        {
          id: 'a-9',
          t: '2025-03-12T15:29:00.000Z',
          level: 'critical',
          account: 'SIM-50K',
          title: 'Daily loss',
          message: '',
          notify: true,
        },
      ]);
    });
    const items = [...screen.getByTestId('alerts-feed').querySelectorAll('li')];
    expect(items.map((item) => item.dataset.testid)).toEqual(['alert-a-9', 'alert-alert-2', 'alert-alert-1']);
    expect(items[0]?.classList).toContain('alert-critical');
    expect(items[1]?.classList).toContain('alert-warning');
  });
});
