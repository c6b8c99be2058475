import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/*
 * Generated ID-card-like pictures for the photo tests: a light card with a border, a photo box
 * and rows of glyph-like text on a darker background, with sensor noise, drawn into an RGBA buffer
 * and passed through real JPEG/PNG encoders. Deterministic (seeded), so the measured metrics are
 * reproducible. Written for speed: plain loops over typed arrays.
 */

export interface Img {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}
type Rgb = readonly [number, number, number];

/** mulberry32: a tiny seeded generator, so every run draws the same picture. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A background with a gentle left-to-right light falloff, as on a table lit from one side. */
export function blank(width: number, height: number, rgb: Rgb): Img {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let x = 0; x < width; x++) {
    const shade = 1 + 0.08 * (x / width - 0.5);
    for (let y = 0, p = x * 4; y < height; y++, p += width * 4) {
      data[p] = rgb[0] * shade;
      data[p + 1] = rgb[1] * shade;
      data[p + 2] = rgb[2] * shade;
      data[p + 3] = 255;
    }
  }
  return { width, height, data };
}

/** Fills columns x0..x1 (exclusive) of row y, clipped to the picture; alpha 1 unless given. */
function span(img: Img, y: number, x0: number, x1: number, rgb: Rgb, alpha = 1) {
  if (y < 0 || y >= img.height) return;
  const from = Math.max(0, Math.round(x0));
  const to = Math.min(img.width, Math.round(x1));
  for (let p = (y * img.width + from) * 4, end = (y * img.width + to) * 4; p < end; p += 4) {
    img.data[p] = img.data[p] * (1 - alpha) + rgb[0] * alpha;
    img.data[p + 1] = img.data[p + 1] * (1 - alpha) + rgb[1] * alpha;
    img.data[p + 2] = img.data[p + 2] * (1 - alpha) + rgb[2] * alpha;
  }
}

export function rect(img: Img, x: number, y: number, w: number, h: number, rgb: Rgb) {
  for (let yy = Math.round(y); yy < Math.round(y + h); yy++) span(img, yy, x, x + w, rgb);
}

/** An ellipse; with `soft`, an edge that fades out over that many pixels. */
export function ellipse(img: Img, cx: number, cy: number, rx: number, ry: number, rgb: Rgb, soft = 0) {
  const fade = soft / Math.min(rx, ry);
  for (let y = Math.floor(cy - ry - soft); y <= cy + ry + soft; y++) {
    if (y < 0 || y >= img.height) continue;
    for (let x = Math.max(0, Math.floor(cx - rx - soft)); x <= Math.min(img.width - 1, cx + rx + soft); x++) {
      const d = Math.hypot((x - cx) / rx, (y - cy) / ry);
      if (d <= 1) span(img, y, x, x + 1, rgb);
      else if (soft > 0 && d <= 1 + fade) span(img, y, x, x + 1, rgb, 1 - (d - 1) / fade);
    }
  }
}

/** A CJK-like glyph: three horizontal and two vertical strokes in a square cell. */
function glyph(img: Img, x: number, y: number, size: number, rgb: Rgb, seed: number) {
  const r = random(seed);
  const s = Math.max(1, size / 9);
  for (let k = 0; k < 3; k++) rect(img, x + r() * size * 0.2, y + (k + 0.5) * size * 0.28, size * (0.6 + 0.3 * r()), s, rgb);
  for (let k = 0; k < 2; k++) rect(img, x + (0.25 + 0.45 * k + 0.1 * r()) * size, y + r() * size * 0.2, s, size * (0.6 + 0.3 * r()), rgb);
}

/** Row y of a rounded rectangle, inset: its [x0, x1) or null. */
function roundedSpan(y: number, x: number, top: number, w: number, h: number, radius: number, inset: number): [number, number] | null {
  const [l, t, r, b, rad] = [x + inset, top + inset, x + w - inset, top + h - inset, Math.max(0, radius - inset)];
  if (y < t || y >= b) return null;
  const dy = y < t + rad ? t + rad - y : y >= b - rad ? y - (b - rad) + 1 : 0;
  const dx = dy > 0 ? rad - Math.sqrt(Math.max(0, rad * rad - dy * dy)) : 0;
  return [l + dx, r - dx];
}

export interface CardPlacement {
  /** Top-left corner and width of the card in the picture; the height follows the ID-1 ratio 85.6 : 54. */
  x: number;
  y: number;
  width: number;
}

