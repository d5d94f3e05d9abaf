// @vitest-environment jsdom
// The firm's own limits (Tradovate's auto-liquidation) under an account's bars: each beside Warden's figure for
// the same measure and which acts first; a Warden limit looser than the firm's is said; nothing for a broker that
// has no limits of its own.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FirmLimitsView } from '../../../shared/ipc';
import { buildFixtureState, fixtureAccount } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

afterEach(cleanup);

const FIRM: FirmLimitsView = {
  source: 'Tradovate auto-liquidation',
  dailyLoss: '1500',
  dailyProfit: '3000',
  trailingDrawdown: '2000',
  trailingMode: 'EOD',
  flattenAt: null,
  changesLocked: true,
};

function render(firmLimits: FirmLimitsView | null | undefined) {
  const account = firmLimits === undefined ? fixtureAccount() : fixtureAccount({ firmLimits });
  return renderWithState(buildFixtureState({ accounts: [account] }));
}

const lineText = (id: string) =>
  [...screen.getByTestId(`firm-limit-${id}`).children].map((child) => child.textContent);

describe("the firm's own limits", () => {
  it("show each beside Warden's figure and say which acts first", () => {
    render(FIRM);
    const panel = within(screen.getByTestId('firm-limits'));
    expect(panel.getByText('Tradovate auto-liquidation · set by the firm, locked')).toBeTruthy();
    // Warden's daily loss is 1,000.00 (tighter), its trailing drawdown 2,000.00 (the same).
    expect(lineText('dailyLoss')).toEqual(['Daily loss', '1,500.00', 'Warden 1,000.00', 'Warden acts first']);
    expect(lineText('trailingDrawdown')).toEqual([
      'Trailing drawdown (end of day)',
      '2,000.00',
      'Warden 2,000.00',
      'the same figure',
    ]);
    expect(lineText('dailyProfit')).toEqual(['Daily profit', '3,000.00']);
    expect(screen.queryByTestId('firm-limit-flatten')).toBeNull();
  });

  it("say when Warden's limit is the looser one", () => {
    render({ ...FIRM, dailyLoss: '800', trailingDrawdown: null, dailyProfit: null });
    expect(lineText('dailyLoss')).toEqual([
      'Daily loss',
      '800.00',
      'Warden 1,000.00',
      "Warden's is looser: the firm liquidates first",
    ]);
    expect(screen.getByTestId('firm-limit-dailyLoss').className).toBe('firm-limit firm-limit-looser');
    expect(screen.queryByTestId('firm-limit-trailingDrawdown')).toBeNull();
  });

  it('say when the firm set none, and are absent for a broker without limits of its own', () => {
    render({ ...FIRM, dailyLoss: null, trailingDrawdown: null, dailyProfit: null, changesLocked: false });
    expect(within(screen.getByTestId('firm-limits')).getByText('None set for this account.')).toBeTruthy();
    cleanup();
    render(undefined);
    expect(screen.queryByTestId('firm-limits')).toBeNull();
    cleanup();
    render(null);
    expect(screen.queryByTestId('firm-limits')).toBeNull();
  });
});
