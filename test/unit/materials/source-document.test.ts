// @vitest-environment node
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { analysePdf, checkMaterials, type PdfjsModule, type PdfPageReport, type PdfReport } from '@/utils/rules/materials';
import { Work } from '@/utils/schema/work';
import { boundaryFinding, buildSourceDocument, type SourceDocumentInput, type SourceDocumentResult } from '@/utils/materials/source-document';
import type { SourceFile } from '@/utils/materials/select';
import { fonts, loadPdfjs, pdfText, sourceTree, utf8 } from './fixtures';

/*
 * The 程序鉴别材料 read back as the center and the checker read it: pdf.js's text, grouped into
 * printed lines by analysePdf, judged by checkMaterials.
 */

const WORK = { fullName: '云帆客户关系管理系统', shortName: '云帆CRM', version: 'V1.0' };
let pdfjs: PdfjsModule;
beforeAll(async () => {
  pdfjs = await loadPdfjs();
});

const build = (files: SourceFile[], more: Partial<SourceDocumentInput> = {}) => buildSourceDocument({ files, work: WORK, fonts: fonts(), ...more });

async function pagesOf(result: SourceDocumentResult): Promise<PdfPageReport[]> {
  const report = await analysePdf(result.pdf, pdfjs);
  if (!report.ok) throw new Error(report.en);
  expect(report.pages).toBe(result.pages);
  return report.pageReports;
}

/** The checker's verdict on the material: errors, and the rules of every finding. */
async function verdict(result: SourceDocumentResult): Promise<{ report: PdfReport; errors: string[]; rules: string[] }> {
  const report = await analysePdf(result.pdf, pdfjs);
  const work = Work.parse({ id: 'w', ...WORK, sourceLines: result.sourceLines });
  const findings = checkMaterials(report, 'source', work);
  return { report, errors: findings.filter((f) => f.severity === 'error').map((f) => f.message), rules: findings.map((f) => f.rule) };
}

/** How many straight segments (the `l` operator) a page's content draws. */
async function lineSegments(pdf: Uint8Array, pageIndex: number): Promise<number> {
  const doc = await PDFDocument.load(pdf);
  const contents = doc.getPage(pageIndex).node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  let count = 0;
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const text = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
    count += (text.match(/ l\n/g) ?? []).length;
  }
  return count;
}

/** Every page holds exactly `n` printed lines but the last, which holds the rest; headers and numbers as expected. */
function expectPrintedPages(pages: PdfPageReport[], result: SourceDocumentResult, n = 50) {
  const printed = result.pageMap.reduce((s, p) => s + p.lines, 0);
  pages.forEach((p, i) => {
    expect(p.bodyLines, `page ${i + 1}`).toBe(i < pages.length - 1 ? n : printed - n * (pages.length - 1));
    expect(p.header.replace(/\s+/g, '')).toBe(`${WORK.fullName}${WORK.version}${i + 1}`);
    expect(p.pageNumber).toBe(String(i + 1));
    expect(p.footer).toBe('');
  });
  expect(result.pageMap.map((p) => p.lines)).toEqual(pages.map((p) => p.bodyLines));
}

