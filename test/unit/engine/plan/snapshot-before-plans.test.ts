// A snapshot written before plans and the news calendar were engine state (an upgrade) restores with no finished
// days and no calendar, rather than failing or leaving them undefined.
import { describe, expect, it } from 'vitest';
import {
  apply,
  createEngineState,
  defaultEngineConfig,
  deserializeState,
  serializeState,
} from '../../../../main/engine';
import { dec } from '../../../../shared/domain/money';

describe('a snapshot from before plans', () => {
  it('restores finishedDays and calendar as empty', () => {
    const state = createEngineState(defaultEngineConfig);
    apply(state, {
      type: 'account',
      t: Date.parse('2026-05-05T14:00:00Z'),
      account: 'A1',
      balance: dec(50000),
    });
    const old = JSON.parse(serializeState(state)) as {
      state: { calendar?: unknown; accounts: { $map: [string, Record<string, unknown>][] } };
    };
    delete old.state.calendar;
    for (const [, account] of old.state.accounts.$map) delete account['finishedDays'];
    const restored = deserializeState(JSON.stringify(old), defaultEngineConfig);
    expect(restored.calendar).toEqual([]);
    expect(restored.accounts.get('A1')?.finishedDays).toEqual([]);
  });
});
