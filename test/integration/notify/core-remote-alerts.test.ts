// Remote alerts from the real core (docs/RULES.md section 13), over real sockets to a fake Bot API, ntfy topic and
// webhook receiver: a daily-loss breach on the simulator reaches every channel within 5 s with its figures and the
// enforcement result; the critical levels carry only the safe buttons; a channel that never answers does not hold
// up the flatten.
import { afterEach, describe, expect, it } from 'vitest';
import {
  NTFY_PATH,
  WEBHOOK_PATH,
  ntfyTitle,
  remoteCore,
  requestsTo,
  sentButtons,
  sentTexts,
  webhookEvents,
  type RemoteCore,
} from '../../helpers/remote-core';
import { buyOneEs } from '../../helpers/sim-core';

/** The Done-when's bound on a breach reaching a channel. */
const WITHIN_MS = 5_000;

let running: RemoteCore | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

async function start(): Promise<RemoteCore> {
  running = await remoteCore();
  return running;
}

const position = (core: RemoteCore['core']) =>
  core
    .view()
    .accounts.find((a) => a.id === 'SIM-50K')
    ?.positions.map((p) => [p.symbol, p.qty]);

/** Resolves with how long `check` took to hold; fails past WITHIN_MS. */
async function arrival(started: number, check: () => boolean): Promise<number> {
  await expect.poll(check, { timeout: WITHIN_MS, interval: 5 }).toBe(true);
  return Date.now() - started;
}

// The steps of the scenario, as each channel words them.
const WARNING = ['SIM-50K daily loss warning', '−801.40 of 1,000.00, 198.60 left. daily loss 801.4 of 1000.'];
const CRITICAL = [
  'SIM-50K daily loss critical',
  '−951.40 of 1,000.00, 48.60 left. daily loss 951.4 of 1000.',
];
const BREACH = [
  'SIM-50K daily loss breach',
  '−1,013.90 of 1,000.00. daily loss 1013.9 reached 1000. Warden: flatten. Halted until Tue 5 May 17:00 CDT.',
];
const FLAT = ['SIM-50K: Flatten complete', 'SIM-50K is flat (0 ms).'];

/** Anything that would undo a guard or trade: no remote message or button may offer it. */
const LOOSENING = /unlock|reset|raise|loosen|increase|order|buy|sell|resume|lift/i;

