// Remote commands from Telegram on the real core (docs/RULES.md section 13), through the fake Bot API over a real
// socket: the Flatten button pressed in the configured chat and confirmed by a second tap flattens the account and
// says so; a press from another chat, a used code pressed again and a confirmation pressed after its 2 minutes do
// nothing but answer "Refused: …"; every press is a remoteCommand record with its origin.
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedRiskEvent } from '../../../main/store/risk-events';
import {
  CHAT_ID,
  OTHER_CHAT_ID,
  remoteCore,
  sentButtons,
  sentTexts,
  type RemoteCore,
} from '../../helpers/remote-core';

let running: RemoteCore | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

const ORIGIN = `telegram chat ${CHAT_ID} (Dana)`;

/** SIM-50K long 1 ES at 6,000.25, down to −951.40 of its 1,000.00 daily loss: critical, not breached. */
async function critical(): Promise<RemoteCore & { flattenButton: string; criticalMessage: number }> {
  running = await remoteCore();
  const { core, broker, bot } = running;
  broker.setPrice('ES', '6000.00');
  expect((await core.command('placeOrder', order)).ok).toBe(true);
  broker.setPrice('ES', '5981.25');
  const [call] = await bot.waitForCalls('sendMessage', 1);
  expect((call?.body as { text: string }).text).toBe(
    'SIM-50K daily loss critical\n−951.40 of 1,000.00, 48.60 left. daily loss 951.4 of 1000.',
  );
  const flatten = sentButtons(bot)[0]?.[0]?.[0];
  expect(flatten?.text).toBe('Flatten SIM-50K');
  return { ...running, flattenButton: flatten?.data ?? '', criticalMessage: 501 };
}

const order = { account: 'SIM-50K', symbol: 'ES', side: 'buy', qty: 1, kind: 'market' } as const;

const positions = (core: RemoteCore['core']) =>
  core
    .view()
    .accounts.find((a) => a.id === 'SIM-50K')
    ?.positions.map((p) => [p.symbol, p.qty]);

const answers = (bot: RemoteCore['bot']) =>
  bot.calls('answerCallbackQuery').map((call) => (call.body as { text?: string }).text);

/** The remote commands audited, oldest first. */
const remoteCommands = (store: RemoteCore['store']) =>
  store.riskEvents
    .recent(100)
    .filter((event: RecordedRiskEvent) => event.kind === 'remoteCommand')
    .reverse()
    .map((event) => event.detail);

describe('a Flatten press from the configured chat', () => {
  it('asks for a second tap, then flattens SIM-50K and says it is flat; the trail holds asked and done', async () => {
    const { core, bot, store, flattenButton, criticalMessage } = await critical();
    expect(positions(core)).toEqual([['ES', 1]]);

    bot.pushUpdate({ kind: 'press', chatId: CHAT_ID, messageId: criticalMessage, data: flattenButton });
    await bot.waitForCalls('sendMessage', 2);
    expect(answers(bot)).toEqual(['Tap again to confirm']);
    expect(sentTexts(bot)[1]).toBe('Flatten SIM-50K? Tap to confirm within 2 minutes.');
    const confirm = sentButtons(bot)[1];
    expect(confirm?.map((row) => row.map((b) => b.text))).toEqual([['Yes, flatten SIM-50K']]);
    const confirmData = confirm?.[0]?.[0]?.data ?? '';
    expect(confirmData).toMatch(/^w:[A-Za-z0-9_-]{16}$/);
    expect(confirmData).not.toBe(flattenButton);
    expect(positions(core)).toEqual([['ES', 1]]); // one tap does nothing yet

    bot.pushUpdate({ kind: 'press', chatId: CHAT_ID, messageId: 502, data: confirmData });
    await expect.poll(() => sentTexts(bot)).toContain('SIM-50K is flat.');
    expect(positions(core)).toEqual([]);
    expect(answers(bot)).toEqual(['Tap again to confirm', 'Flatten SIM-50K: under way']);
    expect(bot.calls('editMessageText').map((call) => call.body)).toEqual([
      { chat_id: CHAT_ID, message_id: 502, text: 'Flatten SIM-50K: confirmed.' },
    ]);
    expect(remoteCommands(store)).toEqual([
      { origin: ORIGIN, action: 'Flatten SIM-50K', outcome: 'asked', detail: 'a second tap confirms' },
      { origin: ORIGIN, action: 'Flatten SIM-50K', outcome: 'done', detail: 'SIM-50K is flat.' },
    ]);
    // The flatten is the screen's, its response saying where it was asked from.
    expect(store.responses.recent(5).map((r) => [r.account, r.action, r.reason, r.outcome])).toEqual([
      ['SIM-50K', 'flatten', `remote: flatten from ${ORIGIN}`, 'flat'],
    ]);

    // The used confirmation pressed again (a replay) does nothing to a new position.
    expect((await core.command('placeOrder', order)).ok).toBe(true);
    bot.pushUpdate({ kind: 'press', chatId: CHAT_ID, messageId: 502, data: confirmData });
    await bot.waitForCalls('answerCallbackQuery', 3);
    expect(answers(bot)[2]).toBe('Refused: this button was already used or is unknown');
    expect(positions(core)).toEqual([['ES', 1]]);
    expect(remoteCommands(store).at(-1)).toEqual({
      origin: ORIGIN,
      action: null,
      outcome: 'refused',
      detail: 'this button was already used or is unknown',
    });
  });
});

