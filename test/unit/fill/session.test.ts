import { beforeEach, describe, expect, it } from 'vitest';
import { FillSession } from '@/utils/content/fill/session';
import type { PlanValues } from '@/utils/contract/messages';
import { r11Application } from '@/utils/pages/adapters/r11-application';
import { r11Development } from '@/utils/pages/adapters/r11-development';
import { r11Features } from '@/utils/pages/adapters/r11-features';
import type { Detection } from '@/utils/content/detect/detect';
import type { PageWatcher } from '@/utils/content/detect/watch';
import { Owner } from '@/utils/schema/owner';
import { Work } from '@/utils/schema/work';
import { contentService, sampleBundle } from '../helpers';
import { loadKit } from './kit';

// The whole pipeline on pages built from the replicas' kit, with the real page adapters.

const Kit = loadKit();
const { h, bind, formItem, fillinItem } = Kit;
const bundle = sampleBundle();
const [zhang, yunfan] = bundle.owners.map((o: unknown) => Owner.parse(o));
const values = (work: Record<string, unknown> = {}): PlanValues => ({ owner: yunfan, work: Work.parse({ ...bundle.works[0], ...work }), coOwners: [zhang] });

beforeEach(() => {
  document.body.innerHTML = '';
});

type Row = Record<'category' | 'name' | 'idType' | 'idNumber', string>;
/** A small #/development: a select, a radio that reveals a date field, owner rows and 添加. */
function developmentPage() {
  const m = { softwareCategory: '', publishStatus: '', firstPublishDate: '', ownerList: [] as Row[] };
  const published = bind(m, 'publishStatus') as { watch(fn: (v: string) => void): void };
  const slot = h('div');
  published.watch((v) => slot.replaceChildren(...(v === '已发表' ? [formItem('首次发表日期', 'firstPublishDate', Kit.date({ model: bind(m, 'firstPublishDate') }))] : [])));
  const row = (r: Row, i: number) =>
    h('div', { class: 'owner-row' },
      formItem('类别', `ownerList.${i}.category`, Kit.select({ model: bind(r, 'category'), options: ['自然人', '企业法人'] })),
      formItem('名称', `ownerList.${i}.name`, Kit.text({ model: bind(r, 'name'), commit: 'blur' })),
      formItem('证件类型', `ownerList.${i}.idType`, Kit.select({ model: bind(r, 'idType'), options: () => (r.category === '自然人' ? ['居民身份证'] : ['统一社会信用代码证书']) })),
      formItem('证件号码', `ownerList.${i}.idNumber`, Kit.text({ model: bind(r, 'idNumber'), commit: 'blur' })));
  const addRow = () => {
    m.ownerList.push({ category: '', name: '', idType: '', idNumber: '' });
    list.append(row(m.ownerList.at(-1)!, m.ownerList.length - 1));
  };
  const list = h('div', { class: 'owner-list' });
  addRow();
  document.body.append(
    formItem('软件分类', 'softwareCategory', Kit.select({ model: bind(m, 'softwareCategory'), options: ['应用软件', '中间件'] })),
    formItem('发表状态', 'publishStatus', Kit.radios({ model: published, options: ['已发表', '未发表'] })),
    slot,
    list,
    h('button', { type: 'button', onclick: addRow }, '添加'),
    h('button', { type: 'button', onclick: () => (m.softwareCategory = 'SAVED') }, '保存'),
  );
  return m;
}

const byKey = (rs: { key: string }[]) => Object.fromEntries(rs.map((r) => [r.key, r]));

