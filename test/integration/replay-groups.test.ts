// `warden replay` with a group (docs/API.md section 3.3, docs/RULES.md section 10): every decision of a group rule
// is one line per member, carrying `group` besides `account`; a non-member is untouched.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, jsonLines, replayFixture } from '../helpers/replay-fixture';

describe('warden replay with groups', () => {
  it('reproduces the fixture: group decisions per member with their group, and the summaries', async () => {
    const { stdout } = await replayFixture('replay-groups');
    const lines = jsonLines(stdout);
    expect(lines).toEqual(jsonLines(readFileSync(fixture('replay-groups.expected.jsonl'), 'utf8')));
    const decisions = lines.filter((line) => line['type'] === 'decision');
    expect(
      decisions.map((d) => [d['t'], d['account'], d['group'], d['rule'], d['level'], d['action']]),
    ).toEqual([
      ['2026-05-05T08:40:00-05:00', 'A1', 'desk', 'groupDailyLoss', 'warning', 'alert'],
      ['2026-05-05T08:40:00-05:00', 'A2', 'desk', 'groupDailyLoss', 'warning', 'alert'],
      ['2026-05-05T08:41:00-05:00', 'A1', 'desk', 'groupDailyLoss', 'breach', 'flatten'],
      ['2026-05-05T08:41:00-05:00', 'A2', 'desk', 'groupDailyLoss', 'breach', 'flatten'],
      ['2026-05-05T08:45:00-05:00', 'A2', 'desk', 'groupDailyLoss', 'breach', 'flatten'],
      ['2026-05-05T08:45:06-05:00', 'A1', 'desk', 'copierHedge', 'breach', 'alert'],
      ['2026-05-05T08:45:06-05:00', 'A2', 'desk', 'copierHedge', 'breach', 'alert'],
    ]);
    const summaries = lines.filter((line) => line['type'] === 'summary');
    expect(summaries.map((s) => [s['account'], s['tradingState'], s['lockedUntil']])).toEqual([
      ['A1', 'halted', '2026-05-05T22:00:00Z'],
      ['A2', 'halted', '2026-05-05T22:00:00Z'],
      ['B1', 'active', null],
    ]);
  }, 30_000);
});
