// Never silently off: a quit asks first while an account is exposed, a close hides the window (and says so once),
// and every way out stops the core before the process ends.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, app, fakeEvent, powerMonitor, resetElectronFake } from '../../mocks/electron';
import type { ExposedAccount } from '../../../main/core/types';
import { memoryLogger } from '../../../main/platform/logger';
import { guardQuit, keepRunningOnClose, quitQuestion, type QuitGuard } from '../../../main/desktop/lifecycle';
import type { Question } from '../../../main/desktop/ask';
import type { BrowserWindow as ElectronWindow } from 'electron';

vi.mock('electron', () => import('../../mocks/electron'));

const sim50k: ExposedAccount = { id: 'SIM-1', name: 'SIM-50K', openPositions: 2, workingOrders: 1 };
const combine: ExposedAccount = { id: 'PX-7', name: 'COMBINE-150K', openPositions: 1, workingOrders: 0 };

/** A quit guard over a controllable exposure, whose questions wait for the test to answer them. */
function setup(exposed: ExposedAccount[] = []) {
  const questions: { question: Question; answer: (yes: boolean) => void }[] = [];
  let stops = 0;
  let finishStop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    finishStop = resolve;
  });
  const logger = memoryLogger();
  const guard = guardQuit({
    exposedAccounts: () => exposed,
    stopCore: () => {
      stops += 1;
      finishStop();
      return Promise.resolve();
    },
    ask: (question) =>
      new Promise<boolean>((resolve) => {
        questions.push({ question, answer: resolve });
      }),
    logger,
    stopTimeoutMs: 10_000,
  });
  const quitted = new Promise<void>((resolve) => {
    app.once('quit', () => {
      resolve();
    });
  });
  return { guard, questions, stops: () => stops, stopped, quitted, logger, exposed };
}

describe('quitQuestion', () => {
  it('names how many accounts and what they hold, one line per account', () => {
    expect(quitQuestion([sim50k, combine])).toEqual({
      message: 'Quit and stop guarding 2 accounts with open positions?',
      detail:
        'SIM-50K: 2 open positions, 1 working order\nCOMBINE-150K: 1 open position, 0 working orders\n\n' +
        'While Warden is not running no rule is enforced: positions and orders stay open at the broker with no ' +
        'daily loss limit, no drawdown limit and no flatten.',
      yes: 'Quit anyway',
      enterMeansYes: false,
    });
  });

  it('says working orders when no account holds a position, and both when they differ', () => {
    const orders: ExposedAccount = { id: 'A', name: 'A', openPositions: 0, workingOrders: 3 };
    expect(quitQuestion([orders]).message).toBe('Quit and stop guarding 1 account with working orders?');
    expect(quitQuestion([orders, combine]).message).toBe(
      'Quit and stop guarding 2 accounts with open positions or working orders?',
    );
  });
});

describe('guardQuit', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it('quits at once, after stopping the core, when every account is flat', async () => {
    const s = setup([]);
    app.quit();
    await s.quitted;
    expect(s.questions).toEqual([]);
    expect(s.stops()).toBe(1);
    expect(app.quitted).toBe(true);
  });

  it('asks before quitting with positions open, and keeps running (core untouched) on Cancel', async () => {
    const s = setup([sim50k, combine]);
    app.quit();
    expect(s.questions.map((q) => q.question.message)).toEqual([
      'Quit and stop guarding 2 accounts with open positions?',
    ]);
    expect(app.quitted).toBe(false);
    // A second quit while the question is open asks nothing more.
    app.quit();
    expect(s.questions).toHaveLength(1);
    s.questions[0]?.answer(false);
    await vi.waitFor(() => {
      expect(s.logger.lines.map((line) => line.message)).toContain('quit cancelled: accounts still exposed');
    });
    expect(s.stops()).toBe(0);
    expect(app.quitted).toBe(false);
    expect(s.guard.quitting()).toBe(false);
    // The next quit asks again.
    app.quit();
    expect(s.questions).toHaveLength(2);
  });

  it('stops the core and quits when the trader confirms', async () => {
    const s = setup([sim50k]);
    app.quit();
    s.questions[0]?.answer(true);
    await s.quitted;
    expect(s.stops()).toBe(1);
    expect(s.logger.lines.find((line) => line.message === 'quit confirmed with accounts exposed')).toEqual({
      level: 'warn',
      message: 'quit confirmed with accounts exposed',
      context: { accounts: ['SIM-1'] },
    });
  });

  it('quits without asking when told to (Ctrl+C), even with an open question', async () => {
    const s = setup([sim50k]);
    app.quit();
    expect(s.questions).toHaveLength(1);
    s.guard.quitWithoutAsking('SIGINT');
    await s.quitted;
    expect(s.stops()).toBe(1);
    // The late answer changes nothing.
    s.questions[0]?.answer(false);
    expect(app.quitted).toBe(true);
  });

  it('stops the core on a macOS/Linux shutdown, delaying it, without a question', async () => {
    const s = setup([sim50k]);
    const event = fakeEvent();
    powerMonitor.emit('shutdown', event);
    await s.quitted;
    expect(event.defaultPrevented).toBe(true);
    expect(s.questions).toEqual([]);
    expect(s.stops()).toBe(1);
  });

  it.each(['query-session-end', 'session-end'])(
    'stops the core on the Windows %s of a log-off, without a question',
    async (eventName) => {
      const s = setup([sim50k]);
      const window = new BrowserWindow();
      s.guard.followWindow(window as unknown as ElectronWindow);
      window.emit(eventName, { reasons: ['logoff'], preventDefault: () => undefined });
      await s.quitted;
      expect(s.questions).toEqual([]);
      expect(s.stops()).toBe(1);
    },
  );
});

describe('keepRunningOnClose', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  function closing(guard: QuitGuard, trayPresent: boolean) {
    const dir = mkdtempSync(join(tmpdir(), 'warden-close-'));
    const window = new BrowserWindow();
    window.show();
    let told = 0;
    const toldFile = join(dir, 'tray-notice-shown');
    keepRunningOnClose(window as unknown as ElectronWindow, {
      guard,
      trayPresent: () => trayPresent,
      onFirstHide: () => {
        told += 1;
      },
      toldFile,
    });
    return { window, told: () => told, toldFile };
  }

  it('hides the window instead of closing it, and says once that Warden keeps guarding', () => {
    const { guard } = setup([sim50k]);
    const c = closing(guard, true);
    c.window.close();
    expect(c.window.destroyed).toBe(false);
    expect(c.window.visible).toBe(false);
    expect(c.told()).toBe(1);
    expect(existsSync(c.toldFile)).toBe(true);
    c.window.show();
    c.window.close();
    expect(c.window.visible).toBe(false);
    expect(c.told()).toBe(1);
  });

  it('minimises instead of hiding when there is no tray to come back from', () => {
    const { guard } = setup([]);
    const c = closing(guard, false);
    c.window.close();
    expect(c.window.destroyed).toBe(false);
    expect(c.window.minimized).toBe(true);
    expect(c.window.visible).toBe(true);
    expect(c.told()).toBe(0);
  });

  it('lets the window close once a quit is under way', async () => {
    const s = setup([]);
    const c = closing(s.guard, true);
    app.quit();
    await s.stopped;
    expect(s.guard.quitting()).toBe(true);
    c.window.close();
    expect(c.window.destroyed).toBe(true);
  });
});
