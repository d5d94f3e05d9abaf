// What the History screen and the phone's day summary count as a breach: a response a rule made Warden carry out,
// never the trader's own flatten, from the screen or from the phone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHistory, isBreachResponse } from '../../../main/core/history';
import { defaultSession } from '../../../main/engine';
import { memoryLogger } from '../../../main/platform/logger';
import { openStore, type Store } from '../../../main/store';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

const at = Date.parse('2025-03-11T15:00:00.000Z');

describe('breaches in the history', () => {
  it.each([
    ['dailyLoss: daily loss 326.4 reached 300', true],
    ['groupDailyLoss: apex lost 1,513.90 of 1,500.00', true],
    ['user: flatten', false],
    ['remote: flatten from telegram chat 777000111 (Dana)', false],
  ])('%s: %s', (reason, breach) => {
    expect(isBreachResponse(reason)).toBe(breach);
  });

  it("counts a rule's flatten as the day's breach, not the trader's own flattens", () => {
    store = openStore(join(mkdtempSync(join(tmpdir(), 'warden-breaches-')), 'warden.db'), {
      logger: memoryLogger(),
    });
    const flatten = (reason: string, t: number) =>
      store?.responses.begin({ account: 'SIM-50K', action: 'flatten', reason, requestedAt: t, detail: [] });
    flatten('user: flatten', at);
    flatten('dailyLoss: daily loss 326.4 reached 300', at + 60_000);
    flatten('remote: flatten from telegram chat 777000111 (Dana)', at + 120_000);
    const history = buildHistory(store, defaultSession, { account: 'SIM-50K', days: 1 }, at + 3_600_000);
    expect(history.days.map((day) => [day.day, day.account, day.breaches])).toEqual([
      ['2025-03-11', 'SIM-50K', 1],
    ]);
    expect(store.responses.reasonsBetween('SIM-50K', at, at + 120_000)).toEqual([
      'user: flatten',
      'dailyLoss: daily loss 326.4 reached 300',
    ]);
  });
});
