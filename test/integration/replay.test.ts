// `warden replay` as a user runs it (a child process): the worked example of docs/API.md section 3.7 line by line, `--enforce`
// with exact values, and malformed lines reported with their numbers while the replay goes on.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => join(root, 'test', 'fixtures', name);

async function replay(args: string[]): Promise<{ lines: Record<string, unknown>[]; stderr: string }> {
  const { stdout, stderr } = await run('node', [join(root, 'bin', 'warden.mjs'), 'replay', ...args], {
    cwd: root,
  });
  const lines = stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { lines, stderr };
}

/** Field order, message text and number formatting may differ (README of the example); values may not. */
function comparable(line: Record<string, unknown>): Record<string, unknown> {
  const { message: _message, t, ...rest } = line;
  return { ...rest, ...(typeof t === 'string' ? { t: Date.parse(t) } : {}) };
}

describe('warden replay', () => {
  it('reproduces the worked example: the same decisions and every summary value', async () => {
    const { lines } = await replay([
      '--config',
      fixture('replay-daily-loss.config.json'),
      fixture('replay-daily-loss.events.jsonl'),
    ]);
    const expected = readFileSync(fixture('replay-daily-loss.expected.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map(comparable)).toEqual(expected.map(comparable));
  }, 30_000);

  it('with --enforce: flattens at the mark, drops the fill the lock prevents, and sums up what the rules made of it', async () => {
    const { lines } = await replay([
      '--config',
      fixture('replay-daily-loss.config.json'),
      '--enforce',
      fixture('replay-daily-loss.events.jsonl'),
    ]);
    expect(lines.map((l) => [l.type, l.level, l.action, l.symbol])).toEqual([
      ['decision', 'warning', 'alert', undefined],
      ['decision', 'breach', 'flatten', undefined],
      ['summary', undefined, undefined, undefined],
    ]);
    // MNQ 2 closed at 20900.00 with 0.37 a contract: realized (20900 − 21000.25) × 2 × 2 = −401.
    expect(lines[2]).toEqual({
      type: 'summary',
      account: 'DEMO',
      metrics: {
        balance: '49395.04',
        unrealizedPnl: '0',
        equity: '49395.04',
        dailyRealizedPnl: '-604.96',
        dailyNetPnl: '-604.96',
        dailyDrawdown: '604.96',
        weeklyNetPnl: '-604.96',
        weeklyDrawdown: '604.96',
        maxDrawdown: '604.96',
        maxDrawdownPct: '1.2099',
        trailingThreshold: null,
        consecutiveLosses: 1,
        tradesToday: 1,
        usedMargin: '0',
        marginLevel: null,
        freeMargin: '49395.04',
        grossExposure: '0',
        hhi: '0',
        largestPositionPct: '0',
      },
      tradingState: 'halted',
      lockedUntil: '2026-05-05T22:00:00Z',
    });
  }, 30_000);

  it('reports a malformed line on stderr with its number and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-replay-'));
    const events = readFileSync(fixture('replay-daily-loss.events.jsonl'), 'utf8').split('\n');
    events.splice(
      4,
      0,
      '{"t":"2026-05-05T08:31:30-05:00","type":"quote"',
      '{"t":"yesterday","type":"clock"}',
    );
    writeFileSync(join(dir, 'events.jsonl'), events.join('\n'));
    const { lines, stderr } = await replay([
      '--config',
      fixture('replay-daily-loss.config.json'),
      join(dir, 'events.jsonl'),
    ]);
    expect(stderr).toMatch(/line 5: not JSON/);
    expect(stderr).toMatch(/line 6: t: not an ISO-8601 time with offset: "yesterday"/);
    expect(lines.filter((l) => l.type === 'decision')).toHaveLength(3);
    expect((lines.at(-1)?.metrics as Record<string, unknown>).balance).toBe('49796.41');
  }, 30_000);
});
