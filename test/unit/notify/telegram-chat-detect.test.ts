// The settings screen's "Detect": the chats that sent /start, each once, in the order they first wrote, under their
// latest name; other messages and button presses are not a request to be configured.
import { describe, expect, it } from 'vitest';
import { detectChats } from '../../../main/notify/telegram/chat-detect';
import type { TelegramUpdate } from '../../../main/notify/telegram/updates';

let nextId = 1;
function message(chatId: string, text: string, fromName = 'Dana Trader'): TelegramUpdate {
  return { updateId: nextId++, kind: 'message', chatId, fromName, text };
}

describe('detectChats', () => {
  it('finds the chats that sent /start', () => {
    const updates: TelegramUpdate[] = [
      message('987654321', 'hello'),
      message('987654321', '/start'),
      message('-1001234567890', '/start@WardenGuardBot', 'Desk group'),
      message('555', '/start deep-link-payload', 'Sam'),
      {
        updateId: nextId++,
        kind: 'press',
        pressId: 'p1',
        chatId: '777',
        messageId: 3,
        fromName: 'Eve',
        data: '/start',
      },
      message('888', '/starting', 'Not a start'),
      message('999', 'please /start', 'Not a start either'),
    ];
    expect(detectChats(updates)).toEqual([
      { chatId: '987654321', name: 'Dana Trader' },
      { chatId: '-1001234567890', name: 'Desk group' },
      { chatId: '555', name: 'Sam' },
    ]);
  });

  it('lists a chat once, first-come order, latest name', () => {
    expect(
      detectChats([
        message('1', '/start', 'Old name'),
        message('2', '/start', 'Two'),
        message('1', '  /start  ', 'New name'),
      ]),
    ).toEqual([
      { chatId: '1', name: 'New name' },
      { chatId: '2', name: 'Two' },
    ]);
  });

  it('names a chat without a sender name by its id', () => {
    expect(detectChats([message('-42', '/start', '')])).toEqual([{ chatId: '-42', name: 'chat -42' }]);
  });

  it('finds nothing in no updates', () => {
    expect(detectChats([])).toEqual([]);
  });
});