describe('a Lock press from the configured chat', () => {
  it('confirmed, locks SIM-50K for the day, says until when in the session zone, and audits who locked', async () => {
    const { core, bot, store, criticalMessage } = await critical();
    const lockButton = sentButtons(bot)[0]?.[0]?.[1];
    expect(lockButton?.text).toBe('Lock SIM-50K for the day');
    bot.pushUpdate({
      kind: 'press',
      chatId: CHAT_ID,
      messageId: criticalMessage,
      data: lockButton?.data ?? '',
    });
    await bot.waitForCalls('sendMessage', 2);
    expect(sentTexts(bot)[1]).toBe('Lock SIM-50K for the day? Tap to confirm within 2 minutes.');
    const confirmData = sentButtons(bot)[1]?.[0]?.[0]?.data ?? '';

    bot.pushUpdate({ kind: 'press', chatId: CHAT_ID, messageId: 502, data: confirmData });
    await expect.poll(() => sentTexts(bot)).toContain('SIM-50K is locked until Tue 5 May 17:00 CDT.');
    expect(core.view().accounts.find((a) => a.id === 'SIM-50K')?.tradingState).toBe('halted');
    const selfLock = store.riskEvents.recent(20).find((event) => event.kind === 'selfLock');
    expect(selfLock?.detail).toEqual({
      by: ORIGIN,
      until: 'dayEnd',
      lockedUntil: 'until 2026-05-05T22:00:00.000Z',
    });
    const history = await core.command('getHistory', { account: 'SIM-50K', days: 1 });
    if (!history.ok) throw new Error(history.error);
    expect(history.result.timeline.find((entry) => entry.title === 'selfLock')?.detail).toBe(
      `locked by ${ORIGIN} until 2026-05-05T22:00:00.000Z`,
    );
  });
});

describe('presses that must do nothing', () => {
  it('refuses another chat, a replayed code and an expired confirmation, and records each with its reason', async () => {
    const { core, bot, store, clock, flattenButton, criticalMessage } = await critical();
    const refusals = () =>
      remoteCommands(store).filter((d) => (d as { outcome: string }).outcome === 'refused');

    // Another chat, with a real button's code.
    bot.pushUpdate({ kind: 'press', chatId: OTHER_CHAT_ID, messageId: criticalMessage, data: flattenButton });
    await bot.waitForCalls('answerCallbackQuery', 1);
    expect(answers(bot)).toEqual([`Refused: chat ${OTHER_CHAT_ID} is not allowed`]);

    // The configured chat asks; then presses the offer again: a code is single-use.
    bot.pushUpdate({ kind: 'press', chatId: CHAT_ID, messageId: criticalMessage, data: flattenButton });
    await bot.waitForCalls('sendMessage', 2);
    const confirmData = sentButtons(bot)[1]?.[0]?.[0]?.data ?? '';
    bot.pushUpdate({ kind: 'press', chatId: CHAT_ID, messageId: criticalMessage, data: flattenButton });
    await bot.waitForCalls('answerCallbackQuery', 3);
    expect(answers(bot)[2]).toBe('Refused: this button was already used or is unknown');

    // The confirmation, pressed once its 2 minutes are over: the manual clock moves past them. The long poll under
    // way is given up on that clock meanwhile (its watchdog), so the clock moves on second by second until the
    // poller asks Telegram again.
    const polls = bot.calls('getUpdates').length;
    clock.advance(120_000);
    await expect
      .poll(() => {
        clock.advance(1_000);
        return bot.calls('getUpdates').length;
      })
      .toBeGreaterThan(polls);
    bot.pushUpdate({ kind: 'press', chatId: CHAT_ID, messageId: 502, data: confirmData });
    await bot.waitForCalls('answerCallbackQuery', 4);
    expect(answers(bot)[3]).toBe('Refused: this button expired: it is valid for 2 minutes');
    // And the same expired confirmation once more: forgotten now, so unknown.
    bot.pushUpdate({ kind: 'press', chatId: CHAT_ID, messageId: 502, data: confirmData });
    await bot.waitForCalls('answerCallbackQuery', 5);
    expect(answers(bot)[4]).toBe('Refused: this button was already used or is unknown');

    expect(positions(core)).toEqual([['ES', 1]]);
    expect(bot.calls('editMessageText')).toEqual([]);
    expect(sentTexts(bot)).toHaveLength(2); // the critical and the one confirmation question: no result
    expect(refusals()).toEqual([
      {
        origin: `telegram chat ${OTHER_CHAT_ID} (Dana)`,
        action: null,
        outcome: 'refused',
        detail: `chat ${OTHER_CHAT_ID} is not allowed`,
      },
      {
        origin: ORIGIN,
        action: null,
        outcome: 'refused',
        detail: 'this button was already used or is unknown',
      },
      {
        origin: ORIGIN,
        action: null,
        outcome: 'refused',
        detail: 'this button expired: it is valid for 2 minutes',
      },
      {
        origin: ORIGIN,
        action: null,
        outcome: 'refused',
        detail: 'this button was already used or is unknown',
      },
    ]);
    expect(remoteCommands(store).map((d) => (d as { outcome: string }).outcome)).toEqual([
      'refused',
      'asked',
      'refused',
      'refused',
      'refused',
    ]);
  });
});
