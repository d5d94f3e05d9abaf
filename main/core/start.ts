// Starts the core for a host: opens the store, connects the broker, restores the engine. (Filled in by the core work.)
import type { CoreOptions, WardenCore } from './types';

export async function startCore(options: CoreOptions): Promise<WardenCore> {
  await Promise.resolve();
  throw new Error(`core not built yet (data dir ${options.dataDir})`);
}
