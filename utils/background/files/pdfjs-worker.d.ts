// pdfjs-dist ships no types for its worker module; the background only takes this class from it.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
