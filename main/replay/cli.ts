// `warden replay --config F [--enforce] EVENTS.jsonl`: streams the file through a replayer, decisions to stdout,
// malformed lines to stderr (with their line number) while the replay goes on.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { engineConfigOf } from '../engine';
import { readConfigFile } from '../platform/config-file';
import { createReplayer } from './replayer';

export async function replayCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { config: { type: 'string' }, enforce: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (values.config === undefined || file === undefined) {
    process.stderr.write('usage: warden replay --config F [--enforce] EVENTS.jsonl\n');
    return 2;
  }
  const config = readConfigFile(values.config);
  if (!config.ok) {
    for (const error of config.errors) process.stderr.write(`${error}\n`);
    return 1;
  }
  const replayer = createReplayer(engineConfigOf(config.config), { enforce: values.enforce });
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber += 1;
    const { out, error } = replayer.line(text, lineNumber);
    if (error !== undefined) process.stderr.write(`${file}: ${error}\n`);
    for (const line of out) process.stdout.write(`${line}\n`);
  }
  for (const line of replayer.finish()) process.stdout.write(`${line}\n`);
  return 0;
}
