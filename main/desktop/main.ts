// Electron's main-process entry (bundled to dist/desktop/main.cjs): runs the desktop host around the real core.
import { app } from 'electron';
import { startCore } from '../core/start';
import { runDesktop } from './app';

// `npm start` forwards Ctrl+C and termination as signals: quit through the normal path so the core stops cleanly.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    app.quit();
  });
}

void runDesktop({ startCore, env: process.env, argv: process.argv });
