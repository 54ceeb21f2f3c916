// Writes images/icon.png, the extension's 128×128 icon, from shapes: a red rounded square, a white
// page with a folded corner and lines of text, and a yellow star. Drawn with 4×4 supersampling and
// encoded with node's zlib, so the PNG is reproducible byte for byte. `npm run icon`; the PNG is
// committed. `--out FILE` writes elsewhere (the tests compare).
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;

const RED = [198, 40, 40];
const WHITE = [255, 255, 255];
const FOLD = [236, 203, 203];
const LINE = [120, 120, 128];
const STAR = [255, 205, 40];

function inRoundedRect(x, y, left, top, right, bottom, radius) {
    if (x < left || x > right || y < top || y > bottom) return false;
    const cx = Math.min(Math.max(x, left + radius), right - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function inPolygon(x, y, points) {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i];
        const [xj, yj] = points[j];
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
}

const star = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? 20 : 8;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [94 + r * Math.cos(a), 97 + r * Math.sin(a)];
});
// The page: a rectangle whose top-right corner is cut, and the fold.
const page = [[26, 16], [74, 16], [94, 36], [94, 108], [26, 108]];
const fold = [[74, 16], [74, 36], [94, 36]];
const lines = [[36, 44, 84, 50], [36, 58, 84, 64], [36, 72, 70, 78]];

function colourAt(x, y) {
    if (inPolygon(x, y, star)) return STAR;
    if (inPolygon(x, y, fold)) return FOLD;
    if (inPolygon(x, y, page)) {
        return lines.some(([l, t, r, b]) => inRoundedRect(x, y, l, t, r, b, 3)) ? LINE : WHITE;
    }
    if (inRoundedRect(x, y, 4, 4, 124, 124, 22)) return RED;
    return undefined;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
        let r = 0, g = 0, b = 0, a = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
            for (let sx = 0; sx < SAMPLES; sx++) {
                const c = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
                if (c) { r += c[0]; g += c[1]; b += c[2]; a++; }
            }
        }
        const o = y * (SIZE * 4 + 1) + 1 + x * 4;
        // Colour averaged over the covered samples, coverage as alpha (straight alpha, as PNG wants).
        raw[o] = a ? Math.round(r / a) : 0;
        raw[o + 1] = a ? Math.round(g / a) : 0;
        raw[o + 2] = a ? Math.round(b / a) : 0;
        raw[o + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
function crc32(buffer) {
    let c = 0xffffffff;
    for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
]);
const at = process.argv.indexOf('--out');
fs.writeFileSync(at > 0 ? process.argv[at + 1] : fileURLToPath(new URL('../images/icon.png', import.meta.url)), png);
