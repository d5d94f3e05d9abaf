// A reconnect asked of the ProjectX connection state machine (scripted attempts, manual clock): connected, it is
// told at once and the link dropped and rebuilt, told once; waiting to retry, the wait ends now; an attempt under
// way is left alone; idle or stopped, nothing happens and it answers false.
import { describe, expect, it } from 'vitest';
import { createConnection, notConnected, type Attempt } from '../../../../main/broker/connection';
import { memoryLogger } from '../../../../main/platform/logger';
import { createManualClock } from '../../../helpers/manual-clock';

const CONNECTED: Attempt = { ok: true, detail: null };
/** Lets the machine run up to its next wait (no time passes). */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function setup(attempts: (Attempt | Promise<Attempt>)[], missing: string | null = null) {
  const clock = createManualClock(0);
  const log: string[] = [];
  const connection = createConnection({
    clock,
    logger: memoryLogger(),
    restartDelaysMs: [5000],
    cannotConnect: () => missing,
    connect: () => {
      log.push(`attempt at ${clock.now()}`);
      return Promise.resolve(attempts.shift() ?? CONNECTED);
    },
    drop: () => {
      log.push('drop');
      return Promise.resolve();
    },
    report: (status, detail) => {
      log.push(detail === undefined ? status : `${status} (${detail})`);
    },
  });
  return { clock, log, connection };
}

describe('a reconnect asked of the ProjectX connection', () => {
  it('when connected: told at once, then dropped and rebuilt; a second ask meanwhile is not a second reconnect', async () => {
    const { log, connection } = setup([]);
    await connection.start();
    expect(connection.reconnect('the machine woke')).toBe(true);
    expect(connection.state()).toBe('reconnecting');
    expect(log.at(-1)).toBe('reconnecting (reconnecting: the machine woke)');
    expect(connection.reconnect('the screen was unlocked')).toBe(true);
    await flush();
    expect(connection.state()).toBe('connected');
    expect(log).toEqual([
      'connecting',
      'attempt at 0',
      'connected',
      'reconnecting (reconnecting: the machine woke)',
      'drop',
      'attempt at 0',
      'connected',
    ]);
  });

  it('when waiting to retry: the wait ends now', async () => {
    const { log, connection } = setup([notConnected('user hub: refused')]);
    await connection.start();
    expect(connection.state()).toBe('waiting-to-retry');
    expect(connection.reconnect('the machine woke')).toBe(true);
    await flush();
    expect(connection.state()).toBe('connected');
    expect(log).toEqual([
      'connecting',
      'attempt at 0',
      'reconnecting (not connected: user hub: refused)',
      'reconnecting (reconnecting: the machine woke)',
      'attempt at 0',
      'connected',
    ]);
  });

  it('during an attempt: left to finish, nothing doubled', async () => {
    let built: (attempt: Attempt) => void = () => undefined;
    const building = new Promise<Attempt>((resolve) => {
      built = resolve;
    });
    const { log, connection } = setup([building]);
    const started = connection.start();
    await flush();
    expect(connection.state()).toBe('connecting');
    expect(connection.reconnect('the machine woke')).toBe(true);
    built(CONNECTED);
    await started;
    await flush();
    expect(log).toEqual(['connecting', 'attempt at 0', 'connected']);
  });

  it('idle (nothing to connect with) or stopped: nothing happens, and it says so', async () => {
    const idle = setup([], 'no credentials');
    await idle.connection.start();
    expect(idle.connection.reconnect('the machine woke')).toBe(false);
    expect(idle.log).toEqual(['disconnected (no credentials)']);

    const stopped = setup([]);
    await stopped.connection.start();
    stopped.connection.stop();
    await flush();
    expect(stopped.connection.reconnect('the machine woke')).toBe(false);
    await flush();
    expect(stopped.log).toEqual(['connecting', 'attempt at 0', 'connected']); // the adapter's stop drops the link
  });
});
