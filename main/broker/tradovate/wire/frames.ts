// Tradovate's WebSocket framing (docs/brokers/TRADOVATE.md section 4) as pure functions: a server frame read into
// a typed value (a malformed one into a value naming what was wrong, never a throw that would kill the socket),
// and the client's requests written as text. Fields the client does not use are ignored.

/** The pushes the adapter knows; any other name arrives as `other` with its name kept. */
export const PUSH_EVENTS = ['props', 'md', 'chart', 'shutdown'] as const;
export type PushEvent = (typeof PUSH_EVENTS)[number];

export type PushMessage =
  | { kind: 'push'; event: PushEvent; payload: unknown }
  | { kind: 'push'; event: 'other'; name: string; payload: unknown };

/** `id` is null for a status the server sent without a request id (`{"s":429}` is reported that way). */
export type ResponseMessage = { kind: 'response'; id: number | null; status: number; payload: unknown };

/** One entry of an `a` frame that is neither a response nor a push: the others in the frame still count. */
export type MalformedMessage = { kind: 'malformed'; error: string };

export type ServerMessage = ResponseMessage | PushMessage | MalformedMessage;

export type ServerFrame =
  | { kind: 'open' }
  | { kind: 'heartbeat' }
  | { kind: 'messages'; messages: ServerMessage[] }
  | { kind: 'close'; code: number; reason: string };

export type MalformedFrame = { kind: 'malformed'; error: string };

/** The client's heartbeat: sent about every 2.5 s or the server drops the link. */
export const HEARTBEAT = '[]';

/** How much of a bad frame an error quotes: enough to recognise it, not a whole snapshot. */
const QUOTE_CHARS = 60;

export function parseFrame(text: string): ServerFrame | MalformedFrame {
  const type = text.charAt(0);
  const rest = text.slice(1);
  switch (type) {
    case '':
      return malformed('empty frame');
    case 'o':
    case 'h':
      if (rest !== '') return malformed(`"${type}" frame with content: ${quote(text)}`);
      return type === 'o' ? { kind: 'open' } : { kind: 'heartbeat' };
    case 'a':
      return parseMessages(rest);
    case 'c':
      return parseClose(rest);
    default:
      return malformed(`unknown frame type "${type}": ${quote(text)}`);
  }
}

function parseMessages(json: string): ServerFrame | MalformedFrame {
  const value = parseJson(json);
  if (value === NOT_JSON) return malformed(`"a" frame is not JSON: ${quote(json)}`);
  if (!Array.isArray(value)) return malformed(`"a" frame is not an array: ${quote(json)}`);
  return { kind: 'messages', messages: value.map((item: unknown, index) => parseMessage(item, index)) };
}

/** A push when `e` names an event, else a response when `s` is a status; `d` may be absent (undefined). */
export function parseMessage(item: unknown, index: number): ServerMessage {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return { kind: 'malformed', error: `message ${index} is not an object: ${quote(JSON.stringify(item))}` };
  const record = item as Record<string, unknown>;
  const event = record.e;
  if (event !== undefined) {
    if (typeof event !== 'string' || event === '')
      return { kind: 'malformed', error: `message ${index}: "e" is not an event name (${describe(event)})` };
    return (PUSH_EVENTS as readonly string[]).includes(event)
      ? { kind: 'push', event: event as PushEvent, payload: record.d }
      : { kind: 'push', event: 'other', name: event, payload: record.d };
  }
  const status = record.s;
  if (status === undefined)
    return { kind: 'malformed', error: `message ${index} has neither "e" (a push) nor "s" (a response)` };
  if (!Number.isInteger(status))
    return { kind: 'malformed', error: `message ${index}: "s" is not a status (${describe(status)})` };
  const id = record.i;
  if (id !== undefined && !(Number.isInteger(id) && (id as number) >= 0))
    return { kind: 'malformed', error: `message ${index}: "i" is not a request id (${describe(id)})` };
  return {
    kind: 'response',
    id: (id as number | undefined) ?? null,
    status: status as number,
    payload: record.d,
  };
}

function parseClose(json: string): ServerFrame | MalformedFrame {
  const value = parseJson(json);
  const [code, reason] = Array.isArray(value) ? (value as unknown[]) : [];
  if (!Number.isInteger(code) || !(reason === undefined || typeof reason === 'string'))
    return malformed(`"c" frame is not [code, "reason"]: ${quote(json)}`);
  return { kind: 'close', code: code as number, reason: reason ?? '' };
}

export type Request = {
  endpoint: string;
  id: number;
  /** `id=5` or `{ id: 5 }`; empty when absent. */
  query?: string | Record<string, string | number>;
  /** Sent as JSON; nothing when absent. */
  body?: unknown;
};

/** `endpoint\nid\nquery\nbody`. A newline inside a field would shift the others: refused as a programming error. */
export function encodeRequest(request: Request): string {
  const query =
    typeof request.query === 'string'
      ? request.query
      : new URLSearchParams(
          Object.entries(request.query ?? {}).map(([name, value]): [string, string] => [name, String(value)]),
        ).toString();
  const body = request.body === undefined ? '' : JSON.stringify(request.body);
  return [
    oneLine('endpoint', request.endpoint),
    String(request.id),
    oneLine('query', query),
    body, // JSON.stringify escapes line breaks inside strings
  ].join('\n');
}

/** The first request on every socket: always id 0, no query, the raw token as its body. */
export function encodeAuthorize(token: string): string {
  return `authorize\n0\n\n${oneLine('token', token)}`;
}

/** The field's value is not quoted: it may be the token. */
function oneLine(name: string, field: string): string {
  if (/[\r\n]/.test(field)) throw new Error(`a Tradovate request's ${name} holds a line break`);
  return field;
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

function malformed(error: string): MalformedFrame {
  return { kind: 'malformed', error };
}

/** Only called with a value parsed from JSON, so it always has a JSON text. */
function describe(value: unknown): string {
  return `got ${quote(JSON.stringify(value))}`;
}

function quote(text: string): string {
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text;
}
