// `warden replay` on a fixture, run as a user runs it (a child process): test/fixtures/<name>.config.json and
// <name>.events.jsonl in, the output as JSON lines to compare with <name>.expected.jsonl.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

/** The path of a file in test/fixtures. */
export const fixture = (name: string) => join(root, 'test', 'fixtures', name);

/** The non-blank lines of `text`, each parsed as JSON. */
export const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Runs `warden replay [flags] --config <name>.config.json <name>.events.jsonl` from the repository root. */
export const replayFixture = (name: string, ...flags: string[]) =>
  run(
    'node',
    [
      join(root, 'bin', 'warden.mjs'),
      'replay',
      ...flags,
      '--config',
      fixture(`${name}.config.json`),
      fixture(`${name}.events.jsonl`),
    ],
    { cwd: root },
  );
