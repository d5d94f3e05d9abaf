// The real core on the simulator (a still market, a real SQLite file) behind a real `warden serve` on loopback,
// for the command surfaces (HTTP, WebSocket, IPC), with what they share: the commands' well-formed arguments, the
// published state to compare before and after a refused command, and the log lines that mean a handler threw.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CommandName } from '../../../shared/ipc';
import { createSimBroker, simSetupOf } from '../../../main/broker/sim';
import { createCore } from '../../../main/core/app';
import { loadConfig } from '../../../main/core/start';
import type { WardenCore } from '../../../main/core/types';
import { engineConfigOf } from '../../../main/engine';
import { systemClock } from '../../../main/platform/clock';
import { memoryLogger } from '../../../main/platform/logger';
import { dataFiles } from '../../../main/platform/paths';
import { startServer, type RunningServer } from '../../../main/server/server';
import { openStore } from '../../../main/store';
import { rendererDir } from '../../helpers/serve';
import { STILL_TICK_INTERVAL_MS } from '../../helpers/sim-core';
import { StateCorruption } from '../harness/types';

export const TOKEN = 'fuzz-token-0123456789abcdef';
const A1 = 'SIM-50K';
const A2 = 'SIM-25K';

const configYaml = `session: { timezone: America/Chicago, dayStart: "17:00" }
accounts:
  ${A1}: { startingBalance: 50000, rules: { dailyLoss: { amount: 5000 }, maxContracts: { total: 50 } } }
  ${A2}: { startingBalance: 25000, rules: { dailyLoss: { amount: 2500 } } }
groups:
  desk: { name: Desk, accounts: [${A1}, ${A2}] }
`;
const document = parse(configYaml) as unknown;

/** Well-formed arguments of every command, to send as they are and mutated. */
export const commandSamples: Record<CommandName, unknown[]> = {
  placeOrder: [
    { account: A1, symbol: 'MNQ', side: 'buy', qty: 1, kind: 'market' },
    { account: A2, symbol: 'MES', side: 'sell', qty: 2, kind: 'limit', limitPrice: '5000.25' },
    { account: A1, symbol: 'MNQ', side: 'sell', qty: 1, kind: 'stop', stopPrice: '20000', stopLoss: '20100' },
    { account: A1, symbol: 'CL', side: 'buy', qty: 1, stopLoss: '60.50', takeProfit: '80.25' },
  ],
  cancelOrder: [{ account: A2, orderId: '1' }],
  closePosition: [
    { account: A1, symbol: 'MNQ' },
    { account: A1, symbol: 'MNQ', qty: 1 },
  ],
  flatten: [{ account: A2 }, { group: 'desk' }, { all: true }],
  lock: [{ account: A2, until: 'dayEnd' }, { group: 'nope' }],
  resetLock: [{ account: A1 }],
  confirmDayStart: [{ account: A1, startEquity: '50000.00' }],
  setDemo: [{ enabled: false }],
  getState: [{}],
  setConfig: [{ config: document }],
  previewConfig: [{ config: document }],
  lockSettings: [{ account: 'UNKNOWN' }],
  getConfig: [{}],
  setCredentials: [
    { userName: 'trader', apiKey: 'key-123', apiUrl: 'https://api.example.com' },
    { broker: 'tradovate', userName: 't', password: 'p', cid: 8123, secret: 's', environment: 'demo' },
  ],
  setAccountGuarded: [{ account: A1, guarded: true }],
  getHistory: [
    { account: A1, days: 5 },
    { account: A1, equityDay: 'today' },
    { group: { id: 'desk', accounts: [A1, A2] }, days: 2 },
  ],
  reconnect: [{ reason: 'fuzz' }],
  whatIf: [{ account: A1, days: 1, config: document }],
  whatIfStatus: [{ run: 'run-1' }],
  cancelWhatIf: [{ run: 'run-1' }],
  setNotifySecrets: [{ ntfyToken: 'tok' }, { webhookSecret: null }],
  testNotify: [{ channel: 'ntfy' }],
  detectTelegramChats: [{}],
};

