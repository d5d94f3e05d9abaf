// @vitest-environment jsdom
// The Tradovate login on screen: chosen by the broker, it sends setCredentials with the trader's login and API key
// (CID as typed) and either the environment or, for "Custom URLs", the three URLs; the password and secret are gone
// from the screen once sent; the core's refusals stand beside their fields; whose login is in use is said.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoginInUse, StateView } from '../../../shared/ipc';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState, tradovateOn } from './harness';

afterEach(cleanup);

const tradovate = (connection: Partial<StateView['connection']>): StateView =>
  buildFixtureState({
    accounts: [],
    connection: { broker: 'tradovate', status: 'disconnected', detail: null, ...connection },
  });
const MISSING = tradovate({
  detail:
    'not connected: no Tradovate credentials (enter them in Warden, or set WARDEN_TRADOVATE_USERNAME, _PASSWORD, _CID and _SECRET)',
  credentials: 'missing',
  login: null,
});
const ON_DEMO = tradovateOn('demo');
const REFUSED = tradovate({
  detail: 'login failed (Incorrect username or password. Please try again.)',
  credentials: 'stored',
  login: ON_DEMO,
});
const connected = (login: LoginInUse) => tradovate({ status: 'connected', credentials: 'stored', login });

const type = (testId: string, value: string) => {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
};
const input = (testId: string) => screen.getByTestId<HTMLInputElement>(testId);
const heading = () => screen.getByTestId('credentials-form').querySelector('h2')?.textContent;
const submit = async () => {
  await act(async () => {
    fireEvent.click(screen.getByTestId('credentials-submit'));
    await Promise.resolve();
  });
};
const fillLogin = () => {
  type('credentials-user', ' trader ');
  type('credentials-password', ' pass word ');
  type('credentials-cid', ' 8123 ');
  type('credentials-secret', 'sec-4567');
};
const LOGIN = {
  broker: 'tradovate',
  userName: 'trader',
  password: ' pass word ',
  appId: 'Warden',
  cid: '8123',
  secret: 'sec-4567',
};

