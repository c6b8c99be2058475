import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { WorkerMessageHandler } from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { InspectFileRequest, type InspectFileResponse } from '../messages/contract';
import { analysePdf, checkMaterials } from '../rules/materials';
import { measurePhoto } from '../rules/photo-browser';
import type { Work } from '../schema/work';
import { base64ToBytes } from './base64';
import { forTextAnalysis } from './pdfjs-options';

/*
 * The background's file checks (`ruanzhu:inspect-file`): a photo or a material PDF chosen on a
 * portal page (or in the options page) is measured here, in the service worker, so that neither
 * the decoding nor pdf.js runs on the page's main thread, and pdf.js stays out of the content
 * script. The bytes arrive in the message, are checked, and are dropped: nothing is stored.
 *
 * A service worker cannot start a Worker, so pdf.js runs its worker code in this thread: with
 * `globalThis.pdfjsWorker` set, pdf.js uses that message handler instead of loading a worker
 * script (its documented "main-thread worker" mode). This thread is the service worker's own.
 */
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler };
const PDFJS = forTextAnalysis(pdfjs as unknown as Parameters<typeof forTextAnalysis>[0]);

async function inspect(req: InspectFileRequest): Promise<InspectFileResponse> {
  const bytes = base64ToBytes(req.data);
  const { target } = req;
  if (target.as === 'photo') {
    const file = new File([bytes as BlobPart], req.name);
    const m = await measurePhoto(file, req.sizeLimitBytes, { kind: target.kind, key: req.key });
    return { findings: m.findings, width: m.width, height: m.height };
  }
  const report = await analysePdf(bytes, PDFJS);
  // checkMaterials reads only the names, version and source lines of the work.
  const findings = checkMaterials(report, target.material, target.work as Work, { sizeLimitBytes: req.sizeLimitBytes }).map((f) => (req.key ? { ...f, key: req.key } : f));
  return { findings, ...(report.ok ? { pages: report.pages } : {}) };
}

/** Answers `ruanzhu:inspect-file`; undefined for any other message, so other listeners answer those. */
export function handleInspectFile(message: unknown): Promise<InspectFileResponse> | undefined {
  const parsed = InspectFileRequest.safeParse(message);
  return parsed.success ? inspect(parsed.data) : undefined;
}
