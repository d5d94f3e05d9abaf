// The tray icons of every OS, as committed in build/icons/tray: Windows .ico files holding every display scale's
// size, macOS 16/32 px colour PNGs, Linux 24/48 px PNGs, all exactly what build/icons/generate.mjs draws.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const trayDir = join(root, 'build', 'icons', 'tray');
const levels = ['ok', 'warning', 'critical'] as const;

/** Width, height, bit depth and colour type from a PNG's IHDR. */
function pngHeader(file: string) {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24],
    colourType: bytes[25],
  };
}

type IcoImage = {
  width: number;
  height: number;
  planes: number;
  bitCount: number;
  bytes: number;
  offset: number;
};

function icoDirectory(bytes: Buffer): { reserved: number; type: number; images: IcoImage[] } {
  const count = bytes.readUInt16LE(4);
  const images = Array.from({ length: count }, (_, index) => {
    const entry = 6 + 16 * index;
    return {
      width: bytes.readUInt8(entry),
      height: bytes.readUInt8(entry + 1),
      planes: bytes.readUInt16LE(entry + 4),
      bitCount: bytes.readUInt16LE(entry + 6),
      bytes: bytes.readUInt32LE(entry + 8),
      offset: bytes.readUInt32LE(entry + 12),
    };
  });
  return { reserved: bytes.readUInt16LE(0), type: bytes.readUInt16LE(2), images };
}

describe('the tray icons', () => {
  it.each(levels)('tray-%s.ico holds 16, 20, 24, 32, 40 and 48 px 32-bit images, back to back', (level) => {
    const bytes = readFileSync(join(trayDir, `tray-${level}.ico`));
    const ico = icoDirectory(bytes);
    expect(ico.reserved).toBe(0);
    expect(ico.type).toBe(1);
    const sizes = [16, 20, 24, 32, 40, 48];
    expect(ico.images.map((image) => [image.width, image.height, image.planes, image.bitCount])).toEqual(
      sizes.map((size) => [size, size, 1, 32]),
    );
    // Each image is a DIB: header, BGRA colour rows, then the 1-bit AND mask (rows padded to 4 bytes).
    const dibBytes = (size: number) => 40 + size * size * 4 + Math.ceil(size / 32) * 4 * size;
    expect(ico.images.map((image) => image.bytes)).toEqual(sizes.map(dibBytes));
    let offset = 6 + 16 * sizes.length;
    for (const image of ico.images) {
      expect(image.offset).toBe(offset);
      offset += image.bytes;
      const dib = bytes.subarray(image.offset, image.offset + image.bytes);
      expect([dib.readUInt32LE(0), dib.readInt32LE(4), dib.readInt32LE(8), dib.readUInt16LE(14)]).toEqual([
        40,
        image.width,
        image.width * 2,
        32,
      ]);
      // The centre is opaque (the shield), the top-left corner transparent and masked.
      const centre = 40 + ((image.width / 2) * image.width + image.width / 2) * 4;
      expect(dib[centre + 3]).toBe(255);
      const topRowStart = 40 + (image.width - 1) * image.width * 4; // rows are stored bottom-up
      expect(dib[topRowStart + 3]).toBe(0);
      const mask = 40 + image.width * image.width * 4 + (image.width - 1) * Math.ceil(image.width / 32) * 4;
      expect(dib.readUInt8(mask) & 0x80).toBe(0x80);
    }
    expect(offset).toBe(bytes.length);
  });

  it.each(levels)(
    'tray-%s-mac.png is 16 px and its @2x 32 px, in colour (RGBA, not a template image)',
    (level) => {
      expect(pngHeader(join(trayDir, `tray-${level}-mac.png`))).toEqual({
        width: 16,
        height: 16,
        bitDepth: 8,
        colourType: 6,
      });
      expect(pngHeader(join(trayDir, `tray-${level}-mac@2x.png`))).toEqual({
        width: 32,
        height: 32,
        bitDepth: 8,
        colourType: 6,
      });
    },
  );

  it.each(levels)('tray-%s.png for Linux is 24 px and its @2x 48 px', (level) => {
    expect(pngHeader(join(trayDir, `tray-${level}.png`)).width).toBe(24);
    expect(pngHeader(join(trayDir, `tray-${level}@2x.png`)).width).toBe(48);
  });

  it('are exactly what the generator draws', () => {
    const out = mkdtempSync(join(tmpdir(), 'warden-icons-'));
    const run = spawnSync(process.execPath, [join(root, 'build', 'icons', 'generate.mjs'), '--outdir', out], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const committed = readdirSync(trayDir).sort();
    expect(readdirSync(join(out, 'tray')).sort()).toEqual(committed);
    expect(committed).toEqual(
      levels
        .flatMap((level) => [
          `tray-${level}.ico`,
          `tray-${level}.png`,
          `tray-${level}@2x.png`,
          `tray-${level}-mac.png`,
          `tray-${level}-mac@2x.png`,
        ])
        .sort(),
    );
    for (const file of committed) {
      expect(readFileSync(join(out, 'tray', file)).equals(readFileSync(join(trayDir, file))), file).toBe(
        true,
      );
    }
  });
});