describe('the Tradovate login', () => {
  it('opens by itself when there is no login, on demo, with the password and secret hidden', () => {
    renderWithState(MISSING);
    expect(heading()).toBe('Log in to Tradovate');
    expect(screen.queryByTestId('credentials-reason')).toBeNull();
    expect(input('credentials-password').type).toBe('password');
    expect(input('credentials-secret').type).toBe('password');
    expect(input('credentials-app-id').placeholder).toBe('Warden');
    expect(screen.getByTestId('credentials-api-access').textContent).toBe(
      'CID and secret come from Tradovate → Settings → API Access.',
    );
    const env = screen.getByTestId<HTMLSelectElement>('credentials-env');
    expect([...env.options].map((o) => o.textContent)).toEqual([
      'Demo (prop evaluations)',
      'Live',
      'Custom URLs',
    ]);
    expect(env.value).toBe('demo');
    expect(screen.queryByTestId('credentials-api-url')).toBeNull();
    expect(screen.queryByTestId('credentials-key')).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>('credentials-submit').disabled).toBe(true);
  });

  it('sends the login for demo with the CID as typed and the default app id, then clears password and secret', async () => {
    const host = renderWithState(MISSING);
    fillLogin();
    await submit();
    expect(host.sent).toEqual([{ command: 'setCredentials', args: { ...LOGIN, environment: 'demo' } }]);
    expect(input('credentials-password').value).toBe('');
    expect(input('credentials-secret').value).toBe('');
    expect(input('credentials-user').value).toBe(' trader ');
    expect(input('credentials-cid').value).toBe(' 8123 ');
    expect(document.body.innerHTML).not.toContain('pass word');
    expect(document.body.innerHTML).not.toContain('sec-4567');
  });

  it('sends "live" and the app id typed', async () => {
    const host = renderWithState(MISSING);
    fillLogin();
    type('credentials-app-id', ' FirmApp ');
    type('credentials-env', 'live');
    await submit();
    expect(host.sent.map((c) => c.args)).toEqual([{ ...LOGIN, appId: 'FirmApp', environment: 'live' }]);
  });

  it('sends the three URLs and no environment for "Custom URLs", and needs all three', async () => {
    const host = renderWithState(MISSING);
    fillLogin();
    type('credentials-env', 'custom');
    type('credentials-api-url', 'http://127.0.0.1:5870/v1');
    type('credentials-ws-url', 'ws://127.0.0.1:5870/v1/websocket');
    expect(screen.getByTestId<HTMLButtonElement>('credentials-submit').disabled).toBe(true);
    type('credentials-md-url', ' ws://127.0.0.1:5870/md/v1/websocket ');
    await submit();
    expect(host.sent.map((c) => c.args)).toEqual([
      {
        ...LOGIN,
        apiUrl: 'http://127.0.0.1:5870/v1',
        wsUrl: 'ws://127.0.0.1:5870/v1/websocket',
        mdUrl: 'ws://127.0.0.1:5870/md/v1/websocket',
      },
    ]);
  });

  it('shows each field the core refused beside it, and the password and secret are still not kept', async () => {
    renderWithState(MISSING, {
      handlers: {
        setCredentials: () => ({
          ok: false,
          error:
            'invalid setCredentials: cid: must be the whole number shown as CID; wsUrl: must be a ws(s) URL such as wss://demo.tradovateapi.com/v1/websocket',
        }),
      },
    });
    fillLogin();
    type('credentials-env', 'custom');
    type('credentials-api-url', 'http://127.0.0.1:5870/v1');
    type('credentials-ws-url', 'http://127.0.0.1:5870/v1/websocket');
    type('credentials-md-url', 'ws://127.0.0.1:5870/md/v1/websocket');
    await submit();
    expect(screen.getByTestId('credentials-cid-error').textContent).toBe(
      'must be the whole number shown as CID',
    );
    expect(input('credentials-cid').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('credentials-ws-url-error').textContent).toBe(
      'must be a ws(s) URL such as wss://demo.tradovateapi.com/v1/websocket',
    );
    expect(screen.queryByTestId('credentials-api-url-error')).toBeNull();
    expect(screen.queryByTestId('credentials-error')).toBeNull();
    expect(input('credentials-password').value).toBe('');
    expect(input('credentials-secret').value).toBe('');
  });

  it('shows a refusal no field owns as it came', async () => {
    renderWithState(MISSING, {
      handlers: {
        setCredentials: () => ({
          ok: false,
          error:
            'invalid setCredentials: environment: must be demo or live; cid: must be the whole number shown as CID',
        }),
      },
    });
    fillLogin();
    await submit();
    expect(screen.getByTestId('credentials-error').textContent).toBe(
      'invalid setCredentials: environment: must be demo or live',
    );
    expect(screen.getByTestId('credentials-cid-error').textContent).toBe(
      'must be the whole number shown as CID',
    );
  });

  it('opens by itself after a failed login, saying why', () => {
    renderWithState(REFUSED);
    expect(heading()).toBe('Login failed: check your credentials');
    expect(screen.getByTestId('credentials-reason').textContent).toBe(
      'Incorrect username or password. Please try again.',
    );
    expect(screen.getByTestId('connection-label').textContent).toBe('login failed');
  });

  it.each([
    [ON_DEMO, 'Logged in as trader on demo'],
    [tradovateOn('live'), 'Logged in as trader on live'],
    [
      {
        ...ON_DEMO,
        userName: 'warden-trader',
        environment: 'custom',
        apiUrl: 'http://127.0.0.1:5870/v1',
      } as const,
      'Logged in as warden-trader at http://127.0.0.1:5870/v1',
    ],
  ])('when connected, says whose login is in use (%#: "%s") and offers to change it', (login, said) => {
    renderWithState(connected(login));
    expect(screen.queryByTestId('credentials-form')).toBeNull();
    expect(screen.getByTestId('credentials-login-in-use').textContent).toBe(said);
    fireEvent.click(screen.getByTestId('credentials-open'));
    expect(heading()).toBe('Change the Tradovate login');
    expect(screen.getByTestId('credentials-password')).toBeTruthy();
    fireEvent.click(screen.getByTestId('credentials-cancel'));
    expect(screen.queryByTestId('credentials-form')).toBeNull();
  });

  it('closes the change once the login is stored', async () => {
    const host = renderWithState(connected(ON_DEMO));
    fireEvent.click(screen.getByTestId('credentials-open'));
    fillLogin();
    await submit();
    expect(host.sent).toHaveLength(1);
    expect(screen.queryByTestId('credentials-form')).toBeNull();
    expect(screen.getByTestId('credentials-login-in-use').textContent).toBe('Logged in as trader on demo');
  });
});
