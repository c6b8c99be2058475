import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PlanValues } from '@/utils/contract/messages';
import { listGuide, orderGuide, type Block, type Section } from '@/utils/content/status-guide/guidance';
import { readOrder, readOrders, splitReasons } from '@/utils/content/reading/order-page';
import { fieldName, fieldsForReason } from '@/utils/fields/reasons';
import { stageOf, STAGE_GUIDES } from '@/utils/content/status-guide/status';
import { Owner, Work } from '@/utils/schema';

const sample = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/sample.ruanzhu.json'), 'utf8'));
const yunfan = Owner.parse(sample.owners[1]);
const zhang = Owner.parse(sample.owners[0]);
const crm = Work.parse(sample.works[0]);
const values = (owner = yunfan, work: Work | null = crm, coOwners: Owner[] = []): PlanValues => ({ owner, work, coOwners });

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('statuses', () => {
  it.each([
    ['待填写资料', 'fill'],
    ['阿里云初审', 'aliyun-review'],
    ['阿里云初审中', 'aliyun-review'],
    ['预审核失败', 'prereview-failed'],
    ['审核失败', 'prereview-failed'],
    ['初审未通过', 'prereview-failed'],
    ['待授权提交', 'authorize'],
    ['打印申请表', 'mail'],
    ['待邮寄材料', 'mail'],
    ['版权中心审查中', 'center-review'],
    ['补正', 'correction'],
    ['待补正', 'correction'],
    ['已完成', 'done'],
    ['  已完成 ', 'done'],
  ])('%s → %s', (status, stage) => expect(stageOf(status)).toBe(stage));

  it.each(['已关闭', '已退款', '', '审核'])('%j is no stage we know: no guessed guidance', (status) => expect(stageOf(status)).toBeNull());

  it('every stage has a meaning and at least one step, in both languages', () => {
    for (const g of Object.values(STAGE_GUIDES)) {
      for (const b of [g.name, g.meaning, ...g.steps]) {
        expect(b.zh).toMatch(/\p{Script=Han}/u);
        expect(b.en).toMatch(/^[^\p{Script=Han}]*[A-Za-z]/u);
      }
      expect(g.steps.length).toBeGreaterThan(0);
    }
  });
});

describe('reasons → the profile fields they concern', () => {
  it.each([
    ['软件全称与程序鉴别材料页眉中的软件名称不一致', ['work.fullName'], ['程序鉴别材料']],
    ['著作权人的证件号码与营业执照上的统一社会信用代码不一致', ['owner.idNumber'], []],
    ['开发完成日期晚于首次发表日期', ['work.completionDate', 'work.firstPublishedDate'], []],
    ['文档鉴别材料的页眉未标注版本号', ['work.version'], ['文档鉴别材料']],
    ['软件的主要功能过于简单，请补充各功能模块的说明', ['work.mainFunctions'], []],
    ['编程语言与源程序不一致', ['work.languages'], ['程序鉴别材料']],
    ['源程序量填写有误', ['work.sourceLines'], []],
    ['著作权人名称与实名认证信息不符', ['owner.name', 'owner.idNumber'], []],
    ['运行的硬件环境填写过于笼统', ['work.runHardware'], []],
    ['硬件环境填写过于笼统', ['work.devHardware', 'work.runHardware'], []],
    ['申请表未签章', [], ['申请表']],
    ['请联系客服', [], []],
  ])('%s', (reason, keys, materials) => expect(fieldsForReason(reason)).toEqual({ keys, materials }));

  it('a software name that differs is not an owner name', () => {
    expect(fieldsForReason('软件名称不一致').keys).toEqual(['work.fullName']);
  });

  it('fields are named in the options page\'s words', () => {
    expect(fieldName('work.fullName')).toEqual({ zh: '软件全称', en: 'Full name' });
    expect(fieldName('owner.idNumber')).toEqual({ zh: '证件号码', en: 'ID number' });
  });

  it.each([
    ['1. 软件名称不一致 2. 版本号缺失', ['软件名称不一致', '版本号缺失']],
    ['1、软件名称不一致；2、V1.0 与页眉不符', ['软件名称不一致', 'V1.0 与页眉不符']],
    ['版本号 1.0 与页眉不一致', ['版本号 1.0 与页眉不一致']],
    ['第一行\n第二行', ['第一行', '第二行']],
  ])('splitReasons(%j)', (text, want) => expect(splitReasons(text)).toEqual(want));
});

