// The fuzz harness in CI: every surface's properties, a few runs each from a fixed seed (no clock, so the same
// inputs every time), must find no crash and no state corruption. `npm run fuzz` is the real run (random seed,
// FUZZ_SECONDS); this keeps its properties and their checks working.
import { describe, expect, it, vi } from 'vitest';
import { runFuzz } from '../../fuzz/harness/runner';
import { allSurfaces } from '../../fuzz/surfaces';

vi.mock('electron', () => import('../../mocks/electron'));

describe('npm run fuzz, as a fixed-seed smoke test', () => {
  it('runs every surface a few times and finds nothing', async () => {
    const result = await runFuzz({ surfaces: allSurfaces(), seed: 20261202, seconds: 0, runsPerProperty: 6 });
    expect(
      result.findings.map((f) => `${f.kind} ${f.surface}/${f.property}: ${f.error.split('\n')[0] ?? ''}`),
    ).toEqual([]);
    expect(result.surfaces).toBe(allSurfaces().length);
    expect(result.inputs).toBeGreaterThan(100);
  }, 60_000);
});
