// @vitest-environment jsdom
// Position rows: R multiple, stop coverage with the time left before stopRequired acts, and Reduce by one.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithState } from './harness';

afterEach(cleanup);

const row = (symbol: string) => within(screen.getByTestId(`position-${symbol}`));

describe('position protection on screen', () => {
  it('shows R and a protected stop with its price', () => {
    renderWithState();
    expect(row('MNQ').getByTestId('position-r').textContent).toBe('0.41 R');
    expect(row('MNQ').getByTestId('position-stop').textContent).toBe('Protected @ 21420.00');
    expect(row('MNQ').queryByTestId('stop-countdown')).toBeNull();
  });

  it('shows an unprotected position with the countdown to the stop rule', () => {
    renderWithState();
    expect(row('ES').getByTestId('position-r').textContent).toBe('—');
    expect(row('ES').getByTestId('position-stop').textContent).toBe('Unprotected · closes in 8s');
    expect(row('ES').getByTestId('position-stop').className).toBe('stop stop-none');
  });

  it('reduces a position by one contract with closePosition qty 1; a single contract has only Close', () => {
    const host = renderWithState();
    fireEvent.click(row('MNQ').getByRole('button', { name: 'Reduce MNQ by 1' }));
    expect(host.sent).toEqual([
      { command: 'closePosition', args: { account: 'SIM-50K', symbol: 'MNQ', qty: 1 } },
    ]);
    expect(row('ES').queryByTestId('reduce-ES')).toBeNull();
  });
});
