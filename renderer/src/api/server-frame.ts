// Reads one text frame from `warden serve`: JSON, then a structural check of the envelope. The payloads (state,
// alerts, response) are the core's own typed output and are trusted past this check.
import type { ServerFrame } from '../../../shared/ipc';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The frame, or a message saying why it is not one. */
export function parseServerFrame(
  text: string,
): { ok: true; frame: ServerFrame } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: `not JSON: ${text.slice(0, 80)}` };
  }
  if (!isRecord(value)) return { ok: false, error: 'frame is not an object' };
  switch (value.type) {
    case 'response':
      if (
        typeof value.id !== 'number' ||
        !isRecord(value.response) ||
        typeof value.response.ok !== 'boolean'
      ) {
        return { ok: false, error: 'response frame without a numeric id and {ok, ...} response' };
      }
      break;
    case 'state':
      if (!isRecord(value.state) || typeof value.state.seq !== 'number') {
        return { ok: false, error: 'state frame without a state carrying a numeric seq' };
      }
      break;
    case 'alerts':
      if (!Array.isArray(value.alerts)) return { ok: false, error: 'alerts frame without a list of alerts' };
      break;
    case 'alert':
      if (!isRecord(value.alert) || typeof value.alert.id !== 'string') {
        return { ok: false, error: 'alert frame without an alert carrying an id' };
      }
      break;
    case 'error':
      if (typeof value.error !== 'string')
        return { ok: false, error: 'error frame without an error message' };
      break;
    default:
      return { ok: false, error: `unknown frame type ${JSON.stringify(value.type)}` };
  }
  return { ok: true, frame: value as ServerFrame };
}
