// Finer stopwatches inside the core's hops, again without touching product code. The store tap times every call
// into the store (SQLite) while a meter is running: how much of the core's hop is the database; and, all the run
// long, notes each call of 1 ms or more: what holds the main thread up between samples too.
// The wire tap hears each request as the adapter makes it (ProjectX: an HTTP request; Tradovate: a frame on its
// `ws` socket) and as its bytes are written to the socket, splitting the last hop into the adapter's own work, the
// wait until the bytes leave, and the wire plus the gateway's reading; and it counts the client connections
// opened (a call on a warm keep-alive connection or a fresh one).
import { subscribe } from 'node:diagnostics_channel';
import http from 'node:http';
import https from 'node:https';
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

type WireListener = {
  /** A request handed to the network: its URL or path, or a socket frame. */
  made(text: string): void;
  /** Its bytes written to the socket: an HTTP request's head, or a frame once `ws` has written it. */
  written(text: string): void;
};
let wire: WireListener | null = null;
/** Client TCP connections this process has opened: a REST call on a fresh one pays a connect. */
export const clientConnections = { opened: 0 };

/** What a request names: a URL (string or object), or node:http options' path. */
function requestText(target: unknown): string {
  if (typeof target === 'string') return target;
  if (target instanceof URL) return target.href;
  if (target instanceof Request) return target.url;
  const path = (target as { path?: unknown } | null)?.path;
  return typeof path === 'string' ? path : '';
}

/**
 * Patches, once for the process, every way an adapter sends a request: node:http(s)' `request` and `fetch` (REST),
 * and the `ws` socket's `send` (Tradovate's user socket); each later call only changes the listener.
 */
function patchWire(): void {
  for (const module of [http, https]) {
    const request = module.request;
    module.request = (target: unknown, ...rest: unknown[]) => {
      wire?.made(requestText(target));
      return (request as (...args: unknown[]) => ReturnType<typeof http.request>)(target, ...rest);
    };
  }
  const fetching = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    wire?.made(requestText(input));
    return fetching(input, init);
  };
  const prototype = WebSocket.prototype as unknown as { send: (data: unknown, ...rest: unknown[]) => void };
  const send = prototype.send;
  prototype.send = function (this: WebSocket, data: unknown, ...rest: unknown[]) {
    if (typeof data === 'string') wire?.made(data);
    // ws writes the frame to its socket before send returns (masked: its text is not on the wire as such).
    send.call(this, data, ...rest);
    if (typeof data === 'string') wire?.written(data);
  };
  // node:http writes a request's head as text, on the tick after the request was made.
  const socket = net.Socket.prototype as unknown as { write: (...args: unknown[]) => boolean };
  const write = socket.write;
  socket.write = function (this: net.Socket, ...args: unknown[]) {
    const written = write.apply(this, args);
    if (typeof args[0] === 'string') wire?.written(args[0]);
    return written;
  };
  subscribe('net.client.socket', () => {
    clientConnections.opened += 1;
  });
}

/** Tells `listener` of each request as the adapter makes it, and as its bytes are written to the socket. */
export function tapWire(listener: WireListener): void {
  if (wire === null) patchWire();
  wire = listener;
}
