import type { Finding } from '@/utils/schema/finding';
import type { Work } from '@/utils/schema/work';
import { str } from './common';
import { finding } from './finding';
import { isResidentIdShape } from './identity';
import { sniffImageFormat } from './photo';

/*
 * Identification materials (程序鉴别材料 / 文档鉴别材料, docs/RULES.md "Identification materials"):
 * analysePdf reads a PDF's text with pdf.js into a plain report, checkMaterials judges the report.
 * The report is plain data, so it can cross a message boundary and be tested without pdf.js.
 */

/** The part of pdf.js this file uses; node passes the legacy build, the browser the normal one. */
export interface PdfjsModule {
  getDocument(src: { data: Uint8Array; isEvalSupported?: boolean; verbosity?: number }): {
    promise: Promise<PdfjsDocument>;
    destroy(): Promise<void>;
  };
  OPS: {
    paintImageXObject: number;
    paintInlineImageXObject: number;
    paintImageMaskXObject: number;
    paintImageXObjectRepeat: number;
    paintInlineImageXObjectGroup: number;
  };
}
interface PdfjsDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfjsPage>;
}
interface PdfjsPage {
  view: number[];
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[] }>;
  cleanup(): unknown;
}

export interface PdfPageReport {
  /** 1-based page number in the file. */
  page: number;
  /** Text lines on the page (lines that carry text: blank lines are invisible in a PDF). */
  lines: number;
  /** Lines between the header and the footer. */
  bodyLines: number;
  header: string;
  footer: string;
  /** The page number found in the header or footer (e.g. "12", "第 12 页"), or null. */
  pageNumber: string | null;
  /** The page paints an image (a figure, a screenshot, or a scan). */
  images: boolean;
  /** No body text and no image. */
  empty: boolean;
  /** The body lines' text, for the content checks. */
  text: string[];
}

export type PdfProblem = 'empty' | 'not-pdf' | 'damaged' | 'encrypted';

export type PdfReport =
  | { ok: true; fileSize: number; pages: number; pageReports: PdfPageReport[] }
  | { ok: false; fileSize: number; problem: PdfProblem; zh: string; en: string };

/** Pages analysed at most: a material has 60; a whole manual uploaded by mistake needs no more to be judged. */
export const MAX_ANALYSED_PAGES = 300;

interface TextPiece {
  str: string;
  x: number;
  y: number;
  size: number;
  width: number;
}

interface Line {
  y: number;
  text: string;
}

/** The text items pdf.js returns, reduced to what line grouping needs (marked-content items carry no text). */
function pieces(items: unknown[]): TextPiece[] {
  const out: TextPiece[] = [];
  for (const item of Array.isArray(items) ? items : []) {
    if (!item || typeof item !== 'object') continue;
    const { str: s, transform, width } = item as { str?: unknown; transform?: unknown; width?: unknown };
    if (typeof s !== 'string' || !Array.isArray(transform) || transform.length < 6) continue;
    const [, , c, d, e, f] = transform as number[];
    if (![c, d, e, f].every(Number.isFinite)) continue;
    out.push({ str: s, x: e, y: f, size: Math.hypot(c, d) || 1, width: typeof width === 'number' && Number.isFinite(width) ? width : 0 });
  }
  return out;
}

/**
 * Groups text pieces into lines by baseline: a piece within 40 % of its font size of a line's
 * baseline belongs to it. Pieces of a line are joined left to right, with a space where pdf.js
 * left a visible gap (a page number pushed to the right margin stays a separate word).
 */
export function groupLines(items: unknown[]): Line[] {
  const sorted = pieces(items).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: { y: number; tol: number; parts: TextPiece[] }[] = [];
  for (const p of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last.y - p.y) <= Math.max(last.tol, 0.4 * p.size)) last.parts.push(p);
    else groups.push({ y: p.y, tol: 0.4 * p.size, parts: [p] });
  }
  const lines: Line[] = [];
  for (const g of groups) {
    const parts = g.parts.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const p of parts) {
      if (text && p.x - end > 0.5 * p.size && !text.endsWith(' ') && !p.str.startsWith(' ')) text += ' ';
      text += p.str;
      end = Math.max(end, p.x + p.width);
    }
    if (text.trim()) lines.push({ y: g.y, text: text.trim() });
  }
  return lines;
}

