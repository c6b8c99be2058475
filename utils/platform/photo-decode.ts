import type { Finding } from '@/utils/schema/finding';
import { analysePixels, checkPhoto, readImageSize, sniffImageFormat, WATERMARK_TEXT, WORK_SIZE, type ImageFormat, type PhotoInput, type PhotoMetrics } from '@/utils/rules/photo';

/*
 * Browser-only glue for photo.ts: decode a chosen File into a small working copy and measure it,
 * and draw the watermark. Decoding goes through createImageBitmap, which Chromium runs off the main
 * thread; only the 512-pixel working copy is read back. Exercised by the e2e tests.
 */

/** Enough to reach a JPEG's frame header behind EXIF and thumbnails. */
const HEAD_BYTES = 256 * 1024;

export interface PhotoMeasurement {
  format: ImageFormat;
  width: number;
  height: number;
  metrics: PhotoMetrics | null;
  findings: Finding[];
}

/** A bitmap of at most about WORK_SIZE on its longest side, decoded (and scaled) by the browser. */
async function workingBitmap(file: Blob, size: { width: number; height: number } | null): Promise<ImageBitmap> {
  if (size && Math.max(size.width, size.height) > WORK_SIZE) {
    // One dimension only: the browser keeps the aspect ratio, also when EXIF rotates the picture.
    const resize: ImageBitmapOptions = size.width >= size.height ? { resizeWidth: WORK_SIZE } : { resizeHeight: WORK_SIZE };
    return createImageBitmap(file, { ...resize, resizeQuality: 'medium' });
  }
  return createImageBitmap(file);
}

/** RGBA pixels of a bitmap drawn at most WORK_SIZE on its longest side. */
function readPixels(bitmap: ImageBitmap) {
  const scale = Math.min(1, WORK_SIZE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const ctx = new OffscreenCanvas(width, height).getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

/**
 * Checks a photo chosen for real-name authentication: format from the first bytes, size from the
 * header, quality from a small decoded copy. Never rejects: an undecodable file is a finding.
 */
export async function measurePhoto(file: File, sizeLimitBytes?: number, options: Pick<PhotoInput, 'kind' | 'key'> = {}): Promise<PhotoMeasurement> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const format = sniffImageFormat(head);
  let size = readImageSize(head);
  let metrics: PhotoMetrics | null = null;
  // Formats the portal refuses are reported from their bytes alone; decoding them would add nothing.
  if (format === 'jpeg' || format === 'png') {
    let bitmap: ImageBitmap | null = null;
    try {
      bitmap = await workingBitmap(file, size);
      // Without a size in the header the bitmap is the full picture, so its size is the photo's.
      size ??= { width: bitmap.width, height: bitmap.height };
      const pixels = readPixels(bitmap);
      metrics = pixels ? analysePixels(pixels) : null;
    } catch {
      metrics = null; // damaged or truncated: checkPhoto reports it
    } finally {
      bitmap?.close();
    }
  }
  const width = size?.width ?? 0;
  const height = size?.height ?? 0;
  const findings = checkPhoto({ fileName: file.name, fileSize: file.size, head, width, height, metrics, sizeLimitBytes, ...options });
  return { format, width, height, metrics, findings };
}

/**
 * realname.photo.watermark: the photo with `text` repeated diagonally, semi-transparent, over the
 * whole picture, in the input's format (JPEG or PNG). The pixels come out upright (EXIF rotation
 * applied) and without metadata. Rejects for anything but a decodable JPEG or PNG.
 */
export async function watermarkPhoto(file: File, text: string = WATERMARK_TEXT): Promise<Blob> {
  const format = sniffImageFormat(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
  if (format !== 'jpeg' && format !== 'png') throw new Error('只能给 jpg、png 照片加水印 / only jpg and png photos can be watermarked');
  const bitmap = await createImageBitmap(file);
  try {
    const { width, height } = bitmap;
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('无法创建画布 / no 2D canvas available');
    ctx.drawImage(bitmap, 0, 0);
    const fontSize = Math.max(14, Math.round(Math.min(width, height) / 18));
    ctx.font = `${fontSize}px sans-serif`;
    // Grey at a third of opacity reads on the light card and the dark background without hiding the text below.
    ctx.fillStyle = 'rgba(128, 128, 128, 0.35)';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const step = ctx.measureText(text).width + fontSize * 2;
    const rowStep = fontSize * 4;
    ctx.translate(width / 2, height / 2);
    ctx.rotate(-Math.PI / 6);
    const reach = Math.hypot(width, height) / 2 + step;
    for (let row = 0, y = -reach; y <= reach; row++, y += rowStep) {
      // Alternate rows are offset by half a step, a brick pattern that leaves no clean band.
      for (let x = -reach - (row % 2) * (step / 2); x <= reach; x += step) ctx.fillText(text, x, y);
    }
    return await canvas.convertToBlob({ type: format === 'png' ? 'image/png' : 'image/jpeg', quality: 0.92 });
  } finally {
    bitmap.close();
  }
}
