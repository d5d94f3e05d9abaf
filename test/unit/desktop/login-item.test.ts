// "Start at login": the OS's own setting on macOS and Windows; on Linux an XDG autostart entry in a real folder.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetElectronFake } from '../../mocks/electron';
import {
  autostartEntry,
  autostartFile,
  desktopExecArgument,
  loginItem,
} from '../../../main/desktop/login-item';

vi.mock('electron', () => import('../../mocks/electron'));

const temp = () => mkdtempSync(join(tmpdir(), 'warden-login-'));

describe('start at login', () => {
  beforeEach(() => {
    resetElectronFake();
  });

  it.each(['darwin', 'win32'] as const)('on %s is the OS login item setting, and no file', (platform) => {
    const home = temp();
    const item = loginItem(platform, { XDG_CONFIG_HOME: home }, { home });
    expect(item.get()).toBe(false);
    item.set(true);
    expect(app.loginItem).toEqual({ openAtLogin: true });
    expect(item.get()).toBe(true);
    item.set(false);
    expect(app.loginItem).toEqual({ openAtLogin: false });
    expect(readdirSync(home)).toEqual([]);
  });

  it('on Linux writes the autostart entry of the AppImage, reads it back, and removes it', () => {
    const home = temp();
    const item = loginItem(
      'linux',
      { APPIMAGE: '/home/trader/Apps/Warden-0.1.0.AppImage' },
      { home, execPath: '/tmp/.mount_Warden/warden' },
    );
    const file = join(home, '.config', 'autostart', 'warden.desktop');
    expect(item.where).toBe(file);
    expect(item.get()).toBe(false);
    item.set(true);
    expect(readFileSync(file, 'utf8')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Warden',
        'Comment=Risk guard for futures traders',
        'Exec=/home/trader/Apps/Warden-0.1.0.AppImage',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    expect(item.get()).toBe(true);
    expect(app.loginItem).toEqual({ openAtLogin: false });
    item.set(false);
    expect(existsSync(file)).toBe(false);
    expect(item.get()).toBe(false);
    item.set(false);
    expect(item.get()).toBe(false);
  });

  it('on Linux without APPIMAGE starts the executable, in $XDG_CONFIG_HOME/autostart', () => {
    const config = temp();
    const item = loginItem(
      'linux',
      { XDG_CONFIG_HOME: config, APPIMAGE: '' },
      { home: '/nowhere', execPath: '/opt/Warden/warden' },
    );
    item.set(true);
    const text = readFileSync(join(config, 'autostart', 'warden.desktop'), 'utf8');
    expect(text.split('\n').filter((line) => line.startsWith('Exec='))).toEqual(['Exec=/opt/Warden/warden']);
  });

  it('on Linux a folder that cannot be written throws, so the tray can say so', () => {
    const notAFolder = join(temp(), 'config-is-a-file');
    writeFileSync(notAFolder, '');
    const item = loginItem('linux', { XDG_CONFIG_HOME: notAFolder }, { execPath: '/x' });
    expect(() => {
      item.set(true);
    }).toThrow(/ENOTDIR/);
    expect(item.get()).toBe(false);
  });

  it('finds the autostart folder as the XDG spec says', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/cfg' }, '/home/t')).toBe('/cfg/autostart/warden.desktop');
    expect(autostartFile({}, '/home/t')).toBe('/home/t/.config/autostart/warden.desktop');
    expect(autostartFile({ XDG_CONFIG_HOME: '' }, '/home/t')).toBe(
      '/home/t/.config/autostart/warden.desktop',
    );
    expect(autostartFile({ XDG_CONFIG_HOME: 'relative/cfg' }, '/home/t')).toBe(
      '/home/t/.config/autostart/warden.desktop',
    );
  });

  it.each([
    ['/opt/Warden/warden', '/opt/Warden/warden'],
    ['/home/t/My Apps/Warden.AppImage', '"/home/t/My Apps/Warden.AppImage"'],
    ['/home/t/100%/warden', '/home/t/100%%/warden'],
    // Inside quotes " ` $ \ take a backslash; then the string escape doubles every backslash.
    ['/a "b" $c\\d `e`', '"/a \\\\"b\\\\" \\\\$c\\\\\\\\d \\\\`e\\\\`"'],
    ["/t/it's", '"/t/it\'s"'],
    ['/t/a\tb', '"/t/a\\tb"'],
  ])('quotes %s as %s in Exec', (path, exec) => {
    expect(desktopExecArgument(path)).toBe(exec);
  });

  it('the entry is a Desktop Entry of type Application named Warden, enabled for GNOME', () => {
    expect(autostartEntry('/x y/warden').split('\n')).toEqual([
      '[Desktop Entry]',
      'Type=Application',
      'Name=Warden',
      'Comment=Risk guard for futures traders',
      'Exec="/x y/warden"',
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ]);
  });
});
