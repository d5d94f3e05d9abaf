// Whether the figures on screen are live: the link to Warden is up and a state push arrived recently.
import { useLink, useView } from '../state';
import { useNow } from './use-now';

/** No push for this long while the link is up means the numbers on screen may be old. Generous, because a
 * core that pushes only on change may be quiet in a quiet market. */
export const STALE_AFTER_MS = 10_000;

export type Freshness = { linkOpen: boolean; stale: boolean; silentForMs: number | null };

export function useFreshness(): Freshness {
  const linkOpen = useLink((s) => s.status.kind === 'open');
  const now = useNow(1000);
  // Whole seconds since the last push, as of the last clock tick: a push in between makes it 0 again without a
  // re-render per push (20 a second in a fast market).
  const silentForS = useView((s) =>
    s.receivedAt === null ? null : Math.max(0, Math.floor((now - s.receivedAt) / 1000)),
  );
  const silentForMs = silentForS === null ? null : silentForS * 1000;
  return {
    linkOpen,
    stale: !linkOpen || (silentForMs !== null && silentForMs > STALE_AFTER_MS),
    silentForMs,
  };
}
