// Replay lines found by `npm run fuzz` to crash `warden replay` or to poison its figures: each is refused with an
// error naming its line, and the replay goes on exactly as if the line had not been there.
import { describe, expect, it } from 'vitest';
import { createReplayer } from '../../../main/replay/replayer';
import { defaultEngineConfig } from '../../../main/engine';

const instrument =
  '{"t":"2026-05-05T08:30:00-05:00","type":"instrument","symbol":"MNQ","tickSize":"0.25","tickValue":"0.50","currency":"USD"}';
const fill =
  '{"t":"2026-05-05T08:32:00-05:00","type":"fill","account":"DEMO","id":"f1","orderId":"o1","symbol":"MNQ","side":"buy","qty":4,"price":"21000.25","fees":"1.48"}';
const quote = (last: string) =>
  `{"t":"2026-05-05T08:33:00-05:00","type":"quote","symbol":"MNQ","last":"${last}"}`;

/** Replays `lines`; returns each line's error (or null) and the summary. */
function replay(lines: string[]) {
  const replayer = createReplayer(defaultEngineConfig, { enforce: false });
  const errors = lines.map((text, i) => replayer.line(text, i + 1).error ?? null);
  return { errors, summary: replayer.finish() };
}

describe('replay lines the fuzz run found', () => {
  it('refuses a fill on an instrument the replay has not seen (it threw out of the replay)', () => {
    const { errors, summary } = replay([fill.replace('"MNQ"', '"ES"'), instrument, fill, quote('21010.25')]);
    expect(errors).toEqual([
      'line 1: unknown instrument ES: its instrument line must come first',
      null,
      null,
      null,
    ]);
    expect(summary).toEqual(replay([instrument, fill, quote('21010.25')]).summary);
  });

  it('refuses a time past the last day a calendar can show (it threw while writing the time)', () => {
    const { errors } = replay([
      instrument,
      quote('21000').replace('"2026-05-05T08:33:00-05:00"', '8640000000000001'),
    ]);
    expect(errors).toEqual([null, 'line 2: t: not a time a calendar can show: 8640000000000001']);
  });

  it('refuses an instrument whose tick is zero (its money came out as NaN)', () => {
    const { errors } = replay([instrument.replace('"tickSize":"0.25"', '"tickSize":"0"')]);
    expect(errors).toEqual(['line 1: tickSize: must be above 0']);
  });

  it('refuses a price with a million digits (the summary took seconds and megabytes to write)', () => {
    const { errors, summary } = replay([instrument, fill, quote('1e999999999'), quote('1e-999999999')]);
    expect(errors).toEqual([
      null,
      null,
      'line 3: last: out of range: "1e999999999"',
      'line 4: last: out of range: "1e-999999999"',
    ]);
    expect(summary).toEqual(replay([instrument, fill]).summary);
    expect(summary.join('').length).toBeLessThan(2000);
  });
});
