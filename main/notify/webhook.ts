// The webhook channel (docs/RULES.md section 13): one POST of the message as JSON, signed with HMAC-SHA256 of the
// exact body bytes so the receiver can tell it came from this Warden. Same bound and failure words as ntfy; the
// secret never leaves in an error.
import { createHmac } from 'node:crypto';
import { SEND_TIMEOUT_MS, type Channel, type RemoteMessage } from './channel';
import { post } from './http-post';

export type WebhookOptions = {
  url: string;
  /** The HMAC key the receiver shares. */
  secret: string;
  fetch?: typeof fetch;
  /** Tests only: how long a send may take. */
  timeoutMs?: number;
};

export function createWebhookChannel(options: WebhookOptions): Channel {
  const { url, secret } = options;
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
  const host = new URL(url).host; // fails at configuration, not at the first alert
  return {
    id: 'webhook',
    async send(message, signal) {
      const body = webhookBody(message);
      const headers = {
        'Content-Type': 'application/json',
        'X-Warden-Signature': signatureOf(body, secret),
      };
      // The bytes signed are the bytes sent: the body goes as the same UTF-8 encoding, not re-encoded by fetch.
      const bytes = Buffer.from(body, 'utf8');
      const request = { channel: 'webhook', secret, url, host, headers, body: bytes, timeoutMs, signal };
      await post(options.fetch === undefined ? request : { ...request, fetch: options.fetch });
    },
  };
}

/** The JSON body, its keys in the documented order; `t` as an ISO-8601 UTC string; buttons are Telegram's. */
export function webhookBody(message: RemoteMessage): string {
  const { event, level, account, rule, title } = message;
  return JSON.stringify({
    event,
    level,
    account,
    rule,
    title,
    message: message.message,
    t: new Date(message.t).toISOString(),
  });
}

/** The `X-Warden-Signature` value: "sha256=" and the lowercase hex HMAC-SHA256 of the body's UTF-8 bytes. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
