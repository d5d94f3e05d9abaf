// `warden`: serve | check-config | replay | export-events | presets (docs/API.md section 1).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startCore } from './core/start';
import { presetsCommand } from './presets/cli';
import { replayCommand } from './replay/cli';
import { EXPORT_USAGE, exportEventsCommand } from './whatif/export-events';
import { readConfigFile } from './platform/config-file';
import { createLogger } from './platform/logger';
import { dataFiles, defaultDataDir } from './platform/paths';
import { lowerBackgroundThreads } from './platform/thread-priority';
import { serverToken } from './server/auth';
import { startServer } from './server/server';

/** The package's folder: the nearest one up holding package.json (main/ from source, dist/cli/ bundled). */
function packageRoot(from: string): string {
  const parent = dirname(from);
  if (existsSync(join(from, 'package.json')) || parent === from) return from;
  return packageRoot(parent);
}
const root = packageRoot(dirname(fileURLToPath(import.meta.url)));
const usage = `usage:
  warden serve [--port N] [--host H] [--data-dir D] [--broker sim|projectx|tradovate] [--config F] [--demo]
  warden check-config FILE
  warden replay --config F [--enforce] EVENTS.jsonl
  ${EXPORT_USAGE}
  warden presets [show ID]`;

function version(): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

async function serve(argv: string[]): Promise<void> {
  // First, while the only other threads are V8's helpers: they yield to the thread that decides.
  const lowered = lowerBackgroundThreads();
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      broker: { type: 'string' },
      config: { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
  });
  const env = process.env;
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const port = Number(values.port ?? env.WARDEN_PORT ?? 4870);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${String(values.port)}`);
  const broker = values.broker ?? env.WARDEN_BROKER ?? 'sim';
  if (broker !== 'sim' && broker !== 'projectx' && broker !== 'tradovate')
    throw new Error(`--broker must be sim, projectx or tradovate, got ${broker}`);
  const logger = createLogger({ file: dataFiles(dataDir).log });
  if (lowered > 0) logger.info('background threads run below the main one', { threads: lowered });
  const configPath = values.config ?? env.WARDEN_CONFIG;
  const core = await startCore({
    dataDir,
    broker,
    demo: values.demo,
    logger,
    ...(configPath === undefined ? {} : { configPath }),
  });
  const token = serverToken(env.WARDEN_TOKEN);
  const server = await startServer({
    core,
    host: values.host ?? env.WARDEN_HOST ?? '127.0.0.1',
    port,
    token,
    rendererDir: join(root, 'dist', 'renderer'),
    logger,
    version: version(),
  });
  process.stdout.write(
    `Warden is running on the ${broker} broker (data in ${dataDir}).\nOpen ${server.url}\n`,
  );
  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
    void server
      .close()
      .then(() => core.stop())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', () => {
    shutdown('SIGINT');
  });
  process.once('SIGTERM', () => {
    shutdown('SIGTERM');
  });
}

function checkConfig(argv: string[]): number {
  const file = argv[0];
  if (file === undefined) throw new Error('check-config needs a FILE');
  const result = readConfigFile(file);
  if (result.ok) {
    process.stdout.write(`${file}: ok\n`);
    return 0;
  }
  for (const error of result.errors) process.stderr.write(`${error}\n`);
  return 1;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await serve(rest);
      return -1;
    case 'check-config':
      return checkConfig(rest);
    case 'replay':
      return replayCommand(rest);
    case 'export-events':
      return exportEventsCommand(rest);
    case 'presets':
      return presetsCommand(rest);
    default:
      process.stderr.write(`${usage}\n`);
      return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
  }
}
