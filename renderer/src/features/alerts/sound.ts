// The critical-alert sound and its mute switch, kept in localStorage so it survives a restart.
import { createStore } from 'zustand/vanilla';

export const SOUND_MUTED_KEY = 'warden.sound.muted';

export type SoundState = { muted: boolean; setMuted: (muted: boolean) => void };

export function createSoundStore(storage: Pick<Storage, 'getItem' | 'setItem'> | null) {
  return createStore<SoundState>()((set) => ({
    muted: storage?.getItem(SOUND_MUTED_KEY) === 'true',
    setMuted(muted) {
      try {
        storage?.setItem(SOUND_MUTED_KEY, String(muted));
      } catch {
        // Storage full or denied: the switch still works for this session.
      }
      set({ muted });
    },
  }));
}

export type SoundStore = ReturnType<typeof createSoundStore>;

let context: AudioContext | null = null;

/** Two short falling tones: distinct from an OS notification chime. Silent where audio is unavailable. */
export function playCriticalSound(): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    for (const [offset, frequency] of [
      [0, 880],
      [0.22, 660],
    ] as const) {
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, ctx.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + offset + 0.2);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(ctx.currentTime + offset);
      oscillator.stop(ctx.currentTime + offset + 0.2);
    }
  } catch {
    // No audio device: the banner and the feed still say it.
  }
}
