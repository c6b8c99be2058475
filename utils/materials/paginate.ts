import { MATERIAL_PAGES } from '@/utils/rules/materials';
import type { Typesetter } from './typeset';

/*
 * The program as printed pages of exactly N lines: every source line takes as many printed lines
 * as its wrapping needs, the program is cut into pages of N printed lines (the last page holds
 * the rest), and the material takes the pages the deposit asks for (第十条 / 第十二条).
 */

/** A4 in points, and where the header and the body go. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 54, right: 42 } as const;
/** Baseline of the header, and of the body's first and lowest possible last line. */
export const HEADER_BASELINE = A4.height - 40;
export const BODY_TOP = A4.height - 72;
const BODY_BOTTOM = 48;
/** The largest code size: 9 pt prints about 92 columns across A4, the width most code keeps to. */
const MAX_FONT_SIZE = 9;

export interface Geometry {
  linesPerPage: number;
  /** Distance between baselines, in points. */
  pitch: number;
  fontSize: number;
  /** Width of a printed line in thousandths of an em at fontSize. */
  limit: number;
}

export function geometry(linesPerPage: number, fontSize?: number): Geometry {
  const pitch = (BODY_TOP - BODY_BOTTOM) / (linesPerPage - 1);
  // Code reads well with a leading of a third of its size; 100 lines a page still get 5.4 pt.
  const size = fontSize ?? Math.min(MAX_FONT_SIZE, Math.floor(pitch * 0.75 * 10) / 10);
  return { linesPerPage, pitch, fontSize: size, limit: Math.floor(((A4.width - MARGIN.left - MARGIN.right) / size) * 1000) };
}

/** The program's printing lines, file after file. */
export interface ProgramLine {
  file: number;
  /** 1-based line number in the file. */
  no: number;
  text: string;
}

export interface Program {
  lines: ProgramLine[];
  /** printedStart[i]: index of source line i's first printed line; the last entry is the total. */
  printedStart: Uint32Array;
  printed: number;
  pages: number;
}

/** Counts every line's printed lines (wrapping counted) and the pages they fill. */
export function measureProgram(lines: ProgramLine[], setter: Typesetter, g: Geometry): Program {
  const printedStart = new Uint32Array(lines.length + 1);
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    printedStart[i] = total;
    total += setter.count(lines[i].text, g.limit);
  }
  printedStart[lines.length] = total;
  return { lines, printedStart, printed: total, pages: Math.ceil(total / g.linesPerPage) };
}

/** The source line that holds printed line `printed`. */
export function sourceLineAt(program: Program, printed: number): number {
  const s = program.printedStart;
  let lo = 0;
  let hi = program.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid] <= printed) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** One printed line: a part of a source line. */
export interface PrintedLine {
  line: number;
  part: number;
  /** The source line's last part: the next printed line starts another source line. */
  last: boolean;
}

/** The printed lines of program page `page` (1-based). */
export function printedLinesOf(program: Program, page: number, linesPerPage: number): PrintedLine[] {
  const from = (page - 1) * linesPerPage;
  const to = Math.min(program.printed, page * linesPerPage);
  const out: PrintedLine[] = [];
  let line = sourceLineAt(program, from);
  for (let p = from; p < to; p++) {
    while (program.printedStart[line + 1] <= p) line++;
    const part = p - program.printedStart[line];
    out.push({ line, part, last: program.printedStart[line + 1] === p + 1 });
  }
  return out;
}

/** Whether a printed line begins (its file's first line, first part) or ends (last line, last part) a file. */
export function startsFile(program: Program, l: PrintedLine): boolean {
  return l.part === 0 && (l.line === 0 || program.lines[l.line - 1].file !== program.lines[l.line].file);
}
export function endsFile(program: Program, l: PrintedLine): boolean {
  return l.last && (l.line === program.lines.length - 1 || program.lines[l.line + 1].file !== program.lines[l.line].file);
}

/** How the material is deposited (《计算机软件著作权登记办法》第十条, 第十二条 例外交存). */
export type Deposit =
  | { kind: 'standard' }
  /** (1) The first and last 30 pages, the chosen line ranges covered by black wide diagonal lines (at most 50 %). */
  | { kind: 'cover'; ranges: CoverRange[] }
  /** (2) The first 10 pages and 50 consecutive pages from program page `startPage`. */
  | { kind: 'ten-plus-fifty'; startPage: number }
  /** (3) Object code plus 20 pages of source: not generated from a source folder. */
  | { kind: 'object-code' };

/** Lines `from`–`to` (1-based, inclusive, as the editor numbers them) of a file, to be covered. */
export interface CoverRange {
  path: string;
  from: number;
  to: number;
}

/** Pages per part of a material (第十条: the first and the last 30 consecutive pages). */
export const PART_PAGES = 30;

/** The program pages the material prints, in order; null with a reason when the deposit cannot be made. */
export function chosenPages(programPages: number, deposit: Deposit): { pages: number[] } | { problem: 'start-page'; min: number; max: number } {
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  if (programPages <= MATERIAL_PAGES) return { pages: range(1, programPages) };
  if (deposit.kind === 'ten-plus-fifty') {
    const min = 11;
    const max = programPages - 49;
    const s = deposit.startPage;
    if (!Number.isInteger(s) || s < min || s > max) return { problem: 'start-page', min, max };
    return { pages: [...range(1, 10), ...range(s, s + 49)] };
  }
  return { pages: [...range(1, PART_PAGES), ...range(programPages - PART_PAGES + 1, programPages)] };
}
