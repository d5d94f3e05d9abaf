// @vitest-environment jsdom
// A long positions list renders the rows in its scroll box and stands in for the rest with spacers; scrolling
// brings the others in, and the row holding keyboard focus stays rendered when scrolled away from.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PositionsTable } from '../../../renderer/src/features/positions/PositionsTable';
import type { PositionView } from '../../../shared/ipc';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState } from './harness';

afterEach(cleanup);

function manyPositions(count: number) {
  const state = buildFixtureState();
  const account = state.accounts[0];
  const template = account?.positions[0];
  if (account === undefined || template === undefined) throw new Error('fixture has no position');
  account.positions = Array.from({ length: count }, (_, i): PositionView => ({
    ...template,
    symbol: `P${String(i).padStart(2, '0')}`,
  }));
  return state;
}

const renderedRows = () =>
  screen.queryAllByTestId(/^position-P/).map((row) => row.getAttribute('data-testid')?.slice(9));

function scrollTo(px: number): void {
  const box = screen.getByTestId('positions-scroll');
  Object.defineProperty(box, 'scrollTop', { value: px, configurable: true });
  fireEvent.scroll(box);
}

describe('a long positions list', () => {
  it('renders the rows in view (540 px of 44 px rows) and 6 more; the table still counts all of them', () => {
    renderWithState(manyPositions(60), { ui: <PositionsTable accountId="SIM-50K" /> });
    expect(renderedRows()).toEqual(Array.from({ length: 19 }, (_, i) => `P${String(i).padStart(2, '0')}`));
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('61');
    expect(screen.getByTestId('position-P00').getAttribute('aria-rowindex')).toBe('2');
    const spacer = document.querySelector<HTMLTableCellElement>('.row-spacer td');
    expect(spacer?.style.height).toBe(`${(60 - 19) * 44}px`);
  });

  it('brings rows in as it scrolls, and keeps the focused row', () => {
    renderWithState(manyPositions(60), { ui: <PositionsTable accountId="SIM-50K" /> });
    act(() => {
      screen.getByTestId('close-P01').focus();
    });
    act(() => {
      scrollTo(40 * 44);
    });
    // In view: rows 40–52 (40 × 44 px scrolled, 540 px tall), 6 more either side; P01 alone above them.
    expect(renderedRows()).toEqual(['P01', ...Array.from({ length: 25 }, (_, i) => `P${34 + i}`)]);
    const gaps = [...document.querySelectorAll<HTMLTableCellElement>('.row-spacer td')].map(
      (td) => td.style.height,
    );
    expect(gaps).toEqual([`${1 * 44}px`, `${32 * 44}px`, `${1 * 44}px`]);
    expect(document.activeElement).toBe(screen.getByTestId('close-P01'));
  });

  it('renders a short list whole, without spacers', () => {
    renderWithState(undefined, { ui: <PositionsTable accountId="SIM-50K" /> });
    expect(screen.getAllByRole('row').map((row) => row.getAttribute('data-testid'))).toEqual([
      null,
      'position-MNQ',
      'position-ES',
    ]);
    expect(document.querySelector('.row-spacer')).toBeNull();
  });
});
