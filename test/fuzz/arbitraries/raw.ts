// Raw inputs: bytes that are not UTF-8, soups of JSON tokens, and the text of a well-formed sample with characters
// inserted, removed or cut off, for the readers that come before any structure.
import fc from 'fast-check';
import { anyText, longText, trickyText } from './hostile';

/** Bytes as a receiver decodes them (UTF-8, invalid sequences replaced). */
export const rawBytesText = fc
  .uint8Array({ maxLength: 200 })
  .map((bytes) => Buffer.from(bytes).toString('utf8'));

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  'null',
  'true',
  '1e999',
  '-',
  '0',
  '"\\u',
  '"__proto__"',
  '"a"',
  '\\',
  ' ',
  '\n',
  'NaN',
  '"\uD800"',
];

/** Text that is nearly JSON. */
export const jsonSoup = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 40 })
  .map((tokens) => tokens.join(''));

type Edit = { at: number; kind: 'insert' | 'delete' | 'replace' | 'cut'; text: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'replace', 'cut'),
  text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 3 })),
});

/** The text with one to three character-level edits. */
export function editedText(text: string): fc.Arbitrary<string> {
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) =>
    edits.reduce((current, e) => {
      const at = current.length === 0 ? 0 : e.at % (current.length + 1);
      switch (e.kind) {
        case 'insert':
          return current.slice(0, at) + e.text + current.slice(at);
        case 'delete':
          return current.slice(0, at) + current.slice(at + 1 + (e.at % 5));
        case 'replace':
          return current.slice(0, at) + e.text + current.slice(at + e.text.length);
        case 'cut':
          return current.slice(0, at);
      }
    }, text),
  );
}

/** Raw text of every kind; `samples` are texts of well-formed inputs to edit. */
export function rawText(samples: readonly string[] = []): fc.Arbitrary<string> {
  const kinds: fc.WeightedArbitrary<string>[] = [
    { weight: 2, arbitrary: rawBytesText },
    { weight: 2, arbitrary: jsonSoup },
    { weight: 2, arbitrary: anyText },
    { weight: 1, arbitrary: trickyText },
    { weight: 1, arbitrary: longText },
  ];
  if (samples.length > 0)
    kinds.push({ weight: 6, arbitrary: fc.constantFrom(...samples).chain((sample) => editedText(sample)) });
  return fc.oneof(...kinds);
}
