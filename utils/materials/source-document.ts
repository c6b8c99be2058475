import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { finding } from '@/utils/rules/finding';
import { MATERIAL_PAGES } from '@/utils/rules/materials';
import type { Finding } from '@/utils/schema/finding';
import { printingLines } from './decode';
import { sortLanguages, type PortalLanguage } from './languages';
import {
  A4,
  BODY_TOP,
  chosenPages,
  endsFile,
  geometry,
  HEADER_BASELINE,
  MARGIN,
  measureProgram,
  printedLinesOf,
  sourceLineAt,
  startsFile,
  type CoverRange,
  type Deposit,
  type Geometry,
  type PrintedLine,
  type Program,
  type ProgramLine,
} from './paginate';
import { drawHeader, drawStripes, headerTitle, type HeaderFont } from './render';
import { redact, scanSecrets, SECRET_KIND_TEXT, type SecretHit } from './secrets';
import { languageLines, selectFiles, type FileDecision, type SelectionOptions, type SourceFile } from './select';
import { Face, printableWith, Typesetter, type MaterialFontFiles, type Run } from './typeset';

/*
 * 程序鉴别材料 from a source folder (docs/ARCHITECTURE.md contract 3): choose the files, decode them,
 * find what must not be printed, lay the program out in A4 pages of exactly N printed lines,
 * take the pages the deposit asks for, and print them into one PDF with embedded, subset fonts.
 * Pure code: runs in a page, a worker or Node (no DOM, no extension API).
 */

/** The work as the form has it: the header prints these exactly. */
export interface MaterialWork {
  fullName: string;
  shortName?: string;
  version: string;
}

export type SourcePhase = 'read' | 'scan' | 'layout' | 'render' | 'save';

export interface SourceDocumentInput extends SelectionOptions {
  files: readonly SourceFile[];
  work: MaterialWork;
  fonts: MaterialFontFiles;
  /** Printed lines per page: 50 (第十条's minimum, the default) to 100. */
  linesPerPage?: number;
  /** Code size in points; default the largest that suits the line pitch (at most 9). */
  fontSize?: number;
  /** Which name the header shows (default the full name; the short name if there is no full one). */
  headerName?: 'full' | 'short';
  /** Standard (default) or one of the three 例外交存 options. */
  deposit?: Deposit;
  /** What to mask, as the user confirmed it: hit ids (`path:line:column`, see `secrets`) or whole lines (`path:line`). */
  redact?: readonly string[];
  onProgress?: (phase: SourcePhase, done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface PageMapEntry {
  /** Page number in the PDF (printed top right). */
  page: number;
  /** The page's number in the whole program's pagination. */
  programPage: number;
  /** Printed lines on the page. */
  lines: number;
  /** Which lines of which files it holds (1-based, as the editor numbers them). */
  ranges: { path: string; from: number; to: number }[];
  startsFile: boolean;
  endsFile: boolean;
  /** Printed lines covered (例外交存 (1)). */
  coveredLines: number;
}

export interface SourceSecret extends SecretHit {
  /** Shown by the material: on one of its pages and not covered (a hit on a page left out is not submitted). */
  printed: boolean;
  /** Masked as the caller asked. */
  redacted: boolean;
}

export interface SourceDocumentResult {
  /** False when no PDF could be made (the findings say why); `pdf` is then empty. */
  ok: boolean;
  pdf: Uint8Array;
  /** Pages in the PDF. */
  pages: number;
  /** Pages the whole program fills at `linesPerPage`. */
  programPages: number;
  /** Non-blank lines of the whole program (源程序量). */
  sourceLines: number;
  /** Printed lines of the whole program (wrapped long lines count once per printed line). */
  printedLines: number;
  linesPerPage: number;
  fontSize: number;
  /** Share of the material's printed lines that are covered (例外交存 (1)), 0–1. */
  coverage: number;
  findings: Finding[];
  /** Every input file with the decision taken and why. */
  files: FileDecision[];
  languages: {
    /** The page's checkboxes to tick, in its order. */
    portal: PortalLanguage[];
    /** The rest, for its "other languages" box. */
    other: string[];
    /** All of them joined as the profile's `languages` field takes them (、-separated). */
    text: string;
    /** Printing lines per language. */
    lines: Record<string, number>;
  };
  secrets: SourceSecret[];
  pageMap: PageMapEntry[];
  /** Characters neither font has; they print as "?". */
  missingGlyphs: string[];
}

const KEY = 'sourceMaterial';
/** The header's size: readable above 9 pt code, set smaller when a long name needs it. */
const HEADER_SIZE = 10;
const COVER_LIMIT = 0.5;

/** An option the generator cannot honour (lines per page, font size): a caller's mistake, thrown. */
export class MaterialOptionError extends RangeError {
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'MaterialOptionError';
  }
}

/** Calls onProgress, honours the signal, and gives the event loop a turn every ~25 ms of work. */
function pacer(signal: AbortSignal | undefined, onProgress: SourceDocumentInput['onProgress']) {
  let last = performance.now();
  return async (phase: SourcePhase, done: number, total: number) => {
    signal?.throwIfAborted();
    onProgress?.(phase, done, total);
    if (performance.now() - last > 25) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      last = performance.now();
      signal?.throwIfAborted();
    }
  };
}

