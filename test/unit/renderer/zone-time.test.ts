// A news event's release time typed as a date and time in the session's zone, kept as an ISO instant with the
// zone's offset at that moment, and shown back as the wall time.
import { describe, expect, it } from 'vitest';
import { instantOfWallTime, wallTimeOf } from '../../../renderer/src/features/rules/zone-time';

describe('release times in the session zone', () => {
  it('keeps the offset the zone has at that moment, summer and winter', () => {
    expect(instantOfWallTime('2030-05-08T08:30', 'America/Chicago')).toBe('2030-05-08T08:30:00-05:00');
    expect(instantOfWallTime('2030-01-08T08:30', 'America/Chicago')).toBe('2030-01-08T08:30:00-06:00');
    expect(instantOfWallTime('2030-01-08T14:00', 'Asia/Kolkata')).toBe('2030-01-08T14:00:00+05:30');
    expect(instantOfWallTime('2030-01-08T14:00', 'UTC')).toBe('2030-01-08T14:00:00+00:00');
  });

  it('reads a time the clocks pass twice as its first occurrence, one they skip with the offset after', () => {
    // 3 November 2030, 01:30 in Chicago happens in daylight time (−05:00) and again in standard time (−06:00).
    expect(instantOfWallTime('2030-11-03T01:30', 'America/Chicago')).toBe('2030-11-03T01:30:00-05:00');
    // 10 March 2030, 02:30 does not exist in Chicago; read with daylight time it is 01:30 standard time.
    expect(instantOfWallTime('2030-03-10T02:30', 'America/Chicago')).toBe('2030-03-10T02:30:00-05:00');
    expect(wallTimeOf('2030-03-10T02:30:00-05:00', 'America/Chicago')).toBe('2030-03-10T01:30');
  });

  it('shows any instant as the wall time in the zone, and nothing for what is no instant', () => {
    expect(wallTimeOf('2030-05-08T13:30:00Z', 'America/Chicago')).toBe('2030-05-08T08:30');
    expect(wallTimeOf('2030-05-08T08:30:00-05:00', 'Europe/London')).toBe('2030-05-08T14:30');
    expect(wallTimeOf(instantOfWallTime('2030-12-31T23:59', 'Asia/Tokyo'), 'Asia/Tokyo')).toBe(
      '2030-12-31T23:59',
    );
    expect(wallTimeOf('next tuesday', 'America/Chicago')).toBe('');
    expect(wallTimeOf(20300508, 'America/Chicago')).toBe('');
    expect(wallTimeOf('2030-05-08T08:30:00-05:00', 'Mars/Olympus')).toBe('');
    expect(instantOfWallTime('2030-05-08 08:30', 'America/Chicago')).toBeNull();
    expect(instantOfWallTime('2030-05-08T08:30', 'Mars/Olympus')).toBeNull();
  });
});
