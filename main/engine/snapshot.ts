// Engine state to and from JSON for the store's snapshots: decimals as exact strings, maps and sets as arrays.
import { Dec } from '../../shared/domain/money';
import type { EngineConfig } from './config';
import type { ReadonlyEngineState } from './readonly';
import type { AccountState, EngineState } from './state';

/** 2: the config in force is part of the snapshot (1 had none: the current config is used for those). */
export const snapshotVersion = 2;

export function serializeState(state: ReadonlyEngineState): string {
  const { config, ...rest } = state;
  const { fastPath: _fastPath, ...inForce } = config;
  // A replacer sees values after toJSON (a Decimal already as a bare string), so look at the holder's raw value.
  return JSON.stringify(
    { version: snapshotVersion, state: rest, config: inForce },
    function (this: unknown, key: string, value: unknown) {
      const raw = (this as Record<string, unknown>)[key];
      if (Dec.isDecimal(raw)) return { $dec: raw.toFixed() };
      if (value instanceof Map) return { $map: [...value.entries()] };
      if (value instanceof Set) return { $set: [...value.values()] };
      return value;
    },
  );
}

/**
 * Restores a snapshot with the config that was in force when it was taken (`config` for a version-1 snapshot,
 * and for its `fastPath` setting); throws with the reason when the text is not a snapshot.
 */
export function deserializeState(text: string, config: EngineConfig): EngineState {
  const parsed = JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null) return value;
    const tagged = value as Partial<Record<'$dec' | '$map' | '$set', unknown>>;
    if (typeof tagged.$dec === 'string') return new Dec(tagged.$dec);
    if (Array.isArray(tagged.$map)) return new Map(tagged.$map as [unknown, unknown][]);
    if (Array.isArray(tagged.$set)) return new Set(tagged.$set);
    return value;
  }) as { version?: unknown; state?: Omit<EngineState, 'config'>; config?: EngineConfig };
  if ((parsed.version !== 1 && parsed.version !== snapshotVersion) || parsed.state === undefined) {
    throw new Error(`engine snapshot has version ${String(parsed.version)}, expected ${snapshotVersion}`);
  }
  // Instruments snapshotted before they carried their underlying trade their own symbol's market.
  for (const instrument of parsed.state.instruments.values()) {
    const stored: { underlying?: string } = instrument;
    stored.underlying ??= instrument.symbol;
  }
  // Snapshots taken before groups were engine state have none.
  const stored: { groups?: EngineState['groups'] } = parsed.state;
  stored.groups ??= new Map();
  // Snapshots taken before the news calendar and plans were engine state have neither.
  const withCalendar: { calendar?: EngineState['calendar'] } = parsed.state;
  withCalendar.calendar ??= [];
  for (const account of parsed.state.accounts.values()) {
    account.settingsLockedUntil ??= null;
    // Snapshots taken before fill ids were forgotten kept them as a set, without times: as old as the last fill.
    const seen: unknown = account.seenFills;
    if (seen instanceof Set)
      account.seenFills = new Map([...(seen as Set<string>)].map((id) => [id, account.lastFillAt ?? 0]));
    const kept: { finishedDays?: AccountState['finishedDays'] } = account;
    kept.finishedDays ??= [];
    // Snapshots taken before a report's lead over the engine's books was kept: not known.
    const reported: { reportAhead?: Dec | null } = account;
    reported.reportAhead ??= null;
    // Trades closed before R multiples were kept have neither.
    for (const trade of account.closedTrades) {
      trade.initialRisk ??= null;
      trade.rMultiple ??= null;
    }
  }
  const inForce = parsed.config ?? config;
  const { fastPath } = config;
  return { ...parsed.state, config: { ...inForce, ...(fastPath === undefined ? {} : { fastPath }) } };
}
