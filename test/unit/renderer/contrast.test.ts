// WCAG AA contrast of the theme: every text colour token reaches 4.5:1 on every surface text sits on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../../renderer/src/app/styles/theme.css'), 'utf8');

function token(name: string): string {
  const match = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6});`).exec(css);
  if (match?.[1] === undefined) throw new Error(`no --${name} colour in theme.css`);
  return match[1];
}

/** Relative luminance (WCAG 2.x). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const texts = ['text', 'muted', 'pos', 'neg', 'warn', 'info', 'danger'];
const surfaces = ['bg', 'surface', 'surface-2', 'warn-bg', 'bad-bg'];
// Placeholders (--faint) carry information in the rule editor (the inherited value); inputs sit on --bg.
const pairs = [
  ...texts.flatMap((text) => surfaces.map((surface) => [text, surface] as const)),
  ['faint', 'bg'] as const,
];

describe('theme contrast', () => {
  it('computes the reference ratios', () => {
    expect(contrast('#ffffff', '#000000')).toBe(21);
    expect(Math.round(contrast('#767676', '#ffffff') * 100) / 100).toBe(4.54);
  });

  it.each(pairs)('--%s on --%s is at least 4.5:1', (text, surface) => {
    expect(contrast(token(text), token(surface))).toBeGreaterThanOrEqual(4.5);
  });
});
