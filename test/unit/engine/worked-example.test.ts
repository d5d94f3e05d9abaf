// The worked example of docs/API.md section 3.7 (test/fixtures/replay-daily-loss.*): every metric of its summary,
// exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountMetrics } from '../../../main/engine';
import { dec, ratioString } from '../../../shared/domain/money';
import { ev, runEngine } from '../../helpers/engine';

const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url);
const events = readFileSync(fixture('replay-daily-loss.events.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => ev(JSON.parse(line) as Record<string, unknown>));
const summary = readFileSync(fixture('replay-daily-loss.expected.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.includes('"summary"'))
  .map((line) => JSON.parse(line) as { metrics: Record<string, string | number | null> })[0];

const config = {
  session: { timezone: 'America/Chicago', dayStart: '17:00', weekStartDay: 'sunday' as const },
  markPrice: 'last' as const,
  accounts: { DEMO: { startingBalance: dec('50000') } },
};

describe('worked example: a 50K account losing 605.59 in a day', () => {
  const { state } = runEngine(events, config);
  const account = state.accounts.get('DEMO');
  if (account === undefined || summary === undefined) throw new Error('fixture did not load');
  const metrics = accountMetrics(state, account);
  const ratios = new Set(['maxDrawdownPct', 'hhi', 'largestPositionPct', 'marginLevel']);

  it.each(Object.entries(summary.metrics))('%s = %s', (id, expected) => {
    const value = metrics[id as keyof typeof metrics];
    if (expected === null || typeof expected === 'number') {
      expect(value === null || typeof value === 'number' ? value : value.toFixed()).toBe(expected);
      return;
    }
    if (value === null || typeof value === 'number') throw new Error(`${id} is not money`);
    const shown = ratios.has(id) ? ratioString(value) : value.toFixed();
    expect(dec(shown).equals(dec(expected))).toBe(true);
  });

  it('keeps the MNQ long and the MES short open with their average prices', () => {
    const positions = [...account.positions.values()].map((p) => [p.symbol, p.qty, p.avgPrice.toFixed()]);
    expect(positions).toEqual([
      ['MNQ', 2, '21000.25'],
      ['MES', -1, '5800'],
    ]);
  });

  it('labels the day Tuesday 2026-05-05, started Monday 17:00 CDT', () => {
    expect(account.day.label).toBe('2026-05-05');
    expect(new Date(account.day.start).toISOString()).toBe('2026-05-04T22:00:00.000Z');
    expect(new Date(account.day.end).toISOString()).toBe('2026-05-05T22:00:00.000Z');
  });
});
