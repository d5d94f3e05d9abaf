// @vitest-environment jsdom
// The header says where open P&L comes from: a warning chip while it is read from the broker's snapshots (how often
// and how old the newest is, on the core's clock; why in its tooltip), a quiet one while quotes are live (and it
// is connected), none on the simulator. The snapshot detail is not said a second time beside "connected".
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PnlSourceView, StateView } from '../../../shared/ipc';
import { buildFixtureState, FIXTURE_SERVER_TIME } from '../../helpers/fixture-state';
import { renderWithState, tradovateOn } from './harness';

const SERVER_MS = Date.parse(FIXTURE_SERVER_TIME);
const WHY = 'no quote in 10 s';

beforeEach(() => {
  // The page's clock stands still unless the test moves it: the age is exact.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(SERVER_MS + 60_000);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const onTradovate = (pnlSource: PnlSourceView, detail: string | null = null): StateView =>
  buildFixtureState({
    connection: {
      broker: 'tradovate',
      status: 'connected',
      detail,
      credentials: 'stored',
      login: tradovateOn('demo'),
      pnlSource,
    },
  });
const snapshots = (lastAt: string | null): PnlSourceView => ({
  source: 'snapshots',
  everySeconds: 2,
  lastAt,
  why: WHY,
});
const secondsBefore = (s: number) => new Date(SERVER_MS - s * 1000).toISOString();
const chip = () => screen.getByTestId('pnl-source');

describe('where the P&L comes from', () => {
  it('says "from broker snapshots", every how many seconds and how old, as a warning with the reason', () => {
    renderWithState(
      onTradovate(snapshots(secondsBefore(3.6)), `P&L from broker snapshots (2 s): no market data (${WHY})`),
    );
    expect(chip().textContent).toBe('P&L from broker snapshots · every 2 s · 3 s old');
    expect(chip().classList).toContain('pnl-source-warn');
    expect(chip().title).toBe(
      "No market data (no quote in 10 s): open P&L is read from the broker's cash-balance snapshots every 2 s",
    );
  });

  it('does not repeat the snapshot detail beside "connected"', () => {
    renderWithState(
      onTradovate(snapshots(secondsBefore(1)), `P&L from broker snapshots (2 s): no market data (${WHY})`),
    );
    expect(screen.getByTestId('connection-status').textContent).toBe('tradovateconnected');
    expect(screen.getByTestId('connection-status').classList).toContain('conn-ok');
    expect(screen.queryByTestId('connection-reason')).toBeNull();
  });

  it('counts the age on the core clock between pushes', () => {
    renderWithState(onTradovate(snapshots(secondsBefore(0))));
    expect(chip().textContent).toBe('P&L from broker snapshots · every 2 s · 0 s old');
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(chip().textContent).toBe('P&L from broker snapshots · every 2 s · 5 s old');
  });

  it('says it waits for the first snapshot before one was read', () => {
    renderWithState(onTradovate(snapshots(null)));
    expect(chip().textContent).toBe('P&L from broker snapshots · every 2 s · waiting for the first');
  });

  it('is a quiet "P&L live" while quotes come', () => {
    renderWithState(onTradovate({ source: 'quotes' }));
    expect(chip().textContent).toBe('P&L live');
    expect(chip().classList).toContain('pnl-source-quiet');
  });

  it('does not say "live" while Tradovate is not connected', () => {
    const state = onTradovate({ source: 'quotes' });
    renderWithState({ ...state, connection: { ...state.connection, status: 'reconnecting' } });
    expect(screen.queryByTestId('pnl-source')).toBeNull();
  });

  it('is absent on the simulator', () => {
    renderWithState(buildFixtureState());
    expect(screen.queryByTestId('pnl-source')).toBeNull();
  });
});