describe('buildSourceDocument: a program shorter than 60 pages', () => {
  const files = [
    { path: 'src/main.js', bytes: utf8("import { run } from './app';\n\n// 程序入口\nrun();\n") },
    ...sourceTree({ seed: 1, files: 6, lines: 200, cjkEvery: 7, blankEvery: 5 }),
    { path: 'node_modules/dep/index.js', bytes: utf8('module.exports = 1;\n') },
  ];
  let result: SourceDocumentResult;
  let pages: PdfPageReport[];
  beforeAll(async () => {
    result = await build(files);
    pages = await pagesOf(result);
  }, 60_000);

  it('prints the whole program, blank lines removed, on pages of exactly 50 printed lines', () => {
    expect(result.ok).toBe(true);
    expect(result.sourceLines).toBe(3 + 6 * 200);
    expect(result.printedLines).toBe(result.sourceLines);
    expect(result.programPages).toBe(Math.ceil(1203 / 50));
    expect(result.pages).toBe(result.programPages);
    expectPrintedPages(pages, result);
  });

  it('begins with the entry point and reads back line for line', () => {
    expect(pages[0].text.slice(0, 3)).toEqual(["import { run } from './app';", '// 程序入口', 'run();']);
    expect(pages[0].text[3]).toMatch(/^\/\/ \p{Script=Han}+：\w+ 0$/u);
    expect(result.pageMap[0]).toMatchObject({ page: 1, programPage: 1, startsFile: true, ranges: [{ path: 'src/main.js', from: 1, to: 4 }, { path: 'src/module0000.js', from: 1 }] });
    expect(result.pageMap.at(-1)).toMatchObject({ endsFile: true, ranges: [{ path: 'src/module0005.js', to: 240 }] });
  });

  it('passes the material checker with no error', async () => {
    const { errors, rules } = await verdict(result);
    expect(errors).toEqual([]);
    expect(rules).toEqual([]);
  });

  it('reports the decisions, the languages and 源程序量', () => {
    expect(result.files.find((f) => f.path === 'node_modules/dep/index.js')).toMatchObject({ included: false, reason: 'dependency-dir' });
    expect(result.languages).toEqual({ portal: ['JavaScript'], other: [], text: 'JavaScript', lines: { JavaScript: 1203 } });
    expect(result.findings).toEqual([]);
  });
});

describe('buildSourceDocument: a program of more than 60 pages', () => {
  // 70 files of 50 lines: 70 program pages, each file exactly one page.
  const files = sourceTree({ seed: 2, files: 70, lines: 50 });
  let result: SourceDocumentResult;
  let pages: PdfPageReport[];
  beforeAll(async () => {
    result = await build(files);
    pages = await pagesOf(result);
  }, 60_000);

  it('prints the first 30 and the last 30 pages, numbered 1–60, page 1 beginning a file and page 60 ending one', () => {
    expect(result.programPages).toBe(70);
    expect(result.pages).toBe(60);
    expect(result.pageMap.map((p) => p.programPage)).toEqual([...Array.from({ length: 30 }, (_, i) => i + 1), ...Array.from({ length: 30 }, (_, i) => i + 41)]);
    expect(result.pageMap[0].startsFile).toBe(true);
    expect(result.pageMap[59].endsFile).toBe(true);
    expect(result.pageMap[30].ranges).toEqual([{ path: 'src/module0040.js', from: 1, to: 50 }]);
    expectPrintedPages(pages, result);
    expect(result.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['materials.source.pages:info']);
  });

  it('passes the material checker with no error, though 源程序量 is far above 60 pages', async () => {
    const { errors, rules } = await verdict(result);
    expect(errors).toEqual([]);
    expect(rules).toEqual([]);
    expect(result.sourceLines).toBe(3500);
  });
});

describe('buildSourceDocument: wrapping, Chinese and encodings', () => {
  const long = `const table = [${Array.from({ length: 80 }, (_, i) => i * 7).join(', ')}];`;
  const chinese = `// ${'计算客户积分并生成月度报表，'.repeat(12)}完`;
  // 中文注释 in GBK, then an ASCII line.
  const gbk = Uint8Array.from([0x2f, 0x2f, 0x20, 0xd6, 0xd0, 0xce, 0xc4, 0xd7, 0xa2, 0xca, 0xcd, 0x0a, 0x69, 0x6e, 0x74, 0x20, 0x78, 0x3b, 0x0a]);
  const files: SourceFile[] = [
    { path: 'src/main.c', bytes: utf8(`${Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? long : i % 3 === 1 ? chinese : `int v${i} = ${i};`)).join('\n')}\n`) },
    { path: 'src/legacy.c', bytes: gbk },
  ];
  let result: SourceDocumentResult;
  let pages: PdfPageReport[];
  beforeAll(async () => {
    result = await build(files);
    pages = await pagesOf(result);
  }, 60_000);

  it('counts the continuation lines of long lines as printed lines, so every page still holds exactly 50', () => {
    expect(result.sourceLines).toBe(62);
    expect(result.printedLines).toBeGreaterThan(62 + 20 * 2);
    expectPrintedPages(pages, result);
  });

  it('breaks a long line at the page width and loses nothing', () => {
    const lines = pages.flatMap((p) => p.text);
    const at = lines.indexOf(long.slice(0, lines[0].length));
    expect(at).toBe(0);
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    let joined = '';
    for (let i = 0; joined.length < squeeze(long).length; i++) joined += squeeze(lines[i]);
    expect(joined).toBe(squeeze(long));
    // The code font prints 92 columns at 9 pt across A4's text width.
    expect(lines[0].length).toBe(92);
  });

  it('prints Chinese with the CJK font, measured full width', () => {
    const lines = pages.flatMap((p) => p.text);
    const start = lines.findIndex((l) => l.startsWith('// 计算客户积分'));
    const parts: string[] = [];
    for (let i = start; parts.join('').length < chinese.length - 3; i++) parts.push(lines[i]);
    expect(parts.join('').replace(/\s+/g, '')).toBe(chinese.replace(/\s+/g, ''));
    // Full width: about 55 CJK characters fill a line that holds 92 code columns.
    expect(Array.from(parts[1]).length).toBeGreaterThan(50);
    expect(Array.from(parts[1]).length).toBeLessThan(60);
  });

  it('reads GB18030 files', async () => {
    expect(result.files.find((f) => f.path === 'src/legacy.c')).toMatchObject({ included: true, encoding: 'gb18030', language: 'C' });
    expect((await pdfText(result.pdf)).join('')).toContain('// 中文注释int x;');
  });

  it('prints characters neither font has as "?" and says which', async () => {
    const r = await build([{ path: 'a.js', bytes: utf8('// 发布 🚀 完成\n') }]);
    expect(r.missingGlyphs).toEqual(['🚀']);
    expect(r.findings.map((f) => f.rule)).toEqual(['materials.content']);
    expect((await pdfText(r.pdf)).join('')).toContain('// 发布 ? 完成');
  });
});

