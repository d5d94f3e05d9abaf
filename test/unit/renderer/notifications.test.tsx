// @vitest-environment jsdom
// The Notifications screen: the notify section of the config in force in its fields, edits applied through
// previewConfig and setConfig as exactly that section, errors beside the field they name, secrets sent one key at
// a time and never shown back, Telegram chats detected and added, and a test message's outcome.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NotificationsScreen } from '../../../renderer/src/features/notifications/NotificationsScreen';
import { formatClock } from '../../../renderer/src/lib/format';
import type { NotifyView, StateView } from '../../../shared/ipc';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState } from './harness';
import { inForce } from './rule-helpers';

afterEach(cleanup);

const NOTIFY = {
  minLevel: 'warning',
  telegram: { chatIds: ['111'], commands: true },
  ntfy: { url: 'https://ntfy.sh/desk', minLevel: 'critical' },
};

const running = (channels: NotifyView['channels'] = [], more: Partial<NotifyView> = {}): StateView => ({
  ...buildFixtureState(),
  notify: { channels, commands: true, problems: [], secrets: [], ...more },
});

const ntfyRunning: NotifyView['channels'][number] = {
  id: 'ntfy',
  minLevel: 'critical',
  last: null,
  waiting: 0,
  dropped: 0,
};

type Options = NonNullable<Parameters<typeof renderWithState>[1]>;

async function openScreen(handlers: Options['handlers'] = {}, state: StateView = running()) {
  const config = inForce({ notify: NOTIFY });
  const host = renderWithState(state, {
    ui: <NotificationsScreen />,
    handlers: { getConfig: () => ({ ok: true, result: { config: structuredClone(config) } }), ...handlers },
  });
  await screen.findByTestId('notifications');
  return host;
}

const field = (testId: string) => screen.getByTestId<HTMLInputElement>(testId);
const type = (testId: string, value: string) => {
  fireEvent.change(field(testId), { target: { value } });
};

async function apply() {
  await waitFor(() => {
    expect(screen.getByTestId<HTMLButtonElement>('notify-apply').disabled).toBe(false);
  });
  fireEvent.click(field('notify-apply'));
}

const sentConfigs = (host: Awaited<ReturnType<typeof openScreen>>) =>
  host.sent.flatMap((c) => (c.command === 'setConfig' ? [c.args.config as { notify?: unknown }] : []));

