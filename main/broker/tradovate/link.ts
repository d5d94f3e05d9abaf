// The user socket's life for one connect attempt: a token (the one held, or one login when there is none), the
// socket authorized with it, `user/syncrequest` read into the reconciled snapshot, then `props` pushes mapped in
// arrival order. Every step of the book runs on one serial queue, so a push that arrives while the snapshot is
// read waits for it. A socket that ends, or a `shutdown` push, is a loss of the connection.
import type { BrokerEvent } from '../../../shared/domain/events';
import type { Dec } from '../../../shared/domain/money';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { SerialQueue } from '../serial-queue';
import type { ResumePoint } from '../types';
import type { LoginResult, TradovateAuth, TradovateCredentials } from './auth';
import { notConnected, type Attempt, type Loss } from '../connection';
import type { TradovateMapper } from './events';
import { settleNeeds } from './needs';
import { createPositionOrder } from './position-order';
import { parsePropsPush, parseSyncSnapshot } from './parse/messages';
import { reconcile, type Said } from './reconcile';
import type { PushMessage } from './wire/frames';
import { connectSocket, type SocketEnd, type SocketTiming, type TradovateSocket } from './wire/socket';

export type LinkDeps = {
  url: string;
  credentials: TradovateCredentials;
  auth: TradovateAuth;
  clock: Clock;
  logger: Logger;
  socketTiming: Partial<SocketTiming>;
  queue: SerialQueue;
  mapper: TradovateMapper;
  said: Said;
  feesPerContract: Dec | undefined;
  /** A position report ahead of its fills waits this long for them at most (position-order.ts). */
  positionSettleMs: number;
  emit(events: readonly BrokerEvent[]): void;
  resume(): ResumePoint;
  lose(loss: Loss): void;
};

export type UserLink = {
  /** One attempt: on success the snapshot has been emitted and pushes flow until `drop` or the socket's end. */
  connect(): Promise<Attempt>;
  socket(): TradovateSocket | null;
  drop(): Promise<void>;
};

export function createUserLink(deps: LinkDeps): UserLink {
  const { clock, logger } = deps;
  let current: TradovateSocket | null = null;
  let generation = 0;
  const positions = createPositionOrder({
    clock,
    queue: deps.queue,
    settleMs: deps.positionSettleMs,
    emit: (events) => {
      deps.emit(events);
    },
  });

  const read = (endpoint: string, query: string) =>
    current === null
      ? Promise.resolve({ kind: 'closed' as const, error: `${endpoint}: not connected` })
      : current.request(endpoint, query);
  const needsDeps = {
    mapper: deps.mapper,
    read,
    now: () => clock.now(),
    logger,
    feesPerContract: deps.feesPerContract,
  };

  const drop = async (): Promise<void> => {
    generation += 1;
    positions.stop();
    const socket = current;
    current = null;
    if (socket === null) return;
    socket.close();
    await socket.closed;
  };

  const onPush = (push: PushMessage): void => {
    if (push.event === 'shutdown') {
      deps.lose({
        reason: `Tradovate is shutting the link down (${reasonOf(push.payload)})`,
        planned: false,
      });
      return;
    }
    if (push.event !== 'props') return;
    void deps.queue.run(async () => {
      const parsed = parsePropsPush(push.payload);
      if (!parsed.ok) {
        logger.warn('Tradovate: a props push not understood', { error: parsed.error.message });
        return;
      }
      const mapping = deps.mapper.apply(parsed.value, clock.now());
      positions.push(await settleNeeds(mapping, needsDeps));
    });
  };

  const sync = async (socket: TradovateSocket, userId: string): Promise<Attempt> => {
    const answer = await socket.request('user/syncrequest', undefined, { users: [Number(userId)] });
    if (answer.kind !== 'ok') return notConnected(answer.error);
    const { snapshot, errors } = parseSyncSnapshot(answer.payload);
    for (const error of errors)
      logger.warn('Tradovate: a snapshot row not understood', { error: error.message });
    const mapping = deps.mapper.snapshot(snapshot, clock.now());
    const mapped = await settleNeeds(mapping, needsDeps);
    const accounts = new Set(deps.mapper.book.accounts.keys());
    positions.snapshot(reconcile(mapped, accounts, deps.resume(), deps.said.held(), clock.now()));
    return { ok: true, detail: null };
  };

  return {
    async connect() {
      const token = await tokenFor(deps);
      if (!token.ok) return token.attempt;
      const mine = ++generation;
      const opened = await connectSocket({
        url: deps.url,
        token: token.token,
        clock,
        logger,
        timing: deps.socketTiming,
        onPush: (push) => {
          if (mine === generation) onPush(push);
        },
        onEnd: (end) => {
          if (mine === generation) deps.lose({ reason: describe(end), planned: false });
        },
      });
      if (!opened.ok) {
        if (opened.unauthorized) await replaceToken(deps);
        return notConnected(opened.error);
      }
      current = opened.socket;
      let result: Attempt = notConnected('the snapshot was not read');
      await deps.queue.run(async () => {
        result = await sync(opened.socket, token.userId);
      });
      // A socket without its snapshot is closed: the next attempt opens a fresh one.
      if (!result.ok) await drop();
      return result;
    },
    socket: () => current,
    drop,
  };
}

