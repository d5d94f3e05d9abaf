// `warden export-events --data-dir D --account A [--days N] [--until T] [--config F]`: the account's journaled
// events of the last N trading days (up to T, inclusive; default now) as replay JSON Lines (docs/API.md section 3;
// times ISO, money as strings): the rows a what-if of those days replays, for `warden replay --config F --enforce`.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { validateConfig, type WardenConfig } from '../../shared/config/schema';
import { readConfigFile } from '../platform/config-file';
import { createLogger } from '../platform/logger';
import { dataFiles, defaultDataDir } from '../platform/paths';
import { openStore, type RawEvent, type Store } from '../store';
import { deserializeState, engineConfigOf, type EngineConfig } from '../engine';
import { knownOf, journalOnly, type Known } from './known';
import { openWindow, windowSlices } from './window';

export const EXPORT_USAGE =
  'warden export-events [--data-dir D] --account A [--days N] [--until T] [--config F]';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A journal row as a replay line: `t` (and a calendar's `at`s) as ISO times, `t` and `type` first. */
export function replayLine(row: RawEvent): string {
  const { t: _t, type, ...rest } = JSON.parse(row.body) as Record<string, unknown>;
  if (type === 'calendar' && Array.isArray(rest.events))
    rest.events = (rest.events as { at: number }[]).map((item) => ({ ...item, at: iso(item.at) }));
  return JSON.stringify({ t: iso(row.t), type, ...rest });
}

type Options = {
  dataDir: string;
  account: string;
  days: number;
  until: number | null;
  config: string | null;
};

function options(argv: string[]): Options | string {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      account: { type: 'string' },
      days: { type: 'string', default: '30' },
      until: { type: 'string' },
      config: { type: 'string' },
    },
  });
  const days = Number(values.days);
  if (values.account === undefined || values.account === '') return 'an --account is required';
  if (!Number.isInteger(days) || days < 1 || days > 90)
    return `--days must be a whole number 1-90, got ${values.days}`;
  const until = values.until === undefined ? null : Date.parse(values.until);
  if (until !== null && Number.isNaN(until))
    return `--until must be an ISO time, got ${String(values.until)}`;
  const dataDir = values['data-dir'] ?? defaultDataDir();
  return {
    dataDir,
    account: values.account,
    days,
    until,
    config: values.config ?? process.env.WARDEN_CONFIG ?? null,
  };
}

/** The session's document: --config, else the data dir's config.yaml, else the defaults. */
function sessionDocument(o: Options): WardenConfig | string[] {
  const file = o.config ?? dataFiles(o.dataDir).config;
  const result = o.config !== null || existsSync(file) ? readConfigFile(file) : validateConfig({});
  return result.ok ? result.config : result.errors;
}

/** What the latest engine snapshot and the kept round trips know of the account (the core uses its live state). */
function snapshotKnowledge(store: Store, account: string, config: EngineConfig): Known {
  const latest = store.snapshots.latest();
  if (latest === null) return journalOnly;
  return knownOf(deserializeState(latest.state, config), account, (...query) =>
    store.accountEvents.tradesOpenAt(...query),
  );
}

const write = (text: string) =>
  new Promise<void>((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });

export async function exportEventsCommand(argv: string[]): Promise<number> {
  const o = options(argv);
  if (typeof o === 'string') {
    process.stderr.write(`${o}\nusage: ${EXPORT_USAGE}\n`);
    return 2;
  }
  const document = sessionDocument(o);
  if (Array.isArray(document)) {
    for (const error of document) process.stderr.write(`${error}\n`);
    return 1;
  }
  const file = dataFiles(o.dataDir).database;
  if (!existsSync(file)) {
    process.stderr.write(`no Warden database in ${o.dataDir}\n`);
    return 1;
  }
  const store = openStore(file, { logger: createLogger({ level: 'warn' }) });
  try {
    const window = await openWindow(store.accountEvents, {
      account: o.account,
      days: o.days,
      session: document.session,
      now: o.until ?? Date.now(),
      ...(o.until === null ? {} : { through: o.until }),
      known: snapshotKnowledge(store, o.account, engineConfigOf(document)),
    });
    for await (const rows of windowSlices(store.accountEvents, window))
      await write(rows.map((row) => `${replayLine(row)}\n`).join(''));
  } finally {
    store.close();
  }
  return 0;
}
