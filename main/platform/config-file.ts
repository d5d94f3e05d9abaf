// Reads the config document (YAML, or JSON for a .json file) from disk and validates it, every error prefixed
// with the file (and a syntax error with its line); creates the file with the default config on first start.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isScalar, Lexer, LineCounter, parseDocument, stringify, visit, type Document } from 'yaml';
import {
  defaultConfigYaml,
  validateConfig,
  type ConfigResult,
  type WardenConfig,
} from '../../shared/config/schema';

type Parsed = { ok: true; document: unknown } | { ok: false; errors: string[] };

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

function parseJson(text: string): Parsed {
  try {
    return { ok: true, document: JSON.parse(text) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    // Node 20 says "at position N"; newer versions add "(line L column C)".
    const position = /at position (\d+)/.exec(message);
    const where = lineColumn(text, position === null ? text.length : Number(position[1]));
    const reason = message
      .replace(/\s*(in JSON )?at position \d+.*$/, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '');
    return { ok: false, errors: [`line ${where.line}, column ${where.column}: not valid JSON: ${reason}`] };
  }
}

/**
 * Brackets nested deeper than this are not a config (the deepest one nests about six levels), and the YAML
 * reader's time and memory grow steeply with them: a few hundred `{` took minutes, a few thousand ran out of memory.
 */
const MAX_FLOW_NESTING = 64;

/** How deep `[` and `{` nest, as YAML's own lexer reads them (not inside quotes or comments); linear time. */
function flowNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') deepest = Math.max(deepest, (depth += 1));
    else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** Keys that are lists, maps or aliases: none is a config key, and reading one turns it into text, slowly. */
function hasComplexKey(document: Document): boolean {
  let found = false;
  visit(document, {
    Pair(_, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** A config is a few kilobytes; a reader that must list every error of a huge file slows down steeply. */
const MAX_CONFIG_CHARS = 1_000_000;
/** Errors listed for one file: a garbage file has one per token, which no one reads. */
const MAX_SYNTAX_ERRORS = 20;

function parseYaml(text: string): Parsed {
  if (text.length > MAX_CONFIG_CHARS)
    return { ok: false, errors: [`larger than ${MAX_CONFIG_CHARS} characters: not a config file`] };
  if (flowNesting(text) > MAX_FLOW_NESTING)
    return { ok: false, errors: [`not valid YAML: brackets nested more than ${MAX_FLOW_NESTING} deep`] };
  // Positions from a line counter: the reader's own "pretty" errors scan the text once per error (minutes for a
  // few hundred kilobytes of garbage).
  const lines = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, lineCounter: lines });
  if (document.errors.length > 0) {
    const errors = document.errors.slice(0, MAX_SYNTAX_ERRORS).map((error) => {
      const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      const position = lines.linePos(error.pos[0]);
      return `line ${position.line}, column ${position.col}: not valid YAML: ${reason}`;
    });
    const more = document.errors.length - errors.length;
    return { ok: false, errors: more > 0 ? [...errors, `and ${more} more YAML errors`] : errors };
  }
  if (hasComplexKey(document))
    return { ok: false, errors: ['not valid YAML here: a key must be plain text, not a list, map or alias'] };
  try {
    return { ok: true, document: document.toJS() as unknown };
  } catch (error) {
    // Aliases that expand past the reader's limit (a "billion laughs" file) are refused here.
    return { ok: false, errors: [`not valid YAML: ${(error as Error).message}`] };
  }
}

const isJson = (file: string) => file.toLowerCase().endsWith('.json');

export function readConfigFile(file: string): ConfigResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, errors: [`${file}: cannot read (${(error as Error).message})`] };
  }
  const parsed = isJson(file) ? parseJson(text) : parseYaml(text);
  const result = parsed.ok ? validateConfig(parsed.document) : parsed;
  return result.ok ? result : { ok: false, errors: result.errors.map((error) => `${file}: ${error}`) };
}

export function ensureConfigFile(file: string): void {
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, defaultConfigYaml, { mode: 0o600 });
}

/**
 * Writes a config changed in the app: the previous file is kept beside it as `<file>.prev` (a hand-written
 * file's comments live on there), and the new one replaces it atomically, so a crash leaves one or the other.
 */
export function writeConfigFile(file: string, config: WardenConfig, at: Date): void {
  if (existsSync(file)) copyFileSync(file, `${file}.prev`);
  const text = isJson(file)
    ? `${JSON.stringify(config, null, 2)}\n`
    : `# Warden rules and settings, written by Warden at ${at.toISOString()} after a change in the app.\n` +
      `# The file as it was before is ${file}.prev. docs/RULES.md sections 6 and 8 describe every setting.\n` +
      stringify(config);
  const next = `${file}.next`;
  writeFileSync(next, text, { mode: 0o600 });
  renameSync(next, file);
}
