import { concatTransformationMatrix, degrees, PDFDocument, PDFName, popGraphicsState, pushGraphicsState, type PDFPage } from 'pdf-lib';
import { finding } from '@/utils/rules/finding';
import { analysePdf, findPageNumber, MATERIAL_PAGES, MIN_LINES, pageList, type PdfjsModule, type PdfPageReport, type PdfReport } from '@/utils/rules/materials';
import type { Finding } from '@/utils/schema/finding';
import { A4, PART_PAGES } from './paginate';
import { drawHeader, embedHeaderFont, headerTitle } from './render';
import type { MaterialWork } from './source-document';

/*
 * 文档鉴别材料 from the user's manual (docs/RULES.md materials.doc.*): the first and the last 30 pages
 * (all of them when fewer than 60), each put on A4 below a header band that carries the name,
 * the version and the page number top right, in one PDF.
 */

export type ManualPhase = 'read' | 'analyse' | 'stamp' | 'save';

export interface ManualDocumentInput {
  pdf: Uint8Array;
  work: MaterialWork;
  /** The CJK font file the header is set in. */
  fonts: { cjk: Uint8Array };
  /** `analysePdf` of `pdf`, if the caller has it: it tells which pages are thin. */
  analysis?: PdfReport;
  /** pdf.js, to make that analysis here when none is given. */
  pdfjs?: PdfjsModule;
  headerName?: 'full' | 'short';
  onProgress?: (phase: ManualPhase, done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ManualDocumentResult {
  ok: boolean;
  /** The material (empty when ok is false). */
  pdf: Uint8Array;
  pages: number;
  /** Pages of the manual given. */
  sourcePages: number;
  /** Which page of the manual each page of the material is. */
  pageMap: { page: number; sourcePage: number }[];
  findings: Finding[];
}

const KEY = 'docMaterial';
/** Height of the band above each page's content that the header takes, in points. */
const HEADER_BAND = 36;
const SIDE = 40;

/** The manual's pages the material takes (1-based). */
export function manualPages(total: number): number[] {
  const all = Array.from({ length: total }, (_, i) => i + 1);
  return total <= MATERIAL_PAGES ? all : [...all.slice(0, PART_PAGES), ...all.slice(total - PART_PAGES)];
}

/**
 * Puts a copied page on A4 (landscape when the page shows landscape) under the header band: its
 * content scaled to fit (never enlarged), centred, its rotation turned into the content so that
 * "top" is where the reader sees it. Links and comments are dropped: they would point at the old
 * positions, and a printed material has no use for them.
 */
function fitToA4(page: PDFPage): { width: number; height: number } {
  const crop = page.getCropBox();
  const rotation = (((page.getRotation().angle ?? 0) % 360) + 360) % 360;
  const turned = rotation === 90 || rotation === 270;
  const shownWidth = turned ? crop.height : crop.width;
  const shownHeight = turned ? crop.width : crop.height;
  const [width, height] = shownWidth > shownHeight ? [A4.height, A4.width] : [A4.width, A4.height];
  const s = Math.min(1, width / shownWidth, (height - HEADER_BAND) / shownHeight);
  const ox = (width - s * shownWidth) / 2;
  const oy = (height - HEADER_BAND - s * shownHeight) / 2;
  // The page's rotation as a matrix from its crop box (origin moved to 0,0) to what the reader sees.
  const [a, b, c, d, e, f] =
    rotation === 90 ? [0, -1, 1, 0, 0, crop.width] : rotation === 180 ? [-1, 0, 0, -1, crop.width, crop.height] : rotation === 270 ? [0, 1, -1, 0, crop.height, 0] : [1, 0, 0, 1, 0, 0];
  const matrix = [s * a, s * b, s * c, s * d, s * (e - a * crop.x - c * crop.y) + ox, s * (f - b * crop.x - d * crop.y) + oy] as const;

  const context = page.doc.context;
  page.node.normalize();
  const start = context.register(context.contentStream([pushGraphicsState(), concatTransformationMatrix(...matrix)]));
  const end = context.register(context.contentStream([popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
  page.setRotation(degrees(0));
  page.setMediaBox(0, 0, width, height);
  page.setCropBox(0, 0, width, height);
  page.setTrimBox(0, 0, width, height);
  page.setBleedBox(0, 0, width, height);
  page.setArtBox(0, 0, width, height);
  page.node.delete(PDFName.of('Annots'));
  return { width, height };
}

/** Builds the 文档鉴别材料 from a manual PDF. */
export async function buildManualDocument(input: ManualDocumentInput): Promise<ManualDocumentResult> {
  const findings: Finding[] = [];
  const failed = (): ManualDocumentResult => ({ ok: false, pdf: new Uint8Array(0), pages: 0, sourcePages: 0, pageMap: [], findings });
  const progress = (phase: ManualPhase, done: number, total: number) => {
    input.signal?.throwIfAborted();
    input.onProgress?.(phase, done, total);
  };
  const title = headerTitle(input.work, input.headerName ?? 'full');
  if (!title) {
    findings.push(finding('materials.header', KEY, '缺少软件名称或版本号，无法生成页眉', 'the software name or version is missing: no header can be printed'));
    return failed();
  }

  progress('read', 0, 1);
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(input.pdf, { updateMetadata: false });
  } catch (e) {
    const encrypted = e instanceof Error && /encrypt/i.test(e.message);
    findings.push(
      encrypted
        ? finding('materials.doc.pages', KEY, '说明书 PDF 设置了密码或加密，请导出不加密的 PDF', 'the manual PDF is encrypted: export it without a password')
        : finding('materials.doc.pages', KEY, '说明书不是可读取的 PDF', 'the manual is not a readable PDF'),
    );
    return failed();
  }
  const total = source.getPageCount();
  if (!total) {
    findings.push(finding('materials.doc.pages', KEY, '说明书 PDF 没有页面', 'the manual PDF has no pages'));
    return failed();
  }
  progress('read', 1, 1);

  const chosen = manualPages(total);
  if (total > MATERIAL_PAGES) {
    findings.push(finding('materials.doc.pages', KEY, `说明书共 ${total} 页，材料取前 30 页和后 30 页（第 ${chosen[30]}–${total} 页）`, `the manual has ${total} pages; the material takes the first 30 and the last 30 (pages ${chosen[30]}–${total})`, 'info'));
  }

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`${title} 文档鉴别材料`);
  doc.setCreator('软著助手');
  doc.setLanguage('zh-CN');
  const header = await embedHeaderFont(doc, input.fonts.cjk);
  const copies = await doc.copyPages(source, chosen.map((p) => p - 1));
  for (const [i, page] of copies.entries()) {
    progress('stamp', i, copies.length);
    doc.addPage(page);
    const { width, height } = fitToA4(page);
    drawHeader(page, header, { title, pageNumber: i + 1, left: SIDE, right: width - SIDE, baseline: height - 24, size: 10, rule: true });
  }
  progress('stamp', copies.length, copies.length);
  progress('save', 0, 1);
  const pdf = await doc.save({ useObjectStreams: true });
  progress('save', 1, 1);

  // The lines per page as the checker will count them: on the material itself when pdf.js is at
  // hand (a page whose /Rotate the material turned into its content reads differently before),
  // else on the caller's analysis of the manual.
  progress('analyse', 0, 1);
  const own = input.pdfjs ? await analysePdf(pdf, input.pdfjs) : null;
  progress('analyse', 1, 1);
  const materialPages = chosen.map((_, i) => i + 1);
  if (own?.ok) thinPageFindings(findings, own.pageReports, materialPages, chosen, total);
  else if (input.analysis?.ok) thinPageFindings(findings, input.analysis.pageReports, chosen, chosen, total);
  else findings.push(finding('materials.doc.lines', KEY, '未检查每页行数（没有说明书的文字分析）', 'lines per page were not checked (no text analysis of the manual)', 'info'));
  return { ok: true, pdf, pages: copies.length, sourcePages: total, pageMap: chosen.map((sourcePage, i) => ({ page: i + 1, sourcePage })), findings };
}

/**
 * Pages of fewer than 30 lines with no figure (materials.doc.lines), blank pages, and the
 * manual's own page numbers that would sit beside the material's new ones. `reports` are of the
 * material or of the manual; `pages[i]` is the report page that material page i + 1 is, and
 * `chosen[i]` its page in the manual (the manual's last page may be short). Pages past the
 * analysis (analysePdf reads at most 300) are not judged.
 */
function thinPageFindings(findings: Finding[], reports: PdfPageReport[], pages: number[], chosen: number[], total: number): void {
  const byPage = new Map(reports.map((r) => [r.page, r]));
  const thin: number[] = [];
  const blank: number[] = [];
  let numbered = false;
  pages.forEach((reportPage, i) => {
    const r = byPage.get(reportPage);
    if (!r) return;
    if (r.empty) blank.push(i + 1);
    else if (chosen[i] !== total && r.bodyLines < MIN_LINES.doc && !r.images) thin.push(i + 1);
    // On the material the header holds the new number: the manual's own shows in its footer.
    if (findPageNumber(r.footer) !== null || (pages === chosen && r.pageNumber !== null)) numbered = true;
  });
  if (thin.length) {
    findings.push(
      finding('materials.doc.lines', KEY, `材料第 ${pageList(thin)} 页不足 ${MIN_LINES.doc} 行且没有插图，请补充内容或截图`, `page(s) ${pageList(thin)} of the material have fewer than ${MIN_LINES.doc} lines and no figure: add text or a screenshot`),
    );
  }
  if (blank.length) {
    findings.push(finding('materials.content', KEY, `材料第 ${pageList(blank)} 页是空白页`, `page(s) ${pageList(blank)} of the material are blank`));
  }
  if (numbered && total > MATERIAL_PAGES) {
    findings.push(
      finding(
        'materials.header',
        KEY,
        '说明书自带的页码会保留在页面上，与材料右上角的新页码不一致；可导出不带页码的说明书再生成',
        "the manual's own page numbers stay on its pages and differ from the material's new ones top right: export the manual without page numbers and generate again",
        'info',
      ),
    );
  }
}
