import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { WorkerMessageHandler } from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { InspectMaterialResponse, Message } from '@/utils/contract/messages';
import { checkSignaturePage } from '@/utils/rules/filing';
import { analysePdf, checkMaterials } from '@/utils/rules/materials';
import type { Work } from '@/utils/schema/work';
import { base64ToBytes } from '@/utils/encoding/base64';
import { forTextAnalysis, type PdfjsLike } from '@/utils/pdf/pdfjs-options';

/*
 * The background's half of the material checks (`ruanzhu:inspect-material`, and the 签章页's
 * `ruanzhu:inspect-signature`): a PDF chosen on a
 * portal page is read here, in the service worker, so that pdf.js neither swells the content
 * script nor runs on the page's main thread. The bytes arrive in the message, are read, and are
 * dropped: nothing is stored.
 *
 * A service worker cannot start a Worker, so pdf.js runs its worker code in this thread: with
 * `globalThis.pdfjsWorker` set, pdf.js takes that message handler instead of loading a worker
 * script (its documented main-thread mode). This thread is the service worker's own, not a page's.
 */
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = { WorkerMessageHandler };
const PDFJS = forTextAnalysis(pdfjs as unknown as PdfjsLike);

/** Reads the PDF of `ruanzhu:inspect-material` and judges it against what the form says. */
export async function inspectMaterial(req: Message<'ruanzhu:inspect-material'>): Promise<InspectMaterialResponse> {
  const report = await analysePdf(base64ToBytes(req.data), PDFJS);
  // checkMaterials reads only the names, the version and the source lines of the work.
  const findings = checkMaterials(report, req.material, req.work as Work, { sizeLimitBytes: req.sizeLimitBytes });
  return { findings: req.key ? findings.map((f) => ({ ...f, key: req.key })) : findings, ...(report.ok ? { pages: report.pages } : {}) };
}

/** Reads the 签章页 of `ruanzhu:inspect-signature` and judges it against what the page shows of the filing. */
export async function inspectSignature(req: Message<'ruanzhu:inspect-signature'>): Promise<InspectMaterialResponse> {
  const report = await analysePdf(base64ToBytes(req.data), PDFJS);
  return { findings: checkSignaturePage(report, req.expected, req.fileName, req.key), ...(report.ok ? { pages: report.pages } : {}) };
}
