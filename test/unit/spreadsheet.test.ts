import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { Owner } from '@/utils/schema';
import { guessMapping, rowsToOwners } from '@/utils/ui/spreadsheet/owner-mapping';
import { parseCsv, parseXlsx, TableReadError } from '@/utils/ui/spreadsheet/table';
import { SHEET_LIMITS } from '@/utils/schema/import-limits';
import { withDeclaredSize } from './helpers';

const CSV = '\uFEFF姓名,身份证号码,手机,邮箱,标签\n张三,110105199003072012,13800138000,zhangsan@example.com,个人客户、老客户\n北京云帆科技有限公司,91110108MA01C3KX5Q,13900139000,ip@yunfan.example.com,企业客户\n\n';

let counter = 0;
const ids = () => `o-new-${++counter}`;

describe('spreadsheet tables', () => {
  it('reads CSV with a BOM and skips empty lines', () => {
    const t = parseCsv(CSV);
    expect(t.headers).toEqual(['姓名', '身份证号码', '手机', '邮箱', '标签']);
    expect(t.rows).toHaveLength(2);
  });

  it('reports unmatched quotes and empty sheets clearly', () => {
    expect(() => parseCsv('a,b\n"x,1\n')).toThrow(TableReadError);
    expect(() => parseCsv('\n\n')).toThrow(/空/);
  });

  it('reads the first sheet of an xlsx as displayed text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['名称', '证件号码', '电话']);
    ws.addRow(['张三', '110105199003072012', 13800138000]);
    const buffer = await wb.xlsx.writeBuffer();
    const t = await parseXlsx(buffer as ArrayBuffer);
    expect(t).toEqual({ headers: ['名称', '证件号码', '电话'], rows: [['张三', '110105199003072012', '13800138000']] });
  });

  it('rejects a file that is not a workbook', async () => {
    await expect(parseXlsx(new TextEncoder().encode('not a zip').buffer)).rejects.toThrow(TableReadError);
  });
});

describe('owner mapping', () => {
  it('guesses columns from Chinese titles and aliases', () => {
    expect(guessMapping(['姓名', '身份证号码', '手机', '邮箱', '标签', '无关列'])).toEqual({ name: 0, idNumber: 1, phone: 2, email: 3, tags: 4 });
  });

  it('builds valid owners, inferring the kind from the ID number and splitting tags', () => {
    const t = parseCsv(CSV);
    const r = rowsToOwners(t, guessMapping(t.headers), [], ids);
    expect(r.errors).toEqual([]);
    expect(r.owners.map((o) => [o.name, o.kind, o.tags])).toEqual([
      ['张三', 'person', ['个人客户', '老客户']],
      ['北京云帆科技有限公司', 'organization', ['企业客户']],
    ]);
    for (const o of r.owners) expect(Owner.safeParse(o).success).toBe(true);
  });

  it('updates an owner already stored with the same ID number, keeping unmapped data', () => {
    const stored = Owner.parse({ id: 'o-zhang', kind: 'person', name: '张三', idNumber: '110105199003072012', address: '北京市朝阳区', realName: { status: 'verified', name: '张三', idNumber: '110105199003072012' } });
    const t = parseCsv(CSV);
    const r = rowsToOwners(t, guessMapping(t.headers), [stored], ids);
    expect(r.updates).toBe(1);
    expect(r.owners[0]).toMatchObject({ id: 'o-zhang', address: '北京市朝阳区', phone: '13800138000', realName: { status: 'verified' } });
  });

  it('names the row when the kind cannot be told or is wrong', () => {
    const t = parseCsv('名称,主体类型\n某人,\n某公司,外星人\n');
    const r = rowsToOwners(t, guessMapping(t.headers), [], ids);
    expect(r.owners).toEqual([]);
    expect(r.errors.map((e) => e.record)).toEqual(['第 2 行 / row 2', '第 3 行 / row 3']);
  });
});

describe('a hostile spreadsheet is refused within limits, saying which', () => {
  const workbook = async (rows: unknown[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    for (const r of rows) ws.addRow(r);
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  };
  const buffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

  it('a file larger than 32 MB is not read, CSV or workbook', async () => {
    expect(() => parseCsv('姓名\n' + ' '.repeat(SHEET_LIMITS.maxFileBytes))).toThrow(/表格文件大于 32 MB，未读取 \/ the spreadsheet is larger than 32 MB/);
    await expect(parseXlsx(new ArrayBuffer(SHEET_LIMITS.maxFileBytes + 1))).rejects.toThrow(/大于 32 MB/);
  });

  it('a workbook of more than 1000 parts, or unpacking past 128 MB (declared, or really when the size lies), is not parsed', async () => {
    const book = await workbook([['姓名'], ['张三']]);
    const many = await JSZip.loadAsync(book);
    for (let i = 0; i <= SHEET_LIMITS.maxEntries; i++) many.file(`xl/media/image${i}.png`, 'x');
    await expect(parseXlsx(buffer(await many.generateAsync({ type: 'uint8array' })))).rejects.toThrow(/超过 1000 个部分.*more than 1000 parts/);

    const bomb = (await JSZip.loadAsync(book)).file('xl/padding.xml', ' '.repeat(SHEET_LIMITS.maxUnzippedBytes));
    const bytes = await bomb.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(200_000);
    await expect(parseXlsx(buffer(bytes))).rejects.toThrow(/解压后大于 128 MB，未读取 \/ the spreadsheet unpacks to more than 128 MB/);
    await expect(parseXlsx(buffer(withDeclaredSize(bytes, 'xl/padding.xml', 10)))).rejects.toThrow(/解压后大于 128 MB/);
  });

  it('a workbook declaring more than 1 500 000 cells is refused before the parser builds them', async () => {
    const zip = await JSZip.loadAsync(await workbook([['姓名'], ['张三']]));
    const row = (r: number) => `<row r="${r}">${'<c t="n"><v>1</v></c>'.repeat(100)}</row>`;
    const rows = Array.from({ length: SHEET_LIMITS.maxCells / 100 + 1 }, (_, i) => row(i + 1)).join('');
    zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
    await expect(parseXlsx(buffer(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })))).rejects.toThrow(/超过 1500000 个单元格.*more than 1500000 cells/);
  });

  it('more than 256 columns or 100 000 rows is not a client list; a far-away cell alone is no reason', async () => {
    expect(() => parseCsv(`${Array.from({ length: SHEET_LIMITS.maxColumns + 1 }, (_, i) => `列${i}`).join(',')}\n`)).toThrow(/超过 256 列.*more than 256 columns/);
    expect(() => parseCsv(`姓名\n${'张三\n'.repeat(SHEET_LIMITS.maxRows + 1)}`)).toThrow(/超过 100000 行.*more than 100000 rows/);
    const wide = new ExcelJS.Workbook();
    wide.addWorksheet('客户').getCell(1, SHEET_LIMITS.maxColumns + 1).value = '远处';
    await expect(parseXlsx((await wide.xlsx.writeBuffer()) as ArrayBuffer)).rejects.toThrow(/超过 256 列/);
    // A stray value a million rows down is one more row, not a million empty ones to walk.
    const far = new ExcelJS.Workbook();
    const ws = far.addWorksheet('客户');
    ws.addRow(['姓名']);
    ws.addRow(['张三']);
    ws.getCell(1_048_576, 1).value = '李四';
    expect(await parseXlsx((await far.xlsx.writeBuffer()) as ArrayBuffer)).toEqual({ headers: ['姓名'], rows: [['张三'], ['李四']] });
  });
});
