// The ProjectX adapter's settings: where the gateway is, whose credentials, and the timings (defaults for the
// real service; tests shorten them). docs/API.md section 2 names the variables.
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limiter';
import type { Credentials } from './session';

export type ProjectXTiming = {
  /** The SignalR client's own reconnect delays; when they are spent, the adapter rebuilds the connection. */
  reconnectDelaysMs: readonly number[];
  /** Delays between attempts of the adapter's outer restart loop (the last one repeats). */
  restartDelaysMs: readonly number[];
  /** After a login refused for the credentials themselves: retrying sooner cannot help. */
  badCredentialsRetryMs: number;
  serverTimeoutMs: number;
  keepAliveMs: number;
  requestTimeoutMs: number;
  refreshMarginMs: number;
  positionSettleMs: number;
  resyncDelayMs: number;
  /** With no fill journaled yet, trades are read back this far. */
  tradeLookbackMs: number;
  rateLimit: RateLimit;
  rateLimitBackoffMs: number;
  /**
   * A REST connection the gateway closes sooner than this after the keep-warm ping that opened it counts as not
   * kept: the next ping waits twice as long, up to a minute (main/broker/warm-line.ts).
   */
  warmLineMinGapMs: number;
};

export const DEFAULT_TIMING: ProjectXTiming = {
  reconnectDelaysMs: [0, 2000, 5000, 10_000, 30_000],
  restartDelaysMs: [1000, 2000, 5000, 15_000, 30_000, 60_000],
  badCredentialsRetryMs: 300_000,
  serverTimeoutMs: 30_000,
  keepAliveMs: 15_000,
  requestTimeoutMs: 10_000,
  refreshMarginMs: 1_800_000,
  positionSettleMs: 1000,
  resyncDelayMs: 1000,
  tradeLookbackMs: 24 * 3_600_000,
  rateLimit: DEFAULT_RATE_LIMIT,
  rateLimitBackoffMs: 1000,
  warmLineMinGapMs: 2000,
};

export type ProjectXOptions = {
  apiUrl: string;
  rtcUrl: string;
  credentials: Credentials | null;
  clock: Clock;
  logger: Logger;
  timing?: Partial<ProjectXTiming>;
};

export const DEFAULT_API_URL = 'https://api.topstepx.com';
export const DEFAULT_RTC_URL = 'https://rtc.topstepx.com';

/** The settings the environment gives: URLs and credentials (both or none). */
export function projectXEnvironment(env: NodeJS.ProcessEnv = process.env) {
  const text = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const userName = text('WARDEN_PROJECTX_USERNAME');
  const apiKey = text('WARDEN_PROJECTX_API_KEY');
  return {
    apiUrl: text('WARDEN_PROJECTX_API_URL') ?? DEFAULT_API_URL,
    rtcUrl: text('WARDEN_PROJECTX_RTC_URL') ?? DEFAULT_RTC_URL,
    credentials: userName !== undefined && apiKey !== undefined ? { userName, apiKey } : null,
  };
}
