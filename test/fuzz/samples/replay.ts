// Replay lines to mutate: the replay fixtures' events (instruments, accounts, quotes, fills, orders, positions,
// calendars, clock ticks), with the config each was recorded under.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfig } from '../../../shared/config/schema';
import { engineConfigOf, type EngineConfig } from '../../../main/engine';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const NAMES = ['replay-daily-loss', 'replay-groups', 'replay-news', 'replay-plan'] as const;

export const replayLines: string[] = NAMES.flatMap((name) =>
  readFileSync(join(fixtures, `${name}.events.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== ''),
);

export const replayEvents: Record<string, unknown>[] = replayLines.map(
  (line) => JSON.parse(line) as Record<string, unknown>,
);

export const replayConfigs: EngineConfig[] = NAMES.map((name) => {
  const result = validateConfig(JSON.parse(readFileSync(join(fixtures, `${name}.config.json`), 'utf8')));
  if (!result.ok) throw new Error(`${name}.config.json: ${result.errors.join('; ')}`);
  return engineConfigOf(result.config);
});
