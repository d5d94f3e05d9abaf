// Remote commands from Telegram (docs/RULES.md section 13): a press on a button Warden sent is judged by the
// remote commands' codes (configured chat, single use, 2 minutes, a second tap to confirm); a confirmed one runs
// through the core's own command path (`act`), and every press, refused or carried out, is an audit record with
// its origin ("telegram chat 123"). Nothing here can unlock, reset, loosen or trade: the actions cannot say it.
import type { Logger } from '../../platform/logger';
import type { BotApi } from './bot-api';
import { describeAction, type RemoteAction, type RemoteCommands } from './remote-commands';
import type { TelegramUpdate } from './updates';

export type RemoteAudit = {
  origin: string;
  action: string | null;
  outcome: 'asked' | 'done' | 'failed' | 'refused';
  detail: string;
};

export type RemoteControlDeps = {
  api: Pick<BotApi, 'sendMessage' | 'answerCallbackQuery' | 'editMessageText'>;
  commands: RemoteCommands;
  /** Carries the action out through the core's command path; resolves to the result in words. */
  act(action: RemoteAction, origin: string): Promise<string>;
  audit(record: RemoteAudit): void;
  logger: Logger;
};

/** Handles one update from the poller. Never throws: a failed answer to Telegram is logged. */
export function createRemoteControl(deps: RemoteControlDeps): (update: TelegramUpdate) => Promise<void> {
  const { api, commands } = deps;
  const quietly = async (what: string, call: () => Promise<unknown>): Promise<void> => {
    try {
      await call();
    } catch (error) {
      deps.logger.warn(`telegram ${what} failed`, { error: (error as Error).message });
    }
  };
  return async (update) => {
    const origin = `telegram chat ${update.chatId} (${update.fromName})`;
    if (update.kind === 'message') {
      if (update.text.startsWith('/start'))
        await quietly('reply', () =>
          api.sendMessage(
            update.chatId,
            `Warden: this chat's id is ${update.chatId}. Press Detect in Warden's Notifications settings.`,
          ),
        );
      return;
    }
    const outcome = commands.press({ chatId: update.chatId, data: update.data });
    switch (outcome.outcome) {
      case 'refused':
        deps.audit({ origin, action: null, outcome: 'refused', detail: outcome.reason });
        await quietly('answer', () => api.answerCallbackQuery(update.pressId, `Refused: ${outcome.reason}`));
        return;
      case 'confirm': {
        const words = describeAction(outcome.action);
        deps.audit({ origin, action: words, outcome: 'asked', detail: 'a second tap confirms' });
        await quietly('answer', () => api.answerCallbackQuery(update.pressId, 'Tap again to confirm'));
        await quietly('confirmation', () =>
          api.sendMessage(update.chatId, `${words}? Tap to confirm within 2 minutes.`, [[outcome.button]]),
        );
        return;
      }
      case 'act': {
        const words = describeAction(outcome.action);
        await quietly('answer', () => api.answerCallbackQuery(update.pressId, `${words}: under way`));
        await quietly('edit', () =>
          api.editMessageText(update.chatId, update.messageId, `${words}: confirmed.`),
        );
        let result: string;
        let ok = true;
        try {
          result = await deps.act(outcome.action, origin);
        } catch (error) {
          ok = false;
          result = `${words} failed: ${(error as Error).message}. Act in the broker's platform.`;
        }
        deps.audit({ origin, action: words, outcome: ok ? 'done' : 'failed', detail: result });
        await quietly('result', () => api.sendMessage(update.chatId, result));
        return;
      }
    }
  };
}