describe('FillSession on #/development', () => {
  it('collects again after a choice reveals a field, fills the rows it has, and reports the owners without a row', async () => {
    const m = developmentPage();
    const res = byKey(await new FillSession(document).fill('dev', r11Development, values({ ownerIds: ['o-yunfan', 'o-zhang-san'] })));
    expect(res['work.firstPublishedDate']).toMatchObject({ status: 'filled', value: '2026-08-01' });
    expect(m.firstPublishDate).toBe('2026-08-01');
    expect(m.ownerList).toEqual([{ category: '企业法人', name: '北京云帆科技有限公司', idType: '统一社会信用代码证书', idNumber: '91110108MA01C3KX5Q' }]);
    expect(res['owners.1.name']).toMatchObject({ status: 'not-found', value: '张三' });
    // The adapter asks for fields this small page lacks: reported, not guessed.
    expect(res['work.developmentMode']).toMatchObject({ status: 'not-found' });
    expect(m.softwareCategory).toBe('应用软件');
  });

  it('adds rows with the page\'s own 添加 only when asked, and orders owners as the work does', async () => {
    const m = developmentPage();
    await new FillSession(document).fill('dev', r11Development, values({ ownerIds: ['o-zhang-san', 'o-yunfan'] }), { addOwnerRows: true });
    expect(m.ownerList.map((r) => [r.category, r.name, r.idType])).toEqual([
      ['自然人', '张三', '居民身份证'],
      ['企业法人', '北京云帆科技有限公司', '统一社会信用代码证书'],
    ]);
  });

  it('marks what it filled; a field the page does not show is not focused', async () => {
    developmentPage();
    const session = new FillSession(document);
    await session.fill('dev', r11Development, values());
    const marked = [...document.querySelectorAll('[data-ruanzhu-filled]')].map((e) => e.getAttribute('data-ruanzhu-filled'));
    expect(marked).toEqual(['work.softwareCategory', 'work.published', 'work.firstPublishedDate', 'owners.0.category', 'owners.0.name', 'owners.0.idType', 'owners.0.idNumber']);
    expect(session.focus(r11Development, 'owners.0.idNumber')).toBe(true);
    expect(document.activeElement).toBe(document.querySelectorAll('.owner-row input')[3]);
    expect(session.focus(r11Development, 'work.developmentMode')).toBe(false);
    await session.undo('dev', r11Development);
    expect(document.querySelector('[data-ruanzhu-filled="owners.0.idNumber"]')).toBeNull();
  });

  it('undo restores what it filled and leaves what the user changed since', async () => {
    const m = developmentPage();
    const session = new FillSession(document);
    await session.fill('dev', r11Development, values());
    const name = document.querySelectorAll('.owner-row input')[1] as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(name, '用户改的名称');
    name.dispatchEvent(new Event('input'));
    name.dispatchEvent(new Event('blur'));
    const undo = byKey(await session.undo('dev', r11Development));
    expect(undo['owners.0.name']).toMatchObject({ status: 'skipped' });
    expect(undo['owners.0.idNumber']).toMatchObject({ status: 'restored' });
    expect(undo['work.softwareCategory']).toMatchObject({ status: 'restored' });
    // A radio cannot be emptied by clicking: said so, not faked.
    expect(undo['work.published']).toMatchObject({ status: 'failed' });
    expect(m).toMatchObject({ softwareCategory: '', ownerList: [{ category: '', name: '用户改的名称', idType: '', idNumber: '' }] });
    expect(await session.undo('dev', r11Development)).toEqual([]);
  });

  it('a field that already shows the profile\'s value is reported kept, not filled', async () => {
    const m = developmentPage();
    const session = new FillSession(document);
    await session.fill('dev', r11Development, values());
    expect(m.softwareCategory).toBe('应用软件');
    const again = byKey(await session.fill('dev', r11Development, values()));
    expect(again['work.softwareCategory']).toMatchObject({ status: 'kept', reason: '页面上已是资料中的值' });
    expect(again['owners.0.name']).toMatchObject({ status: 'kept' });
  });

  it('undo of a value the page reformatted restores the previous value instead of blaming the user', async () => {
    // The page upper-cases what it is given: the fill is reported rejected (the page shows another text).
    const state = { versionNumber: '' };
    const input = Kit.text({ model: bind(state, 'versionNumber') }).querySelector('input')!;
    input.addEventListener('change', () => (input.value = input.value.toUpperCase()));
    document.body.append(formItem('版本号', 'versionNumber', input.closest('.el-input') ?? input));
    const session = new FillSession(document);
    const res = byKey(await session.fill('app', r11Application, values({ version: 'v1.0' })));
    expect(res['work.version']).toMatchObject({ status: 'rejected', value: 'V1.0' });
    const undone = byKey(await session.undo('app', r11Application));
    expect(undone['work.version']).toMatchObject({ status: 'restored' });
    expect(input.value).toBe('');
  });

  it('undo of a value the page reformatted later (after its read-back) restores it too', async () => {
    const state = { versionNumber: '' };
    const input = Kit.text({ model: bind(state, 'versionNumber') }).querySelector('input')!;
    // Two macrotasks after the change: after the driver's read-back, before the session's verify.
    const later = (fn: () => void) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => fn();
      ch.port2.postMessage(null);
    };
    input.addEventListener('change', () => later(() => later(() => (input.value = input.value.toUpperCase()))));
    document.body.append(formItem('版本号', 'versionNumber', input.closest('.el-input') ?? input));
    const session = new FillSession(document);
    const res = byKey(await session.fill('app', r11Application, values({ version: 'v1.0' })));
    expect(res['work.version']).toMatchObject({ status: 'rejected', value: 'V1.0' });
    expect(byKey(await session.undo('app', r11Application))['work.version']).toMatchObject({ status: 'restored' });
    expect(input.value).toBe('');
  });

  it('a page that re-renders in the middle of the fill yields not-found, never an exception', async () => {
    const m = { devHardware: '', runHardware: '', devOs: '' };
    const view = h('div', { id: 'step' },
      fillinItem('开发的硬件环境', Kit.text({ model: bind(m, 'devHardware'), commit: 'blur' })),
      fillinItem('运行的硬件环境', Kit.text({ model: bind(m, 'runHardware'), commit: 'blur' })),
      fillinItem('开发该软件的操作系统', Kit.text({ model: bind(m, 'devOs'), commit: 'blur' })));
    document.body.append(view);
    // The first commit makes the page re-render the step: later handles are stale.
    view.querySelector('input')!.addEventListener('blur', () => view.replaceWith(view.cloneNode(true)));
    const res = byKey(await new FillSession(document).fill('features', r11Features, values()));
    expect(res['work.devHardware']).toMatchObject({ status: 'not-found' });
    expect(res['work.runHardware']).toMatchObject({ status: 'not-found' });
    expect(res['work.devOs']).toMatchObject({ status: 'not-found' });
    expect(m.devHardware).toBe(bundle.works[0].devHardware);
  });

  it('never clicks anything but option items and 添加', async () => {
    const m = developmentPage();
    const clicked: string[] = [];
    document.addEventListener('click', (e) => clicked.push((e.target as Element).textContent ?? ''), true);
    await new FillSession(document).fill('dev', r11Development, values({ ownerIds: ['o-yunfan', 'o-zhang-san'] }), { addOwnerRows: true });
    expect(m.softwareCategory).not.toBe('SAVED');
    expect(clicked.filter((t) => /保存|提交|下一步/.test(t))).toEqual([]);
  });
});

