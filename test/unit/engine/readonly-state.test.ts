// The engine state outside the engine: a started engine's connection is being made, `apply` is the one way to
// change the state, and every write through the read-only type is a compile error (checked by `tsc -b`: an
// expected error that is no longer there fails the typecheck).
import { describe, expect, it } from 'vitest';
import {
  createEngineState,
  defaultEngineConfig,
  startEngine,
  type ReadonlyEngineState,
} from '../../../main/engine';
import { ev, instrumentEvents } from '../../helpers/engine';

/** Never called: it only has to typecheck, each write refused. */
/* eslint-disable @typescript-eslint/no-unsafe-call -- the refused calls are the point: they do not exist */
export function refusedWrites(state: ReadonlyEngineState): void {
  // @ts-expect-error the connection is the engine's
  state.connection = { status: 'connected', detail: null };
  // @ts-expect-error the config in force, too
  state.config = defaultEngineConfig;
  // @ts-expect-error the accounts map has no delete
  state.accounts.delete('SIM-50K');
  const account = state.accounts.get('SIM-50K');
  if (account === undefined) return;
  // @ts-expect-error an account's figures
  account.balance = account.balance.plus(1);
  // @ts-expect-error its locks cannot grow
  account.locks.push({ rule: 'x', state: 'halted', until: 'manual', reason: '', since: 0 });
  // @ts-expect-error its positions map has no clear
  account.positions.clear();
}
/* eslint-enable @typescript-eslint/no-unsafe-call */

describe('the engine as a host holds it', () => {
  it('starts with the connection being made, whatever the restored state last saw', () => {
    const restored = createEngineState(defaultEngineConfig);
    restored.connection = { status: 'connected', detail: null };
    expect(startEngine(restored).state.connection).toEqual({ status: 'connecting', detail: null });
  });

  it('changes only through apply', () => {
    const engine = startEngine(createEngineState(defaultEngineConfig));
    for (const event of instrumentEvents) engine.apply(event);
    engine.apply(ev({ t: '2025-03-12T14:00:00Z', type: 'account', account: 'SIM-50K', balance: '50000' }));
    engine.apply(ev({ t: '2025-03-12T14:00:01Z', type: 'connection', status: 'connected' }));
    expect(engine.state.accounts.get('SIM-50K')?.balance.toFixed()).toBe('50000');
    expect(engine.state.connection.status).toBe('connected');
  });
});