describe('buildSourceDocument: secrets and personal data', () => {
  const key = 'LTAI5tAbCdEfGhIjKlMnOpQr';
  const files = [{ path: 'src/config.js', bytes: utf8(`export const region = 'cn-hangzhou';\n\nexport const accessKeyId = '${key}';\nexport const owner = '13812345678';\n`) }];

  it('lists each with file and line, and warns about those on the printed pages', async () => {
    const r = await build(files);
    expect(r.secrets.map((s) => [s.id, s.kind, s.printed, s.redacted])).toEqual([
      ['src/config.js:3:29', 'access-key', true, false],
      ['src/config.js:4:23', 'mobile', true, false],
    ]);
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['materials.content', 'warning'],
      ['materials.content', 'warning'],
    ]);
    expect(r.findings[0].message).toMatch(/^src\/config\.js 第 3 行含有云服务访问密钥（LTAI\*+OpQr）/);
    expect((await pdfText(r.pdf)).join('')).toContain(key);
    // The checker sees the same key in the printed text.
    const { rules } = await verdict(r);
    expect(rules).toContain('materials.content');
  }, 30_000);

  it('masks what the caller confirms: a hit by its id, a whole line by path:line', async () => {
    const r = await build(files, { redact: ['src/config.js:3:29', 'src/config.js:4'] });
    const text = (await pdfText(r.pdf)).join('\n');
    expect(text).not.toContain(key);
    expect(text).not.toContain('13812345678');
    expect(text).toContain(`export const accessKeyId = '${'*'.repeat(key.length)}';`);
    expect(text).toContain('*'.repeat(10));
    expect(r.secrets.every((s) => s.redacted)).toBe(true);
    expect(r.findings).toEqual([]);
    // A place that is no longer there is reported, not silently skipped.
    const stale = await build(files, { redact: ['src/config.js:9:1'] });
    expect(stale.findings.map((f) => [f.severity, f.message.split(' / ')[0]])).toContainEqual(['info', '有 1 处要打码的位置没有找到（文件可能已改动）：src/config.js:9:1']);
    expect(r.sourceLines).toBe(3);
    const { rules } = await verdict(r);
    expect(rules).toEqual([]);
  }, 30_000);
});

