import type { PdfjsModule } from '@/utils/rules/materials';
import { forTextAnalysis, type PdfjsLike } from '@/utils/pdf/pdfjs-options';

let loading: Promise<PdfjsModule> | null = null;

/**
 * pdf.js for the extension's own pages, loaded on first use: its worker is a file of the extension
 * (Vite's `?url` emits it as an asset), so it runs under the pages' `script-src 'self'` with no new
 * permission and no remote code, and off the page's main thread.
 */
export function pdfjsForPages(): Promise<PdfjsModule> {
  loading ??= Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url')]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return forTextAnalysis(pdfjs as unknown as PdfjsLike);
  });
  return loading;
}
