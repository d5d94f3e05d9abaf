// docs/RULES.md as the Rules screen shows it: the document cut into sections at its headings (each under GitHub's
// anchor, the one the rule catalog names), and a section read into blocks and inline runs for React to draw.
// Pure: no DOM and no HTML; it reads the subset of markdown RULES.md is written in.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'bold'; children: Inline[] }
  | { kind: 'emphasis'; children: Inline[] }
  /** A link to another section of RULES.md, by its anchor. */
  | { kind: 'docLink'; anchor: string; children: Inline[] }
  /** Anything else a link or an image points at: shown as words, with where it points. */
  | { kind: 'externalLink'; url: string; children: Inline[] };

/** A list entry: its first paragraph, then what is indented under it (a nested list, a table). */
export type ListItem = { text: Inline[]; blocks: Block[] };

export type Block =
  | { kind: 'heading'; level: number; anchor: string; text: Inline[] }
  | { kind: 'paragraph'; text: Inline[] }
  | { kind: 'list'; ordered: boolean; items: ListItem[] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'code'; language: string; text: string };

/** A heading and everything up to the next heading of the same or a higher level. */
export type DocSection = { anchor: string; level: number; title: string; markdown: string };

/** The sections of the document by anchor. */
export type RulesDoc = ReadonlyMap<string, DocSection>;

const headingLine = /^(#{1,6}) +(.*)$/;
const fenceLine = /^ *```/;
const tableLine = /^ *\|/;
const alignmentRow = /^ *\|? *:?-+:? *(\| *:?-+:? *)*\|? *$/;
const listMarker = /^( *)([-*+]|\d+[.)]) +(.*)$/;
/** A list interrupts a paragraph only with a bullet or a "1.": a wrapped line may start with another figure. */
const listInterrupt = /^ *([-*+]|1[.)]) +/;

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Every heading's anchor in a markdown document. */
export function anchorsOf(markdown: string): Set<string> {
  const headings = markdown.split('\n').filter((line) => /^#{1,6} /.test(line));
  return new Set(headings.map((line) => headingAnchor(line.replace(/^#+ /, ''))));
}

/** The words of inline runs, without their marks. */
export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => ('text' in inline ? inline.text : plainText(inline.children))).join('');
}

/** Cuts the document at its headings (those outside code blocks); the first of two equal anchors wins. */
export function readRulesDoc(markdown: string): RulesDoc {
  const lines = markdown.split(/\r?\n/);
  const headings: { index: number; level: number; text: string }[] = [];
  let inCode = false;
  lines.forEach((line, index) => {
    if (fenceLine.test(line)) inCode = !inCode;
    const heading = inCode ? null : headingLine.exec(line);
    if (heading?.[1] !== undefined)
      headings.push({ index, level: heading[1].length, text: heading[2] ?? '' });
  });
  const sections = new Map<string, DocSection>();
  headings.forEach((heading, n) => {
    const end = headings.slice(n + 1).find((later) => later.level <= heading.level)?.index ?? lines.length;
    const anchor = headingAnchor(heading.text);
    if (sections.has(anchor)) return;
    sections.set(anchor, {
      anchor,
      level: heading.level,
      title: plainText(parseInline(heading.text.trim())),
      markdown: lines.slice(heading.index, end).join('\n').trimEnd(),
    });
  });
  return sections;
}

/** A section's blocks, in order. */
export function parseBlocks(markdown: string): Block[] {
  return blocksOf(markdown.split(/\r?\n/));
}

type Parsed = [block: Block, next: number];

const lineAt = (lines: readonly string[], at: number): string => lines[at] ?? '';
const isBlank = (line: string): boolean => line.trim() === '';
const indentOf = (line: string): number => line.length - line.trimStart().length;
const dedent = (line: string, by: number): string => line.slice(Math.min(by, indentOf(line)));

function blocksOf(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let at = 0;
  while (at < lines.length) {
    if (isBlank(lineAt(lines, at))) {
      at += 1;
      continue;
    }
    const [block, next] = blockAt(lines, at);
    blocks.push(block);
    at = next;
  }
  return blocks;
}

function blockAt(lines: readonly string[], at: number): Parsed {
  const line = lineAt(lines, at);
  if (fenceLine.test(line)) return codeAt(lines, at);
  const heading = headingLine.exec(line);
  if (heading?.[1] !== undefined) {
    const text = heading[2] ?? '';
    const level = heading[1].length;
    return [{ kind: 'heading', level, anchor: headingAnchor(text), text: parseInline(text.trim()) }, at + 1];
  }
  if (tableLine.test(line)) return tableAt(lines, at);
  if (listMarker.test(line)) return listAt(lines, at);
  return paragraphAt(lines, at);
}

function codeAt(lines: readonly string[], at: number): Parsed {
  const open = lineAt(lines, at);
  const body: string[] = [];
  let next = at + 1;
  while (next < lines.length && !fenceLine.test(lineAt(lines, next))) {
    body.push(dedent(lineAt(lines, next), indentOf(open)));
    next += 1;
  }
  return [{ kind: 'code', language: open.trim().slice(3).trim(), text: body.join('\n') }, next + 1];
}

/** A row's cells: split at the pipes that are not escaped, `\|` read as a pipe. */
function cellsOf(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

function tableAt(lines: readonly string[], at: number): Parsed {
  const rows: Inline[][][] = [];
  let next = at;
  while (next < lines.length && tableLine.test(lineAt(lines, next))) {
    const line = lineAt(lines, next);
    if (next !== at + 1 || !alignmentRow.test(line)) rows.push(cellsOf(line).map(parseInline));
    next += 1;
  }
  const [header = [], ...body] = rows;
  return [{ kind: 'table', header, rows: body }, next];
}

function paragraphAt(lines: readonly string[], at: number): Parsed {
  const text: string[] = [];
  let next = at;
  while (next < lines.length) {
    const line = lineAt(lines, next);
    const startsBlock =
      fenceLine.test(line) || headingLine.test(line) || tableLine.test(line) || listInterrupt.test(line);
    if (isBlank(line) || (next > at && startsBlock)) break;
    text.push(line.trim());
    next += 1;
  }
  return [{ kind: 'paragraph', text: parseInline(text.join(' ')) }, next];
}

/** The first line at or after `at` with words on it (lines.length if none). */
function nextFilled(lines: readonly string[], at: number): number {
  let next = at;
  while (next < lines.length && isBlank(lineAt(lines, next))) next += 1;
  return next;
}

function listAt(lines: readonly string[], at: number): Parsed {
  const first = listMarker.exec(lineAt(lines, at));
  const indent = first?.[1]?.length ?? 0;
  const ordered = /\d/.test(first?.[2] ?? '');
  const items: ListItem[] = [];
  let next = at;
  for (;;) {
    const marker = listMarker.exec(lineAt(lines, next));
    if (marker?.[1]?.length !== indent || /\d/.test(marker[2] ?? '') !== ordered) break;
    const [body, after] = itemAt(lines, next, marker[3] ?? '');
    const blocks = blocksOf(body);
    const [lead, ...rest] = blocks;
    items.push(lead?.kind === 'paragraph' ? { text: lead.text, blocks: rest } : { text: [], blocks });
    next = nextFilled(lines, after);
  }
  return [{ kind: 'list', ordered, items }, next];
}

/** An entry's lines, its marker taken off and what is indented under it dedented; and the line after it. */
function itemAt(lines: readonly string[], at: number, content: string): [body: string[], next: number] {
  const indent = lineAt(lines, at).length - content.length;
  const body = [content];
  let next = at + 1;
  while (next < lines.length) {
    const line = lineAt(lines, next);
    const filled = nextFilled(lines, next);
    if (filled === lines.length || indentOf(lineAt(lines, filled)) < indent) break;
    body.push(isBlank(line) ? '' : dedent(line, indent));
    next += 1;
  }
  return [body, next];
}

type Token = { inline: Inline; end: number } | null;

/** Inline runs: `code`, **bold**, *emphasis*, [links](#anchor) and images (as their words); `\x` escapes x. */
export function parseInline(text: string): Inline[] {
  const inlines: Inline[] = [];
  let words = '';
  let at = 0;
  while (at < text.length) {
    const char = text.charAt(at);
    if (char === '\\' && /[!-/:-@[-`{-~]/.test(text.charAt(at + 1))) {
      words += text.charAt(at + 1);
      at += 2;
      continue;
    }
    const token = tokenAt(text, at);
    if (token === null) {
      words += char;
      at += 1;
      continue;
    }
    if (words !== '') inlines.push({ kind: 'text', text: words });
    words = '';
    inlines.push(token.inline);
    at = token.end;
  }
  if (words !== '') inlines.push({ kind: 'text', text: words });
  return inlines;
}

