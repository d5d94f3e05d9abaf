// Runs the built dist/desktop/main.cjs under plain Node against the fake Electron (copied next to it as
// node_modules/electron), plays the renderer and the trader, and prints one JSON summary line on stdout.
// Usage (from bundle.test.ts): node bundle-driver.mjs <app dir>
import electron from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const appDir = process.argv[2];
electron.app.appPath = appDir;
// The same module instance as main.cjs's require('electron'): ESM imports of CommonJS share its cache.
await import(pathToFileURL(join(appDir, 'dist', 'desktop', 'main.cjs')).href);

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check, what) {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await wait(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function drive() {
  await until(
    () => electron.BrowserWindow.instances.length > 0 || electron.app.exitCode !== null,
    'the window',
  );
  const window = electron.BrowserWindow.instances[0];
  if (window === undefined)
    return { errorBoxes: electron.dialog.errorBoxes, exitCode: electron.app.exitCode };
  const ours = pathToFileURL(join(appDir, 'dist', 'renderer', 'index.html')).href;
  const ask = (url, command, args) =>
    electron.ipcMain.invoke(
      `warden:${command}`,
      electron.fakeInvokeEvent({ url, sender: window.webContents }),
      args,
    );
  const state = await ask(ours, 'getState', {});
  const evil = await ask('https://evil.example/', 'getState', {});
  const tray = electron.Tray.instances[0];
  tray.menu.click('Flatten all');
  await until(() => electron.Notification.shown.length > 0, 'the flatten notification');
  await until(() => window.webContents.sent.length > 0, 'a push');
  electron.app.quit();
  await until(() => electron.app.quitted, 'the quit');
  return {
    errorBoxes: electron.dialog.errorBoxes,
    loadedFile: window.loadedFile,
    preload: window.options.webPreferences.preload,
    state: state.ok ? { ok: true, accounts: state.result.accounts.length } : state,
    evil,
    trayLabels: tray.menu.labels(),
    trayIcon: tray.image.path,
    notifications: electron.Notification.shown.map((shown) => shown.options.title),
    pushChannels: [...new Set(window.webContents.sent.map((sent) => sent.channel))].sort(),
    quitted: electron.app.quitted,
  };
}

drive().then(
  (summary) => {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    process.exit(0);
  },
  (error) => {
    process.stderr.write(`bundle-driver: ${error.stack}\n`);
    process.exit(1);
  },
);
