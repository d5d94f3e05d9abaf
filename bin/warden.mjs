#!/usr/bin/env node
// The `warden` command: runs the TypeScript CLI directly (tsx), so `npx warden …` works right after npm install.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli.ts');
try {
  const code = await main(process.argv.slice(2));
  if (code >= 0) process.exit(code);
} catch (error) {
  process.stderr.write(`warden: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
