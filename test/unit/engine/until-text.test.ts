// How long a lock lasts, as the trader reads it: in the session's zone with its abbreviation, summer or winter.
import { describe, expect, it } from 'vitest';
import { untilText } from '../../../main/engine';

describe('untilText', () => {
  it.each([
    ['2026-05-05T22:00:00.000Z', 'America/Chicago', 'until Tue 5 May 17:00 CDT'],
    ['2026-12-01T23:00:00.000Z', 'America/Chicago', 'until Tue 1 Dec 17:00 CST'],
    ['2026-03-09T21:00:00.000Z', 'America/New_York', 'until Mon 9 Mar 17:00 EDT'],
    ['2026-05-05T22:00:00.000Z', 'UTC', 'until Tue 5 May 22:00 UTC'],
  ])('%s in %s: %s', (iso, zone, text) => {
    expect(untilText(Date.parse(iso), zone)).toBe(text);
  });

  it('keeps the instant as ISO without a zone (the audit), and names the conditions in words', () => {
    expect(untilText(Date.parse('2026-05-05T22:00:00.000Z'))).toBe('until 2026-05-05T22:00:00.000Z');
    expect(untilText('manual', 'America/Chicago')).toBe('until reset by hand');
    expect(untilText('brokerAllows', 'America/Chicago')).toBe('until the broker allows trading');
    expect(untilText('confirmed', 'America/Chicago')).toBe("until the trader confirms the day's start");
  });
});
