// @vitest-environment jsdom
// The rules reference on a rule's card: docs/RULES.md cut into sections at its headings (GitHub's anchors, the ones
// the catalog names), a section read into headings, paragraphs, nested lists, tables and code with their inline
// marks, and the card's "RULES.md §6.1" opening the rule's section in place; a link opens another section, "Back"
// returns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RuleReference } from '../../../renderer/src/features/rules/RuleReference';
import {
  anchorsOf,
  parseBlocks,
  parseInline,
  plainText,
  readRulesDoc,
  type Block,
  type Inline,
} from '../../../renderer/src/features/rules/rules-doc';
import { ruleCatalog, rulesDocPath } from '../../../shared/config/rule-catalog';
import { ruleIds } from '../../../shared/config/rules';
import { ACCOUNT, click, openRules } from './rule-helpers';

afterEach(cleanup);

const markdown = readFileSync(join(import.meta.dirname, '..', '..', '..', rulesDocPath), 'utf8');
const doc = readRulesDoc(markdown);

function blocksAt(anchor: string): Block[] {
  const section = doc.get(anchor);
  if (section === undefined) throw new Error(`no section ${anchor}`);
  return parseBlocks(section.markdown);
}

function blockOf<K extends Block['kind']>(blocks: Block[], kind: K, nth = 0): Extract<Block, { kind: K }> {
  const found = blocks.filter((block): block is Extract<Block, { kind: K }> => block.kind === kind)[nth];
  if (found === undefined) throw new Error(`no ${kind} #${nth}`);
  return found;
}

const words = (cells: Inline[][]): string[] => cells.map(plainText);
const text = (value: string): Inline => ({ kind: 'text', text: value });
const code = (value: string): Inline => ({ kind: 'code', text: value });

