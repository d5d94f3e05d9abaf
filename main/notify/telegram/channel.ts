// The Telegram channel: a message (its title on the first line, then its figures) with its buttons, sent to every
// configured chat. Delivery only: retries, rate limits and who gets what are the dispatcher's.
import type { Channel, RemoteMessage } from '../channel';
import type { BotApi } from './bot-api';

export function createTelegramChannel(options: {
  api: Pick<BotApi, 'sendMessage'>;
  chatIds: readonly string[];
}): Channel {
  const { api } = options;
  const chatIds = [...options.chatIds];
  return {
    id: 'telegram',
    send: async (message, signal) => {
      if (chatIds.length === 0) throw new Error('no Telegram chat is configured');
      const text = textOf(message);
      const sent = await Promise.allSettled(
        chatIds.map((chatId) => api.sendMessage(chatId, text, message.buttons, signal)),
      );
      const failed = sent.findIndex((outcome) => outcome.status === 'rejected');
      const failure = sent[failed];
      if (failure?.status === 'rejected') {
        throw new Error(`chat ${chatIds[failed] ?? '?'}: ${reasonOf(failure.reason)}`);
      }
    },
  };
}

export function textOf(message: Pick<RemoteMessage, 'title' | 'message'>): string {
  return `${message.title}\n${message.message}`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
