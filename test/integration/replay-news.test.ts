// `warden replay` with the news calendar (docs/API.md section 3, docs/RULES.md section 12): `calendar` lines
// replace the known releases; a malformed one is reported with its line number and skipped (the list before it
// stays); windows lock at their start, a dropped release makes none.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, jsonLines, replayFixture } from '../helpers/replay-fixture';

const replay = (...flags: string[]) => replayFixture('replay-news', ...flags);

describe('warden replay with calendar lines', () => {
  it('reproduces the fixture: flattened at each window start, the bad line reported and skipped', async () => {
    const { stdout, stderr } = await replay();
    const lines = jsonLines(stdout);
    expect(lines).toEqual(jsonLines(readFileSync(fixture('replay-news.expected.jsonl'), 'utf8')));
    expect(stderr.trimEnd().split('\n')).toEqual([
      `${fixture('replay-news.events.jsonl')}: line 6: events.0.impact: Invalid input: expected string, received undefined`,
    ]);
    const decisions = lines.filter((line) => line['type'] === 'decision');
    expect(decisions.map((d) => [d['t'], d['action'], d['lock'], d['symbol'], d['message']])).toEqual([
      [
        '2026-06-05T07:28:00-05:00',
        'flatten',
        { state: 'halted', until: '2026-06-05T12:32:00Z' },
        undefined,
        'High USD news: Non-Farm Payrolls, Unemployment Rate at 07:30, blackout until 07:32 CDT',
      ],
      ['2026-06-05T07:30:00-05:00', 'flatten', undefined, 'ES', 'position opened while halted'],
      // ISM at 08:00 Chicago was dropped by the 07:50 list: nothing at 07:58.
      [
        '2026-06-05T08:13:00-05:00',
        'flatten',
        { state: 'halted', until: '2026-06-05T13:17:00Z' },
        undefined,
        'High USD news: Fed Chair Speaks at 08:15, blackout until 08:17 CDT',
      ],
    ]);
  }, 30_000);

  it('with --enforce, the position is closed at the window start at the mark then (5800): no loss kept', async () => {
    const { stdout } = await replay('--enforce');
    const summary = jsonLines(stdout).find((line) => line['type'] === 'summary');
    expect(summary?.['metrics']).toMatchObject({ balance: '50000', dailyRealizedPnl: '0', tradesToday: 1 });
    expect(summary?.['tradingState']).toBe('active');
  }, 30_000);
});
