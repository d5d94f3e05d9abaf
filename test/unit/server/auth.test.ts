// The token `warden serve` requires: the trader's own when set, a fresh one when not, never an empty one.
import { describe, expect, it } from 'vitest';
import { serverToken } from '../../../main/server/auth';

describe('serverToken', () => {
  it('keeps the token set in WARDEN_TOKEN, without surrounding blanks', () => {
    expect(serverToken('my-own-token')).toBe('my-own-token');
    expect(serverToken('  my-own-token\n')).toBe('my-own-token');
  });

  it.each([
    ['unset', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('makes a fresh 32-character token when WARDEN_TOKEN is %s', (_case, configured) => {
    const token = serverToken(configured);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(serverToken(configured)).not.toBe(token);
  });
});
