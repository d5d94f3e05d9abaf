// Remote commands' safety core as a specification: a button acts only after a second tap on a fresh confirmation,
// from a configured chat, before its code expires, once; everything else is refused with a reason and never acts.
import { describe, expect, it } from 'vitest';
import {
  createRemoteCommands,
  describeAction,
  type PressOutcome,
  type RemoteAction,
} from '../../../main/notify/telegram/remote-commands';

const TTL = 120_000;
const HOME = '-1001234567890';
const PHONE = '987654321';
const flatten: RemoteAction = { kind: 'flatten', account: 'SIM-50K' };

function harness(start = 1_000_000) {
  const time = { now: start };
  const commands = createRemoteCommands({ chatIds: [HOME, PHONE], now: () => time.now });
  return { commands, time };
}

function confirmation(outcome: PressOutcome) {
  if (outcome.outcome !== 'confirm')
    throw new Error(`expected a confirmation, got ${JSON.stringify(outcome)}`);
  return outcome.button;
}

describe('remote commands', () => {
  it('asks for confirmation on the first tap and acts on the second', () => {
    const { commands } = harness();
    const offered = commands.offer(flatten);
    expect(offered.text).toBe('Flatten SIM-50K');
    expect(offered.data).toMatch(/^w:[A-Za-z0-9_-]{16}$/);

    const first = commands.press({ chatId: PHONE, data: offered.data });
    const yes = confirmation(first);
    expect(first).toEqual({ outcome: 'confirm', action: flatten, button: yes });
    expect(yes.text).toBe('Yes, flatten SIM-50K');
    expect(yes.data).toMatch(/^w:[A-Za-z0-9_-]{16}$/);
    expect(yes.data).not.toBe(offered.data);

    expect(commands.press({ chatId: PHONE, data: yes.data })).toEqual({ outcome: 'act', action: flatten });
  });

  it('refuses a replayed offer and a replayed confirmation', () => {
    const { commands } = harness();
    const offered = commands.offer(flatten);
    const yes = confirmation(commands.press({ chatId: HOME, data: offered.data }));
    const used = { outcome: 'refused', reason: 'this button was already used or is unknown' };
    expect(commands.press({ chatId: HOME, data: offered.data })).toEqual(used);
    expect(commands.press({ chatId: PHONE, data: offered.data })).toEqual(used);
    expect(commands.press({ chatId: HOME, data: yes.data })).toEqual({ outcome: 'act', action: flatten });
    expect(commands.press({ chatId: HOME, data: yes.data })).toEqual(used);
  });

  it.each([
    { pressedAfter: TTL - 1, outcome: 'confirm' },
    { pressedAfter: TTL, outcome: 'refused' },
  ])('an offer pressed $pressedAfter ms after it was made: $outcome', ({ pressedAfter, outcome }) => {
    const { commands, time } = harness();
    const offered = commands.offer(flatten);
    time.now += pressedAfter;
    const pressed = commands.press({ chatId: HOME, data: offered.data });
    expect(pressed.outcome).toBe(outcome);
    if (pressed.outcome === 'refused') {
      expect(pressed.reason).toBe('this button expired: it is valid for 2 minutes');
    }
  });

  it.each([
    { pressedAfter: TTL - 1, expected: { outcome: 'act', action: flatten } },
    {
      pressedAfter: TTL,
      expected: { outcome: 'refused', reason: 'this button expired: it is valid for 2 minutes' },
    },
  ])('a confirmation pressed $pressedAfter ms after it was issued', ({ pressedAfter, expected }) => {
    const { commands, time } = harness();
    const offered = commands.offer(flatten);
    time.now += TTL - 1;
    const yes = confirmation(commands.press({ chatId: HOME, data: offered.data }));
    time.now += pressedAfter;
    expect(commands.press({ chatId: HOME, data: yes.data })).toEqual(expected);
  });

  it('refuses a chat that is not configured, without using the code up', () => {
    const { commands } = harness();
    const offered = commands.offer(flatten);
    expect(commands.press({ chatId: '123', data: offered.data })).toEqual({
      outcome: 'refused',
      reason: 'chat 123 is not allowed',
    });
    const yes = confirmation(commands.press({ chatId: HOME, data: offered.data }));
    expect(commands.press({ chatId: '123', data: yes.data })).toEqual({
      outcome: 'refused',
      reason: 'chat 123 is not allowed',
    });
    expect(commands.press({ chatId: HOME, data: yes.data })).toEqual({ outcome: 'act', action: flatten });
  });

  it('takes an offer from any configured chat, a confirmation only from the chat that asked', () => {
    const { commands } = harness();
    const yes = confirmation(commands.press({ chatId: PHONE, data: commands.offer(flatten).data }));
    expect(commands.press({ chatId: HOME, data: yes.data })).toEqual({
      outcome: 'refused',
      reason: 'this confirmation was asked for in another chat',
    });
    expect(commands.press({ chatId: PHONE, data: yes.data })).toEqual({ outcome: 'act', action: flatten });
  });

  it.each([
    '',
    'w:',
    'w:short',
    'x:AAAAAAAAAAAAAAAA',
    'w:AAAAAAAAAAAAAAAA=',
    'w:AAAAAAAAAAAAAAA+',
    'w:AAAAAAAAAAAAAAAAA',
    `w:${'A'.repeat(62)}`,
    '{"kind":"flatten","account":"SIM-50K"}',
  ])('refuses malformed data %j', (data) => {
    const { commands } = harness();
    commands.offer(flatten);
    expect(commands.press({ chatId: HOME, data })).toEqual({
      outcome: 'refused',
      reason: 'this button is not one of Warden’s: its data is malformed',
    });
  });

  it('refuses a well-formed code it never issued', () => {
    const { commands } = harness();
    expect(commands.press({ chatId: HOME, data: 'w:AAAAAAAAAAAAAAAA' })).toEqual({
      outcome: 'refused',
      reason: 'this button was already used or is unknown',
    });
  });

  it('issues a different code every time, each within 64 bytes', () => {
    const { commands } = harness();
    const data = Array.from({ length: 500 }, () => commands.offer(flatten).data);
    expect(new Set(data).size).toBe(500);
    for (const one of data) expect(Buffer.byteLength(one)).toBeLessThanOrEqual(64);
  });

  it('forgets expired codes: the number kept stays bounded', () => {
    const { commands, time } = harness();
    const old = Array.from({ length: 1000 }, () => commands.offer(flatten));
    expect(commands.pendingCodes()).toBe(1000);
    // Expired at TTL but kept one more TTL, so a late tap hears why it is refused; then forgotten.
    time.now += 2 * TTL - 1;
    expect(commands.pendingCodes()).toBe(1000);
    time.now += 1;
    expect(commands.pendingCodes()).toBe(0);
    commands.offer({ kind: 'flattenAll' });
    expect(commands.pendingCodes()).toBe(1);
    expect(commands.press({ chatId: HOME, data: old[0]?.data ?? '' })).toEqual({
      outcome: 'refused',
      reason: 'this button was already used or is unknown',
    });
  });

  it('says the code lifetime in its own unit', () => {
    const time = { now: 0 };
    const commands = createRemoteCommands({ chatIds: [HOME], now: () => time.now, codeTtlMs: 90_000 });
    const offered = commands.offer(flatten);
    time.now = 90_000;
    expect(commands.press({ chatId: HOME, data: offered.data })).toEqual({
      outcome: 'refused',
      reason: 'this button expired: it is valid for 90 seconds',
    });
  });

  it.each([
    { action: flatten, words: 'Flatten SIM-50K', confirm: 'Yes, flatten SIM-50K' },
    {
      action: { kind: 'flattenAll' } as const,
      words: 'Flatten all accounts',
      confirm: 'Yes, flatten all accounts',
    },
    {
      action: { kind: 'lockDay', account: 'APEX-100K' } as const,
      words: 'Lock APEX-100K for the day',
      confirm: 'Yes, lock APEX-100K for the day',
    },
  ])('describes $action.kind as "$words"', ({ action, words, confirm }) => {
    const { commands } = harness();
    expect(describeAction(action)).toBe(words);
    expect(commands.describe(action)).toBe(words);
    const offered = commands.offer(action);
    expect(offered.text).toBe(words);
    const yes = confirmation(commands.press({ chatId: HOME, data: offered.data }));
    expect(yes.text).toBe(confirm);
    expect(commands.press({ chatId: HOME, data: yes.data })).toEqual({ outcome: 'act', action });
  });
});
