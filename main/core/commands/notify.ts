// The remote alerts' commands (docs/RULES.md section 13): their secrets stored like broker credentials (and the
// channels rebuilt with them), a test message to one channel, and the chats that sent /start to the bot.
import { deliveryView } from '../../notify/remote-alerts';
import { notifySecretNames, type StoredNotifySecrets } from '../../platform/secrets';
import { Refused } from './refusals';
import type { CommandDeps, Handlers } from './types';

type NotifyDeps = Pick<CommandDeps, 'secrets' | 'remote'>;

export function notifyHandlers(
  deps: NotifyDeps,
): Handlers<'setNotifySecrets' | 'testNotify' | 'detectTelegramChats'> {
  const remote = () => {
    if (deps.remote === undefined) throw new Refused('remote alerts are not available here');
    return deps.remote;
  };
  return {
    async setNotifySecrets(args) {
      const store = deps.secrets;
      if (store === undefined) throw new Refused('this host cannot store secrets');
      const read = await store.read('notify');
      const kept: Partial<StoredNotifySecrets> = read?.broker === 'notify' ? read : {};
      const next: StoredNotifySecrets = { broker: 'notify' };
      for (const name of notifySecretNames) {
        // A text sets it, null removes it, absent keeps what was stored.
        const value = args[name] === undefined ? kept[name] : args[name];
        if (typeof value === 'string') next[name] = value;
      }
      await store.write(next);
      await remote().reload();
      return { stored: notifySecretNames.filter((name) => next[name] !== undefined) };
    },
    async testNotify({ channel }) {
      return deliveryView(await remote().test(channel));
    },
    async detectTelegramChats() {
      return { chats: await remote().detect() };
    },
  };
}
