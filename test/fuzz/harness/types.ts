// What a fuzzed surface gives the runner: its properties (fast-check properties whose predicate feeds one input,
// or a batch, to the surface and checks what must hold), started and stopped around its share of the time.
import fc from 'fast-check';

/** A refused input changed the state: thrown by a property to tell a corruption apart from a crash. */
export class StateCorruption extends Error {
  override name = 'StateCorruption';
}

export type FuzzContext = {
  /** Counts inputs fed to the surface (a batch of frames counts each frame). */
  count(n?: number): void;
  /** The crash monitor's position now, and a check that nothing crashed since (throws what did). */
  mark(): number;
  assertNoCrashSince(mark: number): void;
};

export type FuzzProperty = {
  name: string;
  check(parameters: fc.Parameters<unknown>): Promise<fc.RunDetails<unknown>>;
};

/** A property under a name, checked by fast-check (sync or async alike). */
export function fuzzProperty<Ts>(name: string, property: fc.IRawProperty<Ts>): FuzzProperty {
  return {
    name,
    check: async (parameters) =>
      (await fc.check(property, parameters as fc.Parameters<Ts>)) as fc.RunDetails<unknown>,
  };
}

export type StartedSurface = { properties: FuzzProperty[]; stop(): Promise<void> };

export type Surface = {
  name: string;
  start(context: FuzzContext): Promise<StartedSurface>;
};

export type Finding = {
  kind: 'crash' | 'stateCorruption';
  surface: string;
  property: string;
  seed: number;
  path: string | null;
  counterexample: string;
  error: string;
};
