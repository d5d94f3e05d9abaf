// Config documents, parsed and as files: validateConfig never throws and says why it refuses; what it accepts it
// accepts again unchanged, and the engine can run on; a file (YAML or JSON) is read into a result or errors that
// name the file, loadConfig refuses with its message, and a valid config written back reads back the same.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { validateConfig } from '../../../shared/config/schema';
import { loadConfig } from '../../../main/core/start';
import { engineConfigOf } from '../../../main/engine';
import { readConfigFile, writeConfigFile } from '../../../main/platform/config-file';
import { hostileValue, jsonText } from '../arbitraries/hostile';
import { sampleOrMutated } from '../arbitraries/mutate';
import { rawText } from '../arbitraries/raw';
import { fuzzProperty, type FuzzContext, type Surface } from '../harness/types';
import { configDocuments, configTexts } from '../samples/config';

export const configDocument = fc.oneof(
  { weight: 8, arbitrary: sampleOrMutated(configDocuments) },
  { weight: 1, arbitrary: hostileValue },
);

/** A document's text as a trader might save it: YAML or JSON of a (mutated) document, or edited raw text. */
export const configFile = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(configDocument, fc.boolean())
      .map(([document, json]) =>
        json
          ? { name: 'config.json', text: jsonText(document) }
          : { name: 'config.yaml', text: safeYaml(document) },
      ),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...configTexts), rawText(configTexts.map((t) => t.text)))
      .map(([{ name }, text]) => ({ name, text })),
  },
  { weight: 1, arbitrary: fc.constant({ name: 'config.yaml', text: aliasBomb() }) },
);

function safeYaml(document: unknown): string {
  try {
    // stringify(undefined) gives undefined, whatever its type says.
    const text: unknown = stringify(document);
    return typeof text === 'string' ? text : '';
  } catch {
    return String(document);
  }
}

/** Anchors that expand exponentially: a reader must refuse them, not run out of memory. */
function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i += 1) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(
      `${name}: &${name} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`,
    );
  }
  return `${lines.join('\n')}\naccounts: *i\n`;
}

/** validateConfig's contract on any document. */
export function checkDocument(document: unknown): void {
  const result = validateConfig(document);
  if (!result.ok) {
    if (!Array.isArray(result.errors) || result.errors.length === 0)
      throw new Error('validateConfig refused the document without saying why');
    if (!result.errors.every((e) => typeof e === 'string' && e.length > 0))
      throw new Error(`validateConfig's errors are not all text: ${JSON.stringify(result.errors)}`);
    return;
  }
  const again = validateConfig(JSON.parse(JSON.stringify(result.config)) as unknown);
  if (!again.ok)
    throw new Error(`a config it accepted is refused when given back: ${again.errors.join('; ')}`);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(again.config)), JSON.parse(JSON.stringify(result.config))))
    throw new Error('a config it accepted changes when validated again');
  engineConfigOf(result.config);
}

export const configSurface: Surface = {
  name: 'config',
  start(context: FuzzContext) {
    const dir = mkdtempSync(join(tmpdir(), 'warden-fuzz-config-'));
    const checkFile = (file: { name: string; text: string }) => {
      context.count();
      const path = join(dir, file.name);
      writeFileSync(path, file.text);
      const result = readConfigFile(path);
      if (!result.ok) {
        if (result.errors.length === 0 || !result.errors.every((e) => e.startsWith(`${path}: `)))
          throw new Error(`readConfigFile's errors do not name the file: ${JSON.stringify(result.errors)}`);
        try {
          loadConfig(path);
        } catch (error) {
          if (!(error instanceof Error) || !error.message.startsWith('the config file has errors'))
            throw error;
          return;
        }
        throw new Error('loadConfig accepted a file readConfigFile refused');
      }
      engineConfigOf(result.config);
      const written = join(dir, `written-${file.name}`);
      writeConfigFile(written, result.config, new Date(0));
      const back = readConfigFile(written);
      if (!back.ok)
        throw new Error(`a valid config written by Warden reads back with errors: ${back.errors[0]}`);
      if (
        !isDeepStrictEqual(JSON.parse(JSON.stringify(back.config)), JSON.parse(JSON.stringify(result.config)))
      )
        throw new Error('a valid config written by Warden reads back different');
    };
    return Promise.resolve({
      properties: [
        fuzzProperty(
          'validate',
          fc.property(configDocument, (document) => {
            context.count();
            checkDocument(document);
          }),
        ),
        fuzzProperty('file', fc.property(configFile, checkFile)),
      ],
      stop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
};
