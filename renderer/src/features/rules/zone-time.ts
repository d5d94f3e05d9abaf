// A news event's release time as the trader types it: a date and a wall-clock time in the session's time zone
// (what a datetime-local field holds, "2030-05-08T08:30"), and back to the ISO 8601 instant with that zone's offset
// at that moment ("2030-05-08T08:30:00-05:00"), the form the config keeps. Intl does the zone arithmetic, so no
// time-zone library is bundled.

/** Minutes east of UTC of `zone` at `instant` (ms); null for a zone Intl does not know. */
function offsetMinutes(instant: number, zone: string): number | null {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(new Date(instant));
  } catch {
    return null;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

const WALL = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/;

/**
 * "2030-05-08T08:30" in `zone` as "2030-05-08T08:30:00-05:00"; null when the text is no such wall time or the zone
 * is unknown. A wall time the clocks skip (a DST gap) is read with the offset after the change.
 */
export function instantOfWallTime(wall: string, zone: string): string | null {
  const match = WALL.exec(wall);
  if (match === null) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const first = offsetMinutes(asUtc, zone);
  if (first === null) return null;
  const offset = offsetMinutes(asUtc - first * 60_000, zone) ?? first;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${wall}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant ("2030-05-08T13:30:00Z", any offset) as the wall time in `zone` ("2030-05-08T08:30"); '' if invalid. */
export function wallTimeOf(at: unknown, zone: string): string {
  if (typeof at !== 'string' || !/T\d\d:\d\d/.test(at)) return '';
  const instant = Date.parse(at);
  if (Number.isNaN(instant)) return '';
  const offset = offsetMinutes(instant, zone);
  if (offset === null) return '';
  return new Date(instant + offset * 60_000).toISOString().slice(0, 16);
}
