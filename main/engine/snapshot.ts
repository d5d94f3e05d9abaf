// Engine state to and from JSON for the store's snapshots: decimals as exact strings, maps and sets as arrays.
import { Dec } from '../../shared/domain/money';
import type { EngineConfig } from './config';
import type { EngineState } from './state';

export const snapshotVersion = 1;

export function serializeState(state: EngineState): string {
  const { config: _config, ...rest } = state;
  // A replacer sees values after toJSON (a Decimal already as a bare string), so look at the holder's raw value.
  return JSON.stringify(
    { version: snapshotVersion, state: rest },
    function (this: unknown, key: string, value: unknown) {
      const raw = (this as Record<string, unknown>)[key];
      if (Dec.isDecimal(raw)) return { $dec: raw.toFixed() };
      if (value instanceof Map) return { $map: [...value.entries()] };
      if (value instanceof Set) return { $set: [...value.values()] };
      return value;
    },
  );
}

/** Restores a snapshot under the current config; throws with the reason when the text is not a snapshot. */
export function deserializeState(text: string, config: EngineConfig): EngineState {
  const parsed = JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null) return value;
    const tagged = value as Partial<Record<'$dec' | '$map' | '$set', unknown>>;
    if (typeof tagged.$dec === 'string') return new Dec(tagged.$dec);
    if (Array.isArray(tagged.$map)) return new Map(tagged.$map as [unknown, unknown][]);
    if (Array.isArray(tagged.$set)) return new Set(tagged.$set);
    return value;
  }) as { version?: unknown; state?: Omit<EngineState, 'config'> };
  if (parsed.version !== snapshotVersion || parsed.state === undefined) {
    throw new Error(`engine snapshot has version ${String(parsed.version)}, expected ${snapshotVersion}`);
  }
  return { ...parsed.state, config };
}
