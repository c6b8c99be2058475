import type { Finding } from '@/utils/schema/finding';
import { finding } from './finding';

/*
 * Identity photos for real-name authentication (docs/RULES.md realname.photo.*), without any DOM: the
 * format from the first bytes, the size from the header, the quality from RGBA pixels. The browser
 * glue that decodes a File lives in utils/platform/photo-decode.ts.
 */

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'heic' | 'gif' | 'pdf' | 'bmp' | 'unknown';

/** realname.photo.watermark: the wording the center asks for when a watermark is added. */
export const WATERMARK_TEXT = '仅供办理中国版权保护中心各项申请使用';

/** What the portal's upload accepts (请上传jpg、png、jpeg格式). */
export const ACCEPTED_PHOTO_FORMATS: readonly ImageFormat[] = ['jpeg', 'png'];

const FORMAT_NAMES: Record<ImageFormat, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  heic: 'HEIC',
  gif: 'GIF',
  pdf: 'PDF',
  bmp: 'BMP',
  unknown: '未知',
};

/** HEIF brands written by phones (iPhone: heic, mif1; Android: heic, heix, msf1). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length && i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** realname.photo.format: the real format from the magic bytes, whatever the file is called. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat {
  if (!(bytes instanceof Uint8Array) || bytes.length < 4) return 'unknown';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 4) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 4))) return 'heic';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  // PDF readers accept the header anywhere in the first 1024 bytes.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 26) return 'bmp';
  return 'unknown';
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u24le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
const i32le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);

/** JPEG: walk the segments to the first SOFn (frame header), which holds the size. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // scan data or end before any frame header
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
    i += 2 + u16be(b, i + 2);
  }
  return null;
}

/**
 * The stored pixel size from the header, or null when the bytes do not hold it (HEIC, truncated).
 * JPEGs keep EXIF before the frame header: pass at least the first 256 KiB. EXIF rotation may swap
 * width and height on screen; the checks only use the shorter side and the ratio, which it keeps.
 */
