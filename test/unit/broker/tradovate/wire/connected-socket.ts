// A socket client connected to a minimal server on a manual clock, with what it pushed and how it ended recorded;
// and a barrier: a request the server answers, so that everything the client sent before it has arrived.
import { expect, vi } from 'vitest';
import type { PushMessage } from '../../../../../main/broker/tradovate/wire/frames';
import {
  connectSocket,
  type SocketConnect,
  type SocketEnd,
  type SocketTiming,
  type TradovateSocket,
} from '../../../../../main/broker/tradovate/wire/socket';
import { memoryLogger } from '../../../../../main/platform/logger';
import { createManualClock } from '../../../../helpers/manual-clock';
import { startMinimalServer, type MinimalServer, type MinimalServerOptions } from './minimal-server';

export const TOKEN = 'eyJ.access.token';

export type Connected = {
  server: MinimalServer;
  clock: ReturnType<typeof createManualClock>;
  logger: ReturnType<typeof memoryLogger>;
  pushes: PushMessage[];
  ends: SocketEnd[];
  connect: SocketConnect;
};

const started: Connected[] = [];

export async function connectToMinimalServer(
  serverOptions: MinimalServerOptions = {},
  timing: Partial<SocketTiming> = {},
  /** Runs after each push is recorded (a test's handler that throws, say). */
  afterPush: (push: PushMessage) => void = () => undefined,
): Promise<Connected> {
  const server = await startMinimalServer(serverOptions);
  const clock = createManualClock(0);
  const logger = memoryLogger();
  const pushes: PushMessage[] = [];
  const ends: SocketEnd[] = [];
  const connecting = connectSocket({
    url: server.url,
    token: TOKEN,
    clock,
    logger,
    onPush: (push) => {
      pushes.push(push);
      afterPush(push);
    },
    onEnd: (end) => ends.push(end),
    timing,
  });
  const connected: Connected = { server, clock, logger, pushes, ends, connect: await connecting };
  started.push(connected);
  return connected;
}

/** The connected socket, failing the test when authorize did not succeed. */
export function socketOf(connected: Connected): TradovateSocket {
  if (!connected.connect.ok) throw new Error(`not connected: ${connected.connect.error}`);
  return connected.connect.socket;
}

/** Sends a request the server answers at once: every text the client sent before it has reached the server. */
export async function barrier(connected: Connected): Promise<void> {
  const before = connected.server.requests().length;
  const outcome = socketOf(connected).request('barrier');
  const requests = await connected.server.waitForRequests(before + 1);
  const id = Number(requests[before]?.split('\n')[1]);
  connected.server.answer(id, 200, {});
  expect(await outcome).toEqual({ kind: 'ok', payload: {} });
}

/** Waits until the client logged `message` (it has read the frame that made it say so). */
export async function logged(connected: Connected, message: string): Promise<void> {
  await vi.waitFor(
    () => {
      expect(connected.logger.lines.map((line) => line.message)).toContain(message);
    },
    { timeout: 5_000 },
  );
}

export async function stopAll(): Promise<void> {
  for (const connected of started.splice(0)) {
    if (connected.connect.ok) connected.connect.socket.close();
    await connected.server.stop();
  }
}