/** `path:line:column` ids of hits, and `path:line` whole lines, from the caller's list. */
function parseRedactions(list: readonly string[]): { ids: Set<string>; lines: Map<string, Set<number>> } {
  const ids = new Set<string>();
  const lines = new Map<string, Set<number>>();
  for (const entry of list) {
    const m = /^(.+?):(\d+)(?::(\d+))?$/.exec(String(entry));
    if (!m) continue;
    if (m[3]) ids.add(entry);
    else {
      if (!lines.has(m[1])) lines.set(m[1], new Set());
      lines.get(m[1])!.add(Number(m[2]));
    }
  }
  return { ids, lines };
}

/** Line numbers for a message: the first eight, then 等. */
function lineList(lines: number[]): string {
  return lines.length > 8 ? `${lines.slice(0, 8).join('、')} 等` : lines.join('、');
}

/** Does the last printed line of program page `page` end a file? */
function pageEndsFile(program: Program, page: number, n: number): boolean {
  const lastPrinted = Math.min(program.printed, page * n) - 1;
  const line = sourceLineAt(program, lastPrinted);
  return endsFile(program, { line, part: lastPrinted - program.printedStart[line], last: program.printedStart[line + 1] === lastPrinted + 1 });
}

function pageStartsFile(program: Program, page: number, n: number): boolean {
  const first = (page - 1) * n;
  const line = sourceLineAt(program, first);
  return startsFile(program, { line, part: first - program.printedStart[line], last: false });
}

