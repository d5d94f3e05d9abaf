// The ProjectX connection state machine with scripted attempts and a manual clock: idle without credentials,
// connected until a loss (told unless planned), backoff between failed attempts (the last delay repeating, or the
// attempt's own), a wait cut short by new credentials, a loss during an attempt, and stop.
import { describe, expect, it } from 'vitest';
import { createConnection, notConnected, type Attempt } from '../../../../main/broker/connection';
import { memoryLogger } from '../../../../main/platform/logger';
import { createManualClock } from '../../../helpers/manual-clock';

const CONNECTED: Attempt = { ok: true, detail: null };
/** Lets the machine run up to its next wait (no time passes). */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `attempts`: how each attempt ends, in order (connected once they run out); `log`: what the machine did. */
function setup(
  attempts: (Attempt | Promise<Attempt>)[],
  credentials: { missing: string | null } = { missing: null },
) {
  const clock = createManualClock(0);
  const log: string[] = [];
  const connection = createConnection({
    clock,
    logger: memoryLogger(),
    restartDelaysMs: [100, 200, 400],
    cannotConnect: () => credentials.missing,
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

describe('the ProjectX connection', () => {
  it('stays idle without credentials, says why, and starts when they come', async () => {
    const credentials = { missing: 'no credentials' as string | null };
    const { log, connection } = setup([], credentials);
    await connection.start();
    expect(connection.state()).toBe('idle');
    expect(log).toEqual(['disconnected (no credentials)']);
    credentials.missing = null;
    connection.renew('new credentials');
    await flush();
    expect(connection.state()).toBe('connected');
    expect(log.slice(1)).toEqual(['connecting', 'attempt at 0', 'connected']);
  });

  it('is connected until a loss; an unplanned one is told, a planned one is not; each is rebuilt', async () => {
    const { log, connection } = setup([{ ok: true, detail: 'market data unavailable' }]);
    await connection.start();
    expect(connection.state()).toBe('connected');
    connection.lose({ reason: 'user hub closed', planned: false });
    await flush();
    connection.lose({ reason: 'token refreshed', planned: true });
    await flush();
    expect(connection.state()).toBe('connected');
    expect(log).toEqual([
      'connecting',
      'attempt at 0',
      'connected (market data unavailable)',
      'drop',
      'reconnecting (reconnecting: user hub closed)',
      'attempt at 0',
      'connected',
      'drop',
      'attempt at 0',
      'connected',
    ]);
  });

  it('backs off between failed attempts, the last delay repeating, and starts over after a success', async () => {
    const failed = notConnected('user hub: refused');
    const { clock, log, connection } = setup([failed, failed, failed, failed, CONNECTED, failed]);
    await connection.start();
    expect(connection.state()).toBe('waiting-to-retry');
    for (const ms of [99, 1, 200, 400, 400]) {
      clock.advance(ms);
      await flush();
    }
    expect(connection.state()).toBe('connected');
    connection.lose({ reason: 'user hub closed', planned: true });
    await flush();
    clock.advance(100);
    await flush();
    expect(log.filter((line) => line.startsWith('attempt'))).toEqual([
      'attempt at 0',
      'attempt at 100',
      'attempt at 300',
      'attempt at 700',
      'attempt at 1100',
      'attempt at 1100',
      'attempt at 1200',
    ]);
    expect(log[2]).toBe('reconnecting (not connected: user hub: refused)');
  });

  it('waits as long as a refused login asks, and new credentials end the wait', async () => {
    const badLogin: Attempt = {
      ok: false,
      status: 'disconnected',
      detail: 'login failed (invalid credentials)',
      delayMs: 300_000,
    };
    const { clock, log, connection } = setup([badLogin]);
    await connection.start();
    clock.advance(1000);
    await flush();
    expect(connection.state()).toBe('waiting-to-retry');
    connection.renew('new credentials');
    await flush();
    expect(connection.state()).toBe('connected');
    expect(log).toEqual([
      'connecting',
      'attempt at 0',
      'disconnected (login failed (invalid credentials))',
      'attempt at 1000',
      'connected',
    ]);
  });

  it('rebuilds at once a link whose loss came while it was being built', async () => {
    let built: (attempt: Attempt) => void = () => undefined;
    const building = new Promise<Attempt>((resolve) => {
      built = resolve;
    });
    const { log, connection } = setup([building]);
    const started = connection.start();
    await flush();
    expect(connection.state()).toBe('connecting');
    connection.lose({ reason: 'token refreshed', planned: true });
    built(CONNECTED);
    await started;
    await flush();
    expect(log).toEqual(['connecting', 'attempt at 0', 'connected', 'drop', 'attempt at 0', 'connected']);
  });

  it('stops for good: a wait ends and no attempt follows', async () => {
    const { clock, log, connection } = setup([notConnected('refused')]);
    await connection.start();
    connection.stop();
    await flush();
    clock.advance(10_000);
    await flush();
    connection.renew('new credentials');
    await flush();
    expect(connection.state()).toBe('stopped');
    expect(log.filter((line) => line.startsWith('attempt'))).toEqual(['attempt at 0']);
  });
});
