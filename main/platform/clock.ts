// The injected clock: the only place the application reads wall time and schedules timers.
export type Clock = {
  now(): number;
  setTimeout(callback: () => void, ms: number): () => void;
  setInterval(callback: () => void, ms: number): () => void;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return () => {
      clearTimeout(handle);
    };
  },
  setInterval(callback, ms) {
    const handle = setInterval(callback, ms);
    return () => {
      clearInterval(handle);
    };
  },
};
