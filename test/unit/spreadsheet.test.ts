import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Owner } from '@/utils/schema';
import { guessMapping, rowsToOwners } from '@/utils/ui/spreadsheet/owner-mapping';
import { parseCsv, parseXlsx, TableReadError } from '@/utils/ui/spreadsheet/table';

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
