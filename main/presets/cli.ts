// `warden presets` lists the built-in prop-firm presets; `warden presets show ID` prints one as config YAML a trader
// can paste, with its date, sources and caveats as comments (docs/PRESETS.md).
import { Document, isMap, isScalar, isSeq, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { builtInPresets, builtInPresetsAsWritten, type FirmPreset } from '../../shared/presets';

export const checkCurrentRules = "Figures change often: check your firm's current rules.";
const usage = 'usage: warden presets [show ID]';

/** One aligned line per preset (id, firm, program, as-of date, first source), then the reminder. */
export function presetList(presets: readonly FirmPreset[]): string {
  const rows = presets.map((p) => [p.id, p.firm, p.program, p.asOf, p.source[0] ?? '']);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const lines = rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  return `${[...lines, '', checkCurrentRules].join('\n')}\n`;
}

/** Words of `text` as comment lines of at most `width` characters. */
function commentLines(text: string, prefix: string, width = 100): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const word of text.split(/\s+/)) {
    if (line.length > prefix.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `${' '.repeat(prefix.length)}${word}`;
    } else {
      line = line.length > prefix.length ? `${line} ${word}` : `${line}${word}`;
    }
  }
  lines.push(line);
  return lines.map((l) => `# ${l}`.trimEnd());
}

/** A map or list of plain values only: short enough to print on one line. */
function isLeaf(node: unknown): node is YAMLMap | YAMLSeq {
  if (isMap(node)) return node.items.every((pair) => isScalar(pair.value));
  return isSeq(node) && node.items.every(isScalar);
}

/**
 * `presets: { id: { rules, plan } }` as YAML: a rule's parameters, a scaling tier and a list of days on one line
 * each; times quoted, as a YAML 1.1 reader would take 17:00 for a number.
 */
function configDocument(id: string, written: { rules: unknown; plan: unknown }): string {
  const document = new Document({ presets: { [id]: { rules: written.rules, plan: written.plan } } });
  const rules = document.getIn(['presets', id, 'rules']);
  const leaves: unknown[] = isMap(rules) ? rules.items.map((pair) => pair.value) : [];
  visit(document, {
    Seq(_, seq) {
      leaves.push(...seq.items.filter(isMap), seq);
    },
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && /^\d{2}:\d{2}$/.test(scalar.value))
        scalar.type = 'QUOTE_DOUBLE';
    },
  });
  for (const node of leaves) if (isLeaf(node)) node.flow = true;
  return document.toString();
}

/** The preset as a config document: comments first, then `presets: { id: { rules, plan } }`, then an account. */
export function presetYaml(preset: FirmPreset): string {
  const written = builtInPresetsAsWritten.get(preset.id) ?? { rules: preset.rules, plan: preset.plan };
  const header = [
    `# ${preset.firm}: ${preset.program} (built-in preset ${preset.id})`,
    `# Figures as of ${preset.asOf}. ${checkCurrentRules}`,
    '# Sources:',
    ...preset.source.map((link) => `#   ${link}`),
    ...(preset.notes.length === 0 ? [] : ['# Notes:', ...preset.notes.flatMap((n) => commentLines(n, '- '))]),
  ];
  const document = configDocument(preset.id, written);
  const account = `# accounts: { MY-ACCOUNT: { preset: ${preset.id}, startingBalance: 50000 } }`;
  return `${header.join('\n')}\n${document}${account}\n`;
}

/** Edit distance, case-insensitive (for "did you mean"). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1;
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/** The ids a mistyped one most likely meant: those containing it, else the nearest by a few edits. */
export function likelyIds(name: string, ids: readonly string[]): string[] {
  const wanted = name.toLowerCase();
  const containing = wanted.length >= 3 ? ids.filter((id) => id.includes(wanted)) : [];
  if (containing.length > 0) return containing;
  const scored = ids.map((id) => ({ id, d: distance(name, id) }));
  const best = Math.min(...scored.map((s) => s.d));
  return best <= Math.max(2, Math.floor(name.length / 4))
    ? scored.filter((s) => s.d === best).map((s) => s.id)
    : [];
}

/** `a`, `a or b`, `a, b or c`. */
function alternatives(words: readonly string[]): string {
  const last = words.at(-1) ?? '';
  return words.length < 2 ? last : `${words.slice(0, -1).join(', ')} or ${last}`;
}

/** The stderr text for an id that names no built-in preset. */
export function unknownPresetMessage(name: string, ids: readonly string[]): string {
  const likely = likelyIds(name, ids);
  const hint = likely.length === 0 ? '' : ` (did you mean ${alternatives(likely)}?)`;
  return `no preset named "${name}"${hint}\nbuilt-in presets: ${ids.join(', ')}\n`;
}

export function presetsCommand(argv: string[]): number {
  const [sub, id, ...extra] = argv;
  const presets = [...builtInPresets.values()];
  if (sub === undefined) {
    process.stdout.write(presetList(presets));
    return 0;
  }
  if (sub === 'help' || sub === '--help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (sub !== 'show' || id === undefined || extra.length > 0) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const preset = builtInPresets.get(id);
  if (preset === undefined) {
    process.stderr.write(unknownPresetMessage(id, [...builtInPresets.keys()]));
    return 1;
  }
  process.stdout.write(presetYaml(preset));
  return 0;
}
