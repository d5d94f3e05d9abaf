// Telegram's own fields: the bot token (a secret), the chats it sends to (chips; "Detect" lists the chats that
// sent /start to the bot, to add with a press) and remote commands, which can only make things safer.
import { useState, type ReactNode } from 'react';
import { useCommand } from '../../lib/use-command';
import { AddWord } from '../rules/ChipPicker';
import { FieldError } from '../rules/FieldError';
import { chatIdOf, notifyErrorAt, notifyPath, withKey, type TelegramBlock } from './notify-draft';
import { SecretField } from './SecretField';

type TelegramFieldsProps = {
  block: TelegramBlock;
  errors: readonly string[];
  /** The channel's minimum level, beside its secret. */
  level: ReactNode;
  onChange: (block: TelegramBlock) => void;
};

export function TelegramFields({ block, errors, level, onChange }: TelegramFieldsProps) {
  return (
    <>
      <SecretField
        name="telegramToken"
        label="Bot token"
        testId="notify-telegram-token"
        hint="From @BotFather when you create your bot."
      />
      {level}
      <ChatIds
        chatIds={block.chatIds ?? []}
        error={notifyErrorAt(errors, notifyPath('telegram', 'chatIds'))}
        onChange={(chatIds) => {
          onChange({ ...block, chatIds });
        }}
      />
      <label className="notify-commands field-wide">
        <input
          type="checkbox"
          checked={block.commands ?? false}
          data-testid="notify-telegram-commands"
          onChange={(event) => {
            onChange(withKey(block, 'commands', event.target.checked));
          }}
        />
        <span>
          <strong>Remote commands</strong>
          <span className="notify-hint">
            Buttons under an alert can flatten an account, flatten all or lock an account for the day, each
            confirmed by a second tap. They can never unlock, loosen a rule or place an order.
          </span>
        </span>
      </label>
    </>
  );
}

type ChatIdsProps = { chatIds: string[]; error: string | null; onChange: (chatIds: string[]) => void };

function ChatIds({ chatIds, error, onChange }: ChatIdsProps) {
  const add = (chatId: string) => {
    if (!chatIds.includes(chatId)) onChange([...chatIds, chatId]);
  };
  return (
    <div
      className={`field field-wide notify-chats${error === null ? '' : ' field-invalid'}`}
      role="group"
      aria-label="Chats"
    >
      <span className="notify-label">Chats</span>
      <div className="chip-list" data-testid="notify-telegram-chats">
        {chatIds.length === 0 ? <span className="notify-hint">No chat yet.</span> : null}
        {chatIds.map((chatId) => (
          <button
            key={chatId}
            type="button"
            className="chip notify-chip"
            aria-label={`Chat ${chatId}: remove`}
            title="Remove"
            data-testid={`notify-telegram-chat-${chatId}`}
            onClick={() => {
              onChange(chatIds.filter((c) => c !== chatId));
            }}
          >
            {chatId} ×
          </button>
        ))}
      </div>
      <AddWord
        testId="notify-telegram-chat"
        label="Chat id"
        placeholder="chat id"
        disabled={false}
        normalise={chatIdOf}
        onAdd={add}
      />
      <FieldError testId="notify-telegram-chats-error" message={error} />
      <DetectChats chatIds={chatIds} onAdd={add} />
    </div>
  );
}

type Detected = { chatId: string; name: string }[];

function DetectChats({ chatIds, onAdd }: { chatIds: string[]; onAdd: (chatId: string) => void }) {
  const [detect, { pending, error }] = useCommand('detectTelegramChats');
  const [found, setFound] = useState<Detected | null>(null);
  const run = () => {
    void detect({}).then((response) => {
      setFound(response.ok ? response.result.chats : null);
    });
  };
  return (
    <div className="notify-detect">
      <div className="notify-detect-row">
        <button
          type="button"
          className="btn btn-small"
          data-testid="notify-telegram-detect"
          disabled={pending}
          onClick={run}
        >
          {pending ? 'Detecting…' : 'Detect'}
        </button>
        <span className="notify-hint">Send /start to your bot, then press Detect.</span>
      </div>
      {error !== null ? <p className="note-bad">Could not detect: {error}</p> : null}
      {found !== null && found.length === 0 ? (
        <p className="notify-hint" data-testid="notify-telegram-detect-none">
          No chat has sent /start yet.
        </p>
      ) : null}
      {found !== null && found.length > 0 ? (
        <ul className="notify-found" data-testid="notify-telegram-found">
          {found.map((chat) => (
            <li key={chat.chatId}>
              <span>
                {chat.name} <span className="num notify-hint">{chat.chatId}</span>
              </span>
              <button
                type="button"
                className="btn btn-small"
                data-testid={`notify-telegram-found-${chat.chatId}`}
                disabled={chatIds.includes(chat.chatId)}
                onClick={() => {
                  onAdd(chat.chatId);
                }}
              >
                {chatIds.includes(chat.chatId) ? 'Added' : 'Add'}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
