// The enforcement circuit breaker: three failed commands in a row open it; while open nothing reaches the
// broker; after the cool-down one trial goes through; a failed trial doubles the cool-down (capped); a success
// closes it; a trader's own flatten request lets a trial through at once. Every transition is reported. A failed
// cancel or whole close counts only once the same command fails again: a lost answer whose command the broker
// carried out is never sent again, so it never counts.
import { describe, expect, it } from 'vitest';
import type { BrokerCommand, CommandResult } from '../../../main/broker/types';
import { createCircuitBreaker, type BreakerTransition } from '../../../main/enforce/circuit-breaker';
import { createManualClock } from '../../helpers/manual-clock';

const close = (account = 'A1'): BrokerCommand => ({ type: 'closePosition', account, symbol: 'ES' });
const cancel = (orderId: string): BrokerCommand => ({ type: 'cancelOrder', account: 'A1', orderId });
const closeOf = (symbol: string, qty?: number): BrokerCommand =>
  qty === undefined
    ? { type: 'closePosition', account: 'A1', symbol }
    : { type: 'closePosition', account: 'A1', symbol, qty };
const LOST = {
  ok: false,
  error: 'order/cancelorder: no answer in 10000 ms (Tradovate may still have carried it out)',
};

function harness() {
  const clock = createManualClock(0);
  const transitions: BreakerTransition[] = [];
  const breaker = createCircuitBreaker({ clock, onTransition: (t) => transitions.push(t) });
  const sent: BrokerCommand[] = [];
  let answer: CommandResult | Error = { ok: false, error: 'Request timed out' };
  const send = (command: BrokerCommand): Promise<CommandResult> => {
    sent.push(command);
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return {
    clock,
    breaker,
    transitions,
    sent,
    answer: (next: CommandResult | Error) => {
      answer = next;
    },
    run: (command = close()) => breaker.guard(command, send),
  };
}

const brief = (transitions: BreakerTransition[]) => transitions.map((t) => `${t.at} ${t.from}→${t.to}`);

describe('circuit breaker', () => {
  it('opens on the third failure in a row, then refuses without sending until the cool-down ends', async () => {
    const h = harness();
    await h.run();
    await h.run();
    expect(h.breaker.stateOf('A1')).toBe('closed');
    await h.run();
    expect(h.breaker.stateOf('A1')).toBe('open');
    expect(h.transitions).toEqual([
      {
        account: 'A1',
        from: 'closed',
        to: 'open',
        at: 0,
        reason: '3 enforcement commands failed in a row; the last: Request timed out',
      },
    ]);
    h.clock.advance(12_000);
    expect(await h.run()).toEqual({
      ok: false,
      error:
        'not sent: enforcement is paused after repeated broker failures (circuit breaker open; next try in 18 s)',
    });
    expect(h.sent).toHaveLength(3);
    h.clock.advance(18_000);
    expect(h.breaker.stateOf('A1')).toBe('halfOpen');
    expect(brief(h.transitions)).toEqual(['0 closed→open', '30000 open→halfOpen']);
  });

  it('a success in between resets the count: failures must be consecutive', async () => {
    const h = harness();
    await h.run();
    await h.run();
    h.answer({ ok: true });
    await h.run();
    h.answer({ ok: false, error: 'rejected' });
    await h.run();
    await h.run();
    expect(h.breaker.stateOf('A1')).toBe('closed');
    expect(h.transitions).toEqual([]);
  });

  it('a failed trial reopens for twice as long, up to 5 minutes; a good trial closes and resets the cool-down', async () => {
    const h = harness();
    h.answer(new Error('socket hang up'));
    for (let i = 0; i < 3; i += 1) await h.run();
    const cooldowns: number[] = [];
    for (let trial = 0; trial < 5; trial += 1) {
      const openedAt = h.clock.now();
      while (h.breaker.stateOf('A1') === 'open') h.clock.advance(1_000);
      cooldowns.push(h.clock.now() - openedAt);
      await h.run();
    }
    expect(cooldowns).toEqual([30_000, 60_000, 120_000, 240_000, 300_000]);
    expect(h.transitions.at(-1)?.reason).toBe('the trial command failed: socket hang up');
    while (h.breaker.stateOf('A1') === 'open') h.clock.advance(1_000);
    h.answer({ ok: true, orderId: '9' });
    expect(await h.run()).toEqual({ ok: true, orderId: '9' });
    expect(h.breaker.stateOf('A1')).toBe('closed');
    expect(h.transitions.at(-1)).toMatchObject({
      from: 'halfOpen',
      to: 'closed',
      reason: 'a trial command succeeded',
    });
    // Closed again with the first cool-down: three more failures open it for 30 s.
    h.answer({ ok: false, error: 'x' });
    for (let i = 0; i < 3; i += 1) await h.run();
    const openedAt = h.clock.now();
    while (h.breaker.stateOf('A1') === 'open') h.clock.advance(1_000);
    expect(h.clock.now() - openedAt).toBe(30_000);
  });

  it('keeps accounts apart, and a trader’s request lets a trial through at once', async () => {
    const h = harness();
    for (let i = 0; i < 3; i += 1) await h.run(close('A1'));
    h.answer({ ok: true });
    expect(await h.run(close('A2'))).toEqual({ ok: true });
    expect(h.breaker.stateOf('A2')).toBe('closed');
    h.breaker.probe('A1', 'the trader asked to flatten');
    expect(h.transitions.at(-1)).toMatchObject({
      from: 'open',
      to: 'halfOpen',
      reason: 'the trader asked to flatten',
    });
    await h.run(close('A1'));
    expect(h.breaker.stateOf('A1')).toBe('closed');
    h.breaker.stop();
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('stop() clears a pending cool-down timer', async () => {
    const h = harness();
    for (let i = 0; i < 3; i += 1) await h.run();
    expect(h.clock.pendingTimers()).toBe(1);
    h.breaker.stop();
    expect(h.clock.pendingTimers()).toBe(0);
  });
});

describe('circuit breaker: failures judged by their effect', () => {
  it('cancels and closes whose answers were lost, each sent once (their effect showed), leave it closed', async () => {
    const h = harness();
    h.answer(LOST);
    for (const command of [cancel('O1'), cancel('O2'), closeOf('MNQ'), closeOf('ES')]) await h.run(command);
    expect(h.breaker.stateOf('A1')).toBe('closed');
    expect(h.transitions).toEqual([]);
    expect(h.sent).toHaveLength(4);
  });

  it('counts a held failure when the same command fails again: different commands open it at their second round', async () => {
    const h = harness();
    h.answer({ ok: false, error: 'Request failed with status 503' });
    const round = [cancel('O1'), closeOf('MNQ'), closeOf('ES')];
    for (const command of round) await h.run(command);
    expect(h.breaker.stateOf('A1')).toBe('closed');
    await h.run(round[0]); // the cancel again: its first failure and this one
    expect(h.breaker.stateOf('A1')).toBe('closed');
    await h.run(round[1]);
    expect(h.breaker.stateOf('A1')).toBe('open');
    expect(h.transitions.at(-1)?.reason).toBe(
      '3 enforcement commands failed in a row; the last: Request failed with status 503',
    );
    expect(await h.run(round[2])).toMatchObject({ ok: false });
    expect(h.sent).toHaveLength(5);
  });

  it('a success of the same command, or 60 s, drops the held failure', async () => {
    const h = harness();
    h.answer(LOST);
    await h.run(cancel('O1'));
    h.answer({ ok: true });
    await h.run(cancel('O1'));
    h.answer(LOST);
    await h.run(cancel('O1')); // held afresh
    await h.run(cancel('O2'));
    h.clock.advance(60_001);
    await h.run(cancel('O1')); // held afresh: the one before is forgotten
    await h.run(cancel('O2')); // likewise
    expect(h.breaker.stateOf('A1')).toBe('closed');
    await h.run(cancel('O1'));
    expect(h.breaker.stateOf('A1')).toBe('closed'); // 2
    await h.run(cancel('O2'));
    expect(h.breaker.stateOf('A1')).toBe('open'); // 4
  });

  it('partial closes and placings count at once', async () => {
    const h = harness();
    h.answer(LOST);
    await h.run(closeOf('MNQ', 1));
    await h.run({ type: 'placeOrder', account: 'A1', symbol: 'ES', side: 'sell', qty: 1, kind: 'stop' });
    await h.run(closeOf('ES', 1));
    expect(h.breaker.stateOf('A1')).toBe('open');
  });

  it('a half-open trial that fails counts at once, a cancel or close too', async () => {
    const h = harness();
    h.answer(LOST);
    for (let i = 0; i < 3; i += 1) await h.run(closeOf('MNQ'));
    expect(h.breaker.stateOf('A1')).toBe('open');
    h.breaker.probe('A1', 'the trader asked to flatten');
    await h.run(cancel('O9'));
    expect(h.breaker.stateOf('A1')).toBe('open');
  });
});
