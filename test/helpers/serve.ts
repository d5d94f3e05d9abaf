// Starts `warden serve` in-process on a free port over a temp data dir: the real core, store, sim broker and server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from '../../main/core/start';
import type { WardenCore } from '../../main/core/types';
import { createLogger } from '../../main/platform/logger';
import { startServer, type RunningServer } from '../../main/server/server';

export type Served = {
  core: WardenCore;
  server: RunningServer;
  dataDir: string;
  token: string;
  stop(): Promise<void>;
};

export const rendererDir = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

export async function serveInProcess(options: { dataDir?: string; demo?: boolean } = {}): Promise<Served> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'warden-serve-'));
  const logger = createLogger({ level: 'warn', file: join(dataDir, 'warden.log'), console: false });
  const core = await startCore({ dataDir, broker: 'sim', demo: options.demo ?? false, logger });
  const token = 'test-token-0123456789';
  const server = await startServer({
    core,
    host: '127.0.0.1',
    port: 0,
    token,
    rendererDir,
    logger,
    version: 'test',
  });
  return {
    core,
    server,
    dataDir,
    token,
    async stop() {
      await server.close();
      await core.stop();
    },
  };
}
