// Every doc the code names is in the repository, and every section it cites by number is a heading there: the
// specs the code relies on cannot drift out of reach.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const cited =
  /docs\/([\w/.-]+?\.md)(?:'s)?(?:\s+(?:sections?|§)\s*(\d+(?:\.\d+)*(?:\s*(?:,|and|–|-)\s*\d+(?:\.\d+)*)*))?/g;

/** The files git tracks where the code and its tooling live (docs/ itself links by relative paths). */
function sourceFiles(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', 'main', 'renderer', 'shared', 'test', 'scripts', 'bin', '.ci'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return [
    ...listed.split('\n').filter((file) => /\.(ts|tsx|mjs|js|css|html)$|^\.ci\//.test(file)),
    'eslint.config.js',
  ];
}

/** The numbered sections of a doc: headings ("6", "6.3", "2.11"), and a top section's numbered points ("5.2"). */
function sectionsOf(doc: string): Set<string> {
  const sections = new Set<string>();
  let top: string | null = null;
  for (const line of readFileSync(join(root, 'docs', doc), 'utf8').split('\n')) {
    const heading = /^(#{2,4}) (\d+(?:\.\d+)*)\.?\s/.exec(line);
    if (heading !== null) {
      sections.add(heading[2] ?? '');
      if (heading[1] === '##') top = heading[2] ?? null;
      continue;
    }
    if (/^## /.test(line)) top = null;
    const point = /^(\d+)\. /.exec(line);
    if (point !== null && top !== null) sections.add(`${top}.${point[1] ?? ''}`);
  }
  return sections;
}

function citations(): { where: string; doc: string; section: string | null }[] {
  const found: { where: string; doc: string; section: string | null }[] = [];
  for (const file of sourceFiles()) {
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const match of line.matchAll(cited)) {
          const where = `${file}:${index + 1}`;
          const numbers = match[2]?.match(/\d+(?:\.\d+)*/g) ?? [null];
          for (const section of numbers) found.push({ where, doc: match[1] ?? '', section });
        }
      });
  }
  return found;
}

describe('docs the code cites', () => {
  const all = citations();

  it('are cited at all (the scan finds the code’s references)', () => {
    expect(all.filter((c) => c.doc === 'RULES.md').length).toBeGreaterThan(50);
  });

  it('each exist, with every section cited by number', () => {
    const sections = new Map<string, Set<string> | null>();
    const missing: string[] = [];
    for (const { where, doc, section } of all) {
      if (!sections.has(doc)) {
        try {
          sections.set(doc, sectionsOf(doc));
        } catch {
          sections.set(doc, null);
        }
      }
      const known = sections.get(doc);
      if (known === null || known === undefined) missing.push(`${where}: docs/${doc} does not exist`);
      else if (section !== null && !known.has(section))
        missing.push(`${where}: docs/${doc} has no section ${section}`);
    }
    expect(missing).toEqual([]);
  });
});
