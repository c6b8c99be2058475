import Papa from 'papaparse';
import { fileTooLarge, SHEET_LIMITS } from '@/utils/schema/import-limits';
import { openBoundedZip, ZipLimitError } from '@/utils/ui/bounded-zip';

/** A spreadsheet as text cells: the first non-empty row is the header. */
export interface Table {
  headers: string[];
  rows: string[][];
}

export class TableReadError extends Error {}

const SHEET_FILE = { zh: '表格文件', en: 'spreadsheet' };

const checkFileSize = (bytes: number) => {
  if (bytes > SHEET_LIMITS.maxFileBytes) throw new TableReadError(fileTooLarge(SHEET_FILE, SHEET_LIMITS.maxFileBytes));
};
const tooManyColumns = () => new TableReadError(`表格超过 ${SHEET_LIMITS.maxColumns} 列，不是客户名单，未读取 / the sheet has more than ${SHEET_LIMITS.maxColumns} columns; it is not a client list and was not read`);

/** The table of a sheet's rows, within SHEET_LIMITS (checked before rows are padded to the header's width). */
function toTable(cells: string[][]): Table {
  const nonEmpty = cells.filter((r) => r.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) throw new TableReadError('表格是空的 / the sheet is empty');
  if (nonEmpty.length - 1 > SHEET_LIMITS.maxRows) throw new TableReadError(`表格超过 ${SHEET_LIMITS.maxRows} 行，未读取 / the sheet has more than ${SHEET_LIMITS.maxRows} rows and was not read`);
  if (nonEmpty.some((r) => r.length > SHEET_LIMITS.maxColumns)) throw tooManyColumns();
  const [headers, ...rows] = nonEmpty;
  const width = headers.length;
  return {
    headers: headers.map((h, i) => h.trim() || `列 ${i + 1} / column ${i + 1}`),
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim())),
  };
}

/** Parses CSV text (comma, semicolon or tab separated; a BOM is ignored). */
export function parseCsv(text: string): Table {
  // A character takes at least one byte: a text longer than the limit comes from a larger file.
  checkFileSize(text.length);
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new TableReadError(`CSV 第 ${(fatal.row ?? 0) + 1} 行引号不匹配 / unmatched quotes in CSV row ${(fatal.row ?? 0) + 1}`);
  return toTable(result.data.map((r) => r.map(String)));
}

const unreadable = (detail: string) => new TableReadError(`无法读取 Excel 文件：${detail} / cannot read the Excel file`);

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** The cells a worksheet's XML declares (`<c …>`, with or without a namespace prefix). */
const cellsIn = (xml: Uint8Array) => new TextDecoder().decode(xml).match(/<(?:\w+:)?c[\s>/]/g)?.length ?? 0;

/**
 * Reads the first worksheet of an .xlsx file. The parser loads only when a workbook is chosen, and
 * unpacks and builds every part of the file: the file is first unpacked here within SHEET_LIMITS
 * (its size, its parts, the bytes they unpack to, the cells they declare), so the parser only ever
 * gets a workbook of bounded size.
 */
export async function parseXlsx(data: ArrayBuffer): Promise<Table> {
  try {
    const zip = await openBoundedZip(data, { maxFileBytes: SHEET_LIMITS.maxFileBytes, maxEntries: SHEET_LIMITS.maxEntries, maxUnpackedBytes: SHEET_LIMITS.maxUnzippedBytes }, SHEET_FILE);
    if (!zip) throw unreadable('不是 .xlsx 工作簿 / not an .xlsx workbook');
    const parts = await zip.unpack(zip.names);
    const cells = [...parts].reduce((n, [name, bytes]) => n + (WORKSHEET.test(name) ? cellsIn(bytes) : 0), 0);
    if (cells > SHEET_LIMITS.maxCells) throw new TableReadError(`工作簿超过 ${SHEET_LIMITS.maxCells} 个单元格，未读取 / the workbook has more than ${SHEET_LIMITS.maxCells} cells and was not read`);
  } catch (e) {
    if (e instanceof ZipLimitError) throw new TableReadError(e.message);
    throw e instanceof TableReadError ? e : unreadable((e as Error).message);
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data);
  } catch (e) {
    throw unreadable((e as Error).message);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableReadError('工作簿中没有工作表 / the workbook has no sheet');
  const cells: string[][] = [];
  // Rows and cells with content only (empty rows are dropped anyway): a cell at XFD1048576 must not make a million rows.
  sheet.eachRow((row) => {
    const values: string[] = [];
    row.eachCell((cell, col) => {
      if (col > SHEET_LIMITS.maxColumns) throw tooManyColumns();
      // `cell.text` is what Excel shows: dates and numbers as displayed, not as serial numbers.
      values[col - 1] = cell.text ?? '';
    });
    cells.push(Array.from(values, (v) => v ?? ''));
  });
  return toTable(cells);
}

/** Picks the parser by the file's name. */
export async function readTable(file: File): Promise<Table> {
  checkFileSize(file.size);
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return parseXlsx(await file.arrayBuffer());
  if (name.endsWith('.csv') || name.endsWith('.txt') || name.endsWith('.tsv')) return parseCsv(await file.text());
  throw new TableReadError('请选择 .csv 或 .xlsx 文件 / choose a .csv or .xlsx file');
}