describe('buildSourceDocument: 例外交存', () => {
  const files = sourceTree({ seed: 3, files: 70, lines: 50 });

  it('(1) covers the chosen lines with black wide diagonal lines, keeping the line count and leaving their text out', async () => {
    // A secret in a covered file is not shown, so it is no finding.
    const secret = { ...files[2], bytes: utf8(new TextDecoder().decode(files[2].bytes).replace(/\n/, " // owner 13812345678\n")) };
    const r = await buildSourceDocument({ files: files.map((f, i) => (i === 2 ? secret : f)), work: WORK, fonts: fonts(), deposit: { kind: 'cover', ranges: [{ path: secret.path, from: 1, to: 50 }, { path: files[45].path, from: 11, to: 20 }] } });
    expect(r.ok).toBe(true);
    expect(r.coverage).toBeCloseTo(60 / 3000, 6);
    expect(r.pageMap[2].coveredLines).toBe(50);
    expect(r.pageMap[35].coveredLines).toBe(10);
    const text = (await pdfText(r.pdf)).join('\n');
    const firstLine = new TextDecoder().decode(secret.bytes).split('\n')[0].trim();
    expect(text).not.toContain(firstLine);
    const pages = await pagesOf(r);
    expectPrintedPages(pages, r);
    expect(pages[2].text.every((l) => /^\*+$/.test(l))).toBe(true);
    expect(r.secrets.map((h) => [h.kind, h.printed])).toEqual([['mobile', false]]);
    expect(r.findings.filter((f) => f.rule === 'materials.content')).toEqual([]);
    // The stripes are drawn: the covered page's content strokes many lines, a plain page only the header's rule.
    expect(await lineSegments(r.pdf, 2)).toBeGreaterThan(60);
    expect(await lineSegments(r.pdf, 0)).toBe(1);
    const { errors } = await verdict(r);
    expect(errors).toEqual([]);
  }, 60_000);

  it('(1) refuses to cover more than half of the material', async () => {
    const cover = (chosen: SourceFile[]) => build(files, { deposit: { kind: 'cover', ranges: chosen.map((f) => ({ path: f.path, from: 1, to: 50 })) } });
    // The first 30 pages (files 0–29, a page each): exactly half is allowed …
    const half = await cover(files.slice(0, 31));
    expect(half).toMatchObject({ ok: true, coverage: 0.5 });
    // … one back page more is not.
    const over = await cover([...files.slice(0, 30), files[69]]);
    expect(over).toMatchObject({ ok: false, pages: 0 });
    expect(over.pdf.length).toBe(0);
    expect(over.coverage).toBeCloseTo(31 / 60, 6);
    expect(over.findings.find((f) => f.severity === 'error')?.message).toMatch(/覆盖了材料 51\.7% 的行，超过第十二条允许的 50%/);
  }, 60_000);

  it('(2) prints the first 10 pages and the 50 consecutive pages the user picks, numbered 1–60', async () => {
    const r = await build(files, { deposit: { kind: 'ten-plus-fifty', startPage: 15 } });
    expect(r.ok).toBe(true);
    expect(r.pageMap.map((p) => p.programPage)).toEqual([...Array.from({ length: 10 }, (_, i) => i + 1), ...Array.from({ length: 50 }, (_, i) => i + 15)]);
    const pages = await pagesOf(r);
    expectPrintedPages(pages, r);
    const { errors } = await verdict(r);
    expect(errors).toEqual([]);
  }, 60_000);

  it('(2) says when page 11 does not begin a file or page 60 does not end one, and where to start instead', async () => {
    // 45 files of 100 lines: odd pages begin a file, even pages end one.
    const twoPages = sourceTree({ seed: 4, files: 45, lines: 100 });
    const r = await build(twoPages, { deposit: { kind: 'ten-plus-fifty', startPage: 12 } });
    expect(r.findings.filter((f) => f.rule === 'materials.boundaries').map((f) => [f.severity, f.message.split(' / ')[0]])).toEqual([
      ['info', '例外交存第二种方式：材料第 11 页不是从一个文件的开头开始，第 60 页不在一个文件的结尾结束；可改从程序第 11、13、15 页开始'],
    ]);
    const good = await build(twoPages, { deposit: { kind: 'ten-plus-fifty', startPage: 13 } });
    expect(good.pageMap[10]).toMatchObject({ programPage: 13, startsFile: true });
    expect(good.pageMap[59]).toMatchObject({ programPage: 62, endsFile: true });
    expect(good.findings.filter((f) => f.rule === 'materials.boundaries')).toEqual([]);
  }, 60_000);

  it('(2) names only the end that is off', () => {
    expect(boundaryFinding({ startsFile: true, endsFile: false, suggestions: [] })).toEqual({
      rule: 'materials.boundaries',
      severity: 'info',
      key: 'sourceMaterial',
      message: '例外交存第二种方式：材料第 60 页不在一个文件的结尾结束 / exceptional deposit (2): page 60 does not end one',
    });
  });

  it('(2) refuses a start page outside 11 to the last 50 pages, and needs no exception for a short program', async () => {
    const r = await build(files, { deposit: { kind: 'ten-plus-fifty', startPage: 30 } });
    expect(r.ok).toBe(false);
    expect(r.findings[0].message).toMatch(/第 11 到第 21 页之间开始/);
    const short = await build(files.slice(0, 5), { deposit: { kind: 'ten-plus-fifty', startPage: 11 } });
    expect(short).toMatchObject({ ok: true, pages: 5 });
    expect(short.findings[0].message).toMatch(/无需例外交存/);
  }, 60_000);

  it('(3) needs object code, which a source folder does not give: a clear finding, no PDF', async () => {
    const r = await build(files.slice(0, 2), { deposit: { kind: 'object-code' } });
    expect(r).toMatchObject({ ok: false, pages: 0, sourceLines: 100 });
    expect(r.findings[0]).toMatchObject({ rule: 'materials.source.pages', severity: 'error' });
    expect(r.findings[0].message).toMatch(/目标程序/);
  });
});

