import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { wordBytes, wordFileName } from '@/utils/ui/word-sheet/word-export';
import { importWord, readWord } from '@/utils/ui/word-sheet/word-import';
import { OWNER_ROWS, WORK_ROWS } from '@/utils/ui/word-sheet/word-template';
import { Owner, parseBundle, Work } from '@/utils/schema';
import { WORD_LIMITS } from '@/utils/schema/import-limits';
import { withDeclaredSize } from '../helpers';

const sample = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/sample.ruanzhu.json'), 'utf8'));
const zhang = Owner.parse(sample.owners[0]);
const yunfan = Owner.parse(sample.owners[1]);
const crm = Work.parse(sample.works[0]);
let counter = 0;
const newId = (p: 'o' | 'w') => `${p}-new-${++counter}`;

/** The profile fields the template carries: everything but ids, tags, notes, accounts, authentication. */
const ownerFields = (o: Owner) => Object.fromEntries(['kind', ...OWNER_ROWS.map((r) => r.key)].map((k) => [k, (o as Record<string, unknown>)[k] ?? '']));
const workFields = (w: Work) => Object.fromEntries(WORK_ROWS.map((r) => [r.key, w[r.key]]));

/** A .docx whose only part our reader needs, with the given body XML. */
async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string) => `<w:tc>${inner}</w:tc>`;
const tbl = (...rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => tc(p(c))).join('')}</w:tr>`).join('')}</w:tbl>`;

