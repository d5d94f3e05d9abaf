// Builds the renderer once before the browser tests, so they always run against the current sources.
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
}