/** Builds the 程序鉴别材料: one PDF, and everything a UI needs to show how it was made. */
export async function buildSourceDocument(input: SourceDocumentInput): Promise<SourceDocumentResult> {
  const n = input.linesPerPage ?? 50;
  if (!Number.isInteger(n) || n < 50 || n > 100) throw new MaterialOptionError('每页行数应为 50 到 100 之间的整数', 'lines per page must be a whole number from 50 to 100');
  const g: Geometry = geometry(n, input.fontSize);
  if (!(g.fontSize >= 5 && g.fontSize <= g.pitch * 0.9)) {
    throw new MaterialOptionError(`字号 ${g.fontSize} 不合适：每页 ${n} 行时应在 5 到 ${(g.pitch * 0.9).toFixed(1)} 磅之间`, `font size ${g.fontSize} does not fit: with ${n} lines a page it must be 5 to ${(g.pitch * 0.9).toFixed(1)} pt`);
  }
  const tabWidth = input.tabWidth ?? 4;
  const deposit: Deposit = input.deposit ?? { kind: 'standard' };
  const step = pacer(input.signal, input.onProgress);
  const findings: Finding[] = [];

  // 1. The files.
  const { decisions, selected } = await selectFiles(input.files, input, (done, total) => step('read', done, total));
  for (const d of decisions) {
    if (d.reason === 'undecodable') {
      findings.push(finding('materials.content', KEY, `${d.path} 无法识别编码（不是 UTF-8、UTF-16 或 GB18030），未放入材料`, `${d.path} has an unknown encoding (not UTF-8, UTF-16 or GB18030) and is left out`));
    }
  }
  const sourceLines = decisions.reduce((sum, d) => sum + (d.included ? d.lines : 0), 0);
  const lineCounts = languageLines(decisions);
  const { portal, other } = sortLanguages(lineCounts);
  const languages = { portal, other, text: [...portal, ...other].join('、'), lines: Object.fromEntries(lineCounts) };

  // 2. Secrets, and the masking the caller confirmed.
  const wanted = parseRedactions(input.redact ?? []);
  const secrets: SourceSecret[] = [];
  for (const [i, file] of selected.entries()) {
    await step('scan', i, selected.length);
    const hits = scanSecrets(file.path, file.text);
    const masked = hits.filter((h) => wanted.ids.has(h.id));
    const lines = wanted.lines.get(file.path) ?? new Set<number>();
    for (const h of hits) secrets.push({ ...h, printed: false, redacted: masked.includes(h) || lines.has(h.line) });
    if (masked.length || lines.size) file.lines = printingLines(redact(file.text, masked, lines), tabWidth);
  }
  const unmatched = [...wanted.ids].filter((id) => !secrets.some((s) => s.id === id));
  if (unmatched.length) {
    findings.push(
      finding('materials.content', KEY, `有 ${unmatched.length} 处要打码的位置没有找到（文件可能已改动）：${unmatched.slice(0, 3).join('、')}`, `${unmatched.length} place(s) to mask were not found (has the file changed?): ${unmatched.slice(0, 3).join(', ')}`, 'info'),
    );
  }

  const result = (ok: boolean, rest: Partial<SourceDocumentResult> = {}): SourceDocumentResult => ({
    ok,
    pdf: new Uint8Array(0),
    pages: 0,
    programPages: 0,
    sourceLines,
    printedLines: 0,
    linesPerPage: n,
    fontSize: g.fontSize,
    coverage: 0,
    findings,
    files: decisions,
    languages,
    secrets,
    pageMap: [],
    missingGlyphs: [],
    ...rest,
  });

  const title = headerTitle(input.work, input.headerName ?? 'full');
  if (!title) {
    findings.push(finding('materials.header', KEY, '缺少软件名称或版本号，无法生成页眉', 'the software name or version is missing: no header can be printed'));
    return result(false);
  }
  if (deposit.kind === 'object-code') {
    findings.push(
      finding(
        'materials.source.pages',
        KEY,
        '例外交存第三种方式需要目标程序（编译后的代码）的前后各 30 页，本工具只从源代码生成材料：请选择第一种（覆盖）或第二种（前 10 页加任选 50 页）方式',
        'exceptional deposit (3) needs 30 + 30 pages of object code, which this tool cannot make from source files: choose option (1), covering, or (2), 10 + 50 pages',
      ),
    );
    return result(false);
  }
  if (!selected.length) {
    findings.push(finding('materials.source.pages', KEY, '没有可放入材料的源代码文件', 'no source file to put into the material'));
    return result(false);
  }

  // 3. The whole program, measured.
  const setter = new Typesetter(input.fonts);
  const programLines: ProgramLine[] = [];
  selected.forEach((file, f) => {
    for (const l of file.lines) programLines.push({ file: f, no: l.no, text: l.text });
  });
  await step('layout', 0, 1);
  const program = measureProgram(programLines, setter, g);
  await step('layout', 1, 1);

  const choice = chosenPages(program.pages, deposit);
  if ('problem' in choice) {
    findings.push(
      finding(
        'materials.source.pages',
        KEY,
        `例外交存第二种方式：任选的 50 页应从程序第 ${choice.min} 到第 ${choice.max} 页之间开始`,
        `exceptional deposit (2): the 50 pages must start at program page ${choice.min} to ${choice.max}`,
      ),
    );
    return result(false, { programPages: program.pages, printedLines: program.printed });
  }
  const chosen = choice.pages;
  if (program.pages > MATERIAL_PAGES) {
    const which = deposit.kind === 'ten-plus-fifty' ? `前 10 页和第 ${chosen[10]}–${chosen[59]} 页` : `前 30 页和后 30 页（第 ${chosen[30]}–${program.pages} 页）`;
    const whichEn = deposit.kind === 'ten-plus-fifty' ? `the first 10 and pages ${chosen[10]}–${chosen[59]}` : `the first 30 and the last 30 (pages ${chosen[30]}–${program.pages})`;
    findings.push(finding('materials.source.pages', KEY, `源程序共 ${program.pages} 页，材料取${which}，共 60 页`, `the program fills ${program.pages} pages; the material takes ${whichEn}, 60 pages`, 'info'));
  } else if (deposit.kind === 'ten-plus-fifty') {
    findings.push(finding('materials.source.pages', KEY, `源程序只有 ${program.pages} 页，不足 60 页，提交全部页即可，无需例外交存`, `the program fills only ${program.pages} pages: submit all of them, no exceptional deposit needed`, 'info'));
  }

  // 4. What each page holds, and what is covered.
  const pageLines = chosen.map((p) => printedLinesOf(program, p, n));
  const coverRanges: CoverRange[] = deposit.kind === 'cover' ? deposit.ranges : [];
  const coveredIn = (l: PrintedLine) => {
    const line = program.lines[l.line];
    const path = selected[line.file].path;
    return coverRanges.some((r) => r.path === path && line.no >= r.from && line.no <= r.to);
  };
  const covered = pageLines.map((lines) => lines.map(coveredIn));
  const totalPrinted = pageLines.reduce((s, l) => s + l.length, 0);
  const coveredCount = covered.reduce((s, c) => s + c.filter(Boolean).length, 0);
  const coverage = totalPrinted ? coveredCount / totalPrinted : 0;
  if (deposit.kind === 'cover') {
    if (coverage > COVER_LIMIT) {
      findings.push(
        finding('materials.source.pages', KEY, `覆盖了材料 ${(coverage * 100).toFixed(1)}% 的行，超过第十二条允许的 50%`, `the covered lines are ${(coverage * 100).toFixed(1)}% of the material, above the 50% the rules allow`),
      );
      return result(false, { programPages: program.pages, printedLines: program.printed, coverage });
    }
    if (coverRanges.length && !coveredCount) {
      findings.push(finding('materials.source.pages', KEY, '选择覆盖的行都不在材料的页上', 'none of the lines chosen for covering is on a page of the material', 'info'));
    }
  }

  const pageMap: PageMapEntry[] = pageLines.map((lines, i) => {
    const ranges: PageMapEntry['ranges'] = [];
    for (const l of lines) {
      const line = program.lines[l.line];
      const path = selected[line.file].path;
      const last = ranges[ranges.length - 1];
      if (last && last.path === path) last.to = line.no;
      else ranges.push({ path, from: line.no, to: line.no });
    }
    return {
      page: i + 1,
      programPage: chosen[i],
      lines: lines.length,
      ranges,
      startsFile: startsFile(program, lines[0]),
      endsFile: endsFile(program, lines[lines.length - 1]),
      coveredLines: covered[i].filter(Boolean).length,
    };
  });
  if (deposit.kind === 'ten-plus-fifty' && program.pages > MATERIAL_PAGES) boundaryFindings(findings, program, n, chosen[10]);

  // Secrets on the material's pages, not covered, are what it would show.
  const printedKeys = new Set<string>();
  pageLines.forEach((lines, p) => lines.forEach((l, i) => covered[p][i] || printedKeys.add(`${program.lines[l.line].file}:${program.lines[l.line].no}`)));
  const fileIndex = new Map(selected.map((f, i) => [f.path, i]));
  for (const s of secrets) {
    const f = fileIndex.get(s.path)!;
    for (let line = s.line; line <= s.endLine && !s.printed; line++) s.printed = printedKeys.has(`${f}:${line}`);
  }
  secretFindings(findings, secrets);

  // 5. The PDF.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`${title} 程序鉴别材料`);
  doc.setCreator('软著助手');
  doc.setLanguage('zh-CN');
  const [mono, cjk] = await Typesetter.embed(doc, input.fonts);
  const header: HeaderFont = { font: cjk, printable: (t) => printableWith(input.fonts.cjk, t) };
  for (const [i, lines] of pageLines.entries()) {
    await step('render', i, pageLines.length);
    const page = doc.addPage([A4.width, A4.height]);
    drawHeader(page, header, { title, pageNumber: i + 1, left: MARGIN.left, right: A4.width - MARGIN.right, baseline: HEADER_BASELINE, size: HEADER_SIZE, rule: true });
    drawBody(page, program, lines, covered[i], setter, g, [mono, cjk]);
  }
  await step('render', pageLines.length, pageLines.length);
  await step('save', 0, 1);
  const pdf = await doc.save({ useObjectStreams: true });
  await step('save', 1, 1);

  const missingGlyphs = [...setter.missing.keys()];
  if (missingGlyphs.length) {
    const shown = missingGlyphs.slice(0, 10).join(' ');
    findings.push(finding('materials.content', KEY, `有 ${missingGlyphs.length} 种字符字体中没有，印成了“?”：${shown}`, `${missingGlyphs.length} kinds of character are not in the fonts and print as "?": ${shown}`, 'info'));
  }
  return result(true, { pdf, pages: pageLines.length, programPages: program.pages, printedLines: program.printed, coverage, pageMap, missingGlyphs });
}

