// @vitest-environment jsdom
// New alerts make signals: one sound per burst with a critical (unless muted), a browser notification for each
// alert the core marked `notify`; the recent alerts a (re)connection brings signal nothing. The mute switch is remembered. A banner
// stays while a flatten is unconfirmed.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertView } from '../../../shared/ipc';
import { watchAlertSignals } from '../../../renderer/src/features/alerts/alert-signals';
import { createSoundStore, SOUND_MUTED_KEY } from '../../../renderer/src/features/alerts/sound';
import { createAlertsStore } from '../../../renderer/src/state';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const alert = (id: string, level: AlertView['level'], notify: boolean): AlertView => ({
  id,
  t: `2025-03-12T15:00:0${id.length}.000Z`,
  level,
  account: 'SIM-50K',
  title: `title ${id}`,
  message: '',
  notify,
});

function watch(muted = false) {
  const store = createAlertsStore();
  store.getState().receiveSnapshot([alert('old', 'critical', true)]);
  const beeps: number[] = [];
  const notified: string[] = [];
  let isMuted = muted;
  watchAlertSignals(store, {
    beep: () => beeps.push(1),
    muted: () => isMuted,
    notify: (a) => notified.push(a.id),
  });
  return { store, beeps, notified, mute: (m: boolean) => (isMuted = m) };
}

describe('alert signals', () => {
  it('beeps once for a burst with criticals and notifies each notifying alert', () => {
    const w = watch();
    w.store
      .getState()
      .add([alert('c1', 'critical', true), alert('c22', 'critical', true), alert('w333', 'warning', true)]);
    expect(w.beeps).toHaveLength(1);
    expect(w.notified.sort()).toEqual(['c1', 'c22', 'w333']);
  });

  it('is silent for history, for alerts the policy held back, and for warnings (no sound)', () => {
    const w = watch();
    w.store.getState().receiveSnapshot([alert('old', 'critical', true)]);
    w.store.getState().add([alert('held', 'critical', false), alert('w1', 'warning', true)]);
    expect(w.beeps).toHaveLength(0);
    expect(w.notified).toEqual(['w1']);
  });

  it('does not beep when muted, but still notifies', () => {
    const w = watch(true);
    w.store.getState().add([alert('c1', 'critical', true)]);
    expect(w.beeps).toHaveLength(0);
    expect(w.notified).toEqual(['c1']);
  });
});

describe('the sound switch', () => {
  it('starts from localStorage and writes every change back', () => {
    localStorage.setItem(SOUND_MUTED_KEY, 'true');
    const store = createSoundStore(localStorage);
    expect(store.getState().muted).toBe(true);
    store.getState().setMuted(false);
    expect(localStorage.getItem(SOUND_MUTED_KEY)).toBe('false');
  });

  it('toggles from the alerts panel and says its state', () => {
    const host = renderWithState();
    const toggle = screen.getByTestId('sound-toggle');
    expect(toggle.textContent).toBe('Sound on');
    fireEvent.click(toggle);
    expect(toggle.textContent).toBe('Sound off');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(host.stores.sound.getState().muted).toBe(true);
    expect(localStorage.getItem(SOUND_MUTED_KEY)).toBe('true');
  });
});

describe('the flatten banner', () => {
  it('shows while an account is flattening and goes when it is confirmed', () => {
    const state = buildFixtureState();
    const first = state.accounts[0];
    if (first === undefined) throw new Error('fixture has no account');
    first.flattening = true;
    const host = renderWithState(state);
    expect(screen.getByTestId('flatten-banner').textContent).toBe(
      'Flattening SIM-50K: not yet confirmed flat. Watch your broker platform until it is.',
    );
    const done = buildFixtureState();
    done.seq = state.seq + 1;
    act(() => {
      host.stores.view.getState().receive(done);
    });
    expect(screen.queryByTestId('flatten-banner')).toBeNull();
  });
});
