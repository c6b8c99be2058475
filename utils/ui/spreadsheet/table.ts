import Papa from 'papaparse';

/** A spreadsheet as text cells: the first non-empty row is the header. */
export interface Table {
  headers: string[];
  rows: string[][];
}

export class TableReadError extends Error {}

function toTable(cells: string[][]): Table {
  const nonEmpty = cells.filter((r) => r.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) throw new TableReadError('表格是空的 / the sheet is empty');
  const [headers, ...rows] = nonEmpty;
  const width = headers.length;
  return {
    headers: headers.map((h, i) => h.trim() || `列 ${i + 1} / column ${i + 1}`),
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim())),
  };
}

/** Parses CSV text (comma, semicolon or tab separated; a BOM is ignored). */
export function parseCsv(text: string): Table {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new TableReadError(`CSV 第 ${(fatal.row ?? 0) + 1} 行引号不匹配 / unmatched quotes in CSV row ${(fatal.row ?? 0) + 1}`);
  return toTable(result.data.map((r) => r.map(String)));
}

/** Reads the first worksheet of an .xlsx file. The parser loads only when a workbook is chosen. */
export async function parseXlsx(data: ArrayBuffer): Promise<Table> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data);
  } catch (e) {
    throw new TableReadError(`无法读取 Excel 文件：${(e as Error).message} / cannot read the Excel file`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableReadError('工作簿中没有工作表 / the workbook has no sheet');
  const cells: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // `cell.text` is what Excel shows: dates and numbers as displayed, not as serial numbers.
      values[col - 1] = cell.text ?? '';
    });
    cells.push(Array.from(values, (v) => v ?? ''));
  });
  return toTable(cells);
}

/** Picks the parser by the file's name. */
export async function readTable(file: File): Promise<Table> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return parseXlsx(await file.arrayBuffer());
  if (name.endsWith('.csv') || name.endsWith('.txt') || name.endsWith('.tsv')) return parseCsv(await file.text());
  throw new TableReadError('请选择 .csv 或 .xlsx 文件 / choose a .csv or .xlsx file');
}
