// @vitest-environment jsdom
// The ProjectX login on screen: it opens by itself while credentials are missing or refused (saying why), sends
// setCredentials with the chosen gateway's URLs, hides the key, shows a refusal (beside the field it names), says
// whose login is in use, and stays away on the simulator.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StateView } from '../../../shared/ipc';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

afterEach(cleanup);

const projectx = (connection: Partial<StateView['connection']>): StateView =>
  buildFixtureState({
    accounts: [],
    connection: { broker: 'projectx', status: 'disconnected', detail: null, ...connection },
  });
const MISSING = projectx({
  detail:
    'not connected: no ProjectX credentials (enter them in Warden, or set WARDEN_PROJECTX_USERNAME and WARDEN_PROJECTX_API_KEY)',
  credentials: 'missing',
});
const REFUSED = projectx({
  detail: 'login failed (Auth/loginKey refused: invalid credentials (check the user name and API key))',
  credentials: 'stored',
});
const CONNECTED = projectx({
  status: 'connected',
  credentials: 'stored',
  login: {
    broker: 'projectx',
    userName: 'trader',
    apiUrl: 'https://api.topstepx.com',
    rtcUrl: 'https://rtc.topstepx.com',
  },
});

const type = (testId: string, value: string) => {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
};
const submit = async () => {
  await act(async () => {
    fireEvent.click(screen.getByTestId('credentials-submit'));
    await Promise.resolve();
  });
};

describe('the ProjectX login', () => {
  it('opens by itself when credentials are missing, with TopstepX chosen and the key hidden', () => {
    renderWithState(MISSING);
    const form = screen.getByTestId('credentials-form');
    expect(form.querySelector('h2')?.textContent).toBe('Log in to ProjectX');
    expect(screen.queryByTestId('credentials-reason')).toBeNull();
    expect(screen.getByTestId<HTMLInputElement>('credentials-key').type).toBe('password');
    const env = screen.getByTestId<HTMLSelectElement>('credentials-env');
    expect([...env.options].map((o) => o.textContent)).toEqual(['TopstepX', 'ProjectX demo', 'Custom URLs']);
    expect(env.value).toBe('topstepx');
    expect(screen.queryByTestId('credentials-api-url')).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>('credentials-submit').disabled).toBe(true);
  });

  it('sends setCredentials with the TopstepX URLs and clears the key once stored', async () => {
    const host = renderWithState(MISSING);
    type('credentials-user', ' trader ');
    type('credentials-key', 'key-123');
    await submit();
    expect(host.sent).toEqual([
      {
        command: 'setCredentials',
        args: {
          userName: 'trader',
          apiKey: 'key-123',
          apiUrl: 'https://api.topstepx.com',
          rtcUrl: 'https://rtc.topstepx.com',
        },
      },
    ]);
    expect(screen.getByTestId<HTMLInputElement>('credentials-key').value).toBe('');
    expect(screen.getByTestId<HTMLInputElement>('credentials-user').value).toBe(' trader ');
  });

  it('sends custom URLs when "Custom URLs" is chosen, and needs both', async () => {
    const host = renderWithState(MISSING);
    type('credentials-user', 'trader');
    type('credentials-key', 'key-123');
    type('credentials-env', 'custom');
    type('credentials-api-url', 'http://127.0.0.1:4999');
    expect(screen.getByTestId<HTMLButtonElement>('credentials-submit').disabled).toBe(true);
    type('credentials-rtc-url', 'http://127.0.0.1:5000');
    await submit();
    expect(host.sent.map((c) => c.args)).toEqual([
      {
        userName: 'trader',
        apiKey: 'key-123',
        apiUrl: 'http://127.0.0.1:4999',
        rtcUrl: 'http://127.0.0.1:5000',
      },
    ]);
  });

  it('shows the refusal and keeps the key typed', async () => {
    renderWithState(MISSING, {
      handlers: {
        setCredentials: () => ({
          ok: false,
          error: 'the credentials were not stored: the system keychain is not available',
        }),
      },
    });
    type('credentials-user', 'trader');
    type('credentials-key', 'key-123');
    await submit();
    expect(screen.getByTestId('credentials-error').textContent).toBe(
      'the credentials were not stored: the system keychain is not available',
    );
    expect(screen.getByTestId<HTMLInputElement>('credentials-key').value).toBe('key-123');
  });

  it('shows a URL the core refused beside its field', async () => {
    renderWithState(MISSING, {
      handlers: {
        setCredentials: () => ({
          ok: false,
          error: 'invalid setCredentials: rtcUrl: must be an http(s) URL such as https://api.topstepx.com',
        }),
      },
    });
    type('credentials-user', 'trader');
    type('credentials-key', 'key-123');
    type('credentials-env', 'custom');
    type('credentials-api-url', 'http://127.0.0.1:4999');
    type('credentials-rtc-url', 'ftp://127.0.0.1:5000');
    await submit();
    expect(screen.getByTestId('credentials-rtc-url-error').textContent).toBe(
      'must be an http(s) URL such as https://api.topstepx.com',
    );
    expect(screen.queryByTestId('credentials-error')).toBeNull();
  });

  it('opens by itself after a failed login, saying why', () => {
    renderWithState(REFUSED);
    expect(screen.getByTestId('credentials-form').querySelector('h2')?.textContent).toBe(
      'Login failed: check your credentials',
    );
    expect(screen.getByTestId('credentials-reason').textContent).toBe(
      'Auth/loginKey refused: invalid credentials (check the user name and API key)',
    );
    expect(screen.getByTestId('connection-label').textContent).toBe('login failed');
  });

  it('when connected, is one "Change login" button that opens and cancels the form', () => {
    renderWithState(CONNECTED);
    expect(screen.queryByTestId('credentials-form')).toBeNull();
    expect(screen.getByTestId('credentials-login-in-use').textContent).toBe(
      'Logged in as trader on TopstepX',
    );
    fireEvent.click(screen.getByTestId('credentials-open'));
    expect(screen.getByTestId('credentials-form').querySelector('h2')?.textContent).toBe(
      'Change the ProjectX login',
    );
    fireEvent.click(screen.getByTestId('credentials-cancel'));
    expect(screen.queryByTestId('credentials-form')).toBeNull();
    expect(screen.getByTestId('credentials-open').textContent).toBe('Change login');
  });

  it('closes once the core reports the credentials stored and connected', () => {
    const host = renderWithState(MISSING);
    expect(screen.getByTestId('credentials-form')).toBeTruthy();
    act(() => {
      host.stores.view.getState().receive({ ...CONNECTED, seq: 2 });
    });
    expect(screen.queryByTestId('credentials-form')).toBeNull();
  });

  it('is absent on the simulated broker', () => {
    renderWithState(buildFixtureState());
    expect(screen.queryByTestId('credentials-form')).toBeNull();
    expect(screen.queryByTestId('credentials-open')).toBeNull();
  });
});
