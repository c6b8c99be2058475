import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageChecks, type CheckResult } from '@/utils/content/checks/page-checks';
import { readPage, statedMinimum } from '@/utils/content/checks/page-read';
import type { Finding } from '@/utils/schema/finding';
import { MessageFailure } from '@/utils/platform/messaging';
import { r11Application } from '@/utils/pages/adapters/r11-application';
import { r11Development } from '@/utils/pages/adapters/r11-development';
import { r11Features } from '@/utils/pages/adapters/r11-features';
import type { Detection } from '@/utils/content/detect/detect';
import type { PageWatcher } from '@/utils/content/detect/watch';
import { Owner } from '@/utils/schema/owner';
import { Work } from '@/utils/schema/work';
import { drive, freshPage, HD, ownerRow } from '../fill/hd';
import { contentService, sampleBundle } from '../helpers';

// Reading a page as the fill engine sees it, and the content script's check: memory across steps,
// the chosen profiles from the background, a locked store, and the answer to ruanzhu:check. The
// pages are built from the center's own hd-* components (hd.js).

const { h } = HD;
const bundle = sampleBundle();
const yunfan = Owner.parse(bundle.owners[1]);
const crm = Work.parse(bundle.works[0]);

beforeEach(freshPage);
afterEach(() => vi.useRealTimers());

/** #/application's names section: three inputs told apart by their placeholders, limits by maxlength. */
function applicationPage(values: { name?: string; version?: string } = {}) {
  const st = HD.store({ softwareFullName: values.name ?? '', softwareShortName: '', versionNo: values.version ?? '' });
  document.body.replaceChildren(
    h('div', { class: 'application' },
      HD.fillinItem({ title: '软件名称', required: true },
        HD.input({ ref: st.ref('softwareFullName'), placeholder: '请输入软件全称', maxlength: 100, commit: 'tick' }),
        HD.input({ ref: st.ref('softwareShortName'), placeholder: '请输入软件简称，如无简称请留空，不要填写“无”。', maxlength: 30, commit: 'tick' }),
        HD.input({ ref: st.ref('versionNo'), placeholder: '请输入版本号', maxlength: 20, commit: 'tick' }))),
  );
  return st;
}

/** #/features with the main-functions box and its counter, and 源程序量 … 行. */
function featuresPage(text: string) {
  const st = HD.store({ mainFunction: text, sourceLines: '' });
  document.body.replaceChildren(
    h('div', { class: 'application' },
      HD.fillinItem({ title: '软件的主要功能' }, HD.input({ ref: st.ref('mainFunction'), textarea: true, maxlength: 1300, counter: 1300, placeholder: '请输入软件的主要功能，500至1300字', commit: 'blur' })),
      HD.fillinItem({ title: '源程序量' }, HD.input({ ref: st.ref('sourceLines'), placeholder: '请输入源程序量', suffix: '行', commit: 'blur' }))),
  );
}

function watcherAt(page: () => string | null): PageWatcher {
  return { refresh: () => (page() ? ({ site: 'ccopyright', page: page()!, marker: document.body } as Detection) : null), schedule: () => undefined };
}

