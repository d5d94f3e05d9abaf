// The four Telegram Bot API methods Warden uses (sendMessage, getUpdates, answerCallbackQuery, editMessageText):
// JSON POSTs to `<apiBase>/bot<token>/<method>`, every answer parsed defensively. Errors say in words what failed
// and never contain the token (it sits in every URL): it is replaced by "<token>" wherever it would appear.
import { z } from 'zod';
import type { RemoteButton } from '../channel';
import { causeOf } from '../http-post';
import { ALLOWED_UPDATES, parseUpdates, type UpdateBatch } from './updates';

/** Telegram's limit on a button's callback data. */
export const MAX_BUTTON_DATA_BYTES = 64;

export type BotApi = {
  /** Sends plain text, with inline buttons when given; resolves to the new message's id. */
  sendMessage(
    chatId: string,
    text: string,
    buttons?: RemoteButton[][],
    signal?: AbortSignal,
  ): Promise<number>;
  /** One long poll: answers when updates come or after `timeoutSeconds`; `offset` confirms those before it. */
  getUpdates(options: {
    offset: number | null;
    timeoutSeconds: number;
    signal?: AbortSignal;
  }): Promise<UpdateBatch>;
  /** Stops the spinner on a pressed button; `text` shows as a short notice in the trader's app. */
  answerCallbackQuery(pressId: string, text?: string): Promise<void>;
  /** Replaces a message's text; its buttons go with it (how a used message loses them). */
  editMessageText(chatId: string, messageId: number, text: string): Promise<void>;
};

/** A failed call. `retryAfterSeconds`: Telegram's flood control (429) says when to try again, else null. */
export class TelegramApiError extends Error {
  override readonly name = 'TelegramApiError';
  readonly retryAfterSeconds: number | null;

  constructor(message: string, retryAfterSeconds: number | null = null) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export type BotApiOptions = {
  /** WARDEN_TELEGRAM_API: https://api.telegram.org, or a fake in tests. */
  apiBase: string;
  token: string;
  fetch?: typeof fetch;
  /** Hears why a malformed update was skipped (for the log); the updates around it are still delivered. */
  onBadUpdate?: (reason: string) => void;
};

const answer = z.union([
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error_code: z.number().int().optional(),
    description: z.string().optional(),
    parameters: z.object({ retry_after: z.number().nonnegative().optional() }).optional(),
  }),
]);

export function createBotApi(options: BotApiOptions): BotApi {
  const { token } = options;
  if (token.trim() === '') throw new Error('the Telegram bot token is empty');
  const base = parseBase(options.apiBase);
  const fetchAnswer = options.fetch ?? fetch;
  const onBadUpdate = options.onBadUpdate ?? (() => {});
  const redact = (text: string): string =>
    text.replaceAll(token, '<token>').replaceAll(encodeURIComponent(token), '<token>');

  const call = async (method: string, body: object, signal?: AbortSignal): Promise<unknown> => {
    try {
      return await post(fetchAnswer, { base, token, method, body, signal });
    } catch (error) {
      if (error instanceof TelegramApiError)
        throw new TelegramApiError(redact(error.message), error.retryAfterSeconds);
      const reason = signal?.aborted === true ? 'stopped' : causeOf(error);
      throw new TelegramApiError(redact(`cannot reach ${base.host}: ${reason}`));
    }
  };

  return {
    sendMessage: async (chatId, text, buttons, signal) => {
      const body = buttons === undefined || buttons.length === 0 ? {} : { reply_markup: keyboardOf(buttons) };
      const result = await call('sendMessage', { chat_id: chatId, text, ...body }, signal);
      const sent = z.object({ message_id: z.number().int() }).safeParse(result);
      if (!sent.success) throw new TelegramApiError('telegram answered sendMessage without a message id');
      return sent.data.message_id;
    },
    getUpdates: async ({ offset, timeoutSeconds, signal }) => {
      const body = {
        ...(offset === null ? {} : { offset }),
        timeout: timeoutSeconds,
        allowed_updates: ALLOWED_UPDATES,
      };
      const result = await call('getUpdates', body, signal);
      if (!Array.isArray(result))
        throw new TelegramApiError('telegram answered getUpdates without a list of updates');
      return parseUpdates(result, onBadUpdate);
    },
    answerCallbackQuery: async (pressId, text) => {
      await call('answerCallbackQuery', {
        callback_query_id: pressId,
        ...(text === undefined ? {} : { text }),
      });
    },
    editMessageText: async (chatId, messageId, text) => {
      await call('editMessageText', { chat_id: chatId, message_id: messageId, text });
    },
  };
}

type Post = { base: URL; token: string; method: string; body: object; signal: AbortSignal | undefined };

/** One call; a refusal or an answer that is not the Bot API's throws a TelegramApiError (not yet redacted). */
async function post(
  fetchAnswer: typeof fetch,
  { base, token, method, body, signal }: Post,
): Promise<unknown> {
  const url = `${base.href.replace(/\/+$/, '')}/bot${token}/${method}`;
  const response = await fetchAnswer(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    ...(signal === undefined ? {} : { signal }),
  });
  const text = await response.text();
  const parsed = answer.safeParse(parseJson(text));
  if (!parsed.success) {
    throw new TelegramApiError(
      `telegram answered ${method} with HTTP ${response.status}, not a Bot API answer`,
    );
  }
  if (parsed.data.ok) return parsed.data.result;
  const code = parsed.data.error_code ?? response.status;
  const retryAfter = parsed.data.parameters?.retry_after ?? retryAfterHeader(response, code);
  const description = parsed.data.description ?? 'no description';
  throw new TelegramApiError(`telegram refused ${method}: ${description} (${code})`, retryAfter);
}

function keyboardOf(buttons: RemoteButton[][]): {
  inline_keyboard: { text: string; callback_data: string }[][];
} {
  return {
    inline_keyboard: buttons.map((row) =>
      row.map((button) => {
        const bytes = Buffer.byteLength(button.data, 'utf8');
        if (bytes === 0 || bytes > MAX_BUTTON_DATA_BYTES) {
          throw new TelegramApiError(
            `button "${button.text}" has ${bytes} bytes of data: Telegram takes 1 to ${MAX_BUTTON_DATA_BYTES}`,
          );
        }
        return { text: button.text, callback_data: button.data };
      }),
    ),
  };
}

function parseBase(apiBase: string): URL {
  try {
    return new URL(apiBase);
  } catch {
    throw new Error(`the Telegram API address is not a URL: ${apiBase}`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Flood control without `parameters.retry_after`: the HTTP header, when it holds whole seconds. */
function retryAfterHeader(response: Response, code: number): number | null {
  if (code !== 429) return null;
  const seconds = Number(response.headers.get('retry-after') ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}
