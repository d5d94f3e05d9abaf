// The ntfy channel (docs/RULES.md section 13): one POST of the message text to the topic URL, with the title,
// priority and tags as headers. One attempt, bounded by SEND_TIMEOUT_MS; a failure rejects with words for the
// settings screen that never hold the access token.
import { SEND_TIMEOUT_MS, type Channel, type RemoteLevel } from './channel';
import { post } from './http-post';

export type NtfyOptions = {
  /** The topic URL, e.g. "https://ntfy.sh/warden-alerts-7f3k". */
  url: string;
  /** An ntfy access token, sent as `Authorization: Bearer`, for a protected topic. */
  token?: string;
  fetch?: typeof fetch;
  /** Tests only: how long a send may take. */
  timeoutMs?: number;
};

/** ntfy's priorities: 3 is its default, 4 "high", 5 "urgent" (the one that can break through do-not-disturb). */
const PRIORITY: Record<RemoteLevel, string> = { info: '3', warning: '4', critical: '5' };

/** Tags that ntfy shows as emoji before the title. */
const TAGS: Record<RemoteLevel, string> = {
  info: 'information_source',
  warning: 'warning',
  critical: 'rotating_light',
};

export function createNtfyChannel(options: NtfyOptions): Channel {
  const { url, token } = options;
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
  const secret = token ?? null;
  const host = new URL(url).host; // fails at configuration, not at the first alert
  return {
    id: 'ntfy',
    async send(message, signal) {
      const headers: Record<string, string> = {
        'Content-Type': 'text/plain; charset=utf-8',
        Title: headerWord(message.title),
        Priority: PRIORITY[message.level],
        Tags: TAGS[message.level],
      };
      if (token !== undefined) headers.Authorization = `Bearer ${token}`;
      const request = {
        channel: 'ntfy',
        secret,
        url,
        host,
        headers,
        body: message.message,
        timeoutMs,
        signal,
      };
      await post(options.fetch === undefined ? request : { ...request, fetch: options.fetch });
    },
  };
}

/**
 * A header value ntfy reads back exactly. fetch refuses header values past Latin-1 (the "−" of "−951.20" throws
 * "Cannot convert argument to a ByteString"), and ntfy reads Latin-1 bytes such as "·" as broken UTF-8, so any
 * title that is not printable ASCII goes as RFC 2047 encoded-words (`=?UTF-8?B?…?=`), which ntfy decodes in every
 * header (docs.ntfy.sh/publish, "message title"). We keep the header form rather than ntfy's JSON publishing,
 * which posts to the server root with the topic in the body: the configured setting is the topic URL. Words stay
 * within RFC 2047's 75 characters and never split a character; a decoder drops the spaces between them.
 */
function headerWord(text: string): string {
  // An ASCII text that merely looks like an encoded-word ("=?") would be decoded by ntfy: encode it too.
  if (/^[\x20-\x7e]*$/.test(text) && !text.includes('=?')) return text;
  const words: string[] = [];
  let chunk = '';
  for (const character of text) {
    if (Buffer.byteLength(chunk + character) > 45) {
      words.push(encodedWord(chunk));
      chunk = '';
    }
    chunk += character;
  }
  words.push(encodedWord(chunk));
  return words.join(' ');
}

/** 45 bytes are 60 base64 characters: with `=?UTF-8?B?` and `?=`, 72 of the 75 allowed. */
function encodedWord(text: string): string {
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}
