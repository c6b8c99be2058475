// 12-megapixel identity photos generated on the fly: the unit tests' ID-card scene
// (test/unit/rules/photo-images.ts: a card on a table, glyph rows, sensor noise) at 4000×3000,
// through real JPEG and PNG encoders.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from '../machine.mjs';

export const PHOTO_WIDTH = 4000;
export const PHOTO_HEIGHT = 3000;

/** Writes photo-12mp.jpg and photo-12mp.png into `dir`; returns their paths, sizes and the time taken. */
export async function generatePhotos(dir) {
  // The scene is TypeScript with jpeg-js and pngjs: bundle it for Node once, CommonJS for their require()s.
  const outfile = join(dir, 'photo-images.cjs');
  await build({ entryPoints: [join(ROOT, 'test/unit/rules/photo-images.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'silent' });
  const images = createRequire(import.meta.url)(outfile);
  const started = performance.now();
  const width = PHOTO_WIDTH;
  const height = PHOTO_HEIGHT;
  // A careful phone shot: the card fills 70 % of the width, mild sensor noise.
  const img = images.scene({ width, height, noise: 3 });
  const files = [];
  for (const [format, encode] of [
    ['jpeg', () => images.toJpeg(img, 90)],
    ['png', () => images.toPng(img)],
  ]) {
    const bytes = encode();
    const path = join(dir, `photo-12mp.${format === 'jpeg' ? 'jpg' : 'png'}`);
    writeFileSync(path, bytes);
    files.push({ format, path, width, height, bytes: bytes.length });
  }
  return { files, generatedInMs: Math.round(performance.now() - started) };
}
