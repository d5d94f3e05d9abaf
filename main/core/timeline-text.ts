// The history timeline in words: what an enforcement response sent and how it ended, and what a guard event
// (trailing stop, circuit breaker, config change, the trader's locks, a day start) changed, from the JSON the
// audit tables keep.
import type { JsonValue, RecordedRiskEvent, RiskResponse } from '../store';

type JsonRecord = { [key: string]: JsonValue };

const isRecord = (value: JsonValue | undefined): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: JsonValue | undefined): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

/** Who did it: "the trader" at the screen, or where a remote command came from. */
const byText = (value: JsonValue | undefined): string => {
  const by = text(value);
  return by === null || by === 'trader' ? 'the trader' : by;
};

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "closePosition ES ok; flat in 34 ms: 1 position closed, 0 orders cancelled". */
export function responseText(response: RiskResponse): string {
  const { detail } = response;
  const steps = Array.isArray(detail) ? detail : isRecord(detail) ? detail['steps'] : undefined;
  const said = (Array.isArray(steps) ? steps : []).map(stepText);
  const report = isRecord(detail) ? detail['report'] : undefined;
  if (isRecord(report)) said.push(reportText(report));
  else if (response.finishedAt === null) said.push('not finished');
  return said.length === 0 ? 'no broker command was needed' : said.join('; ');
}

function stepText(step: JsonValue): string {
  if (!isRecord(step)) return JSON.stringify(step);
  const command = isRecord(step['command']) ? step['command'] : {};
  const what = [text(command['type']) ?? 'command', text(command['symbol']), text(command['qty'])]
    .filter((part) => part !== null)
    .join(' ');
  const error = text(step['error']);
  return step['ok'] === true ? `${what} ok` : `${what} failed${error === null ? '' : `: ${error}`}`;
}

function reportText(report: JsonRecord): string {
  const closed = typeof report['closedPositions'] === 'number' ? report['closedPositions'] : 0;
  const cancelled = typeof report['cancelledOrders'] === 'number' ? report['cancelledOrders'] : 0;
  const error = text(report['error']);
  const state = report['flat'] === true ? 'flat' : 'NOT flat';
  return (
    `${state} in ${text(report['elapsedMs']) ?? '?'} ms: ${plural(closed, 'position')} closed, ` +
    `${plural(cancelled, 'order')} cancelled${error === null ? '' : ` (${error})`}`
  );
}

/** A guard event's title and words: "trailingStop activate" / "ES long: active at best 6003, stop 6002". */
export function riskEventText(event: RecordedRiskEvent): { title: string; detail: string } {
  const detail = isRecord(event.detail) ? event.detail : {};
  switch (event.kind) {
    case 'trailingStop':
      return trailingStopText(detail);
    case 'circuitBreaker':
      return {
        title: `circuitBreaker ${text(detail['to']) ?? ''}`.trim(),
        detail: `${text(detail['from']) ?? '?'} → ${text(detail['to']) ?? '?'}: ${text(detail['reason']) ?? ''}`,
      };
    case 'configChange':
      return configChangeText(detail);
    case 'dayStart':
      return {
        title: `dayStart ${text(detail['source']) ?? ''}`.trim(),
        detail: text(detail['note']) ?? JSON.stringify(event.detail),
      };
    case 'selfLock':
      return {
        title: 'selfLock',
        detail: `locked by ${byText(detail['by'])} ${text(detail['lockedUntil']) ?? ''}`.trim(),
      };
    case 'settingsLock':
      return {
        title: 'settingsLock',
        detail: `settings locked by the trader ${text(detail['lockedUntil']) ?? ''}: only tightening accepted`,
      };
    case 'lockReset':
      return {
        title: 'lockReset',
        detail: 'the trader asked to lift the locks that last until reset by hand',
      };
    default:
      return { title: event.kind, detail: JSON.stringify(event.detail) };
  }
}

function configChangeText(detail: JsonRecord): { title: string; detail: string } {
  const changes = Array.isArray(detail['changes']) ? detail['changes'].map((c) => text(c) ?? '') : [];
  return {
    title: 'configChange',
    detail: `by ${text(detail['by']) ?? '?'}: ${changes.length === 0 ? 'no rule changed' : changes.join('; ')}`,
  };
}

function trailingStopText(detail: JsonRecord): { title: string; detail: string } {
  const change = text(detail['change']) ?? '?';
  const best = text(detail['best']) ?? '?';
  const stop = text(detail['stopPrice']);
  const position = `${text(detail['symbol']) ?? '?'} ${text(detail['side']) ?? ''}`.trim();
  const words: Record<string, string> = {
    add: `trailing from ${best}, not active yet`,
    activate: `active at best ${best}, stop ${stop ?? '?'}`,
    update: `best ${best}, stop moved to ${stop ?? '?'}`,
    trigger: `retraced to the stop ${stop ?? '?'} (best ${best}): closing`,
    remove: `removed, position closed${stop === null ? '' : ` (stop was ${stop})`}`,
  };
  return {
    title: `trailingStop ${change}`,
    detail: `${position}: ${words[change] ?? JSON.stringify(detail)}`,
  };
}