/** Refusals that may change what is shown (a test message's delivery, a reconnect under way, a partial flatten). */
const MAY_CHANGE_WHEN_REFUSED = new Set<string>([
  'testNotify',
  'detectTelegramChats',
  'reconnect',
  'flatten',
]);

export type ServedCore = {
  core: WardenCore;
  server: RunningServer;
  base: string;
  port: number;
  /** Waits until the published state stops changing; returns it (without its clock and sequence) and the config. */
  settle(): Promise<string>;
  /** Throws a corruption when a refused command changed the state. */
  checkRefused(command: string, before: string, why: string): Promise<void>;
  /** Throws when a command handler threw (logged as failed) or a request answered 500. */
  checkLog(): void;
  /** Turns the demo off again if an input turned it on (its trades would move the state on their own). */
  calm(): Promise<void>;
  stop(): Promise<void>;
};

export async function startServedCore(prefix: string): Promise<ServedCore> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const files = dataFiles(dir);
  writeFileSync(files.config, configYaml);
  const logger = memoryLogger();
  const config = loadConfig(files.config);
  const broker = createSimBroker({
    ...simSetupOf(config),
    stateFile: files.simBroker,
    clock: systemClock,
    logger,
    demo: false,
    seed: 11,
    tickIntervalMs: STILL_TICK_INTERVAL_MS,
  });
  const store = openStore(files.database, { logger, clock: systemClock });
  const core = await createCore({
    broker,
    store,
    clock: systemClock,
    logger,
    engineConfig: engineConfigOf(config),
    configSource: { document: config, file: files.config },
    news: { url: null, cacheFile: join(dir, 'news-calendar.json') },
  });
  const server = await startServer({
    core,
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    rendererDir,
    logger,
    version: 'fuzz',
  });
  const snapshot = async () => {
    const { seq: _seq, serverTime: _time, ...view } = core.view();
    const answer = await core.command('getConfig', {});
    return JSON.stringify({ view, config: answer.ok ? answer.result : answer });
  };
  const settle = async () => {
    let last = await snapshot();
    for (let i = 0; i < 50; i += 1) {
      await new Promise((resolve) => (i === 0 ? setImmediate(resolve) : setTimeout(resolve, 10)));
      const next = await snapshot();
      if (next === last) return next;
      last = next;
    }
    return last;
  };
  return {
    core,
    server,
    port: server.port,
    base: `http://127.0.0.1:${server.port}`,
    settle,
    async checkRefused(command, before, why) {
      if (MAY_CHANGE_WHEN_REFUSED.has(command)) return;
      const after = await settle();
      if (after !== before)
        throw new StateCorruption(
          `refused ${command} (${why}) changed the state: ${firstDifference(before, after)}`,
        );
    },
    checkLog() {
      // A client that hangs up mid-request is logged as a failed request; that is the client's doing.
      const failed = logger.lines.find(
        (l) =>
          l.message === 'command failed' ||
          (l.message === 'request failed' && !/aborted|ECONNRESET/.test(String(l.context?.reason))),
      );
      const notApplied = logger.lines.find((l) => l.message === 'broker event not applied');
      logger.lines.length = 0;
      if (notApplied !== undefined)
        throw new StateCorruption(
          `the broker did something the core could not apply: ${JSON.stringify(notApplied.context).slice(0, 500)}`,
        );
      if (failed !== undefined)
        throw new Error(`${failed.message}: ${JSON.stringify(failed.context).slice(0, 500)}`);
    },
    async calm() {
      if (core.view().demo) await core.command('setDemo', { enabled: false });
      // A reconnect an input asked for runs on after its answer: the next input starts from a settled link.
      const deadline = Date.now() + 5_000;
      while (core.view().connection.status !== 'connected' && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
    },
    async stop() {
      await server.close();
      await core.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  return `…${a.slice(Math.max(0, i - 120), i + 80)}… became …${b.slice(Math.max(0, i - 120), i + 80)}…`;
}
