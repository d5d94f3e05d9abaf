// A rule's section of docs/RULES.md, opened in place on its card: the document is bundled with the app (neither
// `warden serve` nor the desktop window can open docs/), drawn as React elements only. A link to another section
// opens that section here, with a way back to the rule's own.
import { useMemo, useState, type ReactNode } from 'react';
import rulesMarkdown from '../../../../docs/RULES.md?raw';
import { parseBlocks, readRulesDoc, type Block, type Inline, type RulesDoc } from './rules-doc';

let bundled: RulesDoc | undefined;

/** Read once, the first time a trader opens a rule's reference. */
function bundledDoc(): RulesDoc {
  bundled ??= readRulesDoc(rulesMarkdown);
  return bundled;
}

/** What drawing needs besides the blocks: where a link goes, and the level the section's heading is at. */
type Draw = { open: (anchor: string) => void; has: (anchor: string) => boolean; topLevel: number };

type RuleReferenceProps = {
  /** The rule's own section. */
  anchor: string;
  id: string;
  testId: string;
  /** The document to read; the bundled RULES.md unless a test gives another. */
  doc?: RulesDoc;
};

export function RuleReference({ anchor, id, testId, doc = bundledDoc() }: RuleReferenceProps) {
  const [shown, setShown] = useState(anchor);
  const own = doc.get(anchor);
  const section = doc.get(shown) ?? own;
  const blocks = useMemo(() => (section === undefined ? [] : parseBlocks(section.markdown)), [section]);
  const draw: Draw = {
    open: setShown,
    has: (target) => doc.has(target),
    topLevel: section?.level ?? 1,
  };
  return (
    <div className="rule-reference" id={id} data-testid={testId} role="region" aria-label="Rules reference">
      {own !== undefined && section !== own ? (
        <button
          type="button"
          className="btn btn-small rule-reference-back"
          data-testid={`${testId}-back`}
          onClick={() => {
            setShown(anchor);
          }}
        >
          ← Back to {own.title}
        </button>
      ) : null}
      {/* Keyed by section, so another section opens scrolled to its top. */}
      <div className="rule-reference-body" key={section?.anchor}>
        {section === undefined ? (
          <p className="muted">This section is not in RULES.md.</p>
        ) : (
          blocksOf(blocks, draw)
        )}
      </div>
    </div>
  );
}

function blocksOf(blocks: readonly Block[], draw: Draw): ReactNode[] {
  return blocks.map((block, index) => blockOf(block, draw, index));
}

function blockOf(block: Block, draw: Draw, key: number): ReactNode {
  switch (block.kind) {
    case 'heading': {
      // The section's own heading under the card's title, its sub-headings one level further each.
      const Heading = (['h4', 'h5', 'h6'] as const)[Math.min(2, block.level - draw.topLevel)] ?? 'h6';
      return <Heading key={key}>{inlinesOf(block.text, draw)}</Heading>;
    }
    case 'paragraph':
      return <p key={key}>{inlinesOf(block.text, draw)}</p>;
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List key={key}>
          {block.items.map((item, index) => (
            <li key={index}>
              {inlinesOf(item.text, draw)}
              {blocksOf(item.blocks, draw)}
            </li>
          ))}
        </List>
      );
    }
    case 'table':
      return (
        <div key={key} className="rule-reference-table">
          <table>
            <thead>
              <tr>
                {block.header.map((cell, index) => (
                  <th key={index}>{inlinesOf(cell, draw)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (
                    <td key={column}>{inlinesOf(cell, draw)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'code':
      return (
        <pre key={key}>
          <code>{block.text}</code>
        </pre>
      );
  }
}

function inlinesOf(inlines: readonly Inline[], draw: Draw): ReactNode[] {
  return inlines.map((inline, index) => inlineOf(inline, draw, index));
}

function inlineOf(inline: Inline, draw: Draw, key: number): ReactNode {
  switch (inline.kind) {
    case 'text':
      return inline.text;
    case 'code':
      return <code key={key}>{inline.text}</code>;
    case 'bold':
      return <strong key={key}>{inlinesOf(inline.children, draw)}</strong>;
    case 'emphasis':
      return <em key={key}>{inlinesOf(inline.children, draw)}</em>;
    case 'docLink':
      return draw.has(inline.anchor) ? (
        <button
          key={key}
          type="button"
          className="rule-reference-link"
          data-anchor={inline.anchor}
          onClick={() => {
            draw.open(inline.anchor);
          }}
        >
          {inlinesOf(inline.children, draw)}
        </button>
      ) : (
        <span key={key}>{inlinesOf(inline.children, draw)}</span>
      );
    case 'externalLink':
      return (
        <span key={key}>
          {inlinesOf(inline.children, draw)} <span className="rule-reference-url">({inline.url})</span>
        </span>
      );
  }
}
