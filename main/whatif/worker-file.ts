// Where a what-if worker starts: the bundled worker beside the bundle that runs this code (the desktop build
// writes it next to main.cjs, where import.meta.url is the bundle's own URL), else the tsx bootstrap beside the
// sources.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bundled worker's file name, as the desktop build writes it. */
export const BUNDLED_WORKER = 'what-if-worker.cjs';

export function whatIfWorkerFile(base: string = import.meta.url): URL {
  const bundled = new URL(BUNDLED_WORKER, base);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('worker-boot.mjs', base);
}
