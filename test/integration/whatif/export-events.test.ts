// `warden export-events`: replay lines (ISO times, money as strings) of the account's rows, and its refusals with
// their exit codes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../main/cli';
import { warden } from './cli-figures';
import { ACCOUNT, journalMonth, MONTH_END } from './month';

const dir = mkdtempSync(join(tmpdir(), 'warden-export-'));
const until = new Date(MONTH_END).toISOString();

beforeAll(() => {
  journalMonth(join(dir, 'warden.db'));
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs `warden ARGS` expecting a refusal: its exit code and what it wrote on stderr. */
async function refused(args: string[]): Promise<{ code: number; stderr: string }> {
  const written: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  const code = await main(args);
  return { code, stderr: written.join('') };
}

describe('warden export-events', () => {
  it('prints the account’s rows of the period as replay lines, the prelude first', async () => {
    const args = ['export-events', '--data-dir', dir, '--account', ACCOUNT, '--days', '1', '--until', until];
    const lines = (await warden(args))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    // The instrument and the balance report of 28 March come first; then 30 April's trading day from its start,
    // 17:00 CDT the day before (its hourly tick).
    expect(lines.slice(0, 2)).toEqual([
      {
        t: '2026-03-28T22:00:00Z',
        type: 'instrument',
        symbol: 'ZS',
        tickSize: '0.25',
        tickValue: '12.5',
        currency: 'USD',
      },
      { t: '2026-03-28T22:00:00Z', type: 'account', account: ACCOUNT, balance: '50000' },
    ]);
    expect(lines[2]).toEqual({ t: '2026-04-29T22:00:00Z', type: 'clock' });
    expect(lines.filter((line) => line.type === 'fill')).toEqual([
      {
        t: '2026-04-30T13:33:00Z',
        type: 'fill',
        account: ACCOUNT,
        id: 'F73',
        orderId: 'O73',
        symbol: 'ZS',
        side: 'buy',
        qty: 2,
        price: '1000',
        fees: '4',
      },
      {
        t: '2026-04-30T14:17:00Z',
        type: 'fill',
        account: ACCOUNT,
        id: 'F74',
        orderId: 'O74',
        symbol: 'ZS',
        side: 'sell',
        qty: 2,
        price: '1004',
        fees: '4',
      },
    ]);
    expect(lines.at(-1)).toEqual({ t: '2026-04-30T21:00:00Z', type: 'clock' });
  });

  it.each([
    [['--data-dir', dir], 2, 'an --account is required'],
    [
      ['--data-dir', dir, '--account', ACCOUNT, '--days', '91'],
      2,
      '--days must be a whole number 1-90, got 91',
    ],
    [
      ['--data-dir', dir, '--account', ACCOUNT, '--until', 'Tuesday'],
      2,
      '--until must be an ISO time, got Tuesday',
    ],
    [
      ['--data-dir', join(dir, 'nowhere'), '--account', ACCOUNT],
      1,
      `no Warden database in ${join(dir, 'nowhere')}`,
    ],
  ])('refuses %j (exit %i)', async (args, code, message) => {
    const answer = await refused(['export-events', ...args]);
    expect(answer.code).toBe(code);
    expect(answer.stderr.split('\n')[0]).toBe(message);
  });
});
