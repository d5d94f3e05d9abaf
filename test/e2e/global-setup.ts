// Builds the renderer once before the browser tests, so they always run against the current sources. vitest sets
// NODE_ENV=test, which would make vite build React's development bundle (jsxDEV, several times slower): the
// browser tests measure what ships, so the build runs as production.
import { build } from 'vite';

export default async function setup(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'renderer/vite.config.ts', logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
