// Draws the Outpost icon (a tent under a sun on a blue rounded square) and writes it as PNGs:
// build/icon.png (1024x1024, what electron-builder converts to .icns and .ico) and
// build/icons/<size>x<size>.png for Linux. Only node:zlib, no image library.
// Usage: node build/makeIcons.mjs   (the PNGs are committed; rerun after changing the drawing)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const SUPERSAMPLE = 4;

// ---- PNG encoding ------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** rgba: Uint8Array of size*size*4, straight (not premultiplied) alpha. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- Drawing, in unit coordinates (0..1) ---------------------------------------------------
function insideRoundedSquare(x, y, margin, radius) {
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}
function insideTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

/** Colour of one point: [r, g, b, a] with components 0..255. */
function shade(x, y) {
  if (!insideRoundedSquare(x, y, 0.06, 0.2)) return [0, 0, 0, 0];
  // Tent: white outer triangle with a blue door.
  if (insideTriangle(x, y, [0.5, 0.3], [0.2, 0.76], [0.8, 0.76])) {
    if (insideTriangle(x, y, [0.5, 0.47], [0.4, 0.76], [0.6, 0.76])) return [30, 64, 175, 255];
    return [255, 255, 255, 255];
  }
  // Ground line.
  if (y > 0.76 && y < 0.8 && x > 0.14 && x < 0.86) return [255, 255, 255, 255];
  // Sun.
  if ((x - 0.74) ** 2 + (y - 0.27) ** 2 < 0.075 ** 2) return [253, 224, 71, 255];
  // Background: vertical gradient, sky blue to deep blue.
  return [...mix([56, 189, 248], [37, 99, 235], (y - 0.06) / 0.88), 255];
}

function render(size) {
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round(a / (n * n));
    }
  }
  return encodePng(size, rgba);
}

mkdirSync(path.join(here, 'icons'), { recursive: true });
const cache = new Map();
const png = (size) => cache.get(size) ?? cache.set(size, render(size)).get(size);
writeFileSync(path.join(here, 'icon.png'), png(1024));
for (const size of LINUX_SIZES) writeFileSync(path.join(here, 'icons', `${size}x${size}.png`), png(size));
console.log(`wrote build/icon.png and build/icons/{${LINUX_SIZES.join(',')}}.png`);
