// @vitest-environment jsdom
// Choosing the host: the Electron bridge when the preload exposed one, else the WebSocket of the page's server
// with the token from the URL, remembered for reloads.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectToHost, resolveToken, TOKEN_STORAGE_KEY, webSocketUrl } from '../../../renderer/src/api';
import type { WardenApi } from '../../../shared/ipc';
import { buildFixtureState } from '../../helpers/fixture-state';
import { fakeHost } from './harness';

afterEach(() => {
  delete (window as Window & { warden?: WardenApi }).warden;
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

describe('resolveToken', () => {
  it('takes the token from the URL and remembers it', () => {
    expect(resolveToken('?token=abc%2F1', sessionStorage)).toBe('abc/1');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('abc/1');
  });

  it('falls back to the remembered token after a reload without it', () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'kept');
    expect(resolveToken('', sessionStorage)).toBe('kept');
  });

  it('prefers a new token in the URL over the remembered one', () => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, 'old');
    expect(resolveToken('?token=new', sessionStorage)).toBe('new');
    expect(sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe('new');
  });

  it('is null with neither, and survives a storage that throws', () => {
    expect(resolveToken('', null)).toBeNull();
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(resolveToken('?token=x', broken)).toBe('x');
    expect(resolveToken('', broken)).toBeNull();
  });
});

describe('webSocketUrl', () => {
  it.each([
    ['http:', '127.0.0.1:4870', 'tok', 'ws://127.0.0.1:4870/ws?token=tok'],
    ['https:', 'warden.example:443', 'a b', 'wss://warden.example:443/ws?token=a%20b'],
    ['http:', 'localhost:4870', null, 'ws://localhost:4870/ws'],
  ])('%s//%s with %s → %s', (protocol, host, token, expected) => {
    expect(webSocketUrl({ protocol, host }, token)).toBe(expected);
  });
});

describe('connectToHost', () => {
  it('uses the Electron bridge when present, delegating every command and push', async () => {
    const bridge = fakeHost();
    (window as Window & { warden?: WardenApi }).warden = bridge.api;
    const api = connectToHost();
    expect(api.link()).toEqual({ kind: 'open' });
    await api.placeOrder({ account: 'SIM-50K', symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market' });
    await api.flatten({ all: true });
    expect(bridge.sent.map((c) => c.command)).toEqual(['placeOrder', 'flatten']);
    const seqs: number[] = [];
    api.onState((s) => seqs.push(s.seq));
    bridge.pushState(buildFixtureState({ seq: 42 }));
    expect(seqs).toEqual([42]);
  });

  it('otherwise opens the WebSocket of the server that served the page', () => {
    const urls: string[] = [];
    class FakeSocket {
      onopen = null;
      onmessage = null;
      onclose = null;
      onerror = null;
      constructor(url: string) {
        urls.push(url);
      }
      close(): void {
        return undefined;
      }
    }
    vi.stubGlobal('WebSocket', FakeSocket);
    window.history.replaceState(null, '', '/?token=s3cret');
    const api = connectToHost();
    expect(urls).toEqual([`ws://${window.location.host}/ws?token=s3cret`]);
    expect(api.link()).toEqual({ kind: 'connecting' });
    api.close();
  });
});