export function readImageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const format = sniffImageFormat(bytes);
  const b = bytes;
  let size: { width: number; height: number } | null = null;
  if (format === 'jpeg') size = jpegSize(b);
  else if (format === 'png' && b.length >= 24 && ascii(b, 12, 4) === 'IHDR') size = { width: u32be(b, 16), height: u32be(b, 20) };
  else if (format === 'gif' && b.length >= 10) size = { width: u16le(b, 6), height: u16le(b, 8) };
  else if (format === 'bmp') size = { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  else if (format === 'webp' && b.length >= 30) {
    const chunk = ascii(b, 12, 4);
    if (chunk === 'VP8 ' && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) size = { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
    else if (chunk === 'VP8L' && b[20] === 0x2f) {
      const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
      size = { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    } else if (chunk === 'VP8X') size = { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return size && size.width > 0 && size.height > 0 ? size : null;
}

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row (ImageData.data, or a decoder's output). */
  data: Uint8ClampedArray | Uint8Array;
}

export type Side = 'top' | 'right' | 'bottom' | 'left';
export const SIDES: readonly Side[] = ['top', 'right', 'bottom', 'left'];

export interface PhotoMetrics {
  /** Size of the grayscale working copy the metrics were measured on. */
  workWidth: number;
  workHeight: number;
  /** Variance of the 4-neighbour Laplacian of the working copy: low means blurred. */
  sharpness: number;
  /** Share (0–1) of blown-out pixels (luma ≥ GLARE_LUMA) in the working copy. */
  glare: number;
  /** Per frame edge, the share (0–1) of its length where the picture differs from the background. */
  edgeContent: Record<Side, number>;
  /** The picture is cropped to the card itself (content on all four edges, card-shaped): no edge is cut. */
  croppedToCard: boolean;
  /** The edges where content reaches the frame: a cut card, or a finger or object covering it. */
  touchedSides: Side[];
}

/** Width : height of an ID-1 card (85.6 mm × 54 mm), the size of 居民身份证. */
export const ID_CARD_ASPECT = 85.6 / 54;

/** The longest side of the working copy: metrics then do not depend on the camera's resolution. */
export const WORK_SIZE = 512;
/** Luma at or above which a pixel counts as blown out. */
export const GLARE_LUMA = 250;

/**
 * Thresholds, set between values measured on generated ID-card pictures (test/unit/rules/photo.test.ts,
 * PHOTO_MEASURE=1 prints them): a light card with a border, a photo box and glyph rows on a darker
 * background, 1200×900 with the card 840 px wide (characters ≈ 42 px), sensor noise σ 3, JPEG
 * quality 90 through jpeg-js (PNG through pngjs gives the same values within 2 %).
 *
 * Sharpness (noise-corrected variance of the Laplacian at 512 px), measured on generated images:
 *   sharp ≈ 1380 (PNG 1380; card at 45 % of the width ≈ 1020; 400×300 ≈ 3420; 2400×1800 ≈ 1280),
 *   box blur r = 2 ≈ 330, r = 3 ≈ 140, r = 4 ≈ 69, r = 6 ≈ 26 (PNG 23);
 *   noise σ 10 instead of 3: sharp ≈ 1345, r = 4 ≈ 50 (the noise correction keeps noise from
 *   passing for detail; without it r = 8 at σ 10 measured ≈ 125, i.e. "sharp").
 * Glyph strokes stay distinct up to a blur radius of about 7 % of the character height (r = 3)
 * and merge from about 10 % (r = 4): the threshold sits between, at the geometric mean ≈ 100.
 *
 * Glare (share of luma ≥ 250), measured: sharp ≈ 0, blurred ≈ 0, a small specular spot ≈ 0.004,
 * a blown-out ellipse over a third of the card ≈ 0.104. Threshold: 2 % of the frame.
 *
 * Edge content (share of an edge's length differing from the background by more than edgeDelta),
 * measured: card inside the frame 0.000 on every side (also blurred or with glare); a thumb over
 * the card's bottom edge ≈ 0.098 (bottom); card cut at the right ≈ 0.34; cut at top and left
 * ≈ 0.58 / 0.49; a picture cropped to the card ≈ 0.93–0.96 on all four. Threshold 0.05.
 */
export const PHOTO_THRESHOLDS = {
  /** Below this sharpness the photo is blurred. */
  minSharpness: 100,
  /** Above this share of blown-out pixels the photo has glare. */
  maxGlare: 0.02,
  /** A frame edge whose share of content exceeds this is touched. */
  maxEdgeContent: 0.05,
  /** Content on more than this share of all four edges, in a card-shaped picture: cropped to the card. */
  croppedEdgeContent: 0.8,
  /** Luma difference from the background that counts as content at the frame's edge. */
  edgeDelta: 40,
  /** Shorter side in pixels below which text is too small to read [ours]. */
  minShortSide: 600,
  /** Longest/shortest side above which the picture is no card photo or handheld photo (phone frames reach 20:9 ≈ 2.2). */
  maxAspect: 2.3,
  /** File size above which a warning is given when the page states no limit [ours]. */
  defaultSizeLimitBytes: 5 * 1024 * 1024,
} as const;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Measures sharpness, glare and content at the frame's edges on a grayscale copy downscaled (area
 * average) to WORK_SIZE on the longest side. Returns null for pixels that cannot be an image.
 */
export function analysePixels(pixels: Pixels): PhotoMetrics | null {
  if (!pixels || typeof pixels !== 'object') return null;
  const { width, height, data } = pixels;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 3 || height < 3) return null;
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray) || data.length < width * height * 4) return null;

  const scale = Math.min(1, WORK_SIZE / Math.max(width, height));
  const w = Math.max(3, Math.round(width * scale));
  const h = Math.max(3, Math.round(height * scale));
  const sum = new Float64Array(w * h);
  const count = new Uint32Array(w * h);
  const colOf = new Uint32Array(width);
  for (let x = 0; x < width; x++) colOf[x] = Math.min(w - 1, Math.floor((x * w) / width));
  for (let y = 0; y < height; y++) {
    const row = Math.min(h - 1, Math.floor((y * h) / height)) * w;
    let p = y * width * 4;
    for (let x = 0; x < width; x++, p += 4) {
      const t = row + colOf[x];
      sum[t] += 0.299 * data[p] + 0.587 * data[p + 1] + 0.114 * data[p + 2];
      count[t]++;
    }
  }
  const g = new Float32Array(w * h);
  for (let i = 0; i < g.length; i++) g[i] = sum[i] / count[i];

  // Sharpness: variance of the Laplacian over the interior, less the part sensor noise explains.
  // Most of an ID photo is flat, so the median |Laplacian| is noise: its spread is ≈ 1.4826 × the
  // median (robust estimate), and its square is subtracted. Without this, a blurred but noisy photo
  // counts as sharp. (A background with fine texture over half the frame reads as noise too, and
  // lowers the value: a possible false "blurred" warning, never a missed one.)
  const BINS = 4096;
  const BIN = 0.25;
  const histogram = new Uint32Array(BINS);
  let lapSum = 0;
  let lapSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const lap = g[i - 1] + g[i + 1] + g[i - w] + g[i + w] - 4 * g[i];
      lapSum += lap;
      lapSq += lap * lap;
      histogram[Math.min(BINS - 1, Math.floor(Math.abs(lap) / BIN))]++;
      n++;
    }
  }
  let seen = 0;
  let medianBin = 0;
  while (medianBin < BINS - 1 && (seen += histogram[medianBin]) < n / 2) medianBin++;
  const noiseSigma = 1.4826 * (medianBin + 0.5) * BIN;
  const mean = lapSum / n;
  const variance = lapSq / n - mean * mean;
  const sharpness = Math.max(0, variance - noiseSigma * noiseSigma);

  let blown = 0;
  for (let i = 0; i < g.length; i++) if (g[i] >= GLARE_LUMA) blown++;
  const glare = blown / g.length;

  // The background is what the corners show (median of four corner patches, robust to one covered corner).
  const c = Math.max(2, Math.round(0.03 * Math.min(w, h)));
  const corner = (x0: number, y0: number) => {
    const v: number[] = [];
    for (let y = y0; y < y0 + c; y++) for (let x = x0; x < x0 + c; x++) v.push(g[y * w + x]);
    return median(v);
  };
  const background = median([corner(0, 0), corner(w - c, 0), corner(0, h - c), corner(w - c, h - c)]);
  // Along each edge, a strip a few pixels deep: the share of positions that differ from the background.
  const t = Math.max(1, Math.round(0.015 * Math.min(w, h)));
  const strip = (length: number, at: (pos: number, depth: number) => number) => {
    let differing = 0;
    for (let pos = 0; pos < length; pos++) {
      let s = 0;
      for (let d = 0; d < t; d++) s += at(pos, d);
      if (Math.abs(s / t - background) > PHOTO_THRESHOLDS.edgeDelta) differing++;
    }
    return differing / length;
  };
  const edgeContent: Record<Side, number> = {
    top: strip(w, (x, d) => g[d * w + x]),
    right: strip(h, (y, d) => g[y * w + (w - 1 - d)]),
    bottom: strip(w, (x, d) => g[(h - 1 - d) * w + x]),
    left: strip(h, (y, d) => g[y * w + d]),
  };
  // A picture cropped to the card (a scan) shows the card on all four edges and has the card's
  // shape; a card that overflows a camera frame does not have that shape.
  const croppedToCard =
    SIDES.every((s) => edgeContent[s] > PHOTO_THRESHOLDS.croppedEdgeContent) && Math.abs(Math.max(w, h) / Math.min(w, h) - ID_CARD_ASPECT) < 0.1;
  const touchedSides = croppedToCard ? [] : SIDES.filter((s) => edgeContent[s] > PHOTO_THRESHOLDS.maxEdgeContent);
  return { workWidth: w, workHeight: h, sharpness, glare, edgeContent, croppedToCard, touchedSides };
}

