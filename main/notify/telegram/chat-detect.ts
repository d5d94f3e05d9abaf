// The settings screen's "Detect": the chats that sent /start to the trader's bot, so the trader picks a chat id
// instead of typing one. Pure: given the updates read, the chats found, each once, in the order they first wrote.
import type { TelegramUpdate } from './updates';

export type DetectedChat = { chatId: string; name: string };

/** `/start`, `/start payload` and `/start@SomeBot` in groups. */
const START = /^\/start(?:@\w+)?(?:\s|$)/;

export function detectChats(updates: readonly TelegramUpdate[]): DetectedChat[] {
  const found = new Map<string, DetectedChat>();
  for (const update of updates) {
    if (update.kind !== 'message' || !START.test(update.text.trim())) continue;
    // The latest name wins: the trader may have renamed the chat since.
    const name = update.fromName === '' ? `chat ${update.chatId}` : update.fromName;
    found.set(update.chatId, { chatId: update.chatId, name });
  }
  return [...found.values()];
}