describe('a daily-loss breach on the simulator, told away from the desk', () => {
  it('reaches Telegram, ntfy and the webhook within 5 s with its figures, and so does "is flat"', async () => {
    const { core, broker, bot, receiver } = await start();
    await buyOneEs(core, broker);
    broker.setPrice('ES', '5984.25'); // −800.00 − 1.40 = −801.40: warning (≥ 800)
    broker.setPrice('ES', '5981.25'); // −950.00 − 1.40 = −951.40: critical (≥ 950)
    broker.setPrice('ES', '5980.25'); // −1,001.40: past the limit, not yet confirmed (still critical)
    const started = Date.now();
    broker.setPrice('ES', '5980.00'); // −1,012.50 − 1.40 = −1,013.90: the confirming quote, breach

    const flatEverywhere = {
      telegram: () => sentTexts(bot).includes(FLAT.join('\n')),
      ntfy: () => requestsTo(receiver, NTFY_PATH).some((r) => r.body === FLAT[1]),
      webhook: () => webhookEvents(receiver).some((e) => e.event === 'enforcement' && e.message === FLAT[1]),
    };
    const breachEverywhere = {
      telegram: () => sentTexts(bot).includes(BREACH.join('\n')),
      ntfy: () => requestsTo(receiver, NTFY_PATH).some((r) => ntfyTitle(r.headers.title) === BREACH[0]),
      webhook: () => webhookEvents(receiver).some((e) => e.title === BREACH[0]),
    };
    const times = {
      breach: {
        telegram: await arrival(started, breachEverywhere.telegram),
        ntfy: await arrival(started, breachEverywhere.ntfy),
        webhook: await arrival(started, breachEverywhere.webhook),
      },
      flat: {
        telegram: await arrival(started, flatEverywhere.telegram),
        ntfy: await arrival(started, flatEverywhere.ntfy),
        webhook: await arrival(started, flatEverywhere.webhook),
      },
    };
    for (const ms of [...Object.values(times.breach), ...Object.values(times.flat)])
      expect(ms).toBeLessThan(WITHIN_MS);
    expect(position(core)).toEqual([]);

    // Every step up reaches every channel at once (the minute's limit holds repeats, not a step up), in order.
    const steps = [WARNING, CRITICAL, BREACH, FLAT];
    expect(sentTexts(bot)).toEqual(steps.map(([title, message]) => `${title}\n${message}`));
    expect(requestsTo(receiver, NTFY_PATH).map((r) => [ntfyTitle(r.headers.title), r.body])).toEqual(steps);
    expect(webhookEvents(receiver)).toEqual([
      webhookOf('level', 'warning', 'dailyLoss', WARNING),
      webhookOf('level', 'critical', 'dailyLoss', CRITICAL),
      webhookOf('level', 'critical', 'dailyLoss', BREACH),
      webhookOf('enforcement', 'info', null, FLAT),
    ]);
    // ntfy's priorities: high for the warning, urgent for the critical and the breach, default for the result.
    expect(requestsTo(receiver, NTFY_PATH).map((r) => r.headers.priority)).toEqual(['4', '5', '5', '3']);
  });

  it('offers only Flatten, Lock for the day and Flatten all under a critical level, and never a loosening word', async () => {
    const { core, broker, bot, receiver } = await start();
    await buyOneEs(core, broker);
    broker.setPrice('ES', '5984.25');
    broker.setPrice('ES', '5981.25');
    broker.setPrice('ES', '5980.25');
    broker.setPrice('ES', '5980.00');
    await bot.waitForCalls('sendMessage', 4);
    await receiver.waitForRequests(8);

    const safe = [['Flatten SIM-50K', 'Lock SIM-50K for the day'], ['Flatten all accounts']];
    const buttons = sentButtons(bot);
    // The warning and the result have none; the critical and the breach both offer the same three.
    expect(buttons.map((rows) => rows.map((row) => row.map((b) => b.text)))).toEqual([[], safe, safe, []]);
    const data = buttons.flat(2).map((b) => b.data);
    expect(data).toHaveLength(6);
    for (const code of data) expect(code).toMatch(/^w:[A-Za-z0-9_-]{16}$/);
    expect(new Set(data).size).toBe(6); // every button its own single-use code

    const words = [
      ...sentTexts(bot),
      ...buttons.flat(2).map((b) => b.text),
      ...receiver.requests.map((r) => `${ntfyTitle(r.headers.title)} ${r.body}`),
    ];
    expect(words.length).toBe(4 + 6 + 8);
    expect(words.filter((text) => LOOSENING.test(text))).toEqual([]);
  });
});

describe('a channel that never answers', () => {
  it('does not slow enforcement: the account is flat while the webhook request still hangs', async () => {
    const { core, broker, bot, receiver } = await start();
    receiver.answer(WEBHOOK_PATH, { kind: 'hang' });
    await buyOneEs(core, broker);
    broker.setPrice('ES', '5980.25');
    broker.setPrice('ES', '5980.00'); // breach confirmed: flatten

    // The webhook got the first message (the critical) and holds it unanswered; the rest wait behind it.
    await expect.poll(() => requestsTo(receiver, WEBHOOK_PATH).length, { timeout: WITHIN_MS }).toBe(1);
    await expect.poll(() => position(core), { timeout: WITHIN_MS }).toEqual([]);
    const webhook = () => core.view().notify?.channels.find((c) => c.id === 'webhook');
    expect(webhook()).toMatchObject({ last: null, waiting: 3 });
    expect(requestsTo(receiver, WEBHOOK_PATH)).toHaveLength(1);
    expect(core.view().accounts.find((a) => a.id === 'SIM-50K')?.tradingState).toBe('halted');

    // The other channels are not held up either: the result reaches them while the webhook still hangs.
    await expect.poll(() => sentTexts(bot).at(-1), { timeout: WITHIN_MS }).toBe(FLAT.join('\n'));
    await expect
      .poll(() => requestsTo(receiver, NTFY_PATH).at(-1)?.body, { timeout: WITHIN_MS })
      .toBe(FLAT[1]);
    expect(webhook()).toMatchObject({ last: null, waiting: 3 });
  });
});

function webhookOf(event: string, level: string, rule: string | null, [title, message]: string[]) {
  return {
    event,
    level,
    account: 'SIM-50K',
    rule,
    title,
    message,
    t: '2026-05-05T14:30:00.000Z',
  };
}
