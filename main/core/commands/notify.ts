// The remote alerts' commands (docs/RULES.md section 13): their secrets stored like broker credentials (and the
// channels rebuilt with them), a test message to one channel, and the chats that sent /start to the bot.
import { deliveryView } from '../../notify/remote-alerts';
import { notifySecretNames, type StoredNotifySecrets } from '../../platform/secrets';
import { Refused } from './refusals';
import type { CommandDeps, Handlers } from './types';

type NotifyDeps = Pick<CommandDeps, 'secrets' | 'remote' | 'config'>;

/**
 * The ntfy server a token entered now is for: the topic URL in force. The token is sent to that origin only, so
 * moving the topic URL elsewhere (with the API token, say) cannot carry it to another server.
 */
function ntfyOriginInForce(deps: NotifyDeps): string {
  const url = deps.config.inForce()?.notify?.ntfy?.url;
  if (url === undefined)
    throw new Refused('apply an ntfy topic URL first: its access token is kept for that server only');
  return new URL(url).origin;
}

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
      if (typeof args.ntfyToken === 'string') next.ntfyTokenOrigin = ntfyOriginInForce(deps);
      else if (next.ntfyToken !== undefined && kept.ntfyTokenOrigin !== undefined)
        next.ntfyTokenOrigin = kept.ntfyTokenOrigin;
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
