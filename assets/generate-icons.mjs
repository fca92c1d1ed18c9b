// Draws the app and tray icons as PNGs with nothing but Node (zlib): a page with a shell prompt,
// "a runbook you can run". Run `node assets/generate-icons.mjs` after changing the drawing.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---- shapes in a unit square (0..1), each a test "is this point inside?" ----
function roundRect(x, y, w, h, r) {
  return (px, py) => {
    const dx = Math.max(x + r - px, 0, px - (x + w - r));
    const dy = Math.max(y + r - py, 0, py - (y + h - r));
    return px >= x && px <= x + w && py >= y && py <= y + h && dx * dx + dy * dy <= r * r;
  };
}
function ring(outer, inner) {
  return (px, py) => outer(px, py) && !inner(px, py);
}
/** A stroke from a to b with round caps. */
function stroke(ax, ay, bx, by, width) {
  return (px, py) => {
    const vx = bx - ax;
    const vy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
    const dx = px - (ax + t * vx);
    const dy = py - (ay + t * vy);
    return dx * dx + dy * dy <= (width / 2) ** 2;
  };
}
const union =
  (...shapes) =>
  (px, py) =>
    shapes.some((s) => s(px, py));

// ---- rasteriser: 4×4 samples per pixel, layers painted in order ----
function render(size, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const px = (x + (sx + 0.5) / n) / size;
          const py = (y + (sy + 0.5) / n) / size;
          let cr = 0,
            cg = 0,
            cb = 0,
            ca = 0;
          for (const { shape, color } of layers) {
            if (!shape(px, py)) continue;
            const [lr, lg, lb, la] = typeof color === 'function' ? color(px, py) : color;
            cr = lr * la + cr * (1 - la);
            cg = lg * la + cg * (1 - la);
            cb = lb * la + cb * (1 - la);
            ca = la + ca * (1 - la);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const samples = n * n;
      const i = (y * size + x) * 4;
      const alpha = a / samples;
      // Un-premultiply: PNG stores straight alpha.
      rgba[i] = alpha ? Math.round(r / samples / alpha) : 0;
      rgba[i + 1] = alpha ? Math.round(g / samples / alpha) : 0;
      rgba[i + 2] = alpha ? Math.round(b / samples / alpha) : 0;
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}

// ---- PNG encoder ----
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- the drawings ----
const rgb = (hex, alpha = 1) => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
  alpha,
];
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

/** The prompt on the page: a chevron and a cursor line, shared by every size. */
function prompt(x, y, scale, width) {
  return union(
    stroke(x, y, x + 0.11 * scale, y + 0.09 * scale, width),
    stroke(x + 0.11 * scale, y + 0.09 * scale, x, y + 0.18 * scale, width),
    stroke(x + 0.19 * scale, y + 0.18 * scale, x + 0.33 * scale, y + 0.18 * scale, width),
  );
}

function appIcon() {
  const top = rgb('#2a8a8f');
  const bottom = rgb('#16505e');
  // macOS icon grid: the body fills ~80% of the canvas, leaving room for the system shadow.
  const body = roundRect(0.1, 0.1, 0.8, 0.8, 0.18);
  const page = roundRect(0.27, 0.22, 0.46, 0.56, 0.05);
  const textLine = (y, w) => stroke(0.36, y, 0.36 + w, y, 0.03);
  return [
    { shape: body, color: (_x, y) => mix(top, bottom, (y - 0.1) / 0.8) },
    { shape: roundRect(0.28, 0.235, 0.46, 0.56, 0.05), color: rgb('#0b2f38', 0.35) },
    { shape: page, color: rgb('#fbfaf6') },
    { shape: prompt(0.35, 0.31, 1, 0.045), color: rgb('#1f6f78') },
    { shape: union(textLine(0.59, 0.24), textLine(0.66, 0.18)), color: rgb('#9bb7bb') },
  ];
}

/** Tray glyph: a page outline with the prompt; one colour, so it can be a macOS template. */
function trayGlyph(color, weight) {
  const outer = roundRect(0.14, 0.06, 0.72, 0.88, 0.12);
  const inner = roundRect(
    0.14 + weight,
    0.06 + weight,
    0.72 - 2 * weight,
    0.88 - 2 * weight,
    0.12 - weight / 2,
  );
  const page = ring(outer, inner);
  return [{ shape: union(page, prompt(0.34, 0.28, 1.05, weight)), color }];
}

function trayColourIcon() {
  const tile = roundRect(0.04, 0.04, 0.92, 0.92, 0.2);
  return [
    { shape: tile, color: rgb('#1f6f78') },
    { shape: union(prompt(0.24, 0.3, 1.45, 0.12)), color: rgb('#ffffff') },
  ];
}

const outputs = [
  ['icon.png', 512, appIcon()],
  // macOS: black + alpha, named *Template so the menu bar tints it for light and dark.
  ['trayTemplate.png', 16, trayGlyph(rgb('#000000'), 0.1)],
  ['trayTemplate@2x.png', 32, trayGlyph(rgb('#000000'), 0.09)],
  // Windows and Linux trays: a coloured tile that reads on light and dark panels alike.
  ['tray.png', 32, trayColourIcon()],
  ['tray@2x.png', 64, trayColourIcon()],
];
for (const [file, size, layers] of outputs) {
  writeFileSync(path.join(here, file), render(size, layers));
  process.stdout.write(`assets/${file} ${size}×${size}\n`);
}
