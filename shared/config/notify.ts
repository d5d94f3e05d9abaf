// Alerts away from the desk (docs/RULES.md section 13): which channels are on, where they send, from which level,
// and whether Telegram takes remote commands. The secrets (bot token, ntfy token, webhook secret) are never here:
// they live with the broker credentials.
import { z } from 'zod';
import { flag, oneOf, valueOf } from './values';

export const notifyLevels = ['info', 'warning', 'critical'] as const;
export type NotifyMinLevel = (typeof notifyLevels)[number];

/** An http(s) URL, written out (the ntfy topic, the webhook's receiver). */
const url = valueOf<string>((value) =>
  typeof value === 'string' && /^https?:\/\/[^\s/?#]+([/?#]\S*)?$/.test(value)
    ? value
    : { error: 'must be an http or https URL, such as https://ntfy.sh/my-topic' },
);

/** A Telegram chat id: a whole number, possibly negative (groups), kept as text (it exceeds 2^31). */
const chatId = valueOf<string>((value) => {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof text === 'string' && /^-?\d{1,20}$/.test(text)
    ? text
    : { error: 'must be a Telegram chat id (a whole number), such as 123456789' };
});

const level = oneOf(notifyLevels);

export const notifySchema = z.strictObject({
  /** The lowest level sent to every channel that does not say its own. */
  minLevel: level.default('critical'),
  telegram: z
    .strictObject({
      /** Empty until the trader's chat is detected (send /start to the bot, then Detect). */
      chatIds: z.array(chatId).default([]),
      /** Remote commands (flatten, flatten all, lock for the day) from those chats. */
      commands: flag.default(false),
      minLevel: level.optional(),
    })
    .optional(),
  ntfy: z.strictObject({ url, minLevel: level.optional() }).optional(),
  webhook: z.strictObject({ url, minLevel: level.optional() }).optional(),
});

export type NotifySettings = z.output<typeof notifySchema>;
