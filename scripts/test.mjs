// `npm test`: every check in order (format, lint, typecheck, build, then unit + integration + end-to-end tests, then
// a one-minute soak), then one line `tests: N passed, M failed` (a failed check counts as a failure); exits non-zero
// on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const checks = [
  ['format', 'npx', ['prettier', '--check', '.']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['typecheck', 'npx', ['tsc', '-b']],
  ['build', 'npm', ['run', 'build']],
];

const failedChecks = [];
for (const [name, command, args] of checks) {
  process.stdout.write(`\n== ${name}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) failedChecks.push(name);
}

mkdirSync('test/artifacts', { recursive: true });
const report = 'test/artifacts/vitest-report.json';
rmSync(report, { force: true });
process.stdout.write('\n== tests: vitest run (unit, integration, e2e)\n');
const vitest = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  if (json.numTotalTests === 0) failedChecks.push('no tests ran');
} else {
  failedChecks.push('vitest produced no report');
}
if (vitest.status !== 0 && failed === 0) failedChecks.push(`vitest exited ${vitest.status}`);

// The real core for a minute under the robot, a fast market and a dropped broker link (docs/TESTING.md, "Soak"): any
// invariant violation, broker mismatch or lost event (or a crash) fails it.
process.stdout.write('\n== soak: SOAK_MINUTES=1 npm run soak\n');
const soak = spawnSync('npm', ['run', 'soak'], {
  stdio: 'inherit',
  env: { ...process.env, SOAK_MINUTES: '1' },
});
if (soak.status !== 0) failedChecks.push('soak');

if (failedChecks.length > 0) process.stdout.write(`\nfailed checks: ${failedChecks.join(', ')}\n`);
process.stdout.write(`tests: ${passed} passed, ${failed + failedChecks.length} failed\n`);
process.exit(failed + failedChecks.length > 0 ? 1 : 0);