describe('RULES.md in sections', () => {
  it('cuts 6.1 dailyLoss from its heading to the next heading of its level', () => {
    const section = doc.get('61-dailyloss');
    expect(section?.title).toBe('6.1 dailyLoss');
    expect(section?.level).toBe(3);
    const lines = section?.markdown.split('\n') ?? [];
    expect(lines[0]).toBe('### 6.1 `dailyLoss`');
    expect(lines.at(-1)).toBe(
      'the realized loss to 1,008.40 and breaches at once (a fill needs no confirmation).',
    );
    expect(blocksAt('61-dailyloss').map((block) => block.kind)).toEqual([
      'heading',
      'paragraph',
      'table',
      'list',
      'paragraph',
      'table',
      'paragraph',
    ]);
  });

  it("reads 6.1's first paragraph, its parameter table and its example's heading marks", () => {
    const blocks = blocksAt('61-dailyloss');
    expect(blocks[0]).toEqual({
      kind: 'heading',
      level: 3,
      anchor: '61-dailyloss',
      text: [text('6.1 '), code('dailyLoss')],
    });
    expect(plainText(blockOf(blocks, 'paragraph').text)).toBe(
      "Stops the day when the day's loss reaches an amount.",
    );
    const parameters = blockOf(blocks, 'table');
    expect(words(parameters.header)).toEqual(['parameter', 'meaning', 'default']);
    expect(parameters.rows[0]).toEqual([
      [code('amount')],
      [text('the loss limit (money); required')],
      [text('—')],
    ]);
    expect(parameters.rows.map((row) => words(row)[0])).toEqual(['amount', 'basis']);
    expect(blockOf(blocks, 'paragraph', 1).text.slice(0, 3)).toEqual([
      { kind: 'bold', children: [text('Example.')] },
      text(' '),
      code('dailyLoss: { amount: 1000 }'),
    ]);
  });

  it('takes a higher heading with everything under it: section 6 holds every rule, up to section 7', () => {
    const headings = blocksAt('6-rules').filter((block) => block.kind === 'heading');
    expect(headings.map((heading) => heading.anchor)).toEqual([
      '6-rules',
      'overview',
      '61-dailyloss',
      '62-dailyprofittarget',
      '63-dailygiveback',
      '64-weeklyloss',
      '65-trailingdrawdown',
      '66-positionloss',
      '67-maxcontracts',
      '68-tradefrequency',
      '69-consecutivelosses',
      '610-stoprequired',
      '611-marginlevel',
      '612-exposure',
      '613-tradinghours',
      '614-newsblackout',
      '615-symbolblock',
      '616-brokerlock',
      '617-staledata',
      '618-trailingstop',
      'tighten-only-while-locked',
    ]);
  });

  it('nests a list by its indentation', () => {
    const list = blockOf(blocksAt('614-newsblackout'), 'list');
    expect(list.items.map((item) => item.blocks.length)).toEqual([0, 1, 0, 0]);
    const nested = blockOf(list.items[1]?.blocks ?? [], 'list');
    expect(nested.ordered).toBe(false);
    expect(nested.items.map((item) => plainText(item.text))).toEqual([
      'flatten: true: flatten, and the account is lockState (halted by default) until the end;',
      'flatten: false: alert, and the account is reducing until the end (held positions may stay; nothing new).',
    ]);
  });

  it('keeps a table indented under a list entry inside it, and numbers an ordered list', () => {
    const conventions = blockOf(blocksAt('warden-risk-rules'), 'list');
    const ticks = blockOf(conventions.items[2]?.blocks ?? [], 'table');
    expect(words(ticks.header)).toEqual(['symbol', 'tick size', 'tick value', 'point value (per contract)']);
    expect(words(ticks.rows[0] ?? [])).toEqual(['ES', '0.25', '12.50', '50']);
    const steps = blockOf(blocksAt('verified-flatten'), 'list');
    expect(steps.ordered).toBe(true);
    expect(steps.items.map((item) => plainText(item.text).slice(0, 22))).toEqual([
      'Cancel every working o',
      "Watch the engine's pic",
      'Not flat: wait, then s',
      'Flat: an info alert "F',
      'Still not flat after 5',
    ]);
  });

  it('reads a fenced code block as it is written', () => {
    expect(blockOf(blocksAt('613-tradinghours'), 'code')).toEqual({
      kind: 'code',
      language: 'yaml',
      text: [
        'tradingHours:',
        "  windows: [{ days: [monday, tuesday, wednesday, thursday, friday], start: '08:30', end: '15:00' }]",
        "  flattenAt: '14:55'",
      ].join('\n'),
    });
  });

  it('finds the same anchors as the catalog drift test, and a non-empty section for every rule', () => {
    expect([...doc.keys()].sort()).toEqual([...anchorsOf(markdown)].sort());
    for (const id of ruleIds) {
      const anchor = ruleCatalog[id].anchor;
      const blocks = doc.has(anchor) ? blocksAt(anchor) : [];
      expect({ id, first: blocks[0]?.kind, more: blocks.length > 1 }).toEqual({
        id,
        first: 'heading',
        more: true,
      });
    }
  });
});

describe('inline marks', () => {
  it('reads code, bold with code inside, emphasis and escapes; a lone star is a star', () => {
    expect(parseInline('**`consistency`** (`pct`): *not* 2 * 3, a \\| b')).toEqual([
      { kind: 'bold', children: [code('consistency')] },
      text(' ('),
      code('pct'),
      text('): '),
      { kind: 'emphasis', children: [text('not')] },
      text(' 2 * 3, a | b'),
    ]);
    expect(parseInline('`a*b` and `` x`y ``')).toEqual([code('a*b'), text(' and '), code('x`y')]);
  });

  it('tells a link to a section of RULES.md from any other link or image', () => {
    expect(parseInline('[6.1](#61-dailyloss), [it](RULES.md#64-weeklyloss)')).toEqual([
      { kind: 'docLink', anchor: '61-dailyloss', children: [text('6.1')] },
      text(', '),
      { kind: 'docLink', anchor: '64-weeklyloss', children: [text('it')] },
    ]);
    expect(parseInline('see [PRESETS.md](PRESETS.md) ![the strip](images/plan-strip.png)')).toEqual([
      text('see '),
      { kind: 'externalLink', url: 'PRESETS.md', children: [text('PRESETS.md')] },
      text(' '),
      { kind: 'externalLink', url: 'images/plan-strip.png', children: [text('the strip')] },
    ]);
  });

  it('splits table cells at pipes, not at escaped ones', () => {
    const [table] = parseBlocks('| flag | values |\n| --- | :-: |\n| `--broker` | `sim\\|projectx` |');
    expect(table).toEqual({
      kind: 'table',
      header: [[text('flag')], [text('values')]],
      rows: [[[code('--broker')], [code('sim|projectx')]]],
    });
  });
});