describe('readPage', () => {
  it('reads each key the adapter matches, as typed (no NFKC), with the page\'s limits', () => {
    applicationPage({ name: '云帆ＣＲＭ系统', version: 'V1.0' });
    const r = readPage(document, r11Application);
    expect(r.fields['work.fullName']).toMatchObject({ kind: 'text', value: '云帆ＣＲＭ系统', maxLength: 100 });
    expect(r.fields['work.version']).toMatchObject({ value: 'V1.0', maxLength: 20 });
    expect((r.elements.get('work.version') as HTMLInputElement).placeholder).toBe('请输入版本号');
    // Keys the page does not show are not read (an empty field is read as empty).
    expect(r.fields['work.shortName']).toMatchObject({ value: '' });
    expect(r.fields['work.rightsScope']).toBeUndefined();
  });

  it('reads the counter and the minimum the placeholder states', () => {
    featuresPage('功能');
    expect(readPage(document, r11Features).fields['work.mainFunctions']).toMatchObject({ value: '功能', maxLength: 1300, minLength: 500 });
  });

  it('reads owner rows as owners.<i>.<field>, by their blocks\' places', () => {
    document.body.replaceChildren(h('div', { class: 'formGroup' }, ownerRow({ name: '北京云帆科技有限公司', idNumber: '91110108MA01C3KX5Q', locked: true }), ownerRow({ name: '张三' })));
    const r = readPage(document, r11Development);
    expect(r.fields['owners.0.idNumber']).toMatchObject({ kind: 'text', value: '91110108MA01C3KX5Q' });
    expect(r.fields['owners.0.name'].value).toBe('北京云帆科技有限公司');
    expect(r.fields['owners.1.name'].value).toBe('张三');
    expect(r.fields['owners.1.idNumber'].value).toBe('');
    expect(r.fields['owners.1.country']).toMatchObject({ kind: 'select', value: '' });
  });

  it('reads a summary table on a page without an adapter (the confirm step)', () => {
    document.body.innerHTML = '<table class="summary"><tr><th>软件全称</th><td>云帆客户关系管理系统</td></tr><tr><th>版本号</th><td> V1.0 </td></tr><tr><th>其他</th><td>x</td></tr></table>';
    const r = readPage(document, null);
    expect(Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k, v.value]))).toEqual({ 'work.fullName': '云帆客户关系管理系统', 'work.version': 'V1.0' });
  });

  it.each([
    ['请输入软件的主要功能，500至1300字', 500],
    ['500-1300 字', 500],
    ['至少 30 字', 30],
    ['技术特点补充说明，100字以内', null],
    ['请输入', null],
  ])('statedMinimum(%s) = %s', (text, expected) => expect(statedMinimum(text)).toBe(expected));
});

