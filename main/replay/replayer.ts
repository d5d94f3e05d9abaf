// `warden replay` (docs/API.md section 3): recorded events through the engine, one JSON line per decision and
// a summary per account. With `enforce`, what Warden would have done is simulated (docs/RULES.md section 9).
import { parseEngineEvent } from '../../shared/domain/event-codec';
import type { EngineEvent } from '../../shared/domain/events';
import {
  accountMetrics,
  apply,
  createEngineState,
  strictestLock,
  type EngineConfig,
  type Lock,
  type RuleDecision,
} from '../engine';
import { metricsView } from '../core/view';
import { planMetrics } from './plan-summary';
import { createEnforcementSimulator } from './simulate';

export type Replayer = {
  /** One input line: the output lines it causes, or an error naming the line. */
  line(text: string, lineNumber: number): { out: string[]; error?: string };
  /** The summary lines, one per account. */
  finish(): string[];
};

const isoTime = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const untilJson = (until: Lock['until']) => (typeof until === 'number' ? isoTime(until) : until);

export function decisionLine(decision: RuleDecision, t: string): string {
  return JSON.stringify({
    t,
    type: 'decision',
    account: decision.account,
    // A group rule's decision: one per member, each naming its group (docs/RULES.md section 10).
    ...(decision.group === undefined ? {} : { group: decision.group }),
    rule: decision.rule,
    level: decision.level,
    action: decision.action,
    ...(decision.lock === undefined
      ? {}
      : { lock: { state: decision.lock.state, until: untilJson(decision.lock.until) } }),
    ...(decision.symbol === undefined ? {} : { symbol: decision.symbol }),
    message: decision.message,
  });
}

export function createReplayer(config: EngineConfig, options: { enforce: boolean }): Replayer {
  const state = createEngineState(config);
  const simulator = options.enforce ? createEnforcementSimulator(state) : null;

  const run = (event: EngineEvent, t: string, out: string[]): void => {
    const decisions = apply(state, event).decisions.flatMap((d) => (d.kind === 'rule' ? [d] : []));
    for (const decision of decisions) {
      out.push(decisionLine(decision, t));
      for (const consequence of simulator?.consequences(decision) ?? []) run(consequence, t, out);
    }
  };

  /** The symbol of a fill, order or position whose instrument the replay has not seen (the engine needs it). */
  const unknownInstrument = (event: EngineEvent): string | null =>
    (event.type === 'fill' || event.type === 'order' || event.type === 'position') &&
    !state.instruments.has(event.symbol)
      ? event.symbol
      : null;

  return {
    line(text, lineNumber) {
      if (text.trim() === '') return { out: [] };
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        return { out: [], error: `line ${lineNumber}: not JSON: ${(error as Error).message}` };
      }
      const parsed = parseEngineEvent(raw);
      if (!parsed.ok) return { out: [], error: `line ${lineNumber}: ${parsed.error}` };
      const unknown = unknownInstrument(parsed.event);
      if (unknown !== null)
        return {
          out: [],
          error: `line ${lineNumber}: unknown instrument ${unknown}: its instrument line must come first`,
        };
      const t =
        typeof (raw as { t?: unknown }).t === 'string' ? (raw as { t: string }).t : isoTime(parsed.event.t);
      const out: string[] = [];
      if (simulator?.drops(parsed.event) === true) return { out };
      run(parsed.event, t, out);
      return { out };
    },
    finish() {
      return [...state.accounts.values()].map((account) => {
        const lock = strictestLock(account);
        return JSON.stringify({
          type: 'summary',
          account: account.id,
          metrics: { ...metricsView(accountMetrics(state, account)), ...planMetrics(state, account) },
          tradingState: lock?.state ?? 'active',
          lockedUntil: lock === null ? null : untilJson(lock.until),
        });
      });
    },
  };
}
