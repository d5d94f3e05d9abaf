// Test helpers for the engine: build events tersely and run them through a fresh engine.
import { parseEngineEvent } from '../../shared/domain/event-codec';
import type { EngineEvent } from '../../shared/domain/events';
import {
  apply,
  createEngineState,
  defaultEngineConfig,
  type EngineConfig,
  type EngineState,
} from '../../main/engine';
import type { Decision } from '../../main/engine';

/** Parses an event written as in a replay file (decimal strings, ISO times); throws on a bad one. */
export function ev(input: Record<string, unknown>): EngineEvent {
  const parsed = parseEngineEvent(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.event;
}

export function runEngine(
  events: EngineEvent[],
  config: EngineConfig = defaultEngineConfig,
): { state: EngineState; decisions: Decision[] } {
  const state = createEngineState(config);
  const decisions: Decision[] = [];
  for (const event of events) decisions.push(...apply(state, event).decisions);
  return { state, decisions };
}

/** The six-instrument universe used across tests, with real CME tick sizes and values. */
export const instrumentEvents: EngineEvent[] = [
  ['ES', '0.25', '12.50', '500'],
  ['NQ', '0.25', '5.00', '1000'],
  ['MES', '0.25', '1.25', '50'],
  ['MNQ', '0.25', '0.50', '100'],
  ['CL', '0.01', '10.00', '600'],
  ['GC', '0.10', '10.00', '1000'],
].map(([symbol, tickSize, tickValue, margin]) =>
  ev({
    type: 'instrument',
    t: '2026-05-04T08:00:00-05:00',
    symbol,
    tickSize,
    tickValue,
    currency: 'USD',
    marginPerContract: margin,
  }),
);