describe('reading the order pages', () => {
  it('an order: its labelled values, the owner it names and the reasons listed', () => {
    document.body.innerHTML = `
      <div class="ant-alert"><div class="ant-alert-message">预审核失败原因</div><div class="ant-alert-description"><ol><li>软件全称不一致</li><li> 开发完成日期有误 </li></ol></div></div>
      <table><tbody><tr>
        <td><span class="ant-descriptions-item-label">订单号</span><span class="ant-descriptions-item-content">swcopyright_1</span></td>
        <td><span class="ant-descriptions-item-label">软件全称</span><span class="ant-descriptions-item-content">云帆CRM</span></td>
        <td><span class="ant-descriptions-item-label">著作权人</span><span class="ant-descriptions-item-content">北京云帆科技有限公司</span></td>
        <td><span class="ant-descriptions-item-label">证件号码</span><span class="ant-descriptions-item-content">—</span></td>
        <td><span class="ant-descriptions-item-label">订单状态</span><span class="ant-descriptions-item-content"><span class="ant-tag">预审核失败</span></span></td>
      </tr></tbody></table>`;
    expect(readOrder(document.body)).toEqual({
      id: 'swcopyright_1',
      software: '云帆CRM',
      status: '预审核失败',
      owner: { name: '北京云帆科技有限公司', idNumber: '' },
      reasons: { title: '预审核失败原因', items: ['软件全称不一致', '开发完成日期有误'] },
    });
  });

  it('"label：value" lines and reasons written as one numbered text', () => {
    document.body.innerHTML = '<p>订单号：swcopyright_2</p><p>当前状态：补正</p><h4>补正意见</h4><div>1. 页眉缺少版本号 2. 主要功能过短</div>';
    expect(readOrder(document.body)).toMatchObject({ id: 'swcopyright_2', status: '补正', reasons: { title: '补正意见', items: ['页眉缺少版本号', '主要功能过短'] } });
  });

  it('the list: one entry per order row, columns found by their headers, Ant\'s measure row skipped', () => {
    document.body.innerHTML = `<div class="ant-table"><table><thead><tr><th>软件名称</th><th>订单号</th><th>订单状态</th></tr></thead><tbody>
      <tr class="ant-table-measure-row" aria-hidden="true"><td></td><td></td><td></td></tr>
      <tr><td>云帆CRM V1.0</td><td>o-1</td><td><span>待授权提交</span></td></tr>
      <tr><td>—</td><td>o-2</td><td>待填写资料</td></tr></tbody></table></div>`;
    expect(readOrders(document.body)).toEqual([
      { id: 'o-1', software: '云帆CRM V1.0', status: '待授权提交' },
      { id: 'o-2', software: '', status: '待填写资料' },
    ]);
  });
});

const lines = (b: Block) => b.sections.flatMap((s: Section) => (s.kind === 'lines' ? s.lines : []));
const order = (status: string, extra: Partial<Parameters<typeof orderGuide>[0]> = {}) => ({ id: 'o-1', software: '云帆CRM', status, owner: { name: '', idNumber: '' }, reasons: null, ...extra });

