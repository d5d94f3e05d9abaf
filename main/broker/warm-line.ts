// Keeps a connection to a broker's REST server open while Warden is connected to the broker, so the command that
// protects an account goes out on a connection already open instead of paying a TCP (and TLS) handshake after a
// quiet spell. Servers close idle connections (node:http after 5 s, others after a minute or two); when the last
// one to the server closes, one light request opens another. A server that does not keep connections, or that asks
// for fewer requests, is pinged less and less often, down to once a minute (docs/ARCHITECTURE.md, "Breach to
// broker").
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';

/** The connections to one server, as json-request.ts keeps them. */
export type ServerConnections = {
  /** How many are open now. */
  open(): number;
  /** Calls `listener` each time one closes; answers the function that stops it. */
  onClosed(listener: () => void): () => void;
};

export type WarmLineOptions = {
  connections: ServerConnections;
  /** One light request to the server: true when it answered (whatever it said), false when not sent or failed. */
  ping(): Promise<boolean>;
  clock: Clock;
  logger: Logger;
  /** A connection that closes sooner than this after its ping answered counts as not kept (default 2 s). */
  minGapMs?: number;
};

export type WarmLine = {
  /** Keep the line open (true) or let it go (false). */
  hold(on: boolean): void;
};

const MAX_GAP_MS = 60_000;

export function createWarmLine(options: WarmLineOptions): WarmLine {
  const { connections, clock, logger } = options;
  const minGap = options.minGapMs ?? 2000;
  let held = false;
  let pinging = false;
  /** The connection the last ping answered on is still the line. */
  let pinged = false;
  let answeredAt = 0;
  /** The earliest a ping may start, and how far a failing or short-lived line pushes the next one. */
  let nextAt = 0;
  let gap = minGap;
  let cancelWait: (() => void) | undefined;
  let stopListening: (() => void) | undefined;

  const backOff = (from: number) => {
    gap = Math.min(gap * 2, MAX_GAP_MS);
    nextAt = from + gap;
  };

  const check = () => {
    if (!held || pinging || cancelWait !== undefined || connections.open() > 0) return;
    const wait = nextAt - clock.now();
    if (wait > 0) {
      cancelWait = clock.setTimeout(() => {
        cancelWait = undefined;
        check();
      }, wait);
      return;
    }
    pinging = true;
    void options.ping().then(settled, () => {
      settled(false);
    });
  };

  const settled = (answered: boolean) => {
    pinging = false;
    answeredAt = clock.now();
    pinged = answered && connections.open() > 0;
    if (!pinged) {
      backOff(answeredAt);
      logger.debug('the line to the broker did not stay open', { retryInMs: gap });
    }
    check();
  };

  const closed = () => {
    if (!held || pinging || connections.open() > 0) return;
    if (pinged) {
      pinged = false;
      const lasted = clock.now() - answeredAt;
      if (lasted < minGap) backOff(answeredAt);
      else gap = minGap;
    }
    check();
  };

  return {
    hold(on) {
      if (on === held) return;
      held = on;
      if (on) {
        stopListening = connections.onClosed(closed);
        check();
        return;
      }
      stopListening?.();
      stopListening = undefined;
      cancelWait?.();
      cancelWait = undefined;
    },
  };
}
