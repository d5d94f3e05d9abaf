// What Warden reads from Telegram's getUpdates: a text message (for /start and chat detection) or a button press.
// Parsed at the edge, one update at a time: a malformed update is skipped and reported, never thrown, so one bad
// update cannot stop the ones behind it; its update_id still moves the offset past it.
import { z } from 'zod';

export type TelegramUpdate =
  | { updateId: number; kind: 'message'; chatId: string; fromName: string; text: string }
  | {
      updateId: number;
      kind: 'press';
      pressId: string;
      chatId: string;
      messageId: number;
      fromName: string;
      data: string;
    };

/** The updates read, and the offset that confirms all of them (malformed ones included); null: none came. */
export type UpdateBatch = { updates: TelegramUpdate[]; nextOffset: number | null };

/** The only update types Warden asks for (getUpdates `allowed_updates`). */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

const user = z.object({
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
// Chat ids exceed 2^31 and are negative for groups, but stay within 52 bits: exact as a JS number.
const chat = z.object({ id: z.number().int(), title: z.string().optional() });
const message = z.object({
  message_id: z.number().int(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
});
const callbackQuery = z.object({
  id: z.string().min(1),
  from: user,
  message: z.object({ message_id: z.number().int(), chat }),
  data: z.string(),
});
const update = z.object({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  callback_query: callbackQuery.optional(),
});

type Chat = z.infer<typeof chat>;
type User = z.infer<typeof user>;

/** Parses getUpdates' result; `onBadUpdate` hears why each skipped update was skipped. */
export function parseUpdates(result: readonly unknown[], onBadUpdate: (reason: string) => void): UpdateBatch {
  const updates: TelegramUpdate[] = [];
  let highest: number | null = null;
  for (const raw of result) {
    const id = updateIdOf(raw);
    if (id !== null) highest = Math.max(highest ?? id, id);
    const parsed = update.safeParse(raw);
    if (!parsed.success) {
      onBadUpdate(
        `${id === null ? 'an update without an update_id' : `update ${id}`} skipped: ${firstIssue(parsed.error)}`,
      );
      continue;
    }
    const read = readUpdate(parsed.data);
    if (read !== null) updates.push(read);
  }
  return { updates, nextOffset: highest === null ? null : highest + 1 };
}

/** Null for what Warden does not read (a photo, a sticker, another update type): skipped without a word. */
function readUpdate(raw: z.infer<typeof update>): TelegramUpdate | null {
  const { message: sent, callback_query: press } = raw;
  if (sent?.text !== undefined) {
    return {
      updateId: raw.update_id,
      kind: 'message',
      chatId: String(sent.chat.id),
      fromName: nameOf(sent.from, sent.chat),
      text: sent.text,
    };
  }
  if (press === undefined) return null;
  return {
    updateId: raw.update_id,
    kind: 'press',
    pressId: press.id,
    chatId: String(press.message.chat.id),
    messageId: press.message.message_id,
    fromName: nameOf(press.from, press.message.chat),
    data: press.data,
  };
}

function nameOf(from: User | undefined, where: Chat): string {
  if (from !== undefined)
    return [from.first_name, from.last_name].filter((part) => part !== undefined).join(' ');
  return where.title ?? '';
}

function updateIdOf(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as { update_id?: unknown }).update_id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'not an update';
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}
