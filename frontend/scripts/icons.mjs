// Writes the app's PNG icons (public/icons/icon-192.png, icon-512.png) for
// the web app manifest: a blue rounded square with a white box and a
// barcode, drawn pixel by pixel (no image library). The output is committed;
// run `node scripts/icons.mjs` again after changing the drawing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1d, 0x5f, 0xbf, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

/** The colour at (x, y) of an icon of size n (coordinates scaled to a 100-unit grid). */
function pixel(x, y, n) {
  const u = (x / n) * 100;
  const v = (y / n) * 100;
  // Rounded square, radius 18.
  const r = 18;
  const cx = Math.min(Math.max(u, r), 100 - r);
  const cy = Math.min(Math.max(v, r), 100 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;
  // A white card, and a barcode of bars on it.
  if (u >= 20 && u <= 80 && v >= 26 && v <= 74) {
    if (v >= 34 && v <= 66 && u >= 27 && u <= 73) {
      const bars = [27, 30, 31, 35, 38, 39, 40, 44, 47, 51, 52, 55, 59, 60, 63, 66, 67, 70, 73];
      return bars.some((b) => u >= b && u < b + 1.6) ? BLUE : WHITE;
    }
    return WHITE;
  }
  return BLUE;
}

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(n) {
  const raw = Buffer.alloc(n * (n * 4 + 1));
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < n; x++) raw.set(pixel(x + 0.5, y + 0.5, n), y * (n * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = join(import.meta.dirname, '..', 'public', 'icons');
for (const n of [192, 512]) writeFileSync(join(out, `icon-${n}.png`), png(n));
