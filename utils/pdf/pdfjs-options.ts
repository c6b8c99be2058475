import type { PdfjsModule } from '@/utils/rules/materials';

/** The part of pdf.js's own module the glue needs (legacy build, in pages or the background). */
export interface PdfjsLike {
  getDocument(src: Record<string, unknown>): ReturnType<PdfjsModule['getDocument']>;
  OPS: PdfjsModule['OPS'];
}

/**
 * pdf.js set up for reading text and operators only: no font faces (nothing is drawn, and a service
 * worker has no document to add them to), no system fonts, no OffscreenCanvas decoding of images.
 * analysePdf only counts lines and sees whether a page paints an image.
 */
export function forTextAnalysis(pdfjs: PdfjsLike): PdfjsModule {
  return {
    getDocument: (src) => pdfjs.getDocument({ ...src, disableFontFace: true, useSystemFonts: false, isOffscreenCanvasSupported: false, isImageDecoderSupported: false }),
    OPS: pdfjs.OPS,
  };
}
