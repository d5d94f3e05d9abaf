// @vitest-environment jsdom
// The positions and orders tables share one header row: column headers in order, numbers aligned right, the
// actions column named for screen readers only.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ColumnHeaders } from '../../../renderer/src/components/ColumnHeaders';
import { renderWithState } from './harness';

afterEach(cleanup);

const headers = (table: string) =>
  within(screen.getByRole('table', { name: table }))
    .getAllByRole('columnheader')
    .map((th) => [th.textContent, th.className, th.querySelector('.sr-only') !== null]);

describe('column headers', () => {
  it('name each column, align numbers right, hide the actions title from sight only', () => {
    render(
      <table>
        <ColumnHeaders
          columns={[
            { label: 'Symbol' },
            { label: 'Qty', align: 'right' },
            { label: 'Actions', hidden: true },
          ]}
        />
      </table>,
    );
    expect(screen.getAllByRole('columnheader').map((th) => th.outerHTML)).toEqual([
      '<th scope="col">Symbol</th>',
      '<th scope="col" class="right">Qty</th>',
      '<th scope="col"><span class="sr-only">Actions</span></th>',
    ]);
  });

  it('head the positions and the orders tables', () => {
    renderWithState();
    expect(headers('Open positions')).toEqual([
      ['Symbol', '', false],
      ['Position', '', false],
      ['Avg price', 'right', false],
      ['Mark', 'right', false],
      ['Unrealized', 'right', false],
      ['MFE / MAE', 'right', false],
      ['R', 'right', false],
      ['Stop', '', false],
      ['Actions', '', true],
    ]);
    expect(headers('Working orders')).toEqual([
      ['Order', '', false],
      ['Symbol', '', false],
      ['Side', '', false],
      ['Type', '', false],
      ['Qty', 'right', false],
      ['Price', 'right', false],
      ['Actions', '', true],
    ]);
  });
});
