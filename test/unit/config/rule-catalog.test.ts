// The Rules screen's catalog covers the config exactly: every rule id and every parameter of every spec (a new rule
// or parameter fails here until it has a label and a kind), choices that are the schema's own words, a "none" in
// words exactly where null is allowed, kinds whose sample values the schema accepts, and anchors that exist in
// docs/RULES.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { anchorsOf } from '../../../renderer/src/features/rules/rules-doc';
import {
  actionChoices,
  commonCatalog,
  consequenceWords,
  lockChoices,
  lockWords,
  newsCalendarParts,
  newsEventParts,
  newsImpacts,
  ruleCatalog,
  ruleGroups,
  rulesDocPath,
  rulesOfGroup,
  windowParts,
  type ParamEntry,
  type ParamKind,
} from '../../../shared/config/rule-catalog';
import { commonSchemas, ruleActions } from '../../../shared/config/rule-spec';
import { ruleSpecs } from '../../../shared/config/rule-table';
import { ruleIds, type RuleId } from '../../../shared/config/rules';

const paramsOf = (id: RuleId): [string, z.ZodType][] => Object.entries<z.ZodType>(ruleSpecs[id].params);
const entryOf = (id: RuleId, key: string): ParamEntry | undefined =>
  (ruleCatalog[id].params as Record<string, ParamEntry>)[key];

/** A value of each kind that its schema must accept (money with decimals, so a count would refuse it). */
const samples: Record<ParamKind, unknown> = {
  money: '1000.5',
  decimal: '2.5',
  percent: '50',
  fraction: '0.5',
  count: 5,
  choice: undefined,
  flag: true,
  timeOfDay: '09:30',
  lock: { minutes: 5 },
  windows: [{ days: ['monday'], start: '08:30', end: '15:00' }],
  newsEvents: [{ at: '2026-05-08T08:30:00-05:00' }],
  newsCalendar: { impacts: ['High'], currencies: ['USD'] },
  symbols: ['ES'],
  symbolLimits: { ES: '2' },
};

/** The words a oneOf schema accepts, read from its own message ("must be one of net, realized, got ..."). */
function wordsOf(schema: z.ZodType, wrong: unknown = '__none__'): string[] {
  const result = schema.safeParse(wrong);
  const message = result.success ? '' : (result.error.issues[0]?.message ?? '');
  const match = /must be one of (.*), got /.exec(message);
  if (match?.[1] === undefined) throw new Error(`not a choice: ${message}`);
  return match[1].split(', ');
}

describe('the rule catalog', () => {
  it('has every rule id, and no other', () => {
    expect(Object.keys(ruleCatalog).sort()).toEqual([...ruleIds].sort());
  });

  it.each(ruleIds)('%s: every parameter of the spec has an entry, and no other', (id) => {
    expect(Object.keys(ruleCatalog[id].params).sort()).toEqual(Object.keys(ruleSpecs[id].params).sort());
  });

  it.each(ruleIds)('%s: says what null means exactly where the spec allows null', (id) => {
    const defaults = ruleSpecs[id].defaults as Record<string, unknown>;
    for (const [key] of paramsOf(id)) {
      expect({ key, none: entryOf(id, key)?.none !== undefined }).toEqual({
        key,
        none: defaults[key] === null,
      });
    }
  });

  it.each(ruleIds)("%s: each kind's sample value is one the spec accepts; choices are its words", (id) => {
    for (const [key, schema] of paramsOf(id)) {
      const entry = entryOf(id, key);
      if (entry === undefined) throw new Error(`${id}.${key}: no entry`);
      if (entry.kind === 'choice') {
        expect(entry.choices?.map((c) => c.value)).toEqual(wordsOf(schema));
        continue;
      }
      expect({ key, kind: entry.kind, ok: schema.safeParse(samples[entry.kind]).success }).toEqual({
        key,
        kind: entry.kind,
        ok: true,
      });
    }
  });

  it('the common keys are every key a rule accepts besides its own, with the schema’s words', () => {
    expect(Object.keys(commonCatalog).sort()).toEqual(Object.keys(commonSchemas).sort());
    expect(actionChoices.map((c) => c.value)).toEqual([...ruleActions]);
    expect(commonCatalog.action.choices).toBe(actionChoices);
    expect(commonCatalog.lockState.choices?.map((c) => c.value)).toEqual(wordsOf(commonSchemas.lockState));
    for (const choice of lockChoices) {
      const value = choice.value === 'minutes' ? { minutes: 5 } : choice.value;
      expect(commonSchemas.lock.safeParse(value).success).toBe(true);
    }
    expect(commonSchemas.warnAt.safeParse(samples[commonCatalog.warnAt.kind]).success).toBe(true);
  });

  it("names the parts of windows, news events and the calendar, and the calendar's impacts", () => {
    const element = (schema: z.ZodType) => (schema as z.ZodArray<z.ZodObject>).element;
    const window = element(ruleSpecs.tradingHours.params.windows);
    const event = element(ruleSpecs.newsBlackout.params.events);
    const calendar = ruleSpecs.newsBlackout.params.calendar as unknown as z.ZodObject;
    expect(Object.keys(windowParts).sort()).toEqual(Object.keys(window.shape).sort());
    expect(Object.keys(newsEventParts).sort()).toEqual(Object.keys(event.shape).sort());
    expect(Object.keys(newsCalendarParts).sort()).toEqual(Object.keys(calendar.shape).sort());
    const impacts = calendar.shape['impacts'] as z.ZodArray<z.ZodType>;
    expect(newsImpacts).toEqual(wordsOf(impacts.element));
  });

  it('puts every rule in a group, and every group has rules', () => {
    const grouped = ruleGroups.flatMap((group) => rulesOfGroup(group.id));
    expect(grouped.sort()).toEqual([...ruleIds].sort());
    for (const group of ruleGroups) expect(rulesOfGroup(group.id).length).toBeGreaterThan(0);
  });

  it('links each rule to a heading that exists in docs/RULES.md', () => {
    const anchors = anchorsOf(
      readFileSync(join(import.meta.dirname, '..', '..', '..', rulesDocPath), 'utf8'),
    );
    expect(anchors.has('61-dailyloss')).toBe(true);
    for (const id of ruleIds)
      expect({ id, found: anchors.has(ruleCatalog[id].anchor) }).toEqual({ id, found: true });
  });

  it('says what a breach does in words', () => {
    expect(consequenceWords({ action: 'flatten', lock: 'dayEnd', lockState: 'halted' })).toBe(
      'flatten, halted until day end',
    );
    expect(consequenceWords({ action: 'closePosition', lock: 'none', lockState: 'halted' })).toBe(
      'close the position, no lock',
    );
    expect(consequenceWords({ action: 'flatten', lock: { minutes: 30 }, lockState: 'reducing' })).toBe(
      'flatten, reducing for 30 min',
    );
    expect(lockWords('weekEnd')).toBe('until the week ends');
    expect(lockWords({ minutes: 1 })).toBe('for 1 minute');
  });
});