describe('the guide for an order', () => {
  it('待授权提交 with a profile that matches its authentication: a passed check, nothing else', () => {
    const g = orderGuide(order('待授权提交', { owner: { name: '北京云帆科技有限公司', idNumber: '91110108MA01C3KX5Q' } }), values());
    // The page is told that a profile is used, not whose (the popup shows that).
    expect(g.profile.zh).toBe('按扩展弹窗中所选的著作权人和软件核对。');
    const [block] = g.blocks;
    expect(block.stage).toBe('authorize');
    expect(block.steps.map((s) => s.zh).join()).toContain('一键获取授权码');
    const l = lines(block);
    expect(l.filter((x) => x.tone === 'error' || x.tone === 'warning')).toEqual([]);
    expect(l.find((x) => x.tone === 'ok')?.zh).toContain('逐字一致');
  });

  it('待授权提交: the authenticated name differs by one full-width bracket, and the page shows another ID number', () => {
    const owner = Owner.parse({ ...sample.owners[1], realName: { status: 'verified', name: '北京云帆科技有限公司（北京）', idNumber: '91110108MA01C3KX5Q' }, name: '北京云帆科技有限公司(北京)' });
    const g = orderGuide(order('待授权提交', { owner: { name: '北京云帆科技有限公司(北京)', idNumber: '91110108MA01C3KX5R' } }), values(owner));
    const problems = lines(g.blocks[0]).filter((x) => x.tone === 'error');
    // Positions only: the authenticated name and the profile's number never reach the page.
    expect(problems.map((p) => p.zh)).toEqual([expect.stringMatching(/^名称与实名认证的不一致：从第 11 个字符起不同/), expect.stringMatching(/^页面上的证件号码与资料不一致：从第 18 个字符（“R”）起不同/)]);
    expect(problems.map((p) => p.zh).join()).not.toMatch(/（北京）|Q/);
    expect(lines(g.blocks[0]).some((x) => x.tone === 'ok')).toBe(false);
  });

  it('待授权提交 with co-owners: each is checked, an unauthenticated one is named', () => {
    const pending = Owner.parse({ ...sample.owners[0], realName: { status: 'pending', name: '', idNumber: '' } });
    const work = Work.parse({ ...sample.works[0], ownerIds: ['o-yunfan', 'o-zhang-san'] });
    const l = lines(orderGuide(order('待授权提交'), { owner: yunfan, work, coOwners: [pending] }).blocks[0]);
    expect(l.find((x) => x.tone === 'error')?.zh).toMatch(/第 2 著作权人“〔资料中的值〕”的实名认证正在审核/);
    expect(l.find((x) => x.tone === 'ok')?.zh).toMatch(/^第 1 著作权人的名称和证件号码/);
    expect(l.map((x) => x.zh).join()).not.toMatch(/张三|北京云帆/);
  });

  it('待授权提交 without a chosen profile says how to get the check, and checks nothing', () => {
    const g = orderGuide(order('待授权提交'), null);
    expect(g.profile.zh).toMatch(/未选择资料/);
    expect(lines(g.blocks[0]).map((x) => x.tone)).toEqual(['info']);
  });

  it('verified without the authenticated values recorded: cannot be compared, and says so', () => {
    const unrecorded = Owner.parse({ ...sample.owners[0], realName: { status: 'verified', name: '', idNumber: '' } });
    const l = lines(orderGuide(order('待授权提交'), values(unrecorded, null)).blocks[0]);
    expect(l.find((x) => x.tone === 'warning')?.zh).toMatch(/没有记录实名认证时的名称和证件号码/);
  });

  it('预审核失败: each reason with the fields it concerns and whether the profile has them, never their values', () => {
    const g = orderGuide(order('预审核失败', { reasons: { title: '预审核失败原因', items: ['开发完成日期晚于首次发表日期', '申请表未签章'] } }), values());
    const s = g.blocks[0].sections[0];
    expect(s.kind).toBe('reasons');
    if (s.kind !== 'reasons') return;
    expect(s.items[0].fields).toEqual([
      { name: { zh: '开发完成日期', en: 'Completion date' }, filled: true },
      { name: { zh: '首次发表日期', en: 'First publication date' }, filled: true },
    ]);
    expect(s.items[1]).toEqual({ text: '申请表未签章', fields: [], materials: ['申请表'] });
  });

  it('补正 without reasons on the page asks to open them; no profile, no values', () => {
    const s = orderGuide(order('补正'), null).blocks[0].sections[0];
    expect(s).toMatchObject({ kind: 'reasons', items: [], note: { tone: 'warning' } });
    const withReasons = orderGuide(order('补正', { reasons: { title: '补正原因', items: ['软件全称有误'] } }), null).blocks[0].sections[0];
    expect(withReasons).toMatchObject({ items: [{ text: '软件全称有误', fields: [{ name: { zh: '软件全称' }, filled: null }] }] });
  });

  it('邮寄: the form and each owner\'s identity document, by its type', () => {
    const work = Work.parse({ ...sample.works[0], ownerIds: ['o-yunfan', 'o-zhang-san'] });
    const s = orderGuide(order('待邮寄材料'), { owner: yunfan, work, coOwners: [zhang] }).blocks[0].sections[0];
    expect(s.kind === 'checklist' && s.items.map((i) => i.zh)).toEqual(['申请表：在控制台下载并打印', '第 1 著作权人：统一社会信用代码证书复印件', '第 2 著作权人：居民身份证复印件（正反面）']);
  });

  it('an unknown status gets no steps and no guessed meaning', () => {
    const [b] = orderGuide(order('已关闭'), values()).blocks;
    expect(b).toMatchObject({ stage: null, steps: [], sections: [] });
    expect(b.meaning.zh).toMatch(/不认识这个状态/);
  });
});

it('the list groups orders by stage, in the order they first appear', () => {
  const g = listGuide(
    [
      { id: 'o-1', software: 'A', status: '审核失败' },
      { id: 'o-2', software: 'B', status: '待授权提交' },
      { id: 'o-3', software: '', status: '预审核失败' },
      { id: 'o-4', software: 'D', status: '已退款' },
    ],
    null,
  );
  expect(g.blocks.map((b) => [b.status, b.stage, b.orders])).toEqual([
    ['审核失败', 'prereview-failed', ['A · o-1', 'o-3']],
    ['待授权提交', 'authorize', ['B · o-2']],
    ['已退款', null, ['D · o-4']],
  ]);
});