describe('Word template: export → import round trip', () => {
  it('a work and its two owners come back as they were, updating the stored records (ids, tags, authentication kept)', async () => {
    const work = Work.parse({ ...sample.works[0], ownerIds: ['o-yunfan', 'o-zhang-san'], mainFunctions: `${crm.mainFunctions}\n第二段：移动办公。`, published: true });
    const bytes = await wordBytes(work, [yunfan, zhang]);
    const r = await importWord(bytes, { owners: [zhang, yunfan], works: [work] }, newId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bundle.owners).toEqual([yunfan, zhang]);
    expect(r.bundle.works).toEqual([work]);
    expect(r.preview.owners.map((o) => o.existing)).toEqual([true, true]);
    expect(r.preview.work).toMatchObject({ existing: true });
    expect(r.preview.unknown).toEqual([]);
    // What import would write passes the bundle schema as it is.
    expect(parseBundle(r.bundle).ok).toBe(true);
  });

  it('into an empty store: new records with the same fields, the kind from the category, the owners in order', async () => {
    const bytes = await wordBytes(crm, [yunfan]);
    const r = await importWord(bytes, { owners: [], works: [] }, newId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [owner] = r.bundle.owners;
    expect(owner.id).toMatch(/^o-new-/);
    expect(ownerFields(owner)).toEqual(ownerFields(yunfan));
    expect(r.bundle.works[0].ownerIds).toEqual([owner.id]);
    expect(workFields(r.bundle.works[0])).toEqual(workFields(crm));
    expect(r.bundle.works[0]).toMatchObject({ tags: [], notes: '' });
  });

  it('the document is a real .docx in the template order: headings, label | value tables', async () => {
    const zip = await JSZip.loadAsync(await wordBytes(crm, [yunfan], new Date('2026-11-20T00:00:00Z')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    const order = ['一、软件基本信息', '软件全称', '云帆客户关系管理系统', '权利范围', '二、软件技术特点', '开发的硬件环境', '软件的技术特点', '三、著作权人信息（第 1 著作权人）', '著作权人类别', '企业法人', '电子邮箱', '四、软件鉴别材料'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(wordFileName(crm)).toBe('云帆客户关系管理系统-V1.0-软著资料.docx');
  });
});

describe('reading a template someone filled in Word', () => {
  it('split runs, content controls, a deleted revision, two pairs per row, labels with colons, Chinese dates', async () => {
    const body = [
      p('一、软件基本信息'),
      `<w:tbl><w:tr>${tc(p('软件全称：'))}${tc('<w:p><w:r><w:t>云帆</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>进销存</w:t></w:r><w:del><w:r><w:delText>旧名</w:delText></w:r></w:del><w:r><w:t>管理系统</w:t></w:r></w:p>')}${tc(p('版本号'))}${tc(p('V2.0'))}</w:tr>`,
      `<w:sdt><w:sdtContent><w:tr>${tc(p('＊开发完成日期'))}${tc(p('2026年7月1日'))}</w:tr></w:sdtContent></w:sdt>`,
      `<w:tr>${tc(p('发表状态'))}${tc(p('未发表'))}</w:tr><w:tr>${tc(p('源程序量（行）'))}${tc(p('12,000 行'))}</w:tr>`,
      `<w:tr>${tc(p('软件的主要功能'))}${tc(p('第一行') + '<w:p><w:r><w:t>第二</w:t><w:br/><w:t>行</w:t></w:r></w:p>')}</w:tr>`,
      `<w:tr>${tc(p('备注'))}${tc(p('加急'))}</w:tr></w:tbl>`,
      p('三、著作权人信息'),
      tbl(['著作权人类别', '自然人'], ['姓名或名称', '李雷'], ['证件号码', '11010519491231002x']),
    ].join('');
    const r = await readWord(await docx(body));
    expect(r).toEqual({
      ok: true,
      values: {
        work: { fullName: '云帆进销存管理系统', version: 'V2.0', completionDate: '2026年7月1日', published: '未发表', sourceLines: '12,000 行', mainFunctions: '第一行\n第二\n行' },
        owners: [{ category: '自然人', name: '李雷', idNumber: '11010519491231002x' }],
        unknown: ['备注'],
      },
    });
    const i = await importWord(await docx(body), { owners: [], works: [] }, newId);
    expect(i.ok && i.bundle.works[0]).toMatchObject({ completionDate: '2026-07-01', published: false, sourceLines: 12000, mainFunctions: '第一行\n第二\n行' });
    expect(i.ok && i.bundle.owners[0]).toMatchObject({ kind: 'person', name: '李雷', country: '中国' });
  });

  it('one owner table holding two owners: a repeated label starts the next; a blank owner table is no owner', async () => {
    const body = tbl(['姓名或名称', '甲公司'], ['著作权人类别', '企业法人'], ['姓名或名称', '张三'], ['证件类型', '居民身份证']) + p('三、著作权人信息（第 3 著作权人）') + tbl(['著作权人类别', ''], ['姓名或名称', '']);
    const r = await importWord(await docx(body), { owners: [], works: [] }, newId);
    expect(r.ok && r.bundle.owners.map((o) => [o.name, o.kind])).toEqual([['甲公司', 'organization'], ['张三', 'person']]);
    expect(r.ok && r.bundle.works).toEqual([]);
  });

  it('matches a stored owner by ID number (x or X), a stored work by name and version; empty cells keep stored values', async () => {
    const stored = Owner.parse({ ...sample.owners[0], idNumber: '11010519491231002X', name: '李雷', phone: '13800138000' });
    const body = tbl(['软件全称', crm.fullName], ['版本号', crm.version], ['开发目的', '新的开发目的'], ['开发的硬件环境', '']) + p('三、著作权人信息') + tbl(['姓名或名称', '李雷'], ['证件号码', '11010519491231002x'], ['手机号码', '']);
    const r = await importWord(await docx(body), { owners: [stored], works: [crm] }, newId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bundle.owners[0]).toMatchObject({ id: stored.id, phone: '13800138000', realName: stored.realName, idNumber: '11010519491231002x' });
    expect(r.bundle.works[0]).toMatchObject({ id: crm.id, purpose: '新的开发目的', devHardware: crm.devHardware, ownerIds: [stored.id], tags: crm.tags });
  });
});

describe('an import that fails says why, bilingually, and gives nothing to write', () => {
  it.each([
    ['not a zip (an old .doc)', async () => new TextEncoder().encode('\xD0\xCF\x11\xE0 old Word'), /不是有效的 Word 文档.*not a valid Word document/],
    ['a zip without a Word document', () => new JSZip().file('x.txt', 'x').generateAsync({ type: 'uint8array' }), /不是有效的 Word 文档/],
    ['a Word document without the template', () => docx(p('你好')), /没有找到模板的字段.*none of the template's fields/],
  ])('%s', async (_name, bytes, message) => {
    const r = await importWord(await bytes(), { owners: [], works: [] }, newId);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.message).join()).toMatch(message);
  });

  it('every bad cell is named by its part and label, schema choices included', async () => {
    const body =
      tbl(['软件全称', '甲软件'], ['开发完成日期', '去年六月'], ['发表状态', '发表了'], ['源程序量', '约三万行'], ['开发方式', '独立开发']) + p('三、著作权人信息') + tbl(['姓名或名称', '某人'], ['证件号码', '123']);
    const r = await importWord(await docx(body), { owners: [], works: [] }, newId);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.record, e.field])).toEqual([
      ['第 1 著作权人（某人）', '著作权人类别'],
      ['软件', '开发完成日期'],
      ['软件', '发表状态'],
      ['软件', '源程序量（行）'],
    ]);
    expect(r.errors[1].message).toMatch(/^日期“去年六月”无法识别.* \/ the date "去年六月" is not YYYY-MM-DD/);
    // Fixed, the schema still refuses a development mode the portal does not offer.
    const fixed = tbl(['软件全称', '甲软件'], ['开发方式', '独立开发']);
    const again = await importWord(await docx(fixed), { owners: [], works: [] }, newId);
    expect(!again.ok && again.errors).toEqual([expect.objectContaining({ record: '软件', field: '开发方式', message: expect.stringMatching(/取值无效.*单独开发.* \/ invalid value/) })]);
  });

  it('two different values for one label, or two stored works it could update: no guess', async () => {
    const twice = await importWord(await docx(tbl(['软件全称', '甲'], ['软件全称', '乙'])), { owners: [], works: [] }, newId);
    expect(!twice.ok && twice.errors[0]).toMatchObject({ field: '软件全称', message: expect.stringContaining('出现了两次且内容不同') });
    const copies = [crm, Work.parse({ ...sample.works[0], id: 'w-copy' })];
    const ambiguous = await importWord(await docx(tbl(['软件全称', crm.fullName], ['版本号', crm.version])), { owners: [], works: copies }, newId);
    expect(!ambiguous.ok && ambiguous.errors[0].message).toMatch(/2 个同名同版本的软件/);
  });
});

