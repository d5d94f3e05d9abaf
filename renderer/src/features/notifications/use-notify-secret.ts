// One secret of the remote alerts (the bot token, the ntfy token, the webhook secret): whether it is stored (the
// view's names, or the core's answer since), and setNotifySecrets with exactly that key: a text sets it, null
// removes it. The core's refusal is shown beside the field, without the command's name and the key's.
import { useState } from 'react';
import type { NotifyView } from '../../../../shared/ipc';
import { useCommand } from '../../lib/use-command';
import { useView } from '../../state';

export type SecretName = NotifyView['secrets'][number];

const noSecrets: NotifyView['secrets'] = [];

export type NotifySecret = {
  stored: boolean;
  pending: boolean;
  error: string | null;
  /** Resolves true when the core took it. */
  save: (value: string | null) => Promise<boolean>;
};

export function useNotifySecret(name: SecretName): NotifySecret {
  const inView = useView((s) => s.view?.notify?.secrets ?? noSecrets);
  const [send, { pending, error }] = useCommand('setNotifySecrets');
  // The core's answer, until the view brings a newer list.
  const [answered, setAnswered] = useState<{ stored: boolean; basis: readonly string[] } | null>(null);
  const stored = answered !== null && answered.basis === inView ? answered.stored : inView.includes(name);
  const save = async (value: string | null) => {
    const response = await send({ [name]: value });
    if (!response.ok) return false;
    setAnswered({ stored: response.result.stored.includes(name), basis: inView });
    return true;
  };
  return { stored, pending, error: refusalOf(error, name), save };
}

/** "invalid setNotifySecrets: ntfyToken: must not be empty…" → "must not be empty…". */
function refusalOf(error: string | null, name: SecretName): string | null {
  if (error === null) return null;
  const prefix = `invalid setNotifySecrets: ${name}: `;
  return error.startsWith(prefix) ? error.slice(prefix.length) : error;
}