/** The lower quartile: the body's line spacing even on a short page where header and footer gaps are a large share. */
function lowerQuartile(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 4)];
}

/**
 * How many lines at the start of `lines` (ordered from the page edge inwards) form a header or
 * footer: up to three lines close to the edge, ended by a gap clearly wider than the body's line
 * spacing. A page with too few lines to know its spacing falls back to position: one line in the
 * outer 8 % of the page. (Position alone would take a body that runs close to the edge for a header.)
 */
function marginLines(lines: Line[], edge: number, pageHeight: number, typicalGap: number): number {
  if (!Number.isFinite(typicalGap)) return lines.length && Math.abs(edge - lines[0].y) <= 0.08 * pageHeight ? 1 : 0;
  for (let k = 1; k <= Math.min(3, lines.length - 1); k++) {
    if (Math.abs(edge - lines[k - 1].y) > 0.15 * pageHeight) break;
    if (Math.abs(lines[k - 1].y - lines[k].y) > 1.4 * typicalGap) return k;
  }
  return 0;
}

/** A page number in header or footer text: 12, - 12 -, 第 12 页, 12 / 60, Page 12, or a number set apart at either end. */
export function findPageNumber(text: string): string | null {
  const patterns = [/第\s*\d+\s*页/, /\bpage\s*\d+/i, /(?<![\d.])\d+\s*\/\s*\d+(?![\d.])/, /^[-—–\s]*\d{1,4}[-—–\s]*$/, /(?:^|\s)\d{1,4}$/, /^\d{1,4}(?=\s)/];
  for (const p of patterns) {
    const m = p.exec(str(text).trim());
    if (m) return m[0].trim();
  }
  return null;
}

function pageReport(pageNumber: number, view: number[], items: unknown[], images: boolean): PdfPageReport {
  const [, y0 = 0, , y1 = 842] = Array.isArray(view) ? view : [];
  const top = Math.max(y0, y1);
  const bottom = Math.min(y0, y1);
  const height = top - bottom || 842;
  const lines = groupLines(items);
  const gaps = lines.slice(1).map((l, i) => lines[i].y - l.y);
  const typical = gaps.length >= 3 ? lowerQuartile(gaps) : Infinity;
  const headerCount = marginLines(lines, top, height, typical);
  const rest = lines.slice(headerCount);
  const footerCount = marginLines([...rest].reverse(), bottom, height, typical);
  const header = lines.slice(0, headerCount).map((l) => l.text).join(' ');
  const footer = rest.slice(rest.length - footerCount).map((l) => l.text).join(' ');
  const body = rest.slice(0, rest.length - footerCount);
  const pageNo = [...lines.slice(0, headerCount), ...rest.slice(rest.length - footerCount)].map((l) => findPageNumber(l.text)).find((n) => n !== null) ?? null;
  return {
    page: pageNumber,
    lines: lines.length,
    bodyLines: body.length,
    header,
    footer,
    pageNumber: pageNo,
    images,
    empty: body.length === 0 && !images,
    text: body.map((l) => l.text),
  };
}

/** What a file that is no PDF most likely is, for a helpful message. */
function describeNonPdf(bytes: Uint8Array): [string, string] {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return ['Word 或 ZIP 文件（.docx 等）', 'a Word or ZIP file (.docx …)'];
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return ['Word 97-2003 文件（.doc）', 'a Word 97-2003 file (.doc)'];
  const image = sniffImageFormat(bytes);
  if (image !== 'unknown' && image !== 'pdf') return [`${image.toUpperCase()} 图片`, `a ${image.toUpperCase()} image`];
  return ['无法识别的文件', 'an unrecognised file'];
}

function failed(fileSize: number, problem: PdfProblem, zh: string, en: string): PdfReport {
  return { ok: false, fileSize, problem, zh, en };
}

/** How much of each end of a file precheckPdf reads. */
export const PRECHECK_BYTES = 1024;

/**
 * The checks of a material file that need no pdf.js, so that a page can show them the moment the
 * file is chosen: empty, not a PDF (no %PDF- header in the first 1024 bytes), cut off (no %%EOF in
 * the last 1024, where Acrobat wants it). `head` and `tail` are the file's first and last
 * PRECHECK_BYTES bytes (or the whole file). A report with ok: false, or null when pdf.js may read it.
 */
