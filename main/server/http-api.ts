// The HTTP API of docs/API.md: GET /api/health, GET /api/state, POST /api/commands/<name>.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandName } from '../../shared/ipc';
import type { WardenCore } from '../core/types';

/** URL names of the commands (docs/API.md) mapped to the contract's command names. */
const routes: Record<string, CommandName> = {
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

const MAX_BODY_BYTES = 64 * 1024;

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
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

async function readJson(
  request: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      return { ok: false, error: `request body larger than ${MAX_BODY_BYTES} bytes` };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `request body is not JSON: ${(error as Error).message}` };
  }
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** Runs a command posted to /api/commands/<name>: 200 with the result, 400 when invalid or refused, 415 when not JSON. */
export async function postCommand(
  core: WardenCore,
  name: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const command = routes[name];
  if (command === undefined) {
    sendJson(response, 404, {
      ok: false,
      error: `unknown command "${name}"; known: ${Object.keys(routes).join(', ')}`,
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
  const body = await readJson(request);
  if (!body.ok) {
    sendJson(response, 400, { ok: false, error: body.error });
    return;
  }
  const answer = await core.command(command, body.value);
  sendJson(response, answer.ok ? 200 : 400, answer);
}