function drawBody(page: PDFPage, program: Program, lines: PrintedLine[], covered: boolean[], setter: Typesetter, g: Geometry, fonts: [PDFFont, PDFFont]): void {
  const wraps = new Map<number, Run[][]>();
  const partOf = (l: PrintedLine): Run[] => {
    let w = wraps.get(l.line);
    if (!w) wraps.set(l.line, (w = setter.wrap(program.lines[l.line].text, g.limit)));
    return w[l.part] ?? [];
  };
  const toPoints = (em: number) => (em * g.fontSize) / 1000;
  const baseline = (i: number) => BODY_TOP - i * g.pitch;
  lines.forEach((l, i) => {
    const runs = partOf(l);
    if (covered[i]) {
      // The covered line's text is not in the PDF at all: stars keep its shape and its place in the count.
      const text = runs.map((r) => r.text).join('');
      const lead = /^ */.exec(text)![0].length;
      const end = runs.length ? runs[runs.length - 1].x + setter.width(runs[runs.length - 1].text) : 0;
      const stars = Math.max(1, Math.round((end - lead * setter.monoAdvance) / setter.monoAdvance));
      page.drawText(' '.repeat(lead) + '*'.repeat(stars), { x: MARGIN.left, y: baseline(i), size: g.fontSize, font: fonts[Face.Mono] });
      return;
    }
    for (const run of runs) page.drawText(run.text, { x: MARGIN.left + toPoints(run.x), y: baseline(i), size: g.fontSize, font: fonts[run.face] });
  });
  // Black wide diagonal lines over each block of covered lines.
  for (let i = 0; i < lines.length; i++) {
    if (!covered[i]) continue;
    let j = i;
    while (j + 1 < lines.length && covered[j + 1]) j++;
    const top = baseline(i) + g.pitch * 0.75;
    const bottom = baseline(j) - g.pitch * 0.3;
    drawStripes(page, { x: MARGIN.left - 2, y: bottom, width: A4.width - MARGIN.left - MARGIN.right + 4, height: top - bottom });
    i = j;
  }
}

