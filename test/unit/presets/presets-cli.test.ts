// `warden presets` output built in process: the aligned list with its reminder, the YAML of one preset (comments,
// then the preset block, then an example account), and the hint for a mistyped id.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { likelyIds, presetList, presetYaml, unknownPresetMessage } from '../../../main/presets/cli';
import { validateConfig } from '../../../shared/config/schema';
import { builtInPresets, builtInPresetsAsWritten, type FirmPreset } from '../../../shared/presets';

const ids = [...builtInPresets.keys()];
const preset = (id: string): FirmPreset => {
  const found = builtInPresets.get(id);
  if (found === undefined) throw new Error(`no built-in preset ${id}`);
  return found;
};

describe('presetList', () => {
  const two = [
    {
      ...preset('tpt-50k-test'),
      source: ['https://a.example', 'https://b.example'],
    },
    { ...preset('lucid-50k-flex'), source: ['https://c.example/page'] },
  ];

  it('aligns id, firm, program, as-of date and first source, then reminds to check the firm', () => {
    expect(presetList(two)).toBe(
      [
        'tpt-50k-test    Take Profit Trader  50K Test       2026-12-01  https://a.example',
        'lucid-50k-flex  Lucid Trading       50K LucidFlex  2026-12-01  https://c.example/page',
        '',
        "Figures change often: check your firm's current rules.",
        '',
      ].join('\n'),
    );
  });
});

describe('presetYaml', () => {
  const text = presetYaml(preset('topstep-50k-combine'));
  const lines = text.trimEnd().split('\n');

  it('opens with the firm, program, date, sources and notes as comments', () => {
    expect(lines.slice(0, 6)).toStrictEqual([
      '# Topstep: 50K Trading Combine (built-in preset topstep-50k-combine)',
      "# Figures as of 2026-12-01. Figures change often: check your firm's current rules.",
      '# Sources:',
      '#   https://help.topstep.com',
      '#   https://propfirmapp.com/prop-firms/topstep',
      '# Notes:',
    ]);
    const firstDocumentLine = lines.indexOf('presets:');
    expect(lines.slice(0, firstDocumentLine).every((line) => line.startsWith('#'))).toBe(true);
    expect(lines.slice(6, firstDocumentLine).every((line) => line.length <= 102)).toBe(true);
    expect(lines.slice(6, firstDocumentLine).filter((line) => line.startsWith('# - '))).toHaveLength(3);
  });

  it('prints the preset block as written, then an example account', () => {
    expect(parse(text)).toStrictEqual({
      presets: {
        'topstep-50k-combine': {
          rules: {
            trailingDrawdown: { amount: 2000, mode: 'endOfDay', lockThresholdAt: 50000 },
            dailyLoss: { amount: 1000, basis: 'net' },
            maxContracts: { total: 5 },
          },
          plan: { name: 'Topstep 50K Combine', profitTarget: 3000, consistencyPct: 50, minTradingDays: 2 },
        },
      },
    });
    expect(lines.at(-1)).toBe(
      '# accounts: { MY-ACCOUNT: { preset: topstep-50k-combine, startingBalance: 50000 } }',
    );
  });

  it('quotes times, so that a YAML 1.1 reader does not take 17:00 for a number', () => {
    const tpt = presetYaml(preset('tpt-50k-test'));
    expect(tpt).toContain('start: "17:00"');
    expect(tpt).toContain('flattenAt: "15:55"');
    expect(parse(tpt, { version: '1.1' })).toStrictEqual(parse(tpt));
  });
});

describe('every preset printed, pasted into a config with the example account', () => {
  it.each(ids)('%s: exactly its rules and plan, and the config validates', (id) => {
    const text = presetYaml(preset(id));
    const document = parse(text) as { presets: Record<string, unknown> };
    expect(document).toStrictEqual({ presets: { [id]: builtInPresetsAsWritten.get(id) } });
    const example = text.trimEnd().split('\n').at(-1) ?? '';
    expect(example).toBe(`# accounts: { MY-ACCOUNT: { preset: ${id}, startingBalance: 50000 } }`);
    const result = validateConfig({ ...document, ...(parse(example.slice(2)) as object) });
    expect(result.ok ? [] : result.errors).toStrictEqual([]);
    expect(result.ok && result.config.accounts).toStrictEqual({
      'MY-ACCOUNT': { preset: id, startingBalance: '50000' },
    });
  });
});

describe('a mistyped id', () => {
  it.each([
    ['topstep-50k-combin', ['topstep-50k-combine']],
    ['TOPSTEP-50K-COMBINE', ['topstep-50k-combine']],
    ['apex-50k', ['apex-50k-eod', 'apex-50k-intraday', 'apex-50k-legacy']],
    ['lucid', ['lucid-50k-flex']],
    ['tpt-50k-tets', ['tpt-50k-test']],
    ['ftmo-100k', []],
    ['x', []],
  ])('%s is likely %j', (name, likely) => {
    expect(likelyIds(name, ids)).toStrictEqual(likely);
  });

  it('gets a did-you-mean hint and the list of built-in ids', () => {
    expect(unknownPresetMessage('apex-50k', ids)).toBe(
      'no preset named "apex-50k" (did you mean apex-50k-eod, apex-50k-intraday or apex-50k-legacy?)\n' +
        `built-in presets: ${ids.join(', ')}\n`,
    );
    expect(unknownPresetMessage('ftmo', ids)).toBe(
      `no preset named "ftmo"\nbuilt-in presets: ${ids.join(', ')}\n`,
    );
  });
});