export function precheckPdf(head: Uint8Array, tail: Uint8Array, fileSize: number): PdfReport | null {
  const first = head instanceof Uint8Array ? head.subarray(0, PRECHECK_BYTES) : new Uint8Array(0);
  const last = tail instanceof Uint8Array ? tail.subarray(Math.max(0, tail.length - PRECHECK_BYTES)) : new Uint8Array(0);
  const size = typeof fileSize === 'number' && Number.isFinite(fileSize) ? fileSize : first.length;
  if (!size || !first.length) return failed(0, 'empty', '文件是空的', 'the file is empty');
  if (!String.fromCharCode(...first).includes('%PDF-')) {
    const [zh, en] = describeNonPdf(first);
    return failed(size, 'not-pdf', `不是 PDF，而是${zh}，请另存为 PDF`, `not a PDF but ${en}: save it as PDF`);
  }
  if (!String.fromCharCode(...last).includes('%%EOF')) {
    return failed(size, 'damaged', '文件不完整（缺少结尾标记），可能在下载或复制时被截断', 'the file is incomplete (no end marker): cut off in a download or copy?');
  }
  return null;
}

/**
 * Reads a material PDF with pdf.js: per page the text lines, header, footer, page number, images
 * and whether it is blank. Never rejects: an empty, foreign, truncated, damaged or
 * password-protected file gives a report with ok: false.
 */