function tokenAt(text: string, at: number): Token {
  const rest = text.slice(at);
  if (rest.startsWith('`')) return codeSpanAt(rest, at);
  if (rest.startsWith('**')) return wrappedAt(text, at, '**');
  if (rest.startsWith('*')) return wrappedAt(text, at, '*');
  if (rest.startsWith('[') || rest.startsWith('![')) return linkAt(rest, at);
  return null;
}

function codeSpanAt(rest: string, at: number): Token {
  const match = /^(`+)(.+?)(?<!`)\1(?!`)/.exec(rest);
  if (match?.[2] === undefined) return null;
  const code = match[2];
  const padded = code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '';
  return { inline: { kind: 'code', text: padded ? code.slice(1, -1) : code }, end: at + match[0].length };
}

/** Bold or emphasis: the mark hugs its words on both sides ("2 * 3" is no emphasis). */
function wrappedAt(text: string, at: number, mark: '**' | '*'): Token {
  const start = at + mark.length;
  if (/^\s?$/.test(text.charAt(start))) return null;
  let close = text.indexOf(mark, start + 1);
  while (close !== -1 && /\s/.test(text.charAt(close - 1))) close = text.indexOf(mark, close + 1);
  if (close === -1) return null;
  const children = parseInline(text.slice(start, close));
  const inline: Inline = mark === '**' ? { kind: 'bold', children } : { kind: 'emphasis', children };
  return { inline, end: close + mark.length };
}

function linkAt(rest: string, at: number): Token {
  const match = /^(!?)\[([^\]]*)\]\(([^)\s]+)(?: +"[^"]*")?\)/.exec(rest);
  if (match === null) return null;
  const [whole, image, words = '', target = ''] = match;
  const children = parseInline(words);
  const anchor = image === '' ? /^(?:(?:docs\/)?RULES\.md)?#(.+)$/.exec(target)?.[1] : undefined;
  const inline: Inline =
    anchor === undefined
      ? { kind: 'externalLink', url: target, children }
      : { kind: 'docLink', anchor, children };
  return { inline, end: at + whole.length };
}
