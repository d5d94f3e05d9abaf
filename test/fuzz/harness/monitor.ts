// Catches what would kill the process: uncaught exceptions, unhandled rejections and calls to process.exit are
// recorded instead, so a property can fail on the input that caused them and the run goes on to report it.
export type CrashMonitor = {
  /** How many have been recorded so far. */
  mark(): number;
  /** Throws the first one recorded after `mark`. */
  assertNoneSince(mark: number): void;
  /** The ones no property's check threw (they happened between inputs). */
  unclaimed(): Error[];
  dispose(): void;
};

export function installCrashMonitor(): CrashMonitor {
  const errors: Error[] = [];
  const claimed = new Set<number>();
  const record = (error: unknown) => {
    errors.push(error instanceof Error ? error : new Error(String(error)));
  };
  const onRejection = (reason: unknown) => {
    record(reason instanceof Error ? reason : new Error(`unhandled rejection: ${String(reason)}`));
  };
  process.on('uncaughtException', record);
  process.on('unhandledRejection', onRejection);
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    record(new Error(`process.exit(${String(code)}) called`));
  }) as typeof process.exit;
  return {
    mark: () => errors.length,
    assertNoneSince(mark) {
      const first = errors[mark];
      if (first !== undefined) {
        for (let i = mark; i < errors.length; i += 1) claimed.add(i);
        const error = new Error(`uncaught: ${first.message}`);
        error.stack = `uncaught: ${first.stack ?? first.message}`;
        throw error;
      }
    },
    unclaimed: () => errors.filter((_, i) => !claimed.has(i)),
    dispose() {
      process.off('uncaughtException', record);
      process.off('unhandledRejection', onRejection);
      process.exit = exit;
    },
  };
}
