// Found by `npm run fuzz`: flatten or lock of a group named like an object property ("hasOwnProperty",
// "constructor") threw inside the command instead of refusing an unknown group.
import { afterEach, describe, expect, it } from 'vitest';
import { simCore } from '../../helpers/sim-core';

const config = [
  'accounts:',
  '  SIM-50K: { startingBalance: 50000 }',
  'groups:',
  '  desk: { name: Desk, accounts: [SIM-50K] }',
  '',
].join('\n');
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('a group named like an object property', () => {
  it.each(['hasOwnProperty', 'constructor', '__proto__', 'toString'])(
    'flatten and lock of group "%s" are refused as an unknown group',
    async (name) => {
      const { core } = await simCore({ config, prefix: 'warden-fuzz-group-', stillMarket: true });
      stop = () => core.stop();
      const unknown = `unknown group "${name}" (groups are desk)`;
      expect(await core.command('flatten', { group: name })).toEqual({ ok: false, error: unknown });
      expect(await core.command('lock', { group: name })).toEqual({ ok: false, error: unknown });
    },
  );
});
