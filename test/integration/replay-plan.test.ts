// `warden replay` with a plan (docs/API.md section 3, docs/RULES.md section 11): the summary's metrics carry the plan
// figures for an account with a plan (none for one without), the scaling tier limits contracts from the roll, and
// the consistency cap climbs its ladder on the second day.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, jsonLines, replayFixture } from '../helpers/replay-fixture';

describe('warden replay with a plan', () => {
  it('reproduces the fixture: the plan figures in the summary of the account with a plan', async () => {
    const { stdout } = await replayFixture('replay-plan');
    const lines = jsonLines(stdout);
    expect(lines).toEqual(jsonLines(readFileSync(fixture('replay-plan.expected.jsonl'), 'utf8')));
    const decisions = lines.filter((line) => line['type'] === 'decision');
    expect(decisions.map((d) => [d['t'], d['rule'], d['level'], d['action']])).toEqual([
      // Tuesday: 2 contracts allowed all day, though +1,594.40 was banked by 10:01.
      ['2026-05-05T10:02:00-05:00', 'maxContracts', 'breach', 'reducePosition'],
      // Wednesday: 1,586 banked, cap 40 × 1,586 / 60 = 1,057.33 (down to the cent); 3 contracts allowed.
      ['2026-05-06T09:31:00-05:00', 'consistency', 'warning', 'alert'],
      ['2026-05-06T09:32:00-05:00', 'consistency', 'critical', 'alert'],
      ['2026-05-06T09:33:00-05:00', 'consistency', 'breach', 'alert'],
    ]);
    const [p1, b1] = lines.filter((line) => line['type'] === 'summary');
    const plan = (metrics: unknown) => {
      const m = metrics as Record<string, unknown>;
      return Object.fromEntries(
        [
          'totalProfit',
          'targetRemaining',
          'bestDayProfit',
          'consistencyPct',
          'consistencyCapToday',
          'profitNeededForConsistency',
          'tradingDays',
          'contractsAllowed',
        ].map((key) => [key, m[key]]),
      );
    };
    // Tuesday +1,586 (finished), Wednesday +943 so far (693 realized, 1 ES 5 points up).
    expect(plan(p1?.['metrics'])).toStrictEqual({
      totalProfit: '2529',
      targetRemaining: '471',
      bestDayProfit: '1586',
      // 1,586 / 2,529 × 100 = 62.71253…
      consistencyPct: '62.7125',
      consistencyCapToday: '1057.33',
      // 1,586 / 0.4 − 2,529
      profitNeededForConsistency: '1436',
      tradingDays: 2,
      contractsAllowed: 3,
    });
    expect(Object.keys(b1?.['metrics'] as object)).not.toContain('totalProfit');
  }, 30_000);
});
