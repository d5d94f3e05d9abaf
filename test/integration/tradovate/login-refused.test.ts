// A login Tradovate refuses is the trader's to fix (a wrong password or key, an approval waiting): the link says
// "login failed (…)" in plain words and does not try again for 10 minutes, so Warden never hammers the login
// endpoint (which can lock the trader out of their own platform). A login that works after the wait connects.
import { afterEach, describe, expect, it } from 'vitest';
import { REFUSED_LOGIN_RETRY_MS } from '../../../main/broker/tradovate/link';
import { tradovateHarness, type TradovateHarness } from './harness';

let h: TradovateHarness;
afterEach(async () => {
  await h.stop();
});

const connections = () => h.ofType('connection').map((e) => [e.status, e.detail ?? null]);

describe('a refused Tradovate login', () => {
  it('says what to fix and waits 10 minutes before the next try', async () => {
    h = await tradovateHarness({ credentials: { password: 'not-the-password' } });
    await h.start();
    expect(connections()).toEqual([
      ['connecting', null],
      [
        'disconnected',
        'login failed (Tradovate refused the user name or password (Tradovate said: "Incorrect username or password. Please try again."))',
      ],
    ]);
    const attempts = () => h.gateway.callsTo('auth/accesstokenrequest').length;
    expect(attempts()).toBe(1);

    h.clock.advance(REFUSED_LOGIN_RETRY_MS - 1);
    expect(h.ofType('connection')).toHaveLength(2);
    expect(attempts()).toBe(1);
    h.clock.advance(1);
    await h.until(() => {
      expect(h.ofType('connection')).toHaveLength(3);
    });
    expect(attempts()).toBe(2);
    expect(connections()[2]).toEqual([
      'disconnected',
      expect.stringMatching(/^login failed \(Tradovate refused the user name or password/),
    ]);
  });

  it('a wrong API key is told as such', async () => {
    h = await tradovateHarness({ credentials: { sec: 'wrong-secret' } });
    await h.start();
    expect(connections()[1]).toEqual([
      'disconnected',
      'login failed (Tradovate refused the API key: check the CID and secret in Settings → API Access (Tradovate said: "The app is not registered or its key is wrong."))',
    ]);
  });
});
