// @vitest-environment jsdom
// A complete config document — every rule, every parameter, every common option — round-trips through the Rules
// screen: entered from the screen, exported as JSON and as YAML, and imported back, it is the same document; read
// from the core, the screen shows it and Apply sends it back unchanged.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfigText, sameDocument, type Draft } from '../../../renderer/src/features/rules/config-draft';
import { ruleIds, type RuleId } from '../../../shared/config/rules';
import {
  ACCOUNT,
  allRules,
  click,
  draftOf,
  enterRule,
  inForce,
  inputOf,
  renderRules,
  type Host,
} from './rule-helpers';

afterEach(cleanup);

/** What the export buttons hand to the browser's download, as text. */
let exported: Blob[] = [];
beforeEach(() => {
  exported = [];
  // jsdom has no object URLs; the download link's click would navigate.
  const record = (blob: Blob) => {
    exported.push(blob);
    return 'blob:warden-config';
  };
  Object.defineProperty(URL, 'createObjectURL', { value: record, configurable: true });
  Object.defineProperty(URL, 'revokeObjectURL', { value: () => undefined, configurable: true });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return () => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
    vi.restoreAllMocks();
  };
});

async function exportAs(format: 'json' | 'yaml'): Promise<string> {
  click(`export-${format}`);
  const blob = exported.at(-1);
  if (blob === undefined) throw new Error('nothing exported');
  return blob.text();
}

async function importText(text: string): Promise<void> {
  const file = new File([text], 'warden-config');
  Object.defineProperty(file, 'text', { value: () => Promise.resolve(text) });
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
  await waitFor(() => {
    expect(sameDocument(draftOf(currentHost), parseConfigText(text))).toBe(true);
  });
}

let currentHost: Host;

const complete = {
  accounts: {
    [ACCOUNT]: {
      startingBalance: '50000',
      plan: { name: 'Combine', profitTarget: '3000', consistencyPct: '50' },
      rules: allRules(),
    },
  },
};

describe('a complete document through the screen', () => {
  it('uses every rule, and is valid', () => {
    expect(Object.keys(allRules()).sort()).toEqual([...ruleIds].sort());
    expect(inForce(complete).accounts?.[ACCOUNT]?.rules).toEqual(allRules());
  });

  it('entered from the screen, exports as JSON and YAML and imports back as the same document', async () => {
    const start = { accounts: { [ACCOUNT]: { startingBalance: 50000 } } };
    currentHost = renderRules(start);
    await screen.findByTestId('rule-editor');
    for (const [rule, block] of Object.entries(allRules())) enterRule(rule as RuleId, block);
    const entered = draftOf(currentHost);
    expect(entered?.accounts?.[ACCOUNT]?.rules).toEqual(allRules());
    for (const format of ['json', 'yaml'] as const) {
      const text = await exportAs(format);
      click('rules-discard');
      expect(sameDocument(draftOf(currentHost), inForce(start))).toBe(true);
      await importText(text);
      expect(sameDocument(draftOf(currentHost), entered)).toBe(true);
    }
  });

  it('read from the core, is shown, exported and imported unchanged, and Apply sends it back as it was', async () => {
    const original = inForce(complete);
    currentHost = renderRules(complete, {
      previewConfig: () => ({ ok: true, result: { valid: true, errors: [], changes: ['x'], problems: [] } }),
    });
    await screen.findByTestId('rule-editor');
    expect(inputOf('rule-dailyLoss-amount').value).toBe('800');
    expect(inputOf('rule-dailyGiveback-lock-minutes').value).toBe('45');
    expect(inputOf('rule-tradingHours-windows-1-start').value).toBe('17:00');
    expect(inputOf('rule-newsBlackout-events-0-name').value).toBe('CPI');
    expect(screen.getByTestId('rule-newsBlackout-calendar-currencies-EUR').getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getByTestId('rule-symbolBlock-symbols-ZN').getAttribute('aria-pressed')).toBe('true');
    expect(inputOf('rule-maxContracts-perSymbol-MNQ').value).toBe('10');
    for (const format of ['json', 'yaml'] as const) {
      await importText(await exportAs(format));
      expect(sameDocument(draftOf(currentHost), original)).toBe(true);
    }
    // Imported as it was, the draft changes nothing; one edit and its undoing make Apply send the same document.
    fireEvent.change(inputOf('rule-dailyLoss-amount'), { target: { value: '700' } });
    fireEvent.change(inputOf('rule-dailyLoss-amount'), { target: { value: '800' } });
    await waitFor(() => {
      expect(inputOf('rules-apply').disabled).toBe(false);
    });
    click('rules-apply');
    await waitFor(() => {
      expect(currentHost.sent.some((c) => c.command === 'setConfig')).toBe(true);
    });
    const sent = currentHost.sent.find((c) => c.command === 'setConfig')?.args as { config: Draft };
    expect(sameDocument(sent.config, original)).toBe(true);
  });
});
