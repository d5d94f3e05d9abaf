// The engine's data as everyone outside the engine sees it: deeply read-only, so the compiler refuses a write
// anywhere but in the engine itself (`apply` owns every change). Decimals are immutable values already.
import type { Dec } from '../../shared/domain/money';
import type { EngineConfig } from './config';
import type { AccountState, EngineState, Position } from './state';

type Leaf =
  Dec | string | number | boolean | bigint | symbol | null | undefined | ((...args: never[]) => unknown);

/** `T` with every property, array, map and set read-only, all the way down. */
export type Immutable<T> = T extends Leaf
  ? T
  : T extends ReadonlyMap<infer K, infer V>
    ? ReadonlyMap<K, Immutable<V>>
    : T extends ReadonlySet<infer V>
      ? ReadonlySet<Immutable<V>>
      : T extends readonly (infer V)[]
        ? readonly Immutable<V>[]
        : { readonly [P in keyof T]: Immutable<T[P]> };

/**
 * The config in force is read-only as a whole (a configChange event replaces it); its settings keep the shared
 * config's own types, which shared/config's helpers take as they are.
 */
export type ReadonlyEngineState = Immutable<Omit<EngineState, 'config'>> & {
  readonly config: Readonly<EngineConfig>;
};
export type ReadonlyAccountState = Immutable<AccountState>;
export type ReadonlyPosition = Immutable<Position>;
