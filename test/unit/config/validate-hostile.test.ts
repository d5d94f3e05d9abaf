// Config documents found by `npm run fuzz` to make validation throw instead of answering: values JSON cannot
// write, which the desktop's IPC can carry (structured clone), are named by their kind in the error.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../shared/config/schema';

describe('hostile config documents', () => {
  it('refuses a BigInt for the whole document (setConfig threw "Do not know how to serialize a BigInt")', () => {
    const result = validateConfig(0n);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toMatch(/a bigint/);
  });

  it('refuses a BigInt balance, naming the field', () => {
    const result = validateConfig({ accounts: { A1: { startingBalance: 50_000n } } });
    expect(result).toEqual({
      ok: false,
      errors: [
        'accounts.A1.startingBalance: must be a number (a JSON number or a decimal string such as "1000.50"), got a bigint',
      ],
    });
  });
});
