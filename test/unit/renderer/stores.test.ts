// The stores: an older state push is ignored, alerts are the host's recent ones then each new one, newest first,
// and feedStores wires the host.
import { describe, expect, it } from 'vitest';
import {
  createAlertsStore,
  createStores,
  createViewStore,
  feedStores,
  MAX_ALERTS,
} from '../../../renderer/src/state';
import type { AlertView } from '../../../shared/ipc';
import { buildFixtureState } from '../../helpers/fixture-state';
import { fakeHost } from './harness';

function alert(id: string, t: string): AlertView {
  return { id, t, level: 'info', account: null, title: id, message: '', notify: false };
}

describe('view store', () => {
  it('ignores a push whose seq is older than the current one', () => {
    const store = createViewStore();
    expect(store.getState().receive(buildFixtureState({ seq: 5, demo: true }))).toBe(true);
    expect(store.getState().receive(buildFixtureState({ seq: 4, demo: false }))).toBe(false);
    expect(store.getState().view?.seq).toBe(5);
    expect(store.getState().view?.demo).toBe(true);
  });

  it('takes a newer or equal seq', () => {
    const store = createViewStore();
    store.getState().receive(buildFixtureState({ seq: 5 }));
    expect(store.getState().receive(buildFixtureState({ seq: 5, demo: true }))).toBe(true);
    expect(store.getState().receive(buildFixtureState({ seq: 6 }))).toBe(true);
    expect(store.getState().view?.seq).toBe(6);
  });

  it('after a reconnect takes the next state whatever its seq (the core may have restarted)', () => {
    const store = createViewStore();
    store.getState().receive(buildFixtureState({ seq: 900 }));
    store.getState().expectFreshStart();
    expect(store.getState().receive(buildFixtureState({ seq: 1 }))).toBe(true);
    expect(store.getState().receive(buildFixtureState({ seq: 0 }))).toBe(false);
  });

  it('measures the server clock offset', () => {
    const store = createViewStore();
    store
      .getState()
      .receive(
        buildFixtureState({ serverTime: '2025-03-12T15:30:02.000Z' }),
        Date.parse('2025-03-12T15:30:00.000Z'),
      );
    expect(store.getState().clockOffsetMs).toBe(2000);
  });
});

describe('alerts store', () => {
  it('takes the recent alerts, then adds new ones, newest first', () => {
    const store = createAlertsStore();
    store
      .getState()
      .receiveSnapshot([alert('a', '2025-03-12T10:00:00Z'), alert('b', '2025-03-12T12:00:00Z')]);
    store.getState().add([alert('c', '2025-03-12T11:00:00Z')]);
    expect(store.getState().alerts.map((a) => a.id)).toEqual(['b', 'c', 'a']);
  });

  it('replaces the list with the recent alerts a reconnection brings, and marks none as arrived', () => {
    const store = createAlertsStore();
    store.getState().add([alert('a', '2025-03-12T10:00:00Z')]);
    expect(store.getState().arrived.map((a) => a.id)).toEqual(['a']);
    store
      .getState()
      .receiveSnapshot([alert('b', '2025-03-12T12:00:00Z'), alert('a', '2025-03-12T10:00:00Z')]);
    expect(store.getState().alerts.map((a) => a.id)).toEqual(['b', 'a']);
    expect(store.getState().arrived).toEqual([]);
  });

  it(`keeps at most ${MAX_ALERTS}`, () => {
    const store = createAlertsStore();
    const many = Array.from({ length: MAX_ALERTS + 10 }, (_, i) =>
      alert(`x${i}`, new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString()),
    );
    store.getState().add(many);
    expect(store.getState().alerts).toHaveLength(MAX_ALERTS);
    expect(store.getState().alerts[0]?.id).toBe(`x${MAX_ALERTS + 9}`);
  });
});

describe('feedStores', () => {
  it('fetches a snapshot when the link is open, then applies pushes and alerts', async () => {
    const host = fakeHost();
    const stores = createStores();
    const stop = feedStores(host.api, stores);
    await Promise.resolve();
    await Promise.resolve();
    expect(host.sent).toEqual([{ command: 'getState', args: {} }]);
    expect(stores.view.getState().view?.seq).toBe(1);
    expect(stores.alerts.getState().alerts.map((a) => a.id)).toEqual(['alert-2', 'alert-1']);
    host.pushState(buildFixtureState({ seq: 7, demo: true }));
    host.pushState(buildFixtureState({ seq: 6, demo: false }));
    expect(stores.view.getState().view?.demo).toBe(true);
    host.pushAlert(alert('late', '2025-03-12T16:00:00Z'));
    expect(stores.alerts.getState().alerts[0]?.id).toBe('late');
    stop();
    host.pushState(buildFixtureState({ seq: 8 }));
    expect(stores.view.getState().view?.seq).toBe(7);
  });

  it('mirrors the link status and refetches after a reconnect', async () => {
    const host = fakeHost({}, { kind: 'connecting' });
    const stores = createStores();
    feedStores(host.api, stores);
    expect(host.sent).toEqual([]);
    host.setLink({ kind: 'reconnecting', attempt: 1, retryInMs: 250 });
    expect(stores.link.getState().status.kind).toBe('reconnecting');
    host.setLink({ kind: 'open' });
    await Promise.resolve();
    expect(stores.link.getState().status.kind).toBe('open');
    expect(host.sent).toEqual([{ command: 'getState', args: {} }]);
  });
});
