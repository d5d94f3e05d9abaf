// How a call to the fake Tradovate gateway is answered, over HTTP or the user socket alike: recorded first, then
// (in this order) a scripted 429, a penalty ticket, a scripted reply (late, hanging, refused), else the handler.
// Actions hooked on a call's arrival run before its caller's token is even looked at (`arrive`).
import type { Clock } from '../../../main/platform/clock';
import { handleRest, type Reply, type RestContext } from './rest';

export type Call = {
  via: 'http' | 'socket';
  endpoint: string;
  query: string;
  body: Record<string, unknown>;
  /** The caller's user (null: no or a dead token); login carries none. */
  userId: number | null;
  at: number;
};
/** How the next call(s) to an endpoint are answered instead of the normal way. */
export type Scripted = {
  status?: number;
  body?: unknown;
  /** Answer this late, on the gateway's clock. */
  delayMs?: number;
  /** Never answer. */
  hang?: boolean;
  /** Carry the call out as usual, then answer as scripted. */
  perform?: boolean;
  times?: number;
};
export type Penalty = { ticket: string; timeSec: number; captcha?: boolean };
type Outstanding = Penalty & { issuedAt: number };
/** `hang`: no answer ever; otherwise the reply, `delayMs` late. */
export type Outcome = { hang: true } | { hang: false; reply: Reply; delayMs: number };

/** `onCall` is told of each call as it is recorded, before it is answered (a benchmark's stopwatch). */
export function createPipeline(ctx: RestContext, clock: Clock, onCall?: (call: Call) => void) {
  const calls: Call[] = [];
  const scripts = new Map<string, Scripted[]>();
  const penaltiesDue = new Map<string, Penalty>();
  const outstanding = new Map<string, Outstanding>();
  /** Calls that carried a valid `p-ticket` after their wait, and were served. */
  const ticketResends: Call[] = [];
  const hooks = new Map<string, { action: () => void; times: number }[]>();
  let tooMany = 0;
  let latencyMs = 0;

  const answer = (reply: Reply, delayMs = 0): Outcome => ({ hang: false, reply, delayMs });

  function penalty(call: Call): Outcome | null {
    const due = penaltiesDue.get(call.endpoint);
    if (due !== undefined) {
      penaltiesDue.delete(call.endpoint);
      outstanding.set(call.endpoint, { ...due, issuedAt: clock.now() });
    }
    const ticket = outstanding.get(call.endpoint);
    if (ticket === undefined) return null;
    const waited = clock.now() >= ticket.issuedAt + ticket.timeSec * 1000;
    if (due === undefined && !ticket.captcha && waited && call.body['p-ticket'] === ticket.ticket) {
      outstanding.delete(call.endpoint);
      ticketResends.push(call);
      return null;
    }
    return answer({
      status: 200,
      body: {
        'p-ticket': ticket.ticket,
        'p-time': ticket.timeSec,
        ...(ticket.captcha === true ? { 'p-captcha': true } : {}),
      },
    });
  }

  function scripted(call: Call): Outcome | null {
    const queue = scripts.get(call.endpoint);
    const script = queue?.[0];
    if (script === undefined || queue === undefined) return null;
    script.times = (script.times ?? 1) - 1;
    if (script.times <= 0) queue.shift();
    if (script.perform === true) handle(call);
    if (script.hang === true) return { hang: true };
    return answer({ status: script.status ?? 200, body: script.body }, script.delayMs ?? 0);
  }

  function handle(call: Call): Reply {
    return handleRest(ctx, call.endpoint, new URLSearchParams(call.query), call.body, call.userId);
  }

  return {
    calls,
    ticketResends,
    /** A call to `endpoint` arrives: the action hooked on it, if any, runs now. */
    arrive(endpoint: string): void {
      const hook = hooks.get(endpoint)?.[0];
      if (hook === undefined) return;
      hook.times -= 1;
      if (hook.times <= 0) hooks.get(endpoint)?.shift();
      hook.action();
    },
    dispatch(call: Call): Outcome {
      calls.push(call);
      onCall?.(call);
      if (tooMany > 0) {
        tooMany -= 1;
        return answer({ status: 429, body: 'Too many requests' });
      }
      return penalty(call) ?? scripted(call) ?? answer(handle(call), latencyMs);
    },
    /** Runs `action` when the next `times` calls to `endpoint` arrive, before they are answered. */
    when: (endpoint: string, action: () => void, times = 1) => {
      hooks.set(endpoint, [...(hooks.get(endpoint) ?? []), { action, times }]);
    },
    script: (endpoint: string, reply: Scripted) => {
      scripts.set(endpoint, [...(scripts.get(endpoint) ?? []), reply]);
    },
    /** Every answer the handler gives comes this late (0: at once), over HTTP and the socket alike. */
    setLatency: (ms: number) => {
      latencyMs = ms;
    },
    /** The next `count` calls, to any endpoint, answer 429. */
    tooManyRequests: (count: number) => {
      tooMany = count;
    },
    /** The next call to `endpoint` answers a penalty ticket; it is served again once resent with the ticket, after `p-time`. */
    penalize: (endpoint: string, ticket: Penalty) => {
      penaltiesDue.set(endpoint, ticket);
    },
    clearPenalties: () => {
      penaltiesDue.clear();
      outstanding.clear();
    },
  };
}

export type Pipeline = ReturnType<typeof createPipeline>;