export interface PhotoInput {
  fileName: string;
  fileSize: number;
  /** The file's first bytes (at least 16; the first 1024 catch a PDF with leading junk). */
  head: Uint8Array;
  /** Pixel size of the image, 0 when unknown. */
  width: number;
  height: number;
  /** analysePixels' result; null when the image could not be decoded. */
  metrics: PhotoMetrics | null;
  /** The upload's limit as the page states it; 5 MB when it states none. */
  sizeLimitBytes?: number;
  /** card: a photo of the card itself (edges must show); handheld: the owner holding the card. */
  kind?: 'card' | 'handheld';
  /** The field key for the findings (e.g. the upload's name). */
  key?: string;
}

const SIDE_ZH: Record<Side, string> = { top: '上', right: '右', bottom: '下', left: '左' };

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** What a photo's first bytes and size decide, before any pixel is decoded. */
export type PhotoHeaderInput = Omit<PhotoInput, 'metrics'>;

/** The checks' view of an input: absurd values read as missing, so no check throws. */
function sane(input: Partial<PhotoInput>) {
  const p: Partial<PhotoInput> = input && typeof input === 'object' ? input : {};
  const finite = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : 0);
  return {
    key: typeof p.key === 'string' ? p.key : undefined,
    name: typeof p.fileName === 'string' ? p.fileName : '',
    fileSize: finite(p.fileSize),
    head: p.head instanceof Uint8Array ? p.head : new Uint8Array(0),
    width: finite(p.width),
    height: finite(p.height),
    limit: typeof p.sizeLimitBytes === 'number' && p.sizeLimitBytes > 0 ? p.sizeLimitBytes : PHOTO_THRESHOLDS.defaultSizeLimitBytes,
    kind: p.kind ?? 'card',
    metrics: p.metrics ?? null,
  };
}

/**
 * realname.photo.format / .size from the file's bytes and the header's pixel size (0 when the
 * header has none): the findings that stand whatever the pixels show, so they can be shown while
 * the picture is still decoding. `decode` says whether the pixels are worth decoding: not for an
 * empty file or a format the portal refuses, whose verdict this already is.
 */
