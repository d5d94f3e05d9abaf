// Access tokens of the fake Tradovate gateway: issued by login or renewal with an `expirationTime` on the injected
// clock, counted separately so a test can tell "renewed" from "logged in again".
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../main/platform/clock';

export type Grant = { accessToken: string; mdAccessToken: string; expirationTime: string };
type Issued = { userId: number; expiresAt: number };

export function createTokens(clock: Clock, lifetimeMs: number) {
  const issued = new Map<string, Issued>();
  const counts = { logins: 0, renewals: 0 };
  /** While set, tokens are issued but refused (401): a second factor or a device approval is pending. */
  let pendingApproval = false;
  const pending = new Set<string>();

  function grant(userId: number): Grant {
    const expiresAt = clock.now() + lifetimeMs;
    const make = (kind: string) => `${kind}-${userId}-${randomBytes(12).toString('hex')}`;
    const accessToken = make('at');
    const mdAccessToken = make('md');
    for (const token of [accessToken, mdAccessToken]) {
      issued.set(token, { userId, expiresAt });
      if (pendingApproval) pending.add(token);
    }
    return { accessToken, mdAccessToken, expirationTime: new Date(expiresAt).toISOString() };
  }

  return {
    counts,
    login(userId: number): Grant {
      counts.logins += 1;
      return grant(userId);
    },
    renew(userId: number): Grant {
      counts.renewals += 1;
      return grant(userId);
    },
    /** The user a live token belongs to; null when unknown, expired or pending approval. */
    userOf(token: string | null): number | null {
      const found = token === null ? undefined : issued.get(token);
      if (found === undefined || token === null || pending.has(token) || clock.now() >= found.expiresAt)
        return null;
      return found.userId;
    },
    isMdToken: (token: string) => token.startsWith('md-'),
    expireAll() {
      for (const entry of issued.values()) entry.expiresAt = Math.min(entry.expiresAt, clock.now());
    },
    setPendingApproval(on: boolean) {
      pendingApproval = on;
      if (!on) pending.clear();
    },
  };
}

export type Tokens = ReturnType<typeof createTokens>;
