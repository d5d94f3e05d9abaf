// Remote commands' safety core (docs/RULES.md section 13): only actions that make things safer can be expressed;
// each is offered as a button holding a random single-use code that expires, and acts only after a second tap on a
// fresh confirmation code from a configured chat. Everything else is refused with a reason. Pure but for the codes'
// randomness; time comes from the injected `now`.
import { randomBytes } from 'node:crypto';
import type { RemoteButton } from '../channel';

/** Everything a remote command can do: nothing here unlocks, resets, loosens or places an order. */
export type RemoteAction =
  { kind: 'flatten'; account: string } | { kind: 'flattenAll' } | { kind: 'lockDay'; account: string };

export type PressOutcome =
  /** A first tap: ask for confirmation with `button`, in the chat that tapped. */
  | { outcome: 'confirm'; action: RemoteAction; button: RemoteButton }
  /** A confirmed tap: carry the action out. */
  | { outcome: 'act'; action: RemoteAction }
  | { outcome: 'refused'; reason: string };

export type RemoteCommands = {
  /** A button for `action`, to send to the configured chats. */
  offer(action: RemoteAction): RemoteButton;
  press(press: { chatId: string; data: string }): PressOutcome;
  /** The action in the trader's words: "Flatten SIM-50K". */
  describe(action: RemoteAction): string;
  /** How many codes are kept (offered, awaiting confirmation, or expired and still recognised). */
  pendingCodes(): number;
};

export const DEFAULT_CODE_TTL_MS = 120_000;
const PREFIX = 'w:';
/** 96 random bits: 16 base64url characters. */
const CODE_BYTES = 12;
const DATA = /^w:[A-Za-z0-9_-]{16}$/;

type Code = {
  action: RemoteAction;
  /** An offered code is valid from any configured chat; a confirmation only from the chat that asked for it. */
  chatId: string | null;
  expiresAt: number;
};

/** The action in the trader's words, for buttons and the audit trail. */
export function describeAction(action: RemoteAction): string {
  switch (action.kind) {
    case 'flatten':
      return `Flatten ${action.account}`;
    case 'flattenAll':
      return 'Flatten all accounts';
    case 'lockDay':
      return `Lock ${action.account} for the day`;
  }
}

export function createRemoteCommands(options: {
  chatIds: readonly string[];
  now: () => number;
  codeTtlMs?: number;
}): RemoteCommands {
  const { now } = options;
  const allowed = new Set(options.chatIds);
  const ttlMs = options.codeTtlMs ?? DEFAULT_CODE_TTL_MS;
  const expired = `this button expired: it is valid for ${durationOf(ttlMs)}`;
  const codes = new Map<string, Code>();

  // An expired code is kept one more ttl so a late tap hears "expired", then forgotten: the map stays bounded.
  const forgetOld = (at: number): void => {
    for (const [code, entry] of codes) if (at >= entry.expiresAt + ttlMs) codes.delete(code);
  };
  const issue = (action: RemoteAction, chatId: string | null, text: string): RemoteButton => {
    forgetOld(now());
    let code = randomBytes(CODE_BYTES).toString('base64url');
    while (codes.has(code)) code = randomBytes(CODE_BYTES).toString('base64url');
    codes.set(code, { action, chatId, expiresAt: now() + ttlMs });
    return { text, data: `${PREFIX}${code}` };
  };

  return {
    offer: (action) => issue(action, null, describeAction(action)),
    press: ({ chatId, data }) => {
      const at = now();
      forgetOld(at);
      if (!allowed.has(chatId)) return refused(`chat ${chatId} is not allowed`);
      if (!DATA.test(data)) return refused('this button is not one of Warden’s: its data is malformed');
      const code = data.slice(PREFIX.length);
      const entry = codes.get(code);
      if (entry === undefined) return refused('this button was already used or is unknown');
      if (at >= entry.expiresAt) {
        codes.delete(code);
        return refused(expired);
      }
      if (entry.chatId !== null && entry.chatId !== chatId) {
        return refused('this confirmation was asked for in another chat');
      }
      codes.delete(code);
      if (entry.chatId !== null) return { outcome: 'act', action: entry.action };
      const button = issue(entry.action, chatId, `Yes, ${lowerFirst(describeAction(entry.action))}`);
      return { outcome: 'confirm', action: entry.action, button };
    },
    describe: describeAction,
    pendingCodes: () => {
      forgetOld(now());
      return codes.size;
    },
  };
}

function refused(reason: string): PressOutcome {
  return { outcome: 'refused', reason };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function durationOf(ms: number): string {
  const [amount, unit] = ms % 60_000 === 0 ? [ms / 60_000, 'minute'] : [ms / 1000, 'second'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}