/** The token held, or one login when there is none (auth itself never logs in twice in a row). */
async function tokenFor(
  deps: LinkDeps,
): Promise<{ ok: true; token: string; userId: string } | { ok: false; attempt: Attempt }> {
  const { auth } = deps;
  const held = auth.accessToken();
  const grant = auth.grant();
  if (held !== null && grant !== null) return { ok: true, token: held, userId: grant.userId };
  const login = await auth.login(deps.credentials);
  if (!login.ok) return { ok: false, attempt: loginRefused(login) };
  return { ok: true, token: login.grant.accessToken, userId: login.grant.userId };
}

/** Retrying a refused login soon cannot help: the trader must act (new credentials, an approval, an hour's wait). */
export const REFUSED_LOGIN_RETRY_MS = 10 * 60_000;

/**
 * A login the trader must act on is told as `login failed (…)` and retried only after a long wait (new
 * credentials retry at once); anything else (the network, a login too soon) is an ordinary failed attempt.
 */
function loginRefused(login: Extract<LoginResult, { ok: false }>): Attempt {
  if (['credentials', 'approvalPending', 'refused', 'captcha'].includes(login.reason))
    return {
      ok: false,
      status: 'disconnected',
      detail: `login failed (${login.error})`,
      delayMs: REFUSED_LOGIN_RETRY_MS,
    };
  return notConnected(login.error);
}

/**
 * The socket refused the token: it is renewed, and the next attempt uses the new one. When the renewal is refused
 * too (401), the server holds the token dead whatever its expiry said, so there is one login; auth.ts spaces
 * logins (one per 5 minutes at most), so a server that keeps refusing never causes a login loop.
 */
export async function replaceToken(deps: Pick<LinkDeps, 'auth' | 'credentials' | 'logger'>): Promise<void> {
  const renewed = await deps.auth.renew();
  if (renewed.ok || renewed.reason !== 'approvalPending') return;
  const login = await deps.auth.login(deps.credentials);
  if (!login.ok)
    deps.logger.warn('Tradovate: the refused token could not be replaced', { error: login.error });
}

function describe(end: SocketEnd): string {
  switch (end.cause) {
    case 'close-frame':
      return `Tradovate closed the link (${end.code} ${end.reason})`;
    case 'socket-closed':
      return `the socket closed (${end.code} ${end.reason})`;
    case 'silence':
      return end.reason;
  }
}

function reasonOf(payload: unknown): string {
  if (typeof payload === 'object' && payload !== null) {
    const { reason, reasonCode } = payload as { reason?: unknown; reasonCode?: unknown };
    if (typeof reason === 'string') return reason;
    if (typeof reasonCode === 'string') return reasonCode;
  }
  return 'no reason given';
}
