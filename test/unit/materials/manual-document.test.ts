// @vitest-environment node
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analysePdf, checkMaterials, type PdfjsModule, type PdfPageReport } from '@/utils/rules/materials';
import { Work } from '@/utils/schema/work';
import { buildManualDocument, manualPages, type ManualDocumentResult } from '@/utils/materials/manual-document';
import { fonts, loadPdfjs, pdfText } from './fixtures';

/*
 * 文档鉴别材料 from a generated 100-page manual: text pages of 35 lines with the manual's own
 * page numbers in the footer, figure pages with few lines, two thin pages without a figure, a
 * page rotated by its /Rotate entry and one in US Letter size.
 */

const WORK = { fullName: '云帆客户关系管理系统', shortName: '云帆CRM', version: 'V1.0' };
const THIN = new Set([5, 80]);
const FIGURE = new Set([12, 90]);

async function manual(pages: number, { turned = true } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const png = new PNG({ width: 40, height: 30 });
  png.data.fill(90);
  const picture = await doc.embedPng(PNG.sync.write(png));
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage(n === 7 ? [612, 792] : [595.28, 841.89]);
    const lines = THIN.has(n) ? 10 : FIGURE.has(n) ? 6 : 35;
    const line = (i: number) => `Manual page ${n} line ${i + 1}: how to use the customer screen`;
    if (n === 3 && turned) {
      // A landscape page as scanners and some exporters save it: portrait media, /Rotate 90, content drawn turned.
      page.setRotation(degrees(90));
      for (let i = 0; i < lines; i++) page.drawText(line(i), { x: 60 + i * 12, y: 60, size: 10, font, rotate: degrees(90) });
      page.drawText(`- ${n} -`, { x: 565, y: 400, size: 9, font, rotate: degrees(90) });
      continue;
    }
    for (let i = 0; i < lines; i++) page.drawText(line(i), { x: 72, y: page.getHeight() - 80 - i * 18, size: 10, font });
    if (FIGURE.has(n)) page.drawImage(picture, { x: 72, y: 150, width: 400, height: 300 });
    page.drawText(`- ${n} -`, { x: 280, y: 30, size: 9, font });
  }
  return doc.save();
}

let pdfjs: PdfjsModule;
let source: Uint8Array;
let result: ManualDocumentResult;
let pages: PdfPageReport[];
beforeAll(async () => {
  pdfjs = await loadPdfjs();
  source = await manual(100);
  result = await buildManualDocument({ pdf: source, work: WORK, fonts: fonts(), pdfjs });
  const report = await analysePdf(result.pdf, pdfjs);
  if (!report.ok) throw new Error(report.en);
  pages = report.pageReports;
}, 120_000);

describe('buildManualDocument', () => {
  it('takes the first and the last 30 pages of a longer manual', () => {
    expect(manualPages(100)).toEqual([...Array.from({ length: 30 }, (_, i) => i + 1), ...Array.from({ length: 30 }, (_, i) => i + 71)]);
    expect(manualPages(45)).toHaveLength(45);
    expect(result).toMatchObject({ ok: true, pages: 60, sourcePages: 100 });
    expect(result.pageMap[30]).toEqual({ page: 31, sourcePage: 71 });
    expect(pages).toHaveLength(60);
  });

  it('stamps the name, the version and a continuous page number top right on every page', () => {
    pages.forEach((p, i) => {
      expect(p.header.replace(/\s+/g, '').startsWith(`${WORK.fullName}${WORK.version}${i + 1}`)).toBe(true);
      expect(p.pageNumber).toBe(String(i + 1));
    });
  });

  it('keeps every page’s content, on A4, below the header', async () => {
    const text = await pdfText(result.pdf);
    expect(text[0]).toContain('Manual page 1 line 35');
    expect(text[59]).toContain('Manual page 100 line 1');
    // The manual's own footer stays (its number is the manual's); the header band is the material's.
    expect(pages[0]).toMatchObject({ bodyLines: 35, footer: '- 1 -' });
    const out = await PDFDocument.load(result.pdf);
    const sizes = out.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight()), p.getRotation().angle]);
    // The rotated page shows landscape and becomes a landscape A4 page; US Letter is fitted into A4.
    expect(sizes[2]).toEqual([842, 595, 0]);
    expect(sizes.filter((_, i) => i !== 2).every(([w, h, r]) => w === 595 && h === 842 && r === 0)).toBe(true);
    expect(pages[6].bodyLines).toBe(35);
    // The turned page reads across once its rotation is in the content.
    expect(pages[2].text[0]).toBe('Manual page 3 line 1: how to use the customer screen');
    expect(pages[2].bodyLines).toBe(35);
  });

  it('flags the pages under 30 lines that have no figure, as the checker does', () => {
    expect(result.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['materials.doc.pages:info', 'materials.doc.lines:warning', 'materials.header:info']);
    expect(result.findings[1].message).toMatch(/^材料第 5、40 页不足 30 行且没有插图/);
    const work = Work.parse({ id: 'w', ...WORK });
    const checked = checkMaterials({ ok: true, fileSize: result.pdf.length, pages: 60, pageReports: pages }, 'doc', work);
    expect(checked.filter((f) => f.severity === 'error')).toEqual([]);
    expect(checked.map((f) => f.rule)).toEqual(['materials.doc.lines']);
    expect(checked[0].message).toMatch(/第 5、40 页不足 30 行/);
  });

  it('takes a given analysis instead of pdf.js, and all pages of a short manual', async () => {
    // analysePdf reads a page in its unrotated space: a turned page would look like one line to it.
    const short = await manual(20, { turned: false });
    const analysis = await analysePdf(short, pdfjs);
    const r = await buildManualDocument({ pdf: short, work: WORK, fonts: fonts(), analysis, headerName: 'short' });
    expect(r).toMatchObject({ ok: true, pages: 20, sourcePages: 20 });
    expect(r.findings.map((f) => f.message.split(' / ')[0])).toEqual(['材料第 5 页不足 30 行且没有插图，请补充内容或截图']);
    const report = await analysePdf(r.pdf, pdfjs);
    expect(report.ok && report.pageReports[0].header).toBe('云帆CRM V1.0 1');
  }, 60_000);

  it('says when it could not judge the lines, and refuses what is no PDF or lacks a name', async () => {
    const r = await buildManualDocument({ pdf: await manual(2), work: WORK, fonts: fonts() });
    expect(r.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['materials.doc.lines:info']);
    const garbage = await buildManualDocument({ pdf: new TextEncoder().encode('not a pdf'), work: WORK, fonts: fonts() });
    expect(garbage).toMatchObject({ ok: false, pages: 0, findings: [{ rule: 'materials.doc.pages', severity: 'error' }] });
    const nameless = await buildManualDocument({ pdf: source, work: { fullName: '', version: '' }, fonts: fonts() });
    expect(nameless).toMatchObject({ ok: false, findings: [{ rule: 'materials.header' }] });
  }, 60_000);
});
