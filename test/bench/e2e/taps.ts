// Finer stopwatches inside the core's hops, again without touching product code. The store tap times every call
// into the store (SQLite) while a meter is running: how much of the core's hop is the database; and, all the run
// long, notes each call of 1 ms or more: what holds the main thread up between samples too.
// The wire tap hears each request as the adapter hands it to its socket (ProjectX: a REST request's text;
// Tradovate: a frame to its `ws` socket), splitting the last hop into the adapter's own work and the wire plus the
// gateway's reading; and it counts the client connections opened (a call on a warm keep-alive connection or a
// fresh one). The two cannot be split further on one machine: a write to a loopback socket can wake the gateway's
// thread on the writer's own core, which then reads the request before the write has returned.
import { subscribe } from 'node:diagnostics_channel';
import net from 'node:net';
import WebSocket from 'ws';
import type { Store } from '../../../main/store';

/** Time spent in store calls while running, in all and per call (`journal.appendMany`). */
export type StoreCall = { count: number; ns: bigint };
/** Store calls of 1 ms or more, per call: how many, and the longest. */
export type SlowCall = { count: number; maxNs: bigint };
export type StoreMeter = {
  running: boolean;
  ns: bigint;
  calls: Map<string, StoreCall>;
  slow: Map<string, SlowCall>;
  reset(): void;
};

const SLOW_NS = 1_000_000n;

export function storeMeter(): StoreMeter {
  return {
    running: false,
    ns: 0n,
    calls: new Map(),
    slow: new Map(),
    reset() {
      this.running = false;
      this.ns = 0n;
      this.calls = new Map();
    },
  };
}

/** `fn` timed: always for the slow-call record, and into the running meter's totals. */
function timedCall(label: string, fn: (...args: unknown[]) => unknown, meter: StoreMeter) {
  return (...args: unknown[]): unknown => {
    const started = process.hrtime.bigint();
    try {
      return fn(...args);
    } finally {
      const took = process.hrtime.bigint() - started;
      if (took >= SLOW_NS) {
        const slow = meter.slow.get(label) ?? { count: 0, maxNs: 0n };
        meter.slow.set(label, { count: slow.count + 1, maxNs: took > slow.maxNs ? took : slow.maxNs });
      }
      if (meter.running) {
        const call = meter.calls.get(label) ?? { count: 0, ns: 0n };
        meter.ns += took;
        meter.calls.set(label, { count: call.count + 1, ns: call.ns + took });
      }
    }
  };
}

/** `target` with each of its methods timed under `name.method`; other properties through `inner`. */
function timedObject<T extends object>(
  name: string,
  target: T,
  meter: StoreMeter,
  inner: (key: PropertyKey, value: unknown) => unknown = (_, value) => value,
): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (!wrapped.has(key)) {
        const call = (...args: unknown[]) => Reflect.apply(value as () => unknown, object, args) as unknown;
        wrapped.set(
          key,
          typeof value === 'function' ? timedCall(`${name}.${String(key)}`, call, meter) : inner(key, value),
        );
      }
      return wrapped.get(key);
    },
  });
}

/** The store with its methods and each repository's timed by `meter`. */
export function timedStore(store: Store, meter: StoreMeter): Store {
  return timedObject('store', store, meter, (key, value) =>
    typeof value === 'object' && value !== null ? timedObject(String(key), value, meter) : value,
  );
}

/** Hears a request as it is handed to its socket: an HTTP request's text, or a frame's. */
type WireListener = (text: string) => void;
let wire: WireListener | null = null;
/** Client TCP connections this process has opened: a REST call on a fresh one pays a connect. */
export const clientConnections = { opened: 0 };

/**
 * Patches, once for the process, the two ways an adapter sends a command: a REST request written to its socket as
 * one text (ProjectX, json-request.ts), and the `ws` socket's `send` (Tradovate's user socket); each later call only
 * changes the listener.
 */
function patchWire(): void {
  const prototype = WebSocket.prototype as unknown as { send: (data: unknown, ...rest: unknown[]) => void };
  const send = prototype.send;
  prototype.send = function (this: WebSocket, data: unknown, ...rest: unknown[]) {
    // Masked on the wire, so heard here rather than at the socket.
    if (typeof data === 'string') wire?.(data);
    send.call(this, data, ...rest);
  };
  // A REST request's head and body go to the socket as one text, in the adapter's turn.
  const socket = net.Socket.prototype as unknown as { write: (...args: unknown[]) => boolean };
  const write = socket.write;
  socket.write = function (this: net.Socket, ...args: unknown[]) {
    if (typeof args[0] === 'string') wire?.(args[0]);
    return write.apply(this, args);
  };
  subscribe('net.client.socket', () => {
    clientConnections.opened += 1;
  });
}

/** Tells `listener` of each request as the adapter hands it to its socket. */
export function tapWire(listener: WireListener): void {
  if (wire === null) patchWire();
  wire = listener;
}
