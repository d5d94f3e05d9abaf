// Alerts reach a subscriber by one route: the recent ones once, first, to that subscriber alone; then each new
// one as an `alert` push. The state pushes carry none.
import { describe, expect, it } from 'vitest';
import type { PushMessage } from '../../main/core/types';
import { simCore } from '../helpers/sim-core';

const config = `
session: { timezone: America/Chicago, dayStart: "17:00", weekStartDay: sunday }
accounts:
  SIM-50K: { startingBalance: 50000 }
`;

describe('the alerts route', () => {
  it('greets each subscriber with the recent alerts, then pushes each new one', async () => {
    const { core } = await simCore({ config, prefix: 'warden-alerts-', stillMarket: true });
    try {
      const first: PushMessage[] = [];
      core.subscribe((message) => first.push(message));
      expect(first.map((message) => message.type)).toEqual(['alerts']);
      expect((await core.command('flatten', { account: 'SIM-50K' })).ok).toBe(true);
      const titles = (messages: PushMessage[]) =>
        messages.flatMap((m) => (m.type === 'alert' ? [m.payload.title] : []));
      expect(titles(first)).toEqual(['Flatten complete']);

      const second: PushMessage[] = [];
      core.subscribe((message) => second.push(message));
      expect(second).toHaveLength(1);
      const [greeting] = second;
      expect(greeting?.type === 'alerts' && greeting.payload.map((alert) => alert.title)).toEqual([
        'Flatten complete',
      ]);
      expect(titles(first)).toEqual(['Flatten complete']);
      const states = first.filter((message) => message.type === 'state');
      expect(states.length).toBeGreaterThan(0);
      expect(states.some((message) => 'alerts' in message.payload)).toBe(false);
    } finally {
      await core.stop();
    }
  });
});
