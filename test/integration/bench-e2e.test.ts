// `npm run bench:e2e` end to end, briefly: the bundled bench (both broker cases, five samples each, no warm-up)
// prints one JSON line per broker of the documented shape, and every sample ended in a close at the fake gateway,
// read from the bench's report of what the gateway did, on a connection already open, and ProjectX's floor was
// taken beside every sample. Its timings are the bench's business, not asserted here.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'warden-bench-e2e-test-'));
const reportFile = join(dir, 'report.json');
const SAMPLES = 5;

type Report = {
  case: string;
  warmUp: number;
  tally: { calls: Record<string, number>; closes: number };
  samples: {
    endpoint: string;
    toCoreMs: number;
    inCoreMs: number;
    toGatewayMs: number;
    floorMs: number | null;
    newConnection: boolean;
  }[];
}[];

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const twoPlaces = (value: unknown) =>
  typeof value === 'number' && value >= 0 && Math.round(value * 100) / 100 === value;

describe('npm run bench:e2e', () => {
  it('prints one line per broker, and every sample closed A at the gateway', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/bench-e2e.mjs'], {
      cwd: root,
      env: { ...process.env, BENCH_SAMPLES: String(SAMPLES), BENCH_WARMUP: '0', BENCH_REPORT: reportFile },
      timeout: 55_000,
    });

    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => Object.keys(line))).toEqual([
      ['case', 'samples', 'p50Ms', 'p99Ms', 'maxMs'],
      ['case', 'samples', 'p50Ms', 'p99Ms', 'maxMs'],
    ]);
    expect(lines.map((line) => [line.case, line.samples])).toEqual([
      ['projectx', SAMPLES],
      ['tradovate', SAMPLES],
    ]);
    for (const line of lines) {
      expect([line.p50Ms, line.p99Ms, line.maxMs].every(twoPlaces)).toBe(true);
      expect(Number(line.p50Ms) <= Number(line.p99Ms) && Number(line.p99Ms) <= Number(line.maxMs)).toBe(true);
    }

    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    const close = { projectx: 'Position/closeContract', tradovate: 'order/liquidateposition' };
    expect(
      report.map((run) => ({
        case: run.case,
        endpoints: run.samples.map((s) => s.endpoint),
        calls: run.tally.calls,
        closes: run.tally.closes,
      })),
    ).toEqual(
      (['projectx', 'tradovate'] as const).map((name) => ({
        case: name,
        endpoints: Array<string>(SAMPLES).fill(close[name]),
        calls: { [close[name]]: SAMPLES },
        closes: SAMPLES,
      })),
    );
    const hops = report.flatMap((run) => run.samples.flatMap((s) => [s.toCoreMs, s.inCoreMs, s.toGatewayMs]));
    expect(hops.every((ms) => ms > 0)).toBe(true);
    // ProjectX's floor: one sample after each of the core's, its call read at the gateway; Tradovate has none.
    expect(report.map((run) => run.samples.map((s) => (s.floorMs === null ? null : s.floorMs > 0)))).toEqual([
      Array<boolean>(SAMPLES).fill(true),
      Array<null>(SAMPLES).fill(null),
    ]);
    // Every enforcement request went out on a connection already open (ProjectX's kept REST connection,
    // Tradovate's user socket).
    expect(report.map((run) => run.samples.map((s) => s.newConnection))).toEqual([
      Array<boolean>(SAMPLES).fill(false),
      Array<boolean>(SAMPLES).fill(false),
    ]);
  }, 60_000);
});
