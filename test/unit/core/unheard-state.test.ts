// `serve` with no page open builds no state: the market moving with nobody subscribed costs no view, and the
// first listener gets the current state with the next change.
import { describe, expect, it } from 'vitest';
import type { StateView } from '../../../shared/ipc';
import { drain, simCore } from '../../helpers/sim-core';

const CONFIG = `
accounts:
  SIM-50K: { startingBalance: 50000 }
`;

describe('a state nobody hears', () => {
  it('is not built, and the first listener hears the next change', async () => {
    const { core, broker, clock } = await simCore({
      config: CONFIG,
      prefix: 'warden-unheard-',
      stillMarket: true,
      listen: false,
    });
    try {
      for (let i = 0; i < 10; i += 1) {
        broker.setPrice('MNQ', String(21000 + i));
        clock.advance(100);
        await drain();
      }
      // The only state built so far is this one.
      expect(core.view().seq).toBe(1);
      const heard: StateView[] = [];
      core.subscribe((message) => {
        if (message.type === 'state') heard.push(message.payload);
      });
      broker.setPrice('MNQ', '21100');
      clock.advance(100);
      await drain();
      expect(heard.map((view) => view.seq)).toEqual([2]);
    } finally {
      await core.stop();
    }
  });
});