describe('PageChecks', () => {
  let current: string | null;
  const shown: { result: CheckResult; requested: boolean }[] = [];
  const view = { show: (result: CheckResult, requested: boolean) => void shown.push({ result, requested }), active: true, clear: () => void shown.push({ result: { page: null, findings: [], elements: new Map() }, requested: false }) };
  beforeEach(() => {
    current = null;
    shown.length = 0;
  });

  it('remembers a step the user left: the version typed there is compared on the next step', async () => {
    const checks = new PageChecks({ doc: document, watcher: watcherAt(() => current), view });
    applicationPage({ name: crm.fullName, version: 'V1.0.1' });
    current = 'ccopyright.r11.application';
    checks.observe();
    featuresPage('');
    current = 'ccopyright.r11.features';
    const findings = checks.evaluate({ owner: yunfan, work: crm, coOwners: [] });
    const version = findings.filter((f) => f.rule === 'materials.consistency');
    expect(version.map((f) => f.key)).toEqual(['work.version']);
    // The panel gets the same findings, and the elements of the current page only.
    expect(shown.at(-1)!.requested).toBe(true);
    expect(shown.at(-1)!.result.findings).toEqual(findings);
    expect([...shown.at(-1)!.result.elements.keys()].sort()).toEqual(['work.mainFunctions', 'work.sourceLines']);
    // The material headers must carry what the form said.
    expect(checks.materialWork()).toMatchObject({ fullName: crm.fullName, version: 'V1.0.1', sourceLines: crm.sourceLines });
  });

  it('checks the page alone when the store is locked, and says why', async () => {
    const locked = new MessageFailure({ failed: true, reason: 'locked', error: '资料已锁定 / locked' });
    const { ask } = contentService(watcherAt(() => current), async () => Promise.reject(locked));
    applicationPage({ name: '云帆客户关系管理系统', version: 'v1' });
    current = 'ccopyright.r11.application';
    const res = await ask({ type: 'ruanzhu:check', ownerId: 'o-yunfan' });
    expect(res.profileFailure).toEqual({ failed: true, reason: 'locked', error: '资料已锁定 / locked' });
    expect(res.findings.map((f: Finding) => `${f.rule}@${f.key}`)).toEqual(['work.version@work.version']);
  });

  it('re-checks only after a check ran and while its view is shown, with the same profiles, and adds the uploads\' findings', async () => {
    const upload: Finding = { rule: 'realname.photo.format', severity: 'error', key: 'upload.上传证件照正面', message: '文件实际是 PDF 格式 / really a PDF' };
    const box = h('div', { class: 'upload-box' });
    const files = { findings: () => [upload], elements: () => new Map([[upload.key!, box as Element]]) };
    const checks = new PageChecks({ doc: document, watcher: watcherAt(() => current), view, files });
    applicationPage();
    current = 'ccopyright.r11.application';
    await checks.recheck();
    expect(shown).toEqual([]);
    checks.evaluate(null);
    await checks.recheck();
    expect(shown.map((s) => s.requested)).toEqual([true, false]);
    expect(shown[1].result.findings).toContainEqual(upload);
    expect(shown[1].result.elements.get(upload.key!)).toBe(box);
  });

  it('a fill asks for the profiles once and returns the check it ran; ruanzhu:check asks once more', async () => {
    current = 'ccopyright.r11.application';
    const st = applicationPage();
    const { ask, fetched } = contentService(watcherAt(() => current), async () => ({ owner: yunfan, work: { ...crm, version: 'v1' }, coOwners: [] }), { view });
    const filled = await drive(ask({ type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' }));
    expect(filled.results.find((r: { key: string }) => r.key === 'work.version')).toMatchObject({ status: 'filled' });
    expect(st.model).toEqual({ softwareFullName: crm.fullName, softwareShortName: crm.shortName, versionNo: 'v1' });
    expect(filled.findings.filter((f: Finding) => f.rule === 'work.version').map((f: Finding) => f.key)).toEqual(['work.version']);
    expect(fetched).toEqual([[{ ownerId: 'o-yunfan', workId: 'w-yunfan-crm' }, 'ccopyright.r11.application']]);
    expect(shown).toHaveLength(1);
    const res = await ask({ type: 'ruanzhu:check', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' });
    expect(res.findings.filter((f: Finding) => f.rule === 'work.version').map((f: Finding) => f.key)).toEqual(['work.version']);
    expect(fetched).toHaveLength(2);
    expect(await ask({ type: 'ruanzhu:focus', key: 'work.version' })).toEqual({ found: true });
    expect((document.activeElement as HTMLInputElement).placeholder).toBe('请输入版本号');
  });

  it('a page that claims another kind than the one the user acted on gets nothing, and no profile is fetched', async () => {
    current = 'ccopyright.r11.application';
    applicationPage();
    const { ask, fetched } = contentService(watcherAt(() => current), async () => ({ owner: yunfan, work: crm, coOwners: [] }));
    expect(await drive(ask({ type: 'ruanzhu:fill', ownerId: 'o-yunfan', page: 'ccopyright.login' }))).toMatchObject({ failed: true, reason: 'page-unknown' });
    expect((await ask({ type: 'ruanzhu:check', ownerId: 'o-yunfan', page: 'ccopyright.login' })).profileFailure).toMatchObject({ reason: 'page-unknown' });
    expect(fetched).toEqual([]);
    expect(await drive(ask({ type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm', page: 'ccopyright.r11.application' }))).toHaveProperty('results');
  });

  it('a fill on a page it does not know, or with an owner the store lacks, fails with the one failure shape', async () => {
    applicationPage();
    current = null;
    const none = contentService(watcherAt(() => current), async () => ({ owner: null, work: null, coOwners: [] }));
    expect(await drive(none.ask({ type: 'ruanzhu:fill', ownerId: 'o-x' }))).toMatchObject({ failed: true, reason: 'page-unknown' });
    current = 'ccopyright.r11.application';
    expect(await drive(none.ask({ type: 'ruanzhu:fill', ownerId: 'o-x' }))).toMatchObject({ failed: true, reason: 'not-found' });
    current = 'ccopyright.r11.identity';
    expect(await drive(none.ask({ type: 'ruanzhu:fill', ownerId: 'o-x' }))).toMatchObject({ failed: true, reason: 'nothing-to-fill' });
  });
});
