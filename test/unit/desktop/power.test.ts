// Power: the blocker is held exactly while an account is exposed; sleep and lock warn when something is exposed;
// waking and unlocking force a reconnect of the broker link.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { powerMonitor, powerSaveBlocker, resetElectronFake } from '../../mocks/electron';
import type { ExposedAccount } from '../../../main/core/types';
import { memoryLogger } from '../../../main/platform/logger';
import type { NotificationContent } from '../../../main/desktop/notifications';
import { guardPower } from '../../../main/desktop/power';

vi.mock('electron', () => import('../../mocks/electron'));

const long: ExposedAccount = { id: 'SIM-1', name: 'SIM-50K', openPositions: 1, workingOrders: 0 };
const limitOnly: ExposedAccount = { id: 'SIM-2', name: 'SIM-100K', openPositions: 0, workingOrders: 1 };

function setup() {
  let exposed: ExposedAccount[] = [];
  const reconnects: string[] = [];
  const notified: NotificationContent[] = [];
  const logger = memoryLogger();
  const guard = guardPower({
    exposedAccounts: () => exposed,
    reconnect: (reason) => {
      reconnects.push(reason);
      return Promise.resolve();
    },
    notify: (content) => notified.push(content),
    logger,
  });
  return {
    guard,
    reconnects,
    notified,
    logger,
    expose(accounts: ExposedAccount[]) {
      exposed = accounts;
      guard.update();
    },
  };
}

const heldTypes = () => [...powerSaveBlocker.active.values()];

describe('guardPower', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it('holds one prevent-app-suspension blocker exactly while an account is exposed', () => {
    const s = setup();
    expect(heldTypes()).toEqual([]);
    s.expose([long]);
    expect(heldTypes()).toEqual(['prevent-app-suspension']);
    s.expose([long, limitOnly]);
    s.expose([long]);
    expect(powerSaveBlocker.started).toBe(1);
    s.expose([]);
    expect(heldTypes()).toEqual([]);
    expect(s.guard.holding()).toBe(false);
    s.expose([limitOnly]);
    expect(heldTypes()).toEqual(['prevent-app-suspension']);
    expect(powerSaveBlocker.started).toBe(2);
  });

  it('warns before sleeping with exposure open, critically, naming the accounts', () => {
    const s = setup();
    s.expose([long, limitOnly]);
    powerMonitor.emit('suspend');
    expect(s.notified).toEqual([
      {
        title: 'Sleeping: Warden stops guarding',
        body:
          'SIM-50K, SIM-100K have open exposure. While the computer sleeps no rule is enforced; Warden ' +
          'reconnects and checks everything when it wakes.',
        urgency: 'critical',
      },
    ]);
  });

  it('says nothing on sleep or lock when all accounts are flat', () => {
    const s = setup();
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    expect(s.notified).toEqual([]);
  });

  it('tells on a screen lock that guarding goes on unless the computer sleeps', () => {
    const s = setup();
    s.expose([long]);
    powerMonitor.emit('lock-screen');
    expect(s.notified).toEqual([
      {
        title: 'Screen locked with exposure open',
        body: 'Warden keeps guarding SIM-50K while the screen is locked, but not if the computer goes to sleep.',
        urgency: 'normal',
      },
    ]);
  });

  it('forces a reconnect on resume and on unlock, flat or not', () => {
    const s = setup();
    powerMonitor.emit('resume');
    s.expose([long]);
    powerMonitor.emit('unlock-screen');
    expect(s.reconnects).toEqual(['the system woke from sleep', 'the screen was unlocked']);
  });

  it('releases the blocker and stops listening when disposed', () => {
    const s = setup();
    s.expose([long]);
    s.guard.dispose();
    expect(heldTypes()).toEqual([]);
    powerMonitor.emit('resume');
    expect(s.reconnects).toEqual([]);
  });
});