const dailyLossOn = {
  accounts: { [ACCOUNT]: { startingBalance: 50000, rules: { dailyLoss: { amount: 1000 } } } },
};

describe("a rule card's reference", () => {
  it('opens the rule’s section under its explanation, and closes it again', async () => {
    await openRules(dailyLossOn);
    const button = screen.getByTestId('rule-dailyLoss-doc');
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('rule-dailyLoss-reference')).toBeNull();

    click('rule-dailyLoss-doc');
    const reference = screen.getByTestId('rule-dailyLoss-reference');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(reference.id);
    expect(screen.getByTestId('rule-dailyLoss-explain').textContent).toBe(
      "Stops trading for the day when the day's loss reaches the limit. RULES.md §6.1",
    );
    const panel = within(reference);
    expect(panel.getByRole('heading', { level: 4 }).textContent).toBe('6.1 dailyLoss');
    const breach = panel.getByRole('cell', { name: '09:08:01' }).closest('tr');
    expect([...(breach?.cells ?? [])].map((cell) => cell.textContent)).toEqual([
      '09:08:01',
      'quote 5789.75',
      '−1,027.80',
      'breach',
      'flatten; halted until 17:00',
    ]);
    expect(reference.textContent).not.toContain('6.2 dailyProfitTarget');
    expect(screen.queryByTestId('rule-weeklyLoss-reference')).toBeNull();

    click('rule-dailyLoss-doc');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('rule-dailyLoss-reference')).toBeNull();
  });
});

/** RULES.md links to no section of itself yet; this small document does. */
const linked = readRulesDoc(
  [
    '# Fixture rules',
    '## 1. Limits',
    '### 1.1 `dailyLoss`',
    'Stops the day. See [the ladder](#2-ladder), [PRESETS.md](PRESETS.md) and [a gap](#no-such-section).',
    '### 1.2 `weeklyLoss`',
    'Like `dailyLoss`.',
    '## 2. Ladder',
    'Levels at **0.8** and *0.95*; back to [dailyLoss](#11-dailyloss).',
  ].join('\n'),
);

describe('links inside the reference', () => {
  it('opens a linked section in the same panel, and "Back" returns to the rule’s own', () => {
    render(<RuleReference anchor="11-dailyloss" id="ref" testId="ref" doc={linked} />);
    const reference = screen.getByTestId('ref');
    expect(reference.textContent).toBe(
      '1.1 dailyLossStops the day. See the ladder, PRESETS.md (PRESETS.md) and a gap.',
    );
    expect(screen.queryByTestId('ref-back')).toBeNull();
    expect(
      within(reference)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['the ladder']);

    fireEvent.click(screen.getByRole('button', { name: 'the ladder' }));
    expect(within(reference).getByRole('heading').textContent).toBe('2. Ladder');
    expect(reference.querySelector('strong')?.textContent).toBe('0.8');
    expect(reference.querySelector('em')?.textContent).toBe('0.95');
    expect(screen.getByTestId('ref-back').textContent).toBe('← Back to 1.1 dailyLoss');

    click('ref-back');
    expect(within(reference).getByRole('heading').textContent).toBe('1.1 dailyLoss');
    expect(screen.queryByTestId('ref-back')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'the ladder' }));
    fireEvent.click(screen.getByRole('button', { name: 'dailyLoss' }));
    expect(within(reference).getByRole('heading').textContent).toBe('1.1 dailyLoss');
    expect(screen.queryByTestId('ref-back')).toBeNull();
  });
});
