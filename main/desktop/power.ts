// The machine must not fall asleep under an open position: while any account is exposed Warden holds a
// `prevent-app-suspension` blocker. When the system sleeps anyway (lid closed, sleep chosen) or the screen locks,
// the trader is told that protection pauses; on wake or unlock the broker link is marked reconnecting at once and
// rebuilt, with a full reconciliation, instead of trusting a socket that may have died in its sleep.
import { powerMonitor, powerSaveBlocker } from 'electron';
import type { ExposedAccount } from '../core/types';
import type { Logger } from '../platform/logger';
import type { NotificationContent } from './notifications';

export type PowerGuardOptions = {
  exposedAccounts: () => ExposedAccount[];
  /** The core's "reconnect now" command. */
  reconnect: (reason: string) => Promise<void>;
  notify: (content: NotificationContent) => void;
  logger: Logger;
};

export type PowerGuard = {
  /** Re-asks whether anything is exposed and holds or releases the blocker to match (call on each state push). */
  update(): void;
  /** True while the blocker is held. */
  holding(): boolean;
  /** Releases the blocker and stops listening. */
  dispose(): void;
};

export function guardPower(options: PowerGuardOptions): PowerGuard {
  const log = options.logger;
  let blocker: number | null = null;
  const exposedNames = (): string[] => options.exposedAccounts().map((account) => account.name);
  const update = (): void => {
    const exposed = options.exposedAccounts().length > 0;
    if (exposed && blocker === null) {
      blocker = powerSaveBlocker.start('prevent-app-suspension');
      log.info('keeping the system awake: accounts are exposed', { blocker });
    } else if (!exposed && blocker !== null) {
      powerSaveBlocker.stop(blocker);
      log.info('the system may sleep again: all accounts are flat', { blocker });
      blocker = null;
    }
  };
  const onSuspend = (): void => {
    const names = exposedNames();
    log.warn('the system is going to sleep', { exposed: names });
    if (names.length === 0) return;
    options.notify({
      title: 'Sleeping: Warden stops guarding',
      body: `${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} open exposure. While the computer sleeps no rule is enforced; Warden reconnects and checks everything when it wakes.`,
      urgency: 'critical',
    });
  };
  const onLock = (): void => {
    const names = exposedNames();
    log.info('the screen is locked', { exposed: names });
    if (names.length === 0) return;
    options.notify({
      title: 'Screen locked with exposure open',
      body: `Warden keeps guarding ${names.join(', ')} while the screen is locked, but not if the computer goes to sleep.`,
      urgency: 'normal',
    });
  };
  const wake = (reason: string) => (): void => {
    log.info('reconnecting to the broker', { reason });
    options.reconnect(reason).catch((error: unknown) => {
      log.error('the reconnect after a wake failed', { reason, error: String(error) });
    });
  };
  const onResume = wake('the system woke from sleep');
  const onUnlock = wake('the screen was unlocked');
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onLock);
  powerMonitor.on('resume', onResume);
  powerMonitor.on('unlock-screen', onUnlock);
  update();
  return {
    update,
    holding: () => blocker !== null,
    dispose() {
      powerMonitor.off('suspend', onSuspend);
      powerMonitor.off('lock-screen', onLock);
      powerMonitor.off('resume', onResume);
      powerMonitor.off('unlock-screen', onUnlock);
      if (blocker !== null) powerSaveBlocker.stop(blocker);
      blocker = null;
    },
  };
}