describe('buildSourceDocument: options', () => {
  const files = sourceTree({ seed: 5, files: 3, lines: 70 });

  it('prints more lines a page when asked, never fewer than 50', async () => {
    const r = await build(files, { linesPerPage: 60 });
    expect(r.pages).toBe(Math.ceil(210 / 60));
    const pages = await pagesOf(r);
    expectPrintedPages(pages, r, 60);
    const dense = await build(files, { linesPerPage: 100 });
    expect(dense).toMatchObject({ pages: 3, fontSize: 5.4 });
    expectPrintedPages(await pagesOf(dense), dense, 100);
    await expect(build(files, { linesPerPage: 40 })).rejects.toThrow(/50 到 100/);
    await expect(build(files, { fontSize: 20 })).rejects.toThrow(/字号/);
  }, 30_000);

  it('prints the short name when asked, and refuses a work without a name or version', async () => {
    const r = await build(files.slice(0, 1), { headerName: 'short' });
    expect((await pagesOf(r))[0].header.replace(/\s+/g, '')).toBe('云帆CRMV1.01');
    const none = await buildSourceDocument({ files, work: { fullName: '', version: 'V1.0' }, fonts: fonts() });
    expect(none).toMatchObject({ ok: false, findings: [{ rule: 'materials.header', severity: 'error' }] });
  }, 30_000);

  it('follows the caller’s file order', async () => {
    const r = await build(files, { order: [files[2].path] });
    expect(r.pageMap[0].ranges[0]).toEqual({ path: files[2].path, from: 1, to: 50 });
  });

  it('reports progress phase by phase and stops when cancelled', async () => {
    const phases: string[] = [];
    await build(files, { onProgress: (phase) => phases.at(-1) !== phase && phases.push(phase) });
    expect(phases).toEqual(['read', 'scan', 'layout', 'render', 'save']);
    const controller = new AbortController();
    const cancelled = build(files, { signal: controller.signal, onProgress: (phase) => phase === 'render' && controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('finds the languages to declare, embedded ones included', async () => {
    const r = await build([
      { path: 'src/App.vue', bytes: utf8('<template><div/></template>\n<script>\nexport default {};\n</script>\n<style>\ndiv { color: red; }\n</style>\n') },
      { path: 'src/api.js', bytes: utf8('export const a = 1;\n') },
      { path: 'db/schema.sql', bytes: utf8('create table t (id int);\n') },
    ]);
    expect(r.languages.portal).toEqual(['HTML', 'JavaScript', 'SQL']);
    expect(r.languages.other).toEqual(['Vue', 'CSS']);
    expect(r.languages.text).toBe('HTML、JavaScript、SQL、Vue、CSS');
  });

  it('refuses to make an empty material', async () => {
    const r = await build([{ path: 'README.md', bytes: utf8('# x\n') }]);
    expect(r).toMatchObject({ ok: false, findings: [{ rule: 'materials.source.pages', severity: 'error' }] });
  });
});
