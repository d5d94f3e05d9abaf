// Draws Warden's icons (a shield with a status mark) as PNGs with no image library: `node build/icons/generate.mjs`.
// Tray icons come in three colours (ok, warning, critical) with a distinct mark each, so colour is not the only cue.
import { writeFileSync } from 'node:fs';
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

const here = new URL('.', import.meta.url);
for (const level of Object.keys(colours)) {
  writeFileSync(new URL(`tray/tray-${level}.png`, here), png(24, draw(24, level)));
  writeFileSync(new URL(`tray/tray-${level}@2x.png`, here), png(48, draw(48, level)));
}
// The application icon (electron-builder reads build/icons/<size>x<size>.png on Linux).
for (const size of [256, 512])
  writeFileSync(new URL(`${size}x${size}.png`, here), png(size, draw(size, 'ok')));
