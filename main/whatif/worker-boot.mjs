// The what-if worker run from source (`warden serve` under tsx, vitest): a worker thread has its own module loader,
// so it registers tsx itself before importing the TypeScript worker. The desktop bundle runs its bundled worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
