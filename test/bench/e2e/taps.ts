// Two finer stopwatches inside the core's hops, again without touching product code. The store tap times every
// call into the store's repositories (SQLite) while a meter is running: how much of the core's hop is the database.
// The wire tap hears each request as the adapter hands it to the network (ProjectX: an HTTP request; Tradovate: a
// frame on its `ws` socket), splitting the last hop into the adapter's own work and the wire plus the gateway's
// reading, and counts the client connections opened (a call on a warm keep-alive connection or a fresh one).
import { subscribe } from 'node:diagnostics_channel';
import http from 'node:http';
import https from 'node:https';
import WebSocket from 'ws';
import type { Store } from '../../../main/store';

/** Time spent in store calls while running, in all and per call (`journal.appendMany`). */
export type StoreCall = { count: number; ns: bigint };
export type StoreMeter = {
  running: boolean;
  ns: bigint;
  calls: Map<string, StoreCall>;
  reset(): void;
};

export function storeMeter(): StoreMeter {
  return {
    running: false,
    ns: 0n,
    calls: new Map(),
    reset() {
      this.running = false;
      this.ns = 0n;
      this.calls = new Map();
    },
  };
}

function timedRepository<T extends object>(name: string, repository: T, meter: StoreMeter): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(repository, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      if (!wrapped.has(key)) {
        const label = `${name}.${String(key)}`;
        wrapped.set(key, (...args: unknown[]): unknown => {
          if (!meter.running) return Reflect.apply(value, target, args) as unknown;
          const started = process.hrtime.bigint();
          try {
            return Reflect.apply(value, target, args) as unknown;
          } finally {
            const took = process.hrtime.bigint() - started;
            const call = meter.calls.get(label) ?? { count: 0, ns: 0n };
            meter.ns += took;
            meter.calls.set(label, { count: call.count + 1, ns: call.ns + took });
          }
        });
      }
      return wrapped.get(key);
    },
  });
}

/** The store with each repository's methods timed by `meter` (the store's own close and compact are not). */
export function timedStore(store: Store, meter: StoreMeter): Store {
  const repositories = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'object' || value === null) return value;
      if (!repositories.has(key)) repositories.set(key, timedRepository(String(key), value, meter));
      return repositories.get(key);
    },
  });
}

let hearWrite: ((text: string) => void) | null = null;
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
      hearWrite?.(requestText(target));
      return (request as (...args: unknown[]) => ReturnType<typeof http.request>)(target, ...rest);
    };
  }
  const fetching = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    hearWrite?.(requestText(input));
    return fetching(input, init);
  };
  const prototype = WebSocket.prototype as unknown as { send: (data: unknown, ...rest: unknown[]) => void };
  const send = prototype.send;
  prototype.send = function (this: WebSocket, data: unknown, ...rest: unknown[]) {
    if (typeof data === 'string') hearWrite?.(data);
    send.call(this, data, ...rest);
  };
  subscribe('net.client.socket', () => {
    clientConnections.opened += 1;
  });
}

/** Calls `onWrite` with each request's text (its URL or path, a socket frame) as the adapter sends it. */
export function tapWire(onWrite: (text: string) => void): void {
  if (hearWrite === null) patchWire();
  hearWrite = onWrite;
}
