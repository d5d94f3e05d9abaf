// One browser connection: ClientFrame commands in (each validated by the core), responses and pushes out.
import type { RawData, WebSocket } from 'ws';
import { isCommandName, type ServerFrame } from '../../shared/ipc';
import type { PushMessage, WardenCore } from '../core/types';
import type { Logger } from '../platform/logger';

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
}

function parseFrame(data: string): { id: number; command: unknown; args: unknown } | string {
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return 'frame is not JSON';
  }
  if (typeof frame !== 'object' || frame === null) return 'frame is not an object';
  const { id, command, args } = frame as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isInteger(id)) return 'frame.id must be an integer';
  return { id, command, args };
}

function serverFrameOf(message: PushMessage): ServerFrame {
  switch (message.type) {
    case 'state':
      return { type: 'state', state: message.payload };
    case 'alerts':
      return { type: 'alerts', alerts: message.payload };
    case 'alert':
      return { type: 'alert', alert: message.payload };
  }
}

export type SocketLimits = {
  /** A client that leaves more than this of our output unread is dropped (its pushes would pile up in memory). */
  maxUnreadBytes: number;
};

export function attachSocket(ws: WebSocket, core: WardenCore, logger: Logger, limits: SocketLimits): void {
  const send = (frame: ServerFrame) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > limits.maxUnreadBytes) {
      logger.warn('dropped a client that does not read', { unreadBytes: ws.bufferedAmount });
      ws.terminate();
      return;
    }
    ws.send(JSON.stringify(frame));
  };
  // The recent alerts come first (this page missed them), then the state and every push.
  const unsubscribe = core.subscribe((message) => {
    send(serverFrameOf(message));
  });
  send({ type: 'state', state: core.view() });
  ws.on('message', (data, isBinary) => {
    const frame = isBinary ? 'binary frames are not accepted' : parseFrame(rawText(data));
    if (typeof frame === 'string') {
      logger.warn('bad client frame', { reason: frame });
      send({ type: 'error', error: frame });
      return;
    }
    if (!isCommandName(frame.command)) {
      send({
        type: 'response',
        id: frame.id,
        response: { ok: false, error: `unknown command ${JSON.stringify(frame.command)}` },
      });
      return;
    }
    void core.command(frame.command, frame.args).then((response) => {
      send({ type: 'response', id: frame.id, response });
    });
  });
  ws.on('close', unsubscribe);
  ws.on('error', (error) => {
    logger.warn('socket error', { reason: error.message });
  });
}