describe('the Notifications screen', () => {
  it("shows the document's values, the section's level as each channel's inherited one", async () => {
    await openScreen();
    expect(field('notify-ntfy-url').value).toBe('https://ntfy.sh/desk');
    expect(screen.getByTestId<HTMLSelectElement>('notify-ntfy-minLevel').value).toBe('critical');
    expect(screen.getByTestId<HTMLSelectElement>('notify-minLevel').value).toBe('warning');
    const telegramLevel = screen.getByTestId<HTMLSelectElement>('notify-telegram-minLevel');
    expect(telegramLevel.value).toBe('');
    expect(telegramLevel.selectedOptions[0]?.textContent).toBe('inherited: warning');
    expect(field('notify-telegram-chat-111')).toBeTruthy();
    expect(field('notify-telegram-commands').checked).toBe(true);
    expect(field('notify-webhook-enabled').checked).toBe(false);
    expect(screen.queryByTestId('notify-webhook-url')).toBeNull();
  });

  it('applies an edited URL as exactly that notify section, through previewConfig then setConfig', async () => {
    const host = await openScreen();
    type('notify-ntfy-url', 'https://ntfy.example.com/warden');
    await apply();
    await waitFor(() => {
      expect(sentConfigs(host)).toHaveLength(1);
    });
    expect(sentConfigs(host)[0]?.notify).toEqual({
      minLevel: 'warning',
      telegram: { chatIds: ['111'], commands: true },
      ntfy: { url: 'https://ntfy.example.com/warden', minLevel: 'critical' },
    });
    const commands = host.sent.map((c) => c.command);
    expect(commands.lastIndexOf('previewConfig')).toBeLessThan(commands.indexOf('setConfig'));
  });

  it('turns a channel on with its fields and off again, and applies the webhook it adds', async () => {
    const host = await openScreen();
    fireEvent.click(field('notify-webhook-enabled'));
    type('notify-webhook-url', 'https://hooks.example.com/w');
    fireEvent.change(field('notify-webhook-minLevel'), { target: { value: 'info' } });
    fireEvent.click(field('notify-telegram-enabled'));
    await apply();
    await waitFor(() => {
      expect(sentConfigs(host)).toHaveLength(1);
    });
    expect(sentConfigs(host)[0]?.notify).toEqual({
      minLevel: 'warning',
      ntfy: { url: 'https://ntfy.sh/desk', minLevel: 'critical' },
      webhook: { url: 'https://hooks.example.com/w', minLevel: 'info' },
    });
  });

  it('shows a bad URL’s error beside the field, and Apply stays off', async () => {
    await openScreen();
    type('notify-ntfy-url', 'ftp://ntfy.sh/desk');
    expect(field('notify-ntfy-url-error').textContent).toBe(
      'must be an http or https URL, such as https://ntfy.sh/my-topic, got "ftp://ntfy.sh/desk"',
    );
    expect(field('notify-ntfy-url').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId<HTMLButtonElement>('notify-apply').disabled).toBe(true);
  });

  it("shows the core's refusal beside the field it names", async () => {
    await openScreen({
      setConfig: () => ({
        ok: false,
        error: 'the config has errors: notify.ntfy.url: must be an http or https URL, such as https://x',
      }),
    });
    type('notify-ntfy-url', 'https://ntfy.example.com/t');
    await apply();
    expect((await screen.findByTestId('notify-ntfy-url-error')).textContent).toBe(
      'must be an http or https URL, such as https://x',
    );
  });

  it('saves the bot token with exactly that key, clears the box and shows it stored', async () => {
    const host = await openScreen({
      setNotifySecrets: () => ({ ok: true, result: { stored: ['telegramToken'] } }),
    });
    expect(screen.queryByTestId('notify-telegram-token-stored')).toBeNull();
    const token = '123456:AAbbCCddEEff-secret';
    type('notify-telegram-token', token);
    expect(field('notify-telegram-token').type).toBe('password');
    fireEvent.click(field('notify-telegram-token-save'));
    await screen.findByTestId('notify-telegram-token-stored');
    expect(host.sent.filter((c) => c.command === 'setNotifySecrets').map((c) => c.args)).toEqual([
      { telegramToken: token },
    ]);
    expect(field('notify-telegram-token').value).toBe('');
    expect(document.body.innerHTML).not.toContain(token);
    expect(
      host.sent.some((c) => JSON.stringify(c.args).includes(token) && c.command !== 'setNotifySecrets'),
    ).toBe(false);
  });

  it('removes a stored secret with null, and shows a refusal beside its field', async () => {
    const host = await openScreen(
      {
        setNotifySecrets: (args) =>
          args.webhookSecret === null
            ? { ok: true, result: { stored: [] } }
            : {
                ok: false,
                error: 'invalid setNotifySecrets: ntfyToken: must not be empty (null removes it)',
              },
      },
      running([], { secrets: ['webhookSecret'] }),
    );
    fireEvent.click(field('notify-webhook-enabled'));
    expect(field('notify-webhook-secret-stored')).toBeTruthy();
    fireEvent.click(field('notify-webhook-secret-remove'));
    await waitFor(() => {
      expect(screen.queryByTestId('notify-webhook-secret-stored')).toBeNull();
    });
    type('notify-ntfy-secret', '   ');
    expect(screen.getByTestId<HTMLButtonElement>('notify-ntfy-secret-save').disabled).toBe(true);
    type('notify-ntfy-secret', 'x');
    fireEvent.click(field('notify-ntfy-secret-save'));
    expect((await screen.findByTestId('notify-ntfy-secret-error')).textContent).toBe(
      'must not be empty (null removes it)',
    );
    expect(host.sent.filter((c) => c.command === 'setNotifySecrets').map((c) => c.args)).toEqual([
      { webhookSecret: null },
      { ntfyToken: 'x' },
    ]);
  });

  it('detects the chats that sent /start and adds the one chosen to chatIds', async () => {
    const host = await openScreen({
      detectTelegramChats: () => ({
        ok: true,
        result: { chats: [{ chatId: '-100222', name: 'Desk group' }] },
      }),
    });
    expect(screen.getByTestId('notifications').textContent).toContain(
      'Send /start to your bot, then press Detect.',
    );
    fireEvent.click(field('notify-telegram-detect'));
    const found = await screen.findByTestId('notify-telegram-found');
    expect(within(found).getByText('Desk group')).toBeTruthy();
    fireEvent.click(field('notify-telegram-found--100222'));
    expect(field('notify-telegram-chat--100222')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('notify-telegram-found--100222').disabled).toBe(true);
    await apply();
    await waitFor(() => {
      expect(sentConfigs(host)).toHaveLength(1);
    });
    expect(sentConfigs(host)[0]?.notify).toMatchObject({ telegram: { chatIds: ['111', '-100222'] } });
  });

  it('sends a test message and shows when it was delivered', async () => {
    const at = '2025-03-12T14:25:03.000Z';
    const host = await openScreen(
      { testNotify: () => ({ ok: true, result: { ok: true, at } }) },
      running([ntfyRunning]),
    );
    fireEvent.click(field('notify-ntfy-test'));
    expect((await screen.findByTestId('notify-ntfy-test-result')).textContent).toBe(
      `Delivered ${formatClock(at)}`,
    );
    expect(host.sent.filter((c) => c.command === 'testNotify').map((c) => c.args)).toEqual([
      { channel: 'ntfy' },
    ]);
  });

  it('shows a failed test in words, and the channel’s last delivery, queue and problems', async () => {
    await openScreen(
      {
        testNotify: () => ({
          ok: true,
          result: { ok: false, at: '2025-03-12T14:26:00.000Z', error: 'ntfy answered 403 Forbidden' },
        }),
      },
      running(
        [{ ...ntfyRunning, last: { ok: true, at: '2025-03-12T14:00:00.000Z' }, waiting: 2, dropped: 1 }],
        { problems: ['telegram: no bot token (save one, or set WARDEN_TELEGRAM_TOKEN)'] },
      ),
    );
    fireEvent.click(field('notify-ntfy-test'));
    expect((await screen.findByTestId('notify-ntfy-test-result')).textContent).toContain(
      'ntfy answered 403 Forbidden',
    );
    expect(field('notify-ntfy-last').textContent).toBe(
      `Last: Delivered ${formatClock('2025-03-12T14:00:00.000Z')}`,
    );
    expect(field('notify-ntfy-queue').textContent).toBe('2 waiting · 1 dropped');
    expect(field('notify-telegram-problem').textContent).toContain('no bot token');
    expect(screen.getByTestId<HTMLButtonElement>('notify-telegram-test').disabled).toBe(true);
  });
});
