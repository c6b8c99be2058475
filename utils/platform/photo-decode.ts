import type { Finding } from '@/utils/schema/finding';
import { analysePixels, checkPhoto, checkPhotoHeader, readImageSize, sniffImageFormat, WATERMARK_TEXT, WORK_SIZE, type ImageFormat, type PhotoInput, type PhotoMetrics, type Pixels } from '@/utils/rules/photo';
import { nextTask } from './next-task';

/*
 * Browser-only glue for photo.ts: decode a chosen File into a small copy and measure it, and draw
 * the watermark. Decoding runs on the browser's decoder threads; what runs on the page's thread is
 * cut into steps of a task each (nextTask), so that no step freezes the page: a 12 MP photo costs
 * a few tasks of 5–20 ms instead of one of 70–100 ms. Exercised by the e2e tests and the bench.
 */

/** Enough to reach a JPEG's frame header behind EXIF and thumbnails. */
const HEAD_BYTES = 256 * 1024;

/**
 * The decoded copy's longest side at most this: twice the working size, which analysePixels then
 * area-averages down to, as it does on the full pictures its thresholds were set on.
 */
const DECODE_SIZE = 2 * WORK_SIZE;

export interface PhotoMeasurement {
  format: ImageFormat;
  width: number;
  height: number;
  metrics: PhotoMetrics | null;
  findings: Finding[];
}

type Size = { width: number; height: number };

/** RGBA pixels of `source` drawn at `width`×`height`. */
function readPixels(source: CanvasImageSource, width: number, height: number): ImageData {
  const ctx = new OffscreenCanvas(width, height).getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(source, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

/**
 * A JPEG decoded straight at reduced size: WebCodecs' decoder scales JPEGs while decoding (DCT
 * scaling, M/8 of the size), on its own thread, so a 12 MP photo arrives as a frame of about 1000
 * pixels. The frame carries the EXIF rotation, which drawing it applies. `size` is the header's.
 */
async function decodeJpegScaled(file: Blob, size: Size): Promise<ImageData> {
  const fit = Math.min(1, DECODE_SIZE / Math.max(size.width, size.height));
  const decoder = new ImageDecoder({ data: file.stream(), type: 'image/jpeg', desiredWidth: Math.round(size.width * fit), desiredHeight: Math.round(size.height * fit) });
  try {
    const { image } = await decoder.decode();
    try {
      await nextTask();
      return readPixels(image, image.displayWidth, image.displayHeight);
    } finally {
      image.close();
    }
  } finally {
    decoder.close();
  }
}

/**
 * Any JPEG or PNG: createImageBitmap decodes it at full size on a decoder thread (scaling it there
 * with resizeWidth would run on the page's thread, in one piece). It is then halved by drawing, a
 * step per task: drawing at exactly half the size averages each 2×2 block, so the steps add up to
 * an area average. Returns the pixels and the picture's own (upright) size.
 */
async function decodeHalved(file: Blob): Promise<{ pixels: ImageData; size: Size }> {
  const bitmap = await createImageBitmap(file);
  const size = { width: bitmap.width, height: bitmap.height };
  let source: CanvasImageSource = bitmap;
  let { width, height } = size;
  try {
    while (Math.max(width, height) > DECODE_SIZE) {
      await nextTask();
      width = Math.max(1, Math.round(width / 2));
      height = Math.max(1, Math.round(height / 2));
      const half = new OffscreenCanvas(width, height);
      const ctx = half.getContext('2d');
      if (!ctx) throw new Error('no 2D canvas');
      ctx.imageSmoothingQuality = 'low'; // bilinear, no mipmaps: at half size exactly the 2×2 average
      ctx.drawImage(source, 0, 0, width, height);
      source = half;
      bitmap.close(); // the full picture is no longer needed once drawn
    }
    await nextTask();
    return { pixels: readPixels(source, width, height), size };
  } finally {
    bitmap.close();
  }
}

/** The photo's pixels at most DECODE_SIZE on their longest side, and its pixel size. */
async function decodeSmall(file: Blob, format: 'jpeg' | 'png', header: Size | null): Promise<{ pixels: Pixels; size: Size }> {
  if (format === 'jpeg' && header && typeof ImageDecoder === 'function') {
    // A file WebCodecs refuses may still decode below; only that decoder's failure says "damaged".
    const pixels = await decodeJpegScaled(file, header).catch(() => null);
    if (pixels) return { pixels, size: header };
  }
  return decodeHalved(file);
}

/**
 * Checks a photo chosen for real-name authentication: format from the first bytes, size from the
 * header, quality from a small decoded copy. `onHeader` is told the header's findings (a file over
 * the size limit, a wrong extension, too few pixels) before decoding starts; they are the first
 * findings of the result. Never rejects: an undecodable file is a finding.
 */
export async function measurePhoto(file: File, sizeLimitBytes?: number, options: Pick<PhotoInput, 'kind' | 'key'> = {}, onHeader?: (header: PhotoMeasurement) => void): Promise<PhotoMeasurement> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const format = sniffImageFormat(head);
  const headerSize = readImageSize(head);
  const input = { fileName: file.name, fileSize: file.size, head, sizeLimitBytes, ...options };
  const header = checkPhotoHeader({ ...input, width: headerSize?.width ?? 0, height: headerSize?.height ?? 0 });
  const headerMeasurement = { format, width: headerSize?.width ?? 0, height: headerSize?.height ?? 0, metrics: null, findings: header.findings };
  // A format the portal refuses is reported from its bytes alone; decoding it would add nothing.
  if (!header.decode || (format !== 'jpeg' && format !== 'png')) return headerMeasurement;
  onHeader?.(headerMeasurement);
  let size = headerSize;
  let metrics: PhotoMetrics | null = null;
  try {
    const decoded = await decodeSmall(file, format, headerSize);
    // Without a size in the header, the decoded picture's is the photo's.
    size ??= decoded.size;
    await nextTask();
    metrics = analysePixels(decoded.pixels);
  } catch {
    metrics = null; // damaged or truncated: checkPhoto reports it
  }
  // The caller renders the verdict in a task of its own.
  await nextTask();
  const width = size?.width ?? 0;
  const height = size?.height ?? 0;
  return { format, width, height, metrics, findings: checkPhoto({ ...input, width, height, metrics }) };
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