describe('the content script\'s answers', () => {
  const watcherOf = (get: () => Detection | null): PageWatcher => ({ refresh: get, schedule: () => undefined });

  it('detect: the page kind and which of its fields are there', async () => {
    developmentPage();
    const marker = document.body;
    const { ask } = contentService(watcherOf(() => ({ site: 'ccopyright', page: 'ccopyright.r11.development', marker })), async () => ({ owner: null, work: null, coOwners: [] }));
    const res: { page: string; fields: { key: string; found: boolean }[] } = await ask({ type: 'ruanzhu:detect' });
    expect(res.page).toBe('ccopyright.r11.development');
    const found = Object.fromEntries(res.fields.map((f) => [f.key, f.found]));
    expect(found).toMatchObject({ 'work.softwareCategory': true, 'work.published': true, 'work.firstPublishedDate': false, 'owners.0.name': true, 'work.developmentMode': false });
  });

  it('fill: waits for a step still rendering, asks the background for the values, and answers per field', async () => {
    let detection: Detection | null = null;
    const { ask, fetched } = contentService(watcherOf(() => detection), async () => ({ owner: yunfan, work: Work.parse(bundle.works[0]), coOwners: [] }));
    const pending: Promise<{ results: { key: string; status: string }[] }> = ask({ type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' });
    // The step renders later; the watcher reports it with the DOM change.
    await new Promise((r) => setTimeout(r, 30));
    const m = developmentPage();
    detection = { site: 'ccopyright', page: 'ccopyright.r11.development', marker: document.body };
    document.body.append(h('span'));
    const res = await pending;
    expect(fetched).toEqual([[{ ownerId: 'o-yunfan', workId: 'w-yunfan-crm' }, 'ccopyright.r11.development']]);
    expect(byKey(res.results)['work.softwareCategory']).toMatchObject({ status: 'filled' });
    expect(m.softwareCategory).toBe('应用软件');
  });

  it('ignores what is not ours and refuses a malformed fill', async () => {
    const { ask } = contentService(watcherOf(() => null), async () => ({ owner: null, work: null, coOwners: [] }));
    expect(await ask({ type: 'ruanzhu:fill' })).toMatchObject({ failed: true, reason: 'invalid' });
    expect(await ask({ type: 'something-else' })).toBeUndefined();
    expect(await ask({ type: 'ruanzhu:plan-values', ownerId: 'o', page: 'x' })).toBeUndefined();
  });
});
