// The poller's back-off as a table: 1 s doubling per failure in a row, capped at 60 s, never shorter than flood
// control's retry_after.
import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../main/notify/telegram/poller';

describe('backoffMs', () => {
  it.each([
    { failures: 1, retryAfter: null, ms: 1_000 },
    { failures: 2, retryAfter: null, ms: 2_000 },
    { failures: 3, retryAfter: null, ms: 4_000 },
    { failures: 6, retryAfter: null, ms: 32_000 },
    { failures: 7, retryAfter: null, ms: 60_000 },
    { failures: 50, retryAfter: null, ms: 60_000 },
    { failures: 1, retryAfter: 3, ms: 3_000 },
    { failures: 3, retryAfter: 3, ms: 4_000 },
    { failures: 1, retryAfter: 0, ms: 1_000 },
    { failures: 7, retryAfter: 90, ms: 90_000 },
  ])('failure $failures in a row, retry_after $retryAfter: $ms ms', ({ failures, retryAfter, ms }) => {
    expect(backoffMs(failures, retryAfter)).toBe(ms);
  });
});