describe('a hostile .docx is refused within limits, saying which, and gives nothing to write', () => {
  const refusal = async (bytes: Uint8Array | Promise<Uint8Array>) => {
    const r = await importWord(await bytes, { owners: [], works: [] }, newId);
    expect(r.ok).toBe(false);
    return r.ok ? '' : r.errors.map((e) => e.message).join('\n');
  };
  const template = tbl(['软件全称', '甲软件'], ['版本号', 'V1.0']);

  it('a file larger than 10 MB is not opened', async () => {
    expect(await refusal(new Uint8Array(WORD_LIMITS.maxFileBytes + 1))).toMatch(/Word 文档大于 10 MB，未读取 \/ the Word document is larger than 10 MB/);
  });

  it('a zip of more than 1000 parts is not read', async () => {
    const zip = new JSZip().file('word/document.xml', (await JSZip.loadAsync(await docx(template))).file('word/document.xml')!.async('string'));
    for (let i = 0; i <= WORD_LIMITS.maxEntries; i++) zip.file(`word/media/image${i}.png`, 'x');
    expect(await refusal(zip.generateAsync({ type: 'uint8array' }))).toMatch(/超过 1000 个部分.*more than 1000 parts/);
  });

  it('a document.xml that unpacks past 1 MB is refused by its declared size, and by its real bytes when the size lies', async () => {
    const bomb = await docx(template + p(' '.repeat(WORD_LIMITS.maxXmlBytes)));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(bomb)).toMatch(/解压后大于 1 MB，未读取 \/ the Word document unpacks to more than 1 MB/);
    expect(await refusal(withDeclaredSize(bomb, 'word/document.xml', 1000))).toMatch(/解压后大于 1 MB/);
  });

  it('XML nested deeper than 128 levels is refused before it is walked', async () => {
    const deep = '<w:sdt><w:sdtContent>'.repeat(70) + template + '</w:sdtContent></w:sdt>'.repeat(70);
    expect(await refusal(docx(deep))).toMatch(/嵌套超过 128 层.*nests deeper than 128 levels/);
    // Content controls a few levels deep are what Word writes: read as before.
    const nested = '<w:sdt><w:sdtContent>'.repeat(3) + template + '</w:sdtContent></w:sdt>'.repeat(3);
    expect(await importWord(await docx(nested), { owners: [], works: [] }, newId)).toMatchObject({ ok: true, preview: { work: { record: { fullName: '甲软件' } } } });
  });

  it('more than 2000 table rows, or more than 100 owners, is not a data template', async () => {
    const rows = Array.from({ length: WORD_LIMITS.maxRows + 1 }, (_, i) => [`标签${i}`, 'x']);
    expect(await refusal(docx(tbl(['软件全称', '甲软件'], ...rows)))).toMatch(/超过 2000 行.*more than 2000 rows/);
    const owners = Array.from({ length: WORD_LIMITS.maxOwners + 1 }, (_, i) => ['姓名或名称', `张${i}`]);
    expect(await refusal(docx(tbl(...owners)))).toMatch(/著作权人超过 100 位.*more than 100 owners/);
  });
});