/** 例外交存 (2): page 11 should begin a file and page 60 end one (materials.boundaries); suggest starts that do. */
function boundaryFindings(findings: Finding[], program: Program, n: number, start: number): void {
  const startsFile = pageStartsFile(program, start, n);
  const endsFile = start + 49 === program.pages || pageEndsFile(program, start + 49, n);
  if (startsFile && endsFile) return;
  // Starts where both hold if there are any, else where one does; the three nearest the user's choice.
  const both: number[] = [];
  const either: number[] = [];
  for (let s = 11; s + 49 <= program.pages; s++) {
    const starts = pageStartsFile(program, s, n);
    const ends = s + 49 === program.pages || pageEndsFile(program, s + 49, n);
    if (starts && ends) both.push(s);
    else if (starts || ends) either.push(s);
  }
  const suggestions = (both.length ? both : either)
    .sort((a, b) => Math.abs(a - start) - Math.abs(b - start) || a - b)
    .slice(0, 3)
    .sort((a, b) => a - b);
  findings.push(boundaryFinding({ startsFile, endsFile, suggestions }));
}

/** The materials.boundaries finding of 例外交存 (2): which end is off, and the program pages to start at instead. */
export function boundaryFinding(check: { startsFile: boolean; endsFile: boolean; suggestions: number[] }): Finding {
  const problem = [!check.startsFile ? '第 11 页不是从一个文件的开头开始' : '', !check.endsFile ? '第 60 页不在一个文件的结尾结束' : ''].filter(Boolean).join('，');
  const problemEn = [!check.startsFile ? 'page 11 does not begin a file' : '', !check.endsFile ? 'page 60 does not end one' : ''].filter(Boolean).join(' and ');
  const hint = check.suggestions.length ? `；可改从程序第 ${check.suggestions.join('、')} 页开始` : '';
  const hintEn = check.suggestions.length ? `; start at program page ${check.suggestions.join(', ')} instead` : '';
  return finding('materials.boundaries', KEY, `例外交存第二种方式：材料${problem}${hint}`, `exceptional deposit (2): ${problemEn}${hintEn}`);
}

/** One finding per file and kind of secret on the printed pages, with the lines. */
function secretFindings(findings: Finding[], secrets: SourceSecret[]): void {
  const groups = new Map<string, SourceSecret[]>();
  for (const s of secrets) {
    if (!s.printed || s.redacted) continue;
    const k = `${s.path}\u0000${s.kind}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(s);
  }
  for (const hits of groups.values()) {
    const { path, kind } = hits[0];
    const lines = [...new Set(hits.map((h) => h.line))];
    const text = SECRET_KIND_TEXT[kind];
    findings.push(
      finding(
        'materials.content',
        KEY,
        `${path} 第 ${lineList(lines)} 行含有${text.zh}（${hits[0].preview}），提交前请删去或在生成时打码`,
        `${path} line(s) ${lines.slice(0, 8).join(', ')}${lines.length > 8 ? ' …' : ''} show ${text.en} (${hits[0].preview}): remove it or mask it when generating`,
      ),
    );
  }
}
