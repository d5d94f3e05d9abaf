// The electron-builder config, checked offline (docs/TOOLCHAIN.md): it names NSIS for Windows, dmg + zip for macOS
// and AppImage + deb for Linux with the icons in build/, publishes auto-updates to the generic URL given at
// packaging time, signs and notarizes only from environment variables, and electron-builder itself accepts it: a
// Linux `--dir` pack against a stub Electron (no download, no native rebuild) of a throwaway project with stub
// bundles, which writes the update URL into the app.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

const targets = (platform: string) =>
  (config[platform] as { target: (string | { target: string })[] }).target.map((t) =>
    typeof t === 'string' ? t : t.target,
  );

describe('electron-builder.yml', () => {
  it('targets NSIS, dmg, AppImage and deb, with icons that exist at the sizes each platform needs', () => {
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg', 'zip']);
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    expect(config['extraMetadata']).toEqual({ main: 'dist/desktop/main.cjs' });
    expect(pngSize(join(root, (config['win'] as { icon: string }).icon))).toEqual([256, 256]);
    expect(pngSize(join(root, (config['mac'] as { icon: string }).icon))).toEqual([512, 512]);
    expect(existsSync(join(root, (config['linux'] as { icon: string }).icon, '512x512.png'))).toBe(true);
  });

  it('publishes auto-updates to the generic URL named by WARDEN_UPDATE_URL when packaging', () => {
    expect(config['publish']).toEqual([{ provider: 'generic', url: '${env.WARDEN_UPDATE_URL}' }]);
  });

  it('signs and notarizes macOS builds only from the environment, under the hardened runtime', () => {
    const mac = config['mac'] as Record<string, unknown>;
    expect(mac).toMatchObject({
      hardenedRuntime: true,
      notarize: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.inherit.plist',
    });
    // No identity pinned: the certificate comes from CSC_LINK/CSC_NAME, and without one the app is not signed.
    expect(mac).not.toHaveProperty('identity');
    for (const file of [mac['entitlements'], mac['entitlementsInherit']] as string[]) {
      const plist = readFileSync(join(root, file), 'utf8');
      const keys = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((match) => match[1]);
      expect(keys, file).toEqual([
        'com.apple.security.cs.allow-jit',
        'com.apple.security.cs.allow-unsigned-executable-memory',
        'com.apple.security.cs.disable-library-validation',
      ]);
    }
  });

  it('signs Windows builds only with a certificate from the environment (no Azure signing configured)', () => {
    const win = config['win'] as Record<string, unknown>;
    expect(win['signtoolOptions']).toEqual({
      signingHashAlgorithms: ['sha256'],
      rfc3161TimeStampServer: 'http://timestamp.digicert.com',
    });
    expect(win).not.toHaveProperty('azureSignOptions');
    expect(win).not.toHaveProperty('cscLink');
  });

  it('is accepted by electron-builder: an offline Linux --dir pack puts the entry point in the archive', async () => {
    const project = mkdtempSync(join(tmpdir(), 'warden-pack-'));
    copyFileSync(join(root, 'package.json'), join(project, 'package.json'));
    copyFileSync(join(root, 'electron-builder.yml'), join(project, 'electron-builder.yml'));
    cpSync(join(root, 'build'), join(project, 'build'), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
    mkdirSync(join(project, 'dist', 'desktop'), { recursive: true });
    mkdirSync(join(project, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(project, 'dist', 'desktop', 'main.cjs'), '// stub\n');
    writeFileSync(join(project, 'dist', 'renderer', 'index.html'), '<!doctype html>\n');
    const electronDist = join(project, 'stub-electron');
    mkdirSync(electronDist);
    writeFileSync(join(electronDist, 'electron'), '', { mode: 0o755 });
    const bin = join(root, 'node_modules', '.bin', 'electron-builder');
    const { stdout, stderr } = await promisify(execFile)(
      bin,
      [
        '--linux',
        '--dir',
        '--publish',
        'never',
        '--projectDir',
        project,
        `-c.electronDist=${electronDist}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${join(project, 'release')}`,
      ],
      {
        cwd: project,
        env: { ...process.env, CI: 'true', WARDEN_UPDATE_URL: 'https://updates.warden.invalid/desktop/' },
        timeout: 120_000,
      },
    );
    const output = `${stdout}\n${stderr}`;
    expect(output).not.toMatch(/⨯|Invalid configuration/);
    const resources = join(project, 'release', 'linux-unpacked', 'resources');
    expect(existsSync(join(resources, 'app.asar'))).toBe(true);
    // What electron-updater reads in the packaged app.
    expect(readFileSync(join(resources, 'app-update.yml'), 'utf8')).toBe(
      'provider: generic\nurl: https://updates.warden.invalid/desktop/\nupdaterCacheDirName: warden-updater\n',
    );
  }, 150_000);
});
