// Keeps the simulated broker's book in one JSON file, written atomically (temp file, rename). A file that cannot
// be read is moved aside, never deleted, and the broker starts fresh. No disk flush per write: the book is written
// at every change on Warden's own thread, a crash of the app keeps what was written, and the flush (3 ms here) is
// what a power cut would need, which a demo broker can do without.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { FillEvent } from '../../../shared/domain/events';
import { encodeEngineEvent, parseEngineEvent } from '../../../shared/domain/event-codec';
import { dec, moneyString, type Dec } from '../../../shared/domain/money';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { fileOrder, positionKey, type ShelvedAccount, type SimOrder, type SimState } from './state';
import { withoutUndefined } from '../../../shared/domain/without-undefined';

export const STATE_FILE_VERSION = 1;

/** What the file holds besides the book: the last bid of each market walk. */
export type Prices = Record<string, string>;
export type StoredBook = { state: SimState; prices: Prices };

export type StateFile = {
  /** The stored book, or undefined when there is none or it could not be read (then it was moved aside). */
  load(): StoredBook | undefined;
  /** Writes the whole book; a failure is logged (once until a write succeeds again), never thrown. */
  save(book: StoredBook): void;
};

const decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string')
  .transform((text) => dec(text));
const text = z.string().min(1);
const contracts = z.number().int().positive();

const orderSchema = z.strictObject({
  id: text,
  account: text,
  symbol: text,
  side: z.enum(['buy', 'sell']),
  kind: z.enum(['market', 'limit', 'stop']),
  qty: contracts,
  status: z.enum(['working', 'filled', 'cancelled', 'rejected']),
  filledQty: z.number().int().nonnegative(),
  createdAt: z.number().int(),
  limitPrice: decimal.optional(),
  stopPrice: decimal.optional(),
  tag: z.string().optional(),
  stopLossPrice: decimal.optional(),
  takeProfitPrice: decimal.optional(),
  parentId: text.optional(),
});

const accountSchema = z.strictObject({ id: text, name: text, balance: decimal, canTrade: z.boolean() });
const positionSchema = z.strictObject({
  account: text,
  symbol: text,
  qty: z.number().int(),
  avgPrice: decimal,
});

const fileSchema = z.strictObject({
  version: z.literal(STATE_FILE_VERSION),
  savedAt: z.number().int(),
  generation: text,
  nextOrderNo: z.number().int().positive(),
  nextFillNo: z.number().int().positive(),
  accounts: z.array(accountSchema),
  positions: z.array(positionSchema),
  orders: z.array(orderSchema),
  fills: z.array(z.unknown()),
  prices: z.record(z.string(), z.string()),
  /** Accounts no longer configured, with their ledgers; written only when there are some. */
  shelved: z
    .array(
      z.strictObject({
        account: accountSchema,
        positions: z.array(positionSchema),
        orders: z.array(orderSchema),
        fills: z.array(z.unknown()),
      }),
    )
    .default([]),
});

type StoredFile = z.output<typeof fileSchema>;

function parseFill(raw: unknown, index: number): FillEvent {
  const parsed = parseEngineEvent(raw);
  if (!parsed.ok) throw new Error(`fills.${index}: ${parsed.error}`);
  if (parsed.event.type !== 'fill') throw new Error(`fills.${index}: not a fill`);
  return parsed.event;
}

/** Turns the validated file into a book; throws naming the first thing that does not fit together. */
function toBook(file: StoredFile, symbols: ReadonlySet<string>): StoredBook {
  const known = (symbol: string, where: string): void => {
    if (!symbols.has(symbol)) throw new Error(`${where}: unknown symbol "${symbol}"`);
  };
  const accounts = new Map(file.accounts.map((a) => [a.id, a]));
  const owned = (account: string, where: string): void => {
    if (!accounts.has(account)) throw new Error(`${where}: unknown account "${account}"`);
  };
  const positions = file.positions.filter((p) => p.qty !== 0);
  positions.forEach((p, i) => {
    known(p.symbol, `positions.${i}`);
    owned(p.account, `positions.${i}`);
  });
  file.orders.forEach((o, i) => {
    known(o.symbol, `orders.${i}`);
    owned(o.account, `orders.${i}`);
  });
  const state: SimState = {
    generation: file.generation,
    nextOrderNo: file.nextOrderNo,
    nextFillNo: file.nextFillNo,
    accounts,
    positions: new Map(positions.map((p) => [positionKey(p.account, p.symbol), p])),
    working: new Map(),
    finished: new Map(),
    fills: file.fills.map(parseFill),
    shelved: toShelf(file, accounts, known),
  };
  for (const order of file.orders) fileOrder(state, withoutUndefined(order) as SimOrder);
  return { state, prices: file.prices };
}

