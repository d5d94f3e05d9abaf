// The history timeline's words for enforcement responses and guard events, from what the audit tables keep.
import { describe, expect, it } from 'vitest';
import { responseText, riskEventText } from '../../../main/core/timeline-text';
import type { JsonValue, RiskResponse } from '../../../main/store';

const response = (detail: JsonValue, finishedAt: number | null = 2_000): RiskResponse => ({
  id: 1,
  account: 'A1',
  action: 'flatten',
  reason: 'dailyLoss: daily loss 326.4 reached 300',
  requestedAt: 1_000,
  finishedAt,
  outcome: finishedAt === null ? null : 'failed',
  detail,
});
const step = (type: string, ok: boolean, extra: Record<string, JsonValue> = {}) => ({
  at: '2026-05-05T14:30:00.000Z',
  command: { type, account: 'A1', ...extra },
  ok,
});

describe('timeline text', () => {
  it('says what a response sent, how each command went and how it ended', () => {
    expect(
      responseText(
        response({
          steps: [
            step('cancelOrder', true, { orderId: 'o1' }),
            { ...step('closePosition', false, { symbol: 'ES', qty: 2 }), error: 'market closed' },
          ],
          report: {
            account: 'A1',
            flat: false,
            cancelledOrders: 1,
            closedPositions: 0,
            elapsedMs: 3012,
            error: 'not flat after 5 attempts',
          },
        }),
      ),
    ).toBe(
      'cancelOrder ok; closePosition ES 2 failed: market closed; NOT flat in 3012 ms: 0 positions closed, ' +
        '1 order cancelled (not flat after 5 attempts)',
    );
    expect(responseText(response([step('closePosition', true, { symbol: 'NQ' })], null))).toBe(
      'closePosition NQ ok; not finished',
    );
    expect(responseText(response({ steps: [] }))).toBe('no broker command was needed');
  });

  it('says what a guard event changed', () => {
    const event = (kind: string, detail: JsonValue) => ({ id: 1, t: 1_000, account: 'A1', kind, detail });
    expect(
      riskEventText(event('circuitBreaker', { from: 'closed', to: 'open', reason: '3 failed' })),
    ).toEqual({
      title: 'circuitBreaker open',
      detail: 'closed → open: 3 failed',
    });
    expect(
      riskEventText(event('configChange', { by: 'trader', changes: ['A1 dailyLoss.amount: "300" → "280"'] })),
    ).toEqual({ title: 'configChange', detail: 'by trader: A1 dailyLoss.amount: "300" → "280"' });
    expect(
      riskEventText(
        event('trailingStop', {
          change: 'activate',
          symbol: 'NQ',
          side: 'short',
          best: '20990',
          stopPrice: '20992',
        }),
      ),
    ).toEqual({ title: 'trailingStop activate', detail: 'NQ short: active at best 20990, stop 20992' });
    expect(
      riskEventText(event('settingsLock', { by: 'trader', lockedUntil: 'until 2026-05-05T22:00:00.000Z' })),
    ).toEqual({
      title: 'settingsLock',
      detail: 'settings locked by the trader until 2026-05-05T22:00:00.000Z: only tightening accepted',
    });
    expect(
      riskEventText(
        event('selfLock', { by: 'trader', until: 'dayEnd', lockedUntil: 'until 2026-05-05T22:00:00.000Z' }),
      ),
    ).toEqual({ title: 'selfLock', detail: 'locked by the trader until 2026-05-05T22:00:00.000Z' });
    expect(riskEventText(event('lockReset', { by: 'trader' }))).toEqual({
      title: 'lockReset',
      detail: 'the trader asked to lift the locks that last until reset by hand',
    });
    expect(
      riskEventText(
        event('dayStart', { source: 'estimate', startEquity: '50000', note: 'MNQ was open at the roll' }),
      ),
    ).toEqual({ title: 'dayStart estimate', detail: 'MNQ was open at the roll' });
    expect(riskEventText(event('somethingNew', { a: 1 }))).toEqual({
      title: 'somethingNew',
      detail: '{"a":1}',
    });
  });
});
