// The HTTP API of docs/API.md: GET /api/health, GET /api/state, POST /api/commands/<name>.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandName } from '../../shared/ipc';
import type { WardenCore } from '../core/types';

/** URL names of the commands (docs/API.md) mapped to the contract's command names. */
export const commandRoutes: Readonly<Record<string, CommandName>> = {
  flatten: 'flatten',
  order: 'placeOrder',
  cancel: 'cancelOrder',
  close: 'closePosition',
  lock: 'lock',
  reset: 'resetLock',
  'confirm-day': 'confirmDayStart',
  demo: 'setDemo',
  config: 'setConfig',
  'settings-lock': 'lockSettings',
  credentials: 'setCredentials',
  'guard-account': 'setAccountGuarded',
  'notify-secrets': 'setNotifySecrets',
  'test-notify': 'testNotify',
  'detect-telegram-chats': 'detectTelegramChats',
};

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}

export function health(core: WardenCore, version: string): Record<string, unknown> {
  const view = core.view();
  return {
    ok: true,
    name: 'warden',
    version,
    broker: view.connection.broker,
    status: view.connection.status,
  };
}

type BodyRead = { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: string };

/**
 * The body as JSON, read only up to `maxBytes`: a larger one (by its Content-Length, or as it streams in without
 * one) is refused before more of it is held. The request is left paused, not destroyed, so the 413 still goes out;
 * the connection then closes (postCommand) and the rest is never read.
 */
async function readJson(request: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  const tooLarge = { ok: false, status: 413, error: `request body larger than ${maxBytes} bytes` } as const;
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) return tooLarge;
  const bytes = await readUpTo(request, maxBytes);
  if (bytes === null) return tooLarge;
  const text = bytes.toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, status: 400, error: `request body is not JSON: ${(error as Error).message}` };
  }
}

/** The whole body, or null as soon as it passes `maxBytes` (the request is then paused where it is). */
function readUpTo(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      stop();
      request.pause();
      resolve(null);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * Runs a command posted to /api/commands/<name>: 200 with the result, 400 when invalid or refused, 413 when the body
 * is larger than `maxBodyBytes`, 415 when not JSON.
 */
export async function postCommand(
  core: WardenCore,
  name: string,
  request: IncomingMessage,
  response: ServerResponse,
  maxBodyBytes: number,
): Promise<void> {
  // Own routes only: "constructor" or "toString" in the URL is every object's, not a command.
  const command = Object.hasOwn(commandRoutes, name) ? commandRoutes[name] : undefined;
  if (command === undefined) {
    sendJson(response, 404, {
      ok: false,
      error: `unknown command "${name}"; known: ${Object.keys(commandRoutes).join(', ')}`,
    });
    return;
  }
  if (!isJson(request.headers['content-type'])) {
    // A form or text/plain POST needs no CORS preflight: only a JSON body proves a script asked for it.
    sendJson(response, 415, {
      ok: false,
      error: 'send the command as JSON (Content-Type: application/json)',
    });
    return;
  }
  const body = await readJson(request, maxBodyBytes);
  if (!body.ok) {
    // The rest of a body too large is not worth reading: the connection ends with the answer.
    if (body.status === 413) response.shouldKeepAlive = false;
    sendJson(response, body.status, { ok: false, error: body.error });
    return;
  }
  const answer = await core.command(command, body.value);
  sendJson(response, answer.ok ? 200 : 400, answer);
}