export function checkPhotoHeader(input: PhotoHeaderInput): { findings: Finding[]; decode: boolean } {
  const { key, name, fileSize, head, width, height, limit } = sane(input);
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const out: Finding[] = [];

  // realname.photo.format: judged by the bytes, not the name.
  const format = sniffImageFormat(head);
  const extFormat: ImageFormat | null = ext === 'jpg' || ext === 'jpeg' ? 'jpeg' : ext === 'png' ? 'png' : null;
  if (fileSize === 0 && head.length === 0) {
    out.push(finding('realname.photo.format', key, '文件是空的', 'the file is empty'));
    return { findings: out, decode: false };
  }
  if (!ACCEPTED_PHOTO_FORMATS.includes(format)) {
    const real = FORMAT_NAMES[format];
    const named = ext ? `（文件名为 .${ext}）` : '';
    const namedEn = ext ? ` (named .${ext})` : '';
    out.push(
      finding(
        'realname.photo.format',
        key,
        format === 'unknown' ? `无法识别的文件格式${named}，请上传 jpg、png、jpeg 格式的照片` : `文件实际是 ${real} 格式${named}，请转换为 jpg 或 png 后上传`,
        format === 'unknown' ? `unrecognised file format${namedEn}; upload a jpg, png or jpeg photo` : `the file is really ${real}${namedEn}; convert it to jpg or png`,
      ),
    );
    return { findings: out, decode: false };
  }
  if (extFormat !== format) {
    const want = format === 'jpeg' ? '.jpg' : '.png';
    out.push(
      finding(
        'realname.photo.format',
        key,
        `文件实际是 ${FORMAT_NAMES[format]} 格式，扩展名应为 ${want}（现为 ${ext ? '.' + ext : '无扩展名'}）`,
        `the file is ${FORMAT_NAMES[format]}; its name should end in ${want} (not ${ext ? '.' + ext : 'nothing'})`,
        'warning',
      ),
    );
  }

  // realname.photo.size
  if (fileSize > limit) {
    out.push(finding('realname.photo.size', key, `文件 ${mb(fileSize)} MB，超过 ${mb(limit)} MB 的限制`, `the file is ${mb(fileSize)} MB, over the ${mb(limit)} MB limit`));
  }
  if (width > 0 && height > 0) {
    const short = Math.min(width, height);
    if (short < PHOTO_THRESHOLDS.minShortSide) {
      out.push(
        finding('realname.photo.size', key, `图片只有 ${width}×${height} 像素，短边应至少 ${PHOTO_THRESHOLDS.minShortSide} 像素才能看清文字`, `the image is only ${width}×${height}; the shorter side needs ${PHOTO_THRESHOLDS.minShortSide} px to be legible`),
      );
    }
    const aspect = Math.max(width, height) / short;
    if (aspect > PHOTO_THRESHOLDS.maxAspect) {
      out.push(
        finding('realname.photo.size', key, `图片比例 ${aspect.toFixed(2)}:1 不像证件照或手持证件照（证件约 1.58:1），是否为截图或拼接图？`, `an aspect ratio of ${aspect.toFixed(2)}:1 fits neither a card (≈1.58:1) nor a handheld photo: a screenshot or a collage?`),
      );
    }
  }
  return { findings: out, decode: true };
}

/** realname.photo.format (the decoder failed) / .quality from the decoded pixels' metrics. */
function checkPhotoPixels(input: Partial<PhotoInput>): Finding[] {
  const { key, kind, metrics: m } = sane(input);
  if (!m) return [finding('realname.photo.format', key, '图片无法解码，文件可能已损坏', 'the image cannot be decoded; the file may be damaged')];
  const out: Finding[] = [];
  if (m.sharpness < PHOTO_THRESHOLDS.minSharpness) {
    out.push(finding('realname.photo.quality', key, '照片模糊，请对焦后重拍', 'the photo is blurred; refocus and retake it'));
  }
  if (m.glare > PHOTO_THRESHOLDS.maxGlare) {
    out.push(finding('realname.photo.quality', key, `照片有反光（${Math.round(m.glare * 100)}% 的区域过曝），请避开强光重拍`, `the photo has glare (${Math.round(m.glare * 100)} % blown out); avoid direct light`));
  }
  if (kind === 'card' && m.touchedSides.length) {
    const zh = m.touchedSides.map((s) => SIDE_ZH[s]).join('、');
    out.push(
      finding('realname.photo.quality', key, `证件在${zh}边超出画面或被遮挡，请让证件四边完整地留在画面内`, `the card reaches the ${m.touchedSides.join(', ')} edge of the frame (cut or covered); keep all four edges inside`),
    );
  }
  return out;
}

/**
 * realname.photo.format / .size / .quality for one chosen photo: the header's findings, then the
 * pixels'. Never throws: missing or absurd numbers simply skip the checks that need them.
 */
export function checkPhoto(input: PhotoInput): Finding[] {
  const header = checkPhotoHeader(input);
  return header.decode ? [...header.findings, ...checkPhotoPixels(input)] : header.findings;
}
