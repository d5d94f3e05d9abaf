// WARDEN_TRADOVATE_* as the trader sets them: the environment picks the three URLs, any URL variable overrides
// its own, a login needs all four of its values, and what is wrong is said, naming the variable, never a value.
import { describe, expect, it } from 'vitest';
import {
  ENVIRONMENT_URLS,
  tradovateEnvironment,
  urlsOf,
} from '../../../../main/broker/tradovate/environment';
import { deviceIdFor } from '../../../../main/core/broker-choice';

const LOGIN = {
  WARDEN_TRADOVATE_USERNAME: 'trader',
  WARDEN_TRADOVATE_PASSWORD: 'pw-SECRET',
  WARDEN_TRADOVATE_CID: '8123',
  WARDEN_TRADOVATE_SECRET: 'sec-SECRET',
};

describe('the Tradovate environment variables', () => {
  it('default to demo, no overrides and no login', () => {
    expect(tradovateEnvironment({})).toEqual({
      environment: 'demo',
      overrides: {},
      login: null,
      problems: [],
    });
  });

  it('give a login when all four are set, on the environment named', () => {
    expect(tradovateEnvironment({ ...LOGIN, WARDEN_TRADOVATE_ENV: 'live' }).login).toEqual({
      broker: 'tradovate',
      userName: 'trader',
      password: 'pw-SECRET',
      appId: 'Warden',
      appVersion: '1.0',
      cid: 8123,
      secret: 'sec-SECRET',
      environment: 'live',
    });
  });

  it('name what is missing or wrong, without the values', () => {
    const half = tradovateEnvironment({
      WARDEN_TRADOVATE_USERNAME: 'trader',
      WARDEN_TRADOVATE_PASSWORD: 'pw-SECRET',
    });
    expect(half.login).toBeNull();
    expect(half.problems).toEqual([
      'a Tradovate login from the environment needs WARDEN_TRADOVATE_USERNAME, WARDEN_TRADOVATE_PASSWORD, WARDEN_TRADOVATE_CID, WARDEN_TRADOVATE_SECRET; missing: WARDEN_TRADOVATE_CID, WARDEN_TRADOVATE_SECRET',
    ]);
    const bad = tradovateEnvironment({
      ...LOGIN,
      WARDEN_TRADOVATE_CID: '81x',
      WARDEN_TRADOVATE_ENV: 'paper',
    });
    expect(bad.login).toBeNull();
    expect(bad.environment).toBe('demo');
    expect(bad.problems).toEqual([
      'WARDEN_TRADOVATE_ENV must be demo or live, got paper: using demo',
      'WARDEN_TRADOVATE_CID must be the whole number shown as CID in Tradovate → Settings → API Access',
    ]);
    expect(JSON.stringify(bad)).not.toContain('SECRET');
  });

  it('let any URL override its own, and call the result custom', () => {
    const overrides = { apiUrl: 'http://127.0.0.1:5870/v1' };
    expect(tradovateEnvironment({ WARDEN_TRADOVATE_API_URL: overrides.apiUrl }).overrides).toEqual(overrides);
    expect(urlsOf('demo', overrides)).toEqual({
      urls: { ...ENVIRONMENT_URLS.demo, api: 'http://127.0.0.1:5870/v1' },
      named: 'custom',
    });
    expect(urlsOf('live', {})).toEqual({
      urls: {
        api: 'https://live.tradovateapi.com/v1',
        ws: 'wss://live.tradovateapi.com/v1/websocket',
        md: 'wss://md.tradovateapi.com/v1/websocket',
      },
      named: 'live',
    });
  });
});

describe('the device id sent with a Tradovate login', () => {
  it('is the same for a data folder at every start, and differs between folders', () => {
    const id = deviceIdFor('/home/t/.warden');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(deviceIdFor('/home/t/.warden')).toBe(id);
    expect(deviceIdFor('/home/t/other')).not.toBe(id);
  });
});
