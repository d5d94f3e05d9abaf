// Alerts away from the desk (docs/RULES.md section 13): what one channel (Telegram, ntfy, a webhook) is given to
// send, and what it answers. A channel only delivers: what is sent, when, how often and to whom is decided by the
// dispatcher beside it; a channel never retries on its own and never blocks the caller (it is awaited off the
// enforcement path).

export type ChannelId = 'telegram' | 'ntfy' | 'webhook';

/** What a message is about (the webhook's `event` field). */
export type RemoteEvent =
  'level' | 'enforcement' | 'connection' | 'daySummary' | 'summary' | 'command' | 'test';

export type RemoteLevel = 'info' | 'warning' | 'critical';

/** A button under a Telegram message: its label and the callback data a press sends back (at most 64 bytes). */
export type RemoteButton = { text: string; data: string };

export type RemoteMessage = {
  event: RemoteEvent;
  level: RemoteLevel;
  /** The account it is about, null for the whole app (the broker link, a summary of several). */
  account: string | null;
  /** The rule it is about, when it is one's. */
  rule: string | null;
  /**
   * A rule's level step, when the message is one: a step above those told in the last minute is sent at once (a
   * breach right after its critical must not wait out the minute), repeats of a step are summarised.
   */
  step?: 'warning' | 'critical' | 'breach';
  /** Short: "SIM-50K daily loss critical". */
  title: string;
  /** The figures in the trader's words: "−951.20 of 1,000.00, 48.80 left". Plain text, no markup. */
  message: string;
  /** When it happened, epoch ms. */
  t: number;
  /** Telegram only: rows of buttons (remote commands); other channels ignore them. */
  buttons?: RemoteButton[][];
};

/** One delivery's outcome as the settings screen shows it. */
export type Delivery = { ok: true; at: number } | { ok: false; at: number; error: string };

/**
 * Sends one message. Resolves when the far end accepted it; rejects with an Error whose message says in words
 * what failed ("ntfy answered 403: forbidden", "webhook timed out after 10 s", "cannot reach api.telegram.org:
 * ECONNREFUSED") and never contains a secret (token, password, HMAC key). Aborting `signal` abandons the send.
 */
export type Channel = {
  readonly id: ChannelId;
  send(message: RemoteMessage, signal?: AbortSignal): Promise<void>;
};

/** How long one send may take before it counts as failed. */
export const SEND_TIMEOUT_MS = 10_000;
