// The `calendar` event in the codec (docs/API.md section 3): `at` as ISO-8601 with offset in a replay line or as ms
// in the journal, the same list either way; a malformed item is refused with the field's path.
import { describe, expect, it } from 'vitest';
import { encodeEngineEvent, parseEngineEvent } from '../../../shared/domain/event-codec';

const nfp = { title: 'Non-Farm Payrolls', currency: 'USD', impact: 'High' };

describe('the calendar event', () => {
  it('reads a replay line (ISO times) and the journal row it encodes to (ms) as the same event', () => {
    const line = {
      t: '2026-06-05T07:00:00-05:00',
      type: 'calendar',
      events: [{ at: '2026-06-05T08:30:00-04:00', ...nfp }],
    };
    const parsed = parseEngineEvent(line);
    const expected = {
      type: 'calendar',
      t: Date.parse('2026-06-05T12:00:00Z'),
      events: [{ at: Date.parse('2026-06-05T12:30:00Z'), ...nfp }],
    };
    expect(parsed).toEqual({ ok: true, event: expected });
    expect(encodeEngineEvent(expected as never)).toEqual(expected);
    expect(parseEngineEvent(JSON.parse(JSON.stringify(expected)))).toEqual({ ok: true, event: expected });
  });

  it('an empty list is a list (everything dropped)', () => {
    expect(parseEngineEvent({ t: 0, type: 'calendar', events: [] })).toEqual({
      ok: true,
      event: { type: 'calendar', t: 0, events: [] },
    });
  });

  it.each([
    [
      { at: '2026-06-05T08:30:00', ...nfp },
      'events.0.at: not an ISO-8601 time with offset: "2026-06-05T08:30:00"',
    ],
    [{ at: 0, ...nfp, title: '' }, 'events.0.title: Too small: expected string to have >=1 characters'],
    [{ at: 0, ...nfp, country: 'USD' }, 'events.0: Unrecognized key: "country"'],
  ])('refuses a bad item, naming it: %j', (item, error) => {
    expect(parseEngineEvent({ t: 0, type: 'calendar', events: [item] })).toEqual({ ok: false, error });
  });
});
