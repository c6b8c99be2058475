// @vitest-environment node
import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Finding } from '@/utils/schema/finding';
import { Work } from '@/utils/schema/work';
import {
  analysePdf,
  checkMaterials,
  findPageNumber,
  groupLines,
  pageList,
  type PdfjsModule,
  type PdfReport,
} from '@/utils/rules/materials';
import { sampleBundle } from '../helpers';
import { A4, makeMaterialPdf as makePdf, type PdfSpec } from '../../fixtures/generate/material-pdf';

/*
 * The PDFs are generated here with pdf-lib. Its standard fonts cannot encode Chinese and this
 * machine has no CJK font (fc-list :lang=zh lists none), so the software is called "Yunfan CRM
 * System" in these tests: the header comparison is the same code for any script.
 */

let pdfjs: PdfjsModule;
beforeAll(async () => {
  pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsModule;
});

const work: Work = { ...Work.parse(sampleBundle().works[0]), fullName: 'Yunfan CRM System', shortName: 'Yunfan CRM', version: 'V1.0', sourceLines: 32000 };

const reports = new Map<string, PdfReport>();
async function report(name: string, spec: PdfSpec): Promise<PdfReport> {
  if (!reports.has(name)) reports.set(name, await analysePdf(await makePdf(spec), pdfjs));
  return reports.get(name)!;
}
const rules = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.severity}`);
/** Small test PDFs have fewer than 60 pages: leave that finding out where it is not the point. */
const besidesPageCount = (fs: Finding[]) => fs.filter((f) => !f.rule.endsWith('.pages'));
/** 60 pages of 55 lines, the last page of the program 20 lines: a correct 程序鉴别材料. */
const GOOD: PdfSpec = { pages: 60, lines: (n) => (n === 60 ? 20 : 55) };

describe('analysePdf', () => {
  it('reads pages, lines, header, footer and page numbers', async () => {
    const r = await report('good', GOOD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pages).toBe(60);
    expect(r.pageReports).toHaveLength(60);
    expect(r.pageReports[0]).toMatchObject({ page: 1, lines: 57, bodyLines: 55, header: 'Yunfan CRM System V1.0', footer: '- 1 -', pageNumber: '- 1 -', images: false, empty: false });
    expect(r.pageReports[59]).toMatchObject({ page: 60, bodyLines: 20, pageNumber: '- 60 -' });
    expect(r.pageReports[0].text[0]).toBe('private static final int VALUE_1_0 = 0 * 1; // line 1');
    expect(r.fileSize).toBeGreaterThan(1000);
  }, 30_000);

  it('does not take the first line of the body for a header when there is none', async () => {
    const r = await report('no-margins', { pages: 2, header: () => null, footer: () => null, lines: () => 40 });
    expect(r.ok && r.pageReports[0]).toMatchObject({ header: '', footer: '', bodyLines: 40, pageNumber: null });
  }, 30_000);

  it('finds a two-line header with the page number at its right', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage(A4);
    page.drawText('Yunfan CRM System', { x: 72, y: A4[1] - 36, size: 9, font });
    page.drawText('7', { x: 520, y: A4[1] - 36, size: 9, font });
    page.drawText('V1.0', { x: 72, y: A4[1] - 47, size: 9, font });
    for (let i = 0; i < 40; i++) page.drawText(`line ${i}`, { x: 72, y: A4[1] - 90 - i * 13, size: 9, font });
    const r = await analysePdf(await doc.save(), pdfjs);
    expect(r.ok && r.pageReports[0]).toMatchObject({ header: 'Yunfan CRM System 7 V1.0', pageNumber: '7', bodyLines: 40 });
  }, 30_000);

  it('flags blank pages and pages with pictures', async () => {
    const r = await report('blank-and-picture', { pages: 3, lines: (n) => (n === 2 ? 0 : n === 3 ? 5 : 55), image: (n) => n === 3 });
    expect(r.ok && r.pageReports.map((p) => [p.empty, p.images])).toEqual([
      [false, false],
      [true, false],
      [false, true],
    ]);
  }, 30_000);

  it('leaves the caller’s bytes intact', async () => {
    const bytes = await makePdf({ pages: 1 });
    const copy = bytes.slice();
    await analysePdf(bytes, pdfjs);
    expect(bytes).toEqual(copy);
  }, 30_000);

  it.each<[string, () => Promise<Uint8Array>, string, RegExp]>([
    ['no bytes', async () => new Uint8Array(0), 'empty', /空/],
    ['a Word document', async () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0]), 'not-pdf', /Word 或 ZIP/],
    ['a Word 97 document', async () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'not-pdf', /Word 97-2003/],
    ['a PNG picture', async () => new Uint8Array(PNG.sync.write(new PNG({ width: 2, height: 2 }))), 'not-pdf', /PNG 图片/],
    ['a truncated PDF', async () => (await makePdf({ pages: 3 })).subarray(0, 3000), 'damaged', /不完整/],
    ['a PDF header on garbage', async () => new TextEncoder().encode('%PDF-1.7\nnot really a pdf at all\n%%EOF\n'), 'damaged', /损坏/],
  ])('reports %s', async (_name, bytes, problem, message) => {
    const r = await analysePdf(await bytes(), pdfjs);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toBe(problem);
    expect(r.zh).toMatch(message);
    expect(r.en).toBeTruthy();
  }, 30_000);

  it('reports a PDF that needs a password (pdf.js signals PasswordException)', async () => {
    const locked: PdfjsModule = {
      ...pdfjs,
      getDocument: () => ({ promise: Promise.reject(Object.assign(new Error('No password given'), { name: 'PasswordException' })), destroy: async () => undefined }),
    };
    const r = await analysePdf(await makePdf({ pages: 1 }), locked);
    expect(r).toMatchObject({ ok: false, problem: 'encrypted' });
  });

  it('never rejects on damaged bytes behind a PDF header', async () => {
    const good = await makePdf({ pages: 2, lines: () => 5 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 20, max: good.length - 1 }), fc.uint8Array({ minLength: 1, maxLength: 64 }), async (at, junk) => {
        const bytes = good.slice();
        bytes.set(junk.subarray(0, bytes.length - at), at);
        const r = await analysePdf(bytes, pdfjs);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});

describe('groupLines', () => {
  const item = (str: string, x: number, y: number, size = 10, width = str.length * size * 0.6) => ({ str, transform: [size, 0, 0, size, x, y], width });
  it('groups by baseline within tolerance and orders lines top to bottom, words left to right', () => {
    const lines = groupLines([item('world', 130, 700.0), item('hello', 72, 701.5), item('next', 72, 687), { type: 'beginMarkedContent' }, null, item('   ', 72, 600)]);
    expect(lines).toEqual([
      { y: 701.5, text: 'hello world' },
      { y: 687, text: 'next' },
    ]);
  });

  it('keeps text that pdf.js split without a gap together', () => {
    expect(groupLines([item('Yun', 72, 700, 10, 18), item('fan', 90, 700, 10, 18)])[0].text).toBe('Yunfan');
  });

  it('ignores malformed items', () => {
    expect(groupLines([{ str: 'x' }, { str: 'y', transform: [1, 0, 0, Number.NaN, 0, 0] }, { str: 1, transform: [1, 0, 0, 1, 0, 0] }, 'text'])).toEqual([]);
  });
});

describe('findPageNumber', () => {
  it.each<[string, string | null]>([
    ['- 12 -', '- 12 -'],
    ['12', '12'],
    ['第 3 页', '第 3 页'],
    ['第3页 共60页', '第3页'],
    ['Page 7', 'Page 7'],
    ['12 / 60', '12 / 60'],
    ['Yunfan CRM System V1.0 12', '12'],
    ['Yunfan CRM System V1.0', null],
    ['', null],
  ])('%s', (text, expected) => expect(findPageNumber(text)).toBe(expected));
});

describe('pageList', () => {
  it.each<[number[], string]>([
    [[3], '3'],
    [[3, 5, 6, 7, 12], '3、5–7、12'],
    [Array.from({ length: 30 }, (_, i) => i * 2 + 1), '1、3、5、7、9、11、13、15、17、19、21、23 等 30 页'],
  ])('%j', (pages, expected) => expect(pageList(pages)).toBe(expected));
});

describe('checkMaterials: source code (程序鉴别材料)', () => {
  it('passes 60 pages of 55 lines with name, version and page numbers', async () => {
    expect(checkMaterials(await report('good', GOOD), 'source', work)).toEqual([]);
  }, 30_000);

  it('materials.source.lines: too few lines per page (the last page excepted)', async () => {
    const fs = besidesPageCount(checkMaterials(await report('40-lines', { pages: 6, lines: (n) => (n === 6 ? 3 : n === 4 ? 30 : n === 2 ? 50 : 40) }), 'source', work));
    expect(rules(fs)).toEqual(['materials.source.lines:warning']);
    expect(fs[0].message).toContain('第 1、3–5 页不足 50 行（最少 30 行）');
  }, 30_000);

  it.each<[string, number, number | undefined, string[]]>([
    ['20 pages for 32000 lines', 20, 32000, ['materials.source.pages:error']],
    ['20 pages for a 900-line program', 20, 900, []],
    ['20 pages, source lines unknown', 20, undefined, ['materials.source.pages:warning']],
    ['64 pages', 64, 32000, ['materials.source.pages:error']],
  ])('materials.source.pages: %s', async (_name, pages, sourceLines, expected) => {
    const r = await report(`pages-${pages}`, { pages, lines: (n) => (n === pages ? 10 : 55) });
    expect(rules(checkMaterials(r, 'source', { ...work, sourceLines }))).toEqual(expected);
  }, 30_000);

  it('materials.header: a wrong version in the header', async () => {
    const fs = besidesPageCount(checkMaterials(await report('v2', { pages: 4, header: (n) => (n > 2 ? 'Yunfan CRM System V2.0' : 'Yunfan CRM System V1.0') }), 'source', work));
    expect(rules(fs)).toEqual(['materials.header:error']);
    expect(fs[0].message).toContain('第 3–4 页的页眉没有版本号 V1.0（页眉写的是 V2.0）');
  }, 30_000);

  it.each<[string, PdfSpec, string[]]>([
    ['the short name is enough', { pages: 3, header: () => 'Yunfan CRM V1.0' }, []],
    ['V1.0.1 is not V1.0', { pages: 3, header: () => 'Yunfan CRM System V1.0.1' }, ['没有版本号 V1.0']],
    ['another name', { pages: 3, header: () => 'Other System V1.0' }, ['没有软件全称或简称']],
    ['no header on page 2', { pages: 3, header: (n) => (n === 2 ? null : 'Yunfan CRM System V1.0') }, ['第 2 页的页眉没有软件全称或简称', '第 2 页的页眉没有版本号']],
    ['no page numbers', { pages: 3, footer: () => null }, ['第 1–3 页没有页码']],
    ['page number in the header', { pages: 3, header: (n) => `Yunfan CRM System V1.0    ${n}`, footer: () => null }, []],
  ])('materials.header: %s', async (name, spec, words) => {
    const fs = checkMaterials(await report(`header-${name}`, spec), 'source', work).filter((f) => f.rule === 'materials.header');
    expect(fs).toHaveLength(words.length);
    words.forEach((w, i) => expect(fs[i].message).toContain(w));
  }, 30_000);

  it('materials.content: blank pages, not also counted as short pages', async () => {
    const fs = besidesPageCount(checkMaterials(await report('blank-3', { pages: 5, lines: (n) => (n === 3 ? 0 : 55) }), 'source', work));
    expect(rules(fs)).toEqual(['materials.content:warning']);
    expect(fs[0].message).toContain('第 3 页是空白页');
  }, 30_000);

  it('materials.content: personal data and secrets in the source', async () => {
    const leaks: Record<number, string> = {
      2: 'String password = "hunter2!";',
      3: 'String ak = "LTAI5tAbCdEfGhIjKlMnOpQr";',
      4: '// owner: 110105199003072012',
      5: '// call 13800138000',
      6: '-----BEGIN RSA PRIVATE KEY-----',
    };
    const fs = besidesPageCount(checkMaterials(await report('leaks', { pages: 6, extra: (n) => (leaks[n] ? [leaks[n]] : []) }), 'source', work));
    expect(fs.map((f) => f.message.split(' / ')[0])).toEqual([
      '程序鉴别材料第 6 页含有私钥，提交前请删去或打码',
      '程序鉴别材料第 3 页含有访问密钥（AccessKey），提交前请删去或打码',
      '程序鉴别材料第 2 页含有写死的密码或令牌，提交前请删去或打码',
      '程序鉴别材料第 4 页含有身份证号码，提交前请删去或打码',
      '程序鉴别材料第 5 页含有手机号码，提交前请删去或打码',
    ]);
    // an 18-digit number whose check digit fails is no ID number, and a constant is no password
    const clean = besidesPageCount(checkMaterials(await report('no-leaks', { pages: 2, extra: () => ['// ref 110105199003072013; String password = "";'] }), 'source', work));
    expect(clean).toEqual([]);
  }, 60_000);

  it.each<[string, () => Promise<Uint8Array>]>([
    ['not a PDF', async () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04])],
    ['a truncated PDF', async () => (await makePdf({ pages: 3 })).subarray(0, 2000)],
  ])('materials.source.pages: %s is an error', async (_name, bytes) => {
    const fs = checkMaterials(await analysePdf(await bytes(), pdfjs), 'source', work);
    expect(rules(fs)).toEqual(['materials.source.pages:error']);
    expect(fs[0].message).toMatch(/^程序鉴别材料：/);
  });

  it('checks the file size against the limit the page states', async () => {
    const r = await report('good', GOOD);
    expect(rules(checkMaterials(r, 'source', work, { sizeLimitBytes: 1000 }))).toEqual(['materials.source.pages:error']);
    expect(checkMaterials(r, 'source', work, { sizeLimitBytes: 10 * 1024 * 1024 })).toEqual([]);
  }, 30_000);
});

describe('checkMaterials: documentation (文档鉴别材料)', () => {
  it('passes 60 full pages', async () => {
    expect(checkMaterials(await report('good', GOOD), 'doc', work)).toEqual([]);
  }, 30_000);

  it('materials.doc.lines: short pages, except pages with a figure and the last page', async () => {
    const fs = besidesPageCount(checkMaterials(await report('doc-short', { pages: 8, lines: (n) => (n === 5 || n === 6 || n === 8 ? 12 : 35), image: (n) => n === 6 }), 'doc', work));
    expect(rules(fs)).toEqual(['materials.doc.lines:warning']);
    expect(fs[0].message).toContain('第 5 页不足 30 行（最少 12 行）');
  }, 30_000);

  it('materials.doc.pages: more than 60 pages is an error, fewer a reminder', async () => {
    expect(rules(checkMaterials(await report('pages-64', { pages: 64, lines: (n) => (n === 64 ? 10 : 55) }), 'doc', work))).toEqual(['materials.doc.pages:error']);
    expect(rules(checkMaterials(await report('pages-20', { pages: 20, lines: (n) => (n === 20 ? 10 : 55) }), 'doc', work))).toEqual(['materials.doc.pages:info']);
  }, 30_000);
});

describe('checkMaterials on weird input', () => {
  it('never throws', () => {
    for (const r of [null, undefined, {}, { ok: true }, { ok: true, pages: 3, pageReports: [null] }, { ok: false }]) {
      for (const kind of ['source', 'doc', 'other']) {
        expect(() => checkMaterials(r as never, kind as never, null as never)).not.toThrow();
      }
    }
  });
});
