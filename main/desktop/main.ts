// Electron's main-process entry (bundled to dist/desktop/main.cjs): runs the desktop host around the real core.
import { app } from 'electron';
import { startCore } from '../core/start';
import { runDesktop, type DesktopHost } from './app';

let host: DesktopHost | null = null;

// `npm start` forwards Ctrl+C and termination as signals: the one who pressed them means it, so quit without the
// exposure question, through the normal path so the core stops cleanly.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (host === null) app.quit();
    else host.quitWithoutAsking(signal);
  });
}

void runDesktop({ startCore, env: process.env, argv: process.argv }).then((running) => {
  host = running;
});