export async function analysePdf(bytes: Uint8Array, pdfjs: PdfjsModule): Promise<PdfReport> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(0);
  const fileSize = data.length;
  const problem = precheckPdf(data.subarray(0, PRECHECK_BYTES), data.subarray(Math.max(0, fileSize - PRECHECK_BYTES)), fileSize);
  if (problem) return problem;

  let task: ReturnType<PdfjsModule['getDocument']> | null = null;
  try {
    // pdf.js may transfer the buffer to its worker: give it a copy so the caller's bytes survive.
    task = pdfjs.getDocument({ data: data.slice(), isEvalSupported: false, verbosity: 0 });
    const doc = await task.promise;
    const pages = doc.numPages;
    const { OPS } = pdfjs;
    const imageOps = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup]);
    const pageReports: PdfPageReport[] = [];
    for (let n = 1; n <= Math.min(pages, MAX_ANALYSED_PAGES); n++) {
      const page = await doc.getPage(n);
      const [text, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
      pageReports.push(pageReport(n, page.view, Array.isArray(text?.items) ? text.items : [], (ops?.fnArray ?? []).some((op) => imageOps.has(op))));
      page.cleanup();
    }
    return { ok: true, fileSize, pages, pageReports };
  } catch (e) {
    const name = e && typeof e === 'object' && 'name' in e ? String((e as { name: unknown }).name) : '';
    if (name === 'PasswordException') return failed(fileSize, 'encrypted', 'PDF 设置了打开密码，请去掉密码后重新导出', 'the PDF needs a password to open: export it without one');
    return failed(fileSize, 'damaged', 'PDF 已损坏，无法读取', `the PDF is damaged and cannot be read (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    await task?.destroy().catch(() => undefined);
  }
}

export type MaterialKind = 'source' | 'doc';

/** Pages per material: the first 30 and the last 30 of the source or the document. */
export const MATERIAL_PAGES = 60;
/** Lines a full page must carry (docs/RULES.md materials.source.lines / materials.doc.lines). */
export const MIN_LINES: Record<MaterialKind, number> = { source: 50, doc: 30 };

const KIND_ZH: Record<MaterialKind, string> = { source: '程序鉴别材料', doc: '文档鉴别材料' };
const KIND_EN: Record<MaterialKind, string> = { source: 'the source code material', doc: 'the documentation material' };

/** "3、5–7、12" for a message; long lists are cut with a count. */
export function pageList(pages: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    ranges.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j;
  }
  return ranges.length > 12 ? `${ranges.slice(0, 12).join('、')} 等 ${pages.length} 页` : ranges.join('、');
}

/** Text without whitespace: pdf.js splits and spaces words its own way. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** True when `text` holds `version` as a whole (V1.0 is not in V1.0.1 or V1.01, but is in "V1.0 12"). */
function hasVersion(text: string, version: string): boolean {
  const t = text.replace(/\s+/g, ' ');
  const v = squeeze(version);
  for (let at = t.indexOf(v); at >= 0; at = t.indexOf(v, at + 1)) {
    const after = t.slice(at + v.length);
    if (!/^\d|^\.\d/.test(after)) return true;
  }
  return false;
}

/** Patterns of what must not be printed in the source pages (materials.content). */
const SECRETS: { zh: string; en: string; test: (line: string) => boolean }[] = [
  { zh: '私钥', en: 'a private key', test: (l) => /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(l) },
  { zh: '访问密钥（AccessKey）', en: 'an access key', test: (l) => /\b(?:LTAI[0-9A-Za-z]{12,20}|AKIA[0-9A-Z]{16})\b/.test(l) },
  {
    zh: '写死的密码或令牌',
    en: 'a hard-coded password or token',
    test: (l) => /\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key(?:[_-]?secret)?)\b["']?\s*[:=]\s*["'][^"'\s]{4,}["']/i.test(l),
  },
  { zh: '身份证号码', en: 'a resident ID number', test: (l) => (l.match(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g) ?? []).some(isResidentIdShape) },
  { zh: '手机号码', en: 'a mobile number', test: (l) => /(?<!\d)1[3-9]\d{9}(?!\d)/.test(l) },
];

/**
 * Judges one material's report: file (materials.<kind>.pages), page count, lines per page,
 * headers (name or short name, version, page number), blank pages and, for source code,
 * personal data and secrets. `sizeLimitBytes` is the upload limit the page states, if any.
 */
export function checkMaterials(report: PdfReport, kind: MaterialKind, work: Work, options: { sizeLimitBytes?: number } = {}): Finding[] {
  const k: MaterialKind = kind === 'doc' ? 'doc' : 'source';
  const pagesRule = k === 'source' ? 'materials.source.pages' : 'materials.doc.pages';
  const linesRule = k === 'source' ? 'materials.source.lines' : 'materials.doc.lines';
  const key = k === 'source' ? 'sourceMaterial' : 'docMaterial';
  const out: Finding[] = [];
  if (!report || typeof report !== 'object') return [finding(pagesRule, key, `${KIND_ZH[k]}无法读取`, `${KIND_EN[k]} cannot be read`)];

  const limit = options.sizeLimitBytes;
  if (typeof limit === 'number' && limit > 0 && report.fileSize > limit) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    out.push(finding(pagesRule, key, `${KIND_ZH[k]}文件 ${mb(report.fileSize)} MB，超过页面限制 ${mb(limit)} MB`, `${KIND_EN[k]} is ${mb(report.fileSize)} MB, over the page's ${mb(limit)} MB limit`));
  }
  if (!report.ok) {
    out.push(finding(pagesRule, key, `${KIND_ZH[k]}：${str(report.zh) || '无法读取'}`, `${KIND_EN[k]}: ${str(report.en) || 'cannot be read'}`));
    return out;
  }

  const w: Record<string, unknown> = work && typeof work === 'object' ? work : {};
  const pages = typeof report.pages === 'number' ? report.pages : 0;
  // A report that crossed a message boundary is re-read defensively.
  const reports: PdfPageReport[] = (Array.isArray(report.pageReports) ? report.pageReports : [])
    .filter((p): p is PdfPageReport => !!p && typeof p === 'object')
    .map((p) => ({ ...p, header: str(p.header), bodyLines: Number(p.bodyLines) || 0, lines: Number(p.lines) || 0, text: Array.isArray(p.text) ? p.text : [] }));

  // Page count: the first and last 30 pages, or everything when shorter.
  if (pages > MATERIAL_PAGES) {
    out.push(finding(pagesRule, key, `${KIND_ZH[k]}有 ${pages} 页，应只提交前 30 页和后 30 页（共 60 页）`, `${KIND_EN[k]} has ${pages} pages; submit only the first 30 and the last 30 (60)`));
  } else if (pages < MATERIAL_PAGES) {
    const sourceLines = typeof w.sourceLines === 'number' && w.sourceLines > 0 ? w.sourceLines : undefined;
    if (k === 'source' && sourceLines !== undefined && sourceLines > MATERIAL_PAGES * MIN_LINES.source) {
      out.push(
        finding(pagesRule, key, `${KIND_ZH[k]}只有 ${pages} 页，而源程序有 ${sourceLines} 行，应提交前 30 页和后 30 页（共 60 页）`, `${KIND_EN[k]} has ${pages} pages for ${sourceLines} source lines; submit the first 30 and the last 30 (60)`),
      );
    } else if (k === 'source' && sourceLines === undefined) {
      out.push(finding(pagesRule, key, `${KIND_ZH[k]}只有 ${pages} 页：只有源程序不足 60 页时才能少于 60 页（请填写源程序量以便核对）`, `${KIND_EN[k]} has ${pages} pages: fewer than 60 only when the whole source is shorter (fill in the source lines to verify)`, 'warning'));
    } else if (k === 'doc') {
      out.push(finding(pagesRule, key, `${KIND_ZH[k]}只有 ${pages} 页：文档不足 60 页时应提交全部页`, `${KIND_EN[k]} has ${pages} pages: when the document is shorter than 60 pages, submit all of it`, 'info'));
    }
  }

  // Lines per page: every page but the last (the end of the program or document) and blank pages.
  const min = MIN_LINES[k];
  const short = reports.filter((p, i) => i < reports.length - 1 && !p.empty && p.bodyLines < min && !(k === 'doc' && p.images));
  if (short.length) {
    const fewest = Math.min(...short.map((p) => p.bodyLines));
    out.push(
      finding(
        linesRule,
        key,
        `${KIND_ZH[k]}第 ${pageList(short.map((p) => p.page))} 页不足 ${min} 行（最少 ${fewest} 行）${k === 'doc' ? '，有插图的页除外' : ''}`,
        `${KIND_EN[k]}: page(s) ${pageList(short.map((p) => p.page))} have fewer than ${min} lines (fewest ${fewest})`,
      ),
    );
  }

  // Headers: name (or short name) and version as on the form, and a page number.
  const names = [str(w.fullName), str(w.shortName)].map(squeeze).filter(Boolean);
  const version = str(w.version).trim();
  const withText = reports.filter((p) => p.lines > 0);
  if (names.length) {
    const missing = withText.filter((p) => !names.some((n) => squeeze(p.header).includes(n)));
    if (missing.length) {
      out.push(
        finding('materials.header', key, `${KIND_ZH[k]}第 ${pageList(missing.map((p) => p.page))} 页的页眉没有软件全称或简称“${str(w.fullName).trim() || str(w.shortName).trim()}”`, `${KIND_EN[k]}: the header of page(s) ${pageList(missing.map((p) => p.page))} lacks the software's full or short name`),
      );
    }
  }
  if (version) {
    const missing = withText.filter((p) => !hasVersion(p.header, version));
    if (missing.length) {
      const seen = missing.map((p) => /V\s*\d+(?:\.\d+)*/i.exec(p.header)?.[0]).find(Boolean);
      out.push(
        finding(
          'materials.header',
          key,
          `${KIND_ZH[k]}第 ${pageList(missing.map((p) => p.page))} 页的页眉没有版本号 ${version}${seen ? `（页眉写的是 ${seen}）` : ''}`,
          `${KIND_EN[k]}: the header of page(s) ${pageList(missing.map((p) => p.page))} lacks the version ${version}${seen ? ` (it says ${seen})` : ''}`,
        ),
      );
    }
  }
  const unnumbered = withText.filter((p) => p.pageNumber === null);
  if (unnumbered.length) {
    out.push(finding('materials.header', key, `${KIND_ZH[k]}第 ${pageList(unnumbered.map((p) => p.page))} 页没有页码`, `${KIND_EN[k]}: page(s) ${pageList(unnumbered.map((p) => p.page))} have no page number`));
  }

  // Content: blank pages, and in source code nothing personal or secret.
  const blank = reports.filter((p) => p.empty);
  if (blank.length) {
    out.push(finding('materials.content', key, `${KIND_ZH[k]}第 ${pageList(blank.map((p) => p.page))} 页是空白页（或只有页眉页脚）`, `${KIND_EN[k]}: page(s) ${pageList(blank.map((p) => p.page))} are blank (or carry only header and footer)`));
  }
  if (k === 'source') {
    for (const secret of SECRETS) {
      const hits = reports.filter((p) => p.text.some((line) => typeof line === 'string' && secret.test(line)));
      if (hits.length) {
        out.push(finding('materials.content', key, `${KIND_ZH[k]}第 ${pageList(hits.map((p) => p.page))} 页含有${secret.zh}，提交前请删去或打码`, `${KIND_EN[k]}: page(s) ${pageList(hits.map((p) => p.page))} show ${secret.en}; remove or mask it`));
      }
    }
  }
  return out;
}