/** The accounts set aside, each checked like the book's own. */
function toShelf(
  file: StoredFile,
  active: ReadonlyMap<string, unknown>,
  known: (symbol: string, where: string) => void,
): SimState['shelved'] {
  const shelf: SimState['shelved'] = new Map();
  file.shelved.forEach((entry, i) => {
    const { id } = entry.account;
    if (active.has(id) || shelf.has(id)) throw new Error(`shelved.${i}: account "${id}" is listed twice`);
    const mine = (account: string, where: string): void => {
      if (account !== id) throw new Error(`${where}: belongs to "${account}", not "${id}"`);
    };
    entry.positions.forEach((p, j) => {
      known(p.symbol, `shelved.${i}.positions.${j}`);
      mine(p.account, `shelved.${i}.positions.${j}`);
    });
    entry.orders.forEach((o, j) => {
      known(o.symbol, `shelved.${i}.orders.${j}`);
      mine(o.account, `shelved.${i}.orders.${j}`);
    });
    shelf.set(id, {
      account: entry.account,
      positions: entry.positions.filter((p) => p.qty !== 0),
      orders: entry.orders.map((o) => withoutUndefined(o) as SimOrder),
      fills: entry.fills.map((f, j) => parseFill(f, j)),
    });
  });
  return shelf;
}

const maybeMoney = (value: Dec | undefined): string | undefined =>
  value === undefined ? undefined : moneyString(value);

/** Fills never change once booked, so each is encoded once: a demo session writes the file every few seconds. */
const encodedFills = new WeakMap<FillEvent, string>();

function fillJson(fill: FillEvent): string {
  let json = encodedFills.get(fill);
  if (json === undefined) {
    json = JSON.stringify(encodeEngineEvent(fill));
    encodedFills.set(fill, json);
  }
  return json;
}

/** The file's text: the book as JSON, with the fills last (spliced in from their cached encodings). */
function fileText(book: StoredBook, savedAt: number): string {
  const head = JSON.stringify(toFile(book, savedAt));
  return `${head.slice(0, -1)},"fills":[${book.state.fills.map(fillJson).join(',')}]}\n`;
}

function toFile(book: StoredBook, savedAt: number): Record<string, unknown> {
  const { state } = book;
  const orders = [...state.finished.values(), ...state.working.values()].map(orderJson);
  return {
    version: STATE_FILE_VERSION,
    savedAt,
    generation: state.generation,
    nextOrderNo: state.nextOrderNo,
    nextFillNo: state.nextFillNo,
    accounts: [...state.accounts.values()].map((a) => ({ ...a, balance: moneyString(a.balance) })),
    positions: [...state.positions.values()].map((p) => ({ ...p, avgPrice: moneyString(p.avgPrice) })),
    orders,
    prices: book.prices,
    ...(state.shelved.size === 0 ? {} : { shelved: [...state.shelved.values()].map(shelvedJson) }),
  };
}

function orderJson(o: SimOrder): Record<string, unknown> {
  return {
    ...o,
    limitPrice: maybeMoney(o.limitPrice),
    stopPrice: maybeMoney(o.stopPrice),
    stopLossPrice: maybeMoney(o.stopLossPrice),
    takeProfitPrice: maybeMoney(o.takeProfitPrice),
  };
}

function shelvedJson(entry: ShelvedAccount): Record<string, unknown> {
  return {
    account: { ...entry.account, balance: moneyString(entry.account.balance) },
    positions: entry.positions.map((p) => ({ ...p, avgPrice: moneyString(p.avgPrice) })),
    orders: entry.orders.map(orderJson),
    fills: entry.fills.map((f) => encodeEngineEvent(f)),
  };
}

function writeAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

function readProblem(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** Moves an unreadable file aside (never deletes it), so the broker can start fresh and nothing is lost. */
function moveAside(path: string, clock: Clock, logger: Logger, reason: string): void {
  const stamp = new Date(clock.now()).toISOString().replace(/[:.]/g, '-');
  const aside = `${path}.corrupt-${stamp}`;
  try {
    renameSync(path, aside);
    logger.error('sim broker state file unreadable; moved aside, starting fresh', {
      path,
      movedTo: aside,
      reason,
    });
  } catch (error) {
    logger.error('sim broker state file unreadable and could not be moved aside; starting fresh', {
      path,
      reason,
      moveError: readProblem(error),
    });
  }
}

/** The book in the file; throws when it cannot be read or a newer Warden wrote it. */
function readBook(path: string, symbols: ReadonlySet<string>): StoredBook {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const version = z.object({ version: z.number() }).safeParse(raw).data?.version;
  if (version !== undefined && version > STATE_FILE_VERSION) {
    throw new Error(`written by a newer version of Warden (file version ${version})`);
  }
  return toBook(fileSchema.parse(raw), symbols);
}

export function createStateFile(options: {
  path: string;
  clock: Clock;
  logger: Logger;
  symbols: ReadonlySet<string>;
}): StateFile {
  const { path, clock, logger } = options;
  let failing = false;

  const load = (): StoredBook | undefined => {
    if (!existsSync(path)) return undefined;
    try {
      return readBook(path, options.symbols);
    } catch (error) {
      moveAside(path, clock, logger, readProblem(error));
      return undefined;
    }
  };

  const save = (book: StoredBook): void => {
    try {
      writeAtomically(path, fileText(book, clock.now()));
      if (failing) logger.info('sim broker state file written again', { path });
      failing = false;
    } catch (error) {
      if (!failing)
        logger.error('cannot write the sim broker state file', { path, reason: readProblem(error) });
      failing = true;
    }
  };

  return { load, save };
}
