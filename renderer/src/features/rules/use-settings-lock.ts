// "Lock my settings for today": confirmed first, then asked of the core, which answers until when.
import { useState } from 'react';
import { useCommand, type CommandState } from '../../lib/use-command';

export type SettingsLock = {
  /** When the lock ends, as the trader reads it; null until the core has locked the settings. */
  lockedUntil: string | null;
  confirming: boolean;
  locking: CommandState;
  ask: () => void;
  cancel: () => void;
  confirm: () => void;
};

export function useSettingsLock(account: string): SettingsLock {
  const [lockSettings, locking] = useCommand('lockSettings');
  const [lockedUntil, setLockedUntil] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  return {
    lockedUntil,
    confirming,
    locking,
    ask: () => {
      setConfirming(true);
    },
    cancel: () => {
      setConfirming(false);
    },
    confirm: () => {
      setConfirming(false);
      void lockSettings({ account }).then((response) => {
        if (response.ok) setLockedUntil(new Date(response.result.lockedUntil).toLocaleString());
      });
    },
  };
}