/** Draws a 居民身份证-like card (ID-1 size ratio) at the placement. */
export function drawCard(img: Img, { x, y, width }: CardPlacement) {
  const height = width / 1.585;
  const radius = width * 0.04;
  const border = Math.max(1, Math.round(width * 0.003));
  for (let yy = Math.max(0, Math.floor(y)); yy < Math.min(img.height, Math.ceil(y + height)); yy++) {
    const outer = roundedSpan(yy, x, y, width, height, radius, 0);
    if (outer) span(img, yy, outer[0], outer[1], [120, 130, 145]);
    const inner = roundedSpan(yy, x, y, width, height, radius, border);
    if (inner) span(img, yy, inner[0], inner[1], [232, 236, 242]);
  }
  // photo box with a face-like ellipse and shoulders
  rect(img, x + 0.66 * width, y + 0.12 * height, 0.27 * width, 0.62 * height, [196, 200, 206]);
  ellipse(img, x + 0.795 * width, y + 0.38 * height, 0.08 * width, 0.15 * height, [150, 120, 105]);
  ellipse(img, x + 0.795 * width, y + 0.7 * height, 0.12 * width, 0.06 * height, [60, 60, 70]);
  // label + value rows, and the 18-digit number row
  const size = 0.05 * width;
  let seed = 1;
  for (let row = 0; row < 5; row++) {
    const yy = y + (0.1 + row * 0.13) * height;
    for (let k = 0; k < 2; k++) glyph(img, x + (0.05 + k * 0.06) * width, yy, size * 0.8, [90, 110, 140], seed++);
    const chars = [3, 2, 4, 8, 8][row];
    for (let k = 0; k < chars; k++) glyph(img, x + (0.2 + k * 0.058) * width, yy, size, [30, 30, 38], seed++);
  }
  for (let k = 0; k < 18; k++) rect(img, x + (0.32 + k * 0.034) * width, y + 0.84 * height, size * 0.45, size * 0.9, [30, 30, 38]);
}

/** Sensor noise with standard deviation sigma (uniform), independent per channel. */
export function noise(img: Img, sigma: number, seed = 7) {
  const r = random(seed);
  const a = sigma * Math.sqrt(3) * 2;
  for (let i = 0; i < img.data.length; i += 4) {
    img.data[i] += (r() - 0.5) * a;
    img.data[i + 1] += (r() - 0.5) * a;
    img.data[i + 2] += (r() - 0.5) * a;
  }
}

/** A separable box blur of radius r (a (2r+1)² mean), as from focus or shake. */
export function boxBlur(img: Img, r: number): Img {
  const { width: w, height: h } = img;
  const pass = (src: Uint8ClampedArray, len: number, lines: number, stride: number, lineStride: number) => {
    const out = new Uint8ClampedArray(src.length);
    const n = 2 * r + 1;
    for (let line = 0; line < lines; line++) {
      const base = line * lineStride;
      const at = (pos: number) => base + Math.min(len - 1, Math.max(0, pos)) * stride;
      for (let k = 0; k < 3; k++) {
        let acc = 0;
        for (let pos = -r; pos <= r; pos++) acc += src[at(pos) + k];
        for (let pos = 0; pos < len; pos++) {
          out[base + pos * stride + k] = acc / n;
          acc += src[at(pos + r + 1) + k] - src[at(pos - r) + k];
        }
      }
      for (let pos = 0; pos < len; pos++) out[base + pos * stride + 3] = 255;
    }
    return out;
  };
  const horizontal = pass(img.data, w, h, 4, w * 4);
  return { width: w, height: h, data: pass(horizontal, h, w, w * 4, 4) };
}

export interface Scene {
  width?: number;
  height?: number;
  card?: CardPlacement;
  blur?: number;
  /** A blown-out spot over the card: centre and radii as fractions of the card. */
  glare?: { cx: number; cy: number; rx: number; ry: number };
  /** A thumb reaching from the bottom frame edge over the card's bottom edge. */
  thumb?: boolean;
  /** Sensor noise after the blur (default 3). */
  noise?: number;
}

/** The default scene: a 1200×900 photo with the card inside (70 % of the width), like a careful phone shot. */
export function scene(s: Scene = {}): Img {
  const width = s.width ?? 1200;
  const height = s.height ?? 900;
  const card = s.card ?? { x: width * 0.15, y: (height - (width * 0.7) / 1.585) / 2, width: width * 0.7 };
  let img = blank(width, height, [98, 90, 82]);
  drawCard(img, card);
  if (s.glare) {
    const ch = card.width / 1.585;
    ellipse(img, card.x + s.glare.cx * card.width, card.y + s.glare.cy * ch, s.glare.rx * card.width, s.glare.ry * ch, [255, 255, 255], card.width * 0.03);
  }
  if (s.thumb) ellipse(img, card.x + card.width * 0.3, height, card.width * 0.07, height - card.y - card.width / 1.585 + card.width * 0.12, [214, 170, 140]);
  if (s.blur) img = boxBlur(img, s.blur);
  noise(img, s.noise ?? 3);
  return img;
}

export function toJpeg(img: Img, quality = 90): Uint8Array {
  return new Uint8Array(jpeg.encode({ width: img.width, height: img.height, data: img.data }, quality).data);
}

export function fromJpeg(bytes: Uint8Array): Img {
  const d = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return { width: d.width, height: d.height, data: new Uint8ClampedArray(d.data.buffer, d.data.byteOffset, d.data.byteLength) };
}

/** PNG with fast compression: the noise makes the file big whatever the level. */
export function toPng(img: Img): Uint8Array {
  const png = new PNG({ width: img.width, height: img.height, deflateLevel: 1 });
  png.data = Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
  return new Uint8Array(PNG.sync.write(png, { deflateLevel: 1 }));
}

export function fromPng(bytes: Uint8Array): Img {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
}
