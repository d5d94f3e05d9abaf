// Draws Warden's icons (a shield with a status mark) with no image library: `node build/icons/generate.mjs
// [--outdir DIR]` (default: this folder). Deterministic: the same bytes on every run and machine.
// Tray icons come in three colours (ok, warning, critical) with a distinct mark each, so colour is not the only cue,
// per OS: tray-<level>.png (24 px, @2x 48 px) for Linux, tray-<level>-mac.png (16 px, @2x 32 px; colour, not a
// template image) for macOS, and tray-<level>.ico (16 to 48 px, for every display scale) for Windows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const colours = { ok: [34, 197, 94], warning: [245, 158, 11], critical: [239, 68, 68] };
const marks = {
  ok: {
    lines: [
      [0.34, 0.5, 0.46, 0.62],
      [0.46, 0.62, 0.67, 0.37],
    ],
    dots: [],
  },
  warning: { lines: [[0.5, 0.27, 0.5, 0.54]], dots: [[0.5, 0.68]] },
  critical: {
    lines: [
      [0.39, 0.33, 0.61, 0.57],
      [0.61, 0.33, 0.39, 0.57],
    ],
    dots: [],
  },
};

/** Half-width of the shield at height v (0 top, 1 bottom); null outside it. */
function shieldHalfWidth(v) {
  if (v < 0.08 || v > 0.94) return null;
  if (v <= 0.5) return 0.38;
  return 0.38 * Math.cos(((v - 0.5) / 0.44) * (Math.PI / 2));
}

function distanceToSegment(u, v, [x1, y1, x2, y2]) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((u - x1) * dx + (v - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (x1 + t * dx), v - (y1 + t * dy));
}

function onMark(u, v, mark) {
  return (
    mark.lines.some((line) => distanceToSegment(u, v, line) < 0.045) ||
    mark.dots.some(([x, y]) => Math.hypot(u - x, v - y) < 0.05)
  );
}

/** RGBA pixels, 4×4 supersampled for smooth edges. */
function draw(size, level) {
  const [r, g, b] = colours[level];
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let shield = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const u = (x + (sx + 0.5) / samples) / size;
          const v = (y + (sy + 0.5) / samples) / size;
          const half = shieldHalfWidth(v);
          if (half === null || Math.abs(u - 0.5) > half) continue;
          shield += 1;
          if (onMark(u, v, marks[level])) white += 1;
        }
      }
      const total = samples * samples;
      const mix = shield === 0 ? 0 : white / shield;
      const offset = (y * size + x) * 4;
      pixels[offset] = Math.round(r + (255 - r) * mix);
      pixels[offset + 1] = Math.round(g + (255 - g) * mix);
      pixels[offset + 2] = Math.round(b + (255 - b) * mix);
      pixels[offset + 3] = Math.round((255 * shield) / total);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Windows icon sizes: 16 px at 100 % display scale, 20 at 125 %, 24 at 150 %, 32 at 200 %, 40 at 250 %, 48 at 300 %. */
export const icoSizes = [16, 20, 24, 32, 40, 48];

/**
 * One ICO image as a classic 32-bit DIB (what every Windows version loads): a BITMAPINFOHEADER of twice the height
 * (colour rows then the AND mask), BGRA rows bottom-up, and a 1-bit AND mask set where the pixel is transparent.
 */
function dib(size, pixels) {
  const header = Buffer.alloc(40);
  const maskStride = Math.ceil(size / 32) * 4;
  const colour = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y += 1) {
    const row = size - 1 - y; // bottom-up
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      colour[to] = pixels[from + 2];
      colour[to + 1] = pixels[from + 1];
      colour[to + 2] = pixels[from];
      colour[to + 3] = pixels[from + 3];
      if (pixels[from + 3] === 0) mask[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  header.writeUInt32LE(40, 0); // biSize
  header.writeInt32LE(size, 4); // biWidth
  header.writeInt32LE(size * 2, 8); // biHeight: colour + mask
  header.writeUInt16LE(1, 12); // biPlanes
  header.writeUInt16LE(32, 14); // biBitCount
  header.writeUInt32LE(0, 16); // BI_RGB
  header.writeUInt32LE(colour.length + mask.length, 20); // biSizeImage
  return Buffer.concat([header, colour, mask]);
}

/** An ICO file: ICONDIR (reserved 0, type 1, count), one 16-byte ICONDIRENTRY per image, then the images. */
export function ico(images) {
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach(({ size, data }, index) => {
    const entry = 6 + 16 * index;
    directory.writeUInt8(size >= 256 ? 0 : size, entry); // width (0 = 256)
    directory.writeUInt8(size >= 256 ? 0 : size, entry + 1); // height
    directory.writeUInt8(0, entry + 2); // no palette
    directory.writeUInt8(0, entry + 3); // reserved
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(data.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([directory, ...images.map(({ data }) => data)]);
}

/** Writes every icon into `outdir` (tray icons in `outdir/tray`). */
export function generate(outdir) {
  const tray = join(outdir, 'tray');
  mkdirSync(tray, { recursive: true });
  for (const level of Object.keys(colours)) {
    writeFileSync(join(tray, `tray-${level}.png`), png(24, draw(24, level)));
    writeFileSync(join(tray, `tray-${level}@2x.png`), png(48, draw(48, level)));
    writeFileSync(join(tray, `tray-${level}-mac.png`), png(16, draw(16, level)));
    writeFileSync(join(tray, `tray-${level}-mac@2x.png`), png(32, draw(32, level)));
    const images = icoSizes.map((size) => ({ size, data: dib(size, draw(size, level)) }));
    writeFileSync(join(tray, `tray-${level}.ico`), ico(images));
  }
  // The application icon (electron-builder reads build/icons/<size>x<size>.png on Linux).
  for (const size of [256, 512])
    writeFileSync(join(outdir, `${size}x${size}.png`), png(size, draw(size, 'ok')));
}

const here = fileURLToPath(new URL('.', import.meta.url));
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdirFlag = process.argv.indexOf('--outdir');
  generate(outdirFlag === -1 ? here : resolve(process.argv[outdirFlag + 1] ?? ''));
}
