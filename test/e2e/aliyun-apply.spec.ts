import { test, expect, pageKind, sampleBundle, inBackground, importThroughBackground, replicaModel, replicaClicks, byKey, type Fill } from './fixtures';

// The Alibaba Cloud console replica (React-like, Ant-Design-like components) filled through the
// contract message with the replica tab in the background. Assertions read the page's state
// (window.__model.applications[<order>]), what the console would submit, not the inputs.

const CONSOLE = 'https://copyright.console.aliyun.com/';
const ORDER = 'swcopyright_swRegNormal_public_cn-7k2m9q1';
const APPLY = `${CONSOLE}#/apply/${ORDER}`;
const fill = { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' } as const;
const application = (page: Parameters<typeof replicaModel>[0], path = '') => replicaModel(page, `applications.${ORDER}${path ? `.${path}` : ''}`);
const label = (page: Parameters<typeof replicaModel>[0], text: string) =>
  page.locator('.ant-form-item', { has: page.locator(`.ant-form-item-label > label:text-is("${text}")`) });

const YUNFAN_ROW = { category: '企业法人', name: '北京云帆科技有限公司', idType: '统一社会信用代码证书', idNumber: '91110108MA01C3KX5Q', country: '中国', province: '北京市', city: '北京市', legalRep: '' };

test.describe('Alibaba Cloud console: 填写资料 (手动填写), filled from the sample profile', () => {
  test('every part reaches the state; decoys, the hidden twin, uploads and buttons untouched', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    const bundle = sampleBundle();
    const work = bundle.works[0];
    await importThroughBackground(openExtensionPage, bundle);
    const page = await openPortal(APPLY);
    await inBackground(context, page);
    expect(await pageKind(page)).toBe('aliyun.apply');

    const detect = (await sendToTab(CONSOLE, { type: 'ruanzhu:detect' })) as { site: string; page: string; fields: { key: string; found: boolean }[] };
    expect(detect).toMatchObject({ site: 'aliyun', page: 'aliyun.apply' });
    // 首次发表日期 exists only once 已发表 is chosen.
    expect(detect.fields.filter((f) => !f.found).map((f) => f.key)).toEqual(['work.firstPublishedDate']);
    expect(await page.evaluate(() => document.hasFocus())).toBe(false);

    const res = (await sendToTab(CONSOLE, fill)) as Fill;
    expect(res.results.filter((r) => r.status !== 'filled')).toEqual([]);
    const r = byKey(res);
    expect(r['work.firstPublishedDate']).toMatchObject({ status: 'filled', value: '2026-08-01' });
    expect(r['work.languagesOther']).toMatchObject({ status: 'filled', value: 'Java、JavaScript' });
    expect(r['owners.0.province']).toMatchObject({ status: 'filled', value: '北京市' });

    expect(await application(page)).toEqual({
      mode: '手动填写',
      softwareName: work.fullName,
      softwareNameEn: '',
      shortName: work.shortName,
      version: work.version,
      versionNote: '',
      category: '应用软件',
      softwareNote: '原创',
      originalRegNo: '',
      devMode: '单独开发',
      completionDate: '2026-06-30',
      publishStatus: '已发表',
      firstPublishDate: '2026-08-01',
      rightsAcquisition: '原始取得',
      rightsScope: '全部权利',
      devHardware: work.devHardware,
      runHardware: work.runHardware,
      devOs: work.devOs,
      devTools: work.devTools,
      runPlatform: work.runPlatform,
      runSupport: work.runSupport,
      languages: 'Java、JavaScript',
      sourceLines: '32000',
      purpose: work.purpose,
      domain: work.domain,
      mainFunctions: work.mainFunctions,
      techTags: ['云计算软件'],
      techFeatures: work.technicalFeatures,
      owners: [YUNFAN_ROW],
      programDeposit: '一般交存',
      docDeposit: '一般交存',
      agent: { name: '', idNumber: '', phone: '' },
    });
    // The counters show what the state holds (React re-rendered from it).
    expect(await label(page, '开发的硬件环境').locator('.ant-input-show-count-suffix').textContent()).toBe(`${work.devHardware.length} / 50`);
    expect(await label(page, '软件的主要功能').locator('.ant-input-data-count').textContent()).toBe(`${work.mainFunctions.length} / 1300`);
    // Every popup the fill opened is closed again; nothing was saved, submitted or uploaded.
    expect(await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').count()).toBe(0);
    expect(await replicaClicks(page)).toEqual([]);
    expect(await page.locator('[data-ruanzhu-filled]').count()).toBe(res.results.length);
    expect(page.url()).toBe(APPLY);
  });

  test('the user\'s own text is kept; too long for the field or its counter is reported, not cut; the counter, not our table, sets the limit', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    const bundle = sampleBundle();
    const work = bundle.works[0];
    work.devHardware = '英特尔至强可扩展处理器两颗，六十四核，五百一十二GB内存，四块三点八TB固态硬盘组成的阵列，万兆网卡，双路冗余电源';
    work.technicalFeatures = '采用前后端分离架构，'.repeat(12);
    // Over the 1000 of the rules' table, within the 1300 the console's counter allows.
    work.mainFunctions = '客户管理、线索管理、商机管理与合同回款。'.repeat(55);
    expect(work.devHardware.length).toBeGreaterThan(50);
    expect(work.technicalFeatures.length).toBeGreaterThan(100);
    expect(work.mainFunctions.length).toBeGreaterThan(1000);
    expect(work.mainFunctions.length).toBeLessThanOrEqual(1300);
    await importThroughBackground(openExtensionPage, bundle);
    const page = await openPortal(APPLY);
    // The user types the purpose first (real keystrokes, React sees them).
    await label(page, '开发目的').locator('input').pressSequentially('内部使用');
    expect(await application(page, 'purpose')).toBe('内部使用');
    await inBackground(context, page);

    const r = byKey((await sendToTab(CONSOLE, fill)) as Fill);
    expect(r['work.purpose']).toMatchObject({ status: 'kept', value: '内部使用' });
    expect(r['work.devHardware']).toMatchObject({ status: 'too-long', value: work.devHardware });
    expect(r['work.devHardware'].reason).toContain('50');
    expect(r['work.technicalFeatures']).toMatchObject({ status: 'too-long' });
    expect(r['work.technicalFeatures'].reason).toContain('100');
    expect(r['work.mainFunctions']).toMatchObject({ status: 'filled' });
    const a = await application(page);
    expect(a).toMatchObject({ purpose: '内部使用', devHardware: '', techFeatures: '', mainFunctions: work.mainFunctions, runHardware: work.runHardware });
    expect(await label(page, '开发的硬件环境').locator('input').inputValue()).toBe('');

    // Overwrite replaces the user's text when asked.
    const again = byKey((await sendToTab(CONSOLE, { ...fill, overwrite: true })) as Fill);
    expect(again['work.purpose']).toMatchObject({ status: 'filled', value: work.purpose });
    expect(await application(page, 'purpose')).toBe(work.purpose);
  });

  test('co-owners: rows the page has; more only through its 添加著作权人 when asked; a person\'s ID types follow the category', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    const bundle = sampleBundle();
    Object.assign(bundle.works[0], { ownerIds: ['o-yunfan', 'o-zhang-san'], developmentMode: '合作开发' });
    // 广东省 is far down the province list: out of view until the virtual list is scrolled.
    Object.assign(bundle.owners[0], { province: '广东省', city: '深圳市' });
    await importThroughBackground(openExtensionPage, bundle);
    const page = await openPortal(APPLY);
    await inBackground(context, page);

    const first = byKey((await sendToTab(CONSOLE, fill)) as Fill);
    expect(first['owners.0.name']).toMatchObject({ status: 'filled', value: '北京云帆科技有限公司' });
    expect(first['owners.1.name']).toMatchObject({ status: 'not-found', value: '张三' });
    expect(await page.locator('.owner-card').count()).toBe(1);

    const second = byKey((await sendToTab(CONSOLE, { ...fill, addOwnerRows: true })) as Fill);
    expect(await page.locator('.owner-card').count()).toBe(2);
    expect(second['owners.1.idType']).toMatchObject({ status: 'filled', value: '居民身份证' });
    expect(await application(page, 'owners')).toEqual([
      YUNFAN_ROW,
      { category: '自然人', name: '张三', idType: '居民身份证', idNumber: '110105199003072012', country: '中国', province: '广东省', city: '深圳市', legalRep: '' },
    ]);
    expect(await application(page, 'devMode')).toBe('合作开发');
    expect(await replicaClicks(page)).toEqual([]);
  });

  test('undo restores the state from before the fill, selects and dates included', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    await importThroughBackground(openExtensionPage, sampleBundle());
    const page = await openPortal(APPLY);
    await inBackground(context, page);
    await sendToTab(CONSOLE, fill);
    expect(await application(page, 'category')).toBe('应用软件');

    const undo = (await sendToTab(CONSOLE, { type: 'ruanzhu:undo' })) as { results: { key: string; status: string }[] };
    // Radios cannot be emptied once chosen (as on the page itself): those are the only failures.
    expect(undo.results.filter((u) => u.status !== 'restored').map((u) => u.key).sort()).toEqual(['work.published', 'work.softwareNote']);
    expect(await application(page)).toMatchObject({
      softwareName: '', shortName: '', version: '', category: '', devMode: '', completionDate: '', rightsAcquisition: '', rightsScope: '',
      devHardware: '', languages: '', mainFunctions: '', techTags: [], techFeatures: '',
      owners: [{ category: '', name: '', idType: '', idNumber: '', country: '', province: '', city: '', legalRep: '' }],
    });
  });

  test('each route is recognised once it has rendered, and only then', async ({ openPortal }) => {
    const page = await openPortal(`${CONSOLE}#/order/list`);
    expect(await pageKind(page)).toBe('aliyun.orders');
    // Every value the marker takes from here on: the spinner lasts a moment, too short to poll for.
    await page.evaluate(() => {
      const w = window as unknown as { __kinds: (string | null)[] };
      w.__kinds = [];
      new MutationObserver(() => w.__kinds.push(document.documentElement.dataset.ruanzhuPage ?? null)).observe(document.documentElement, { attributeFilter: ['data-ruanzhu-page'] });
    });
    // From the list, as a user goes: the order's 填写资料 link.
    await page.locator(`a[href="#/apply/${ORDER}"]`).click();
    await expect.poll(() => pageKind(page)).toBe('aliyun.apply');
    // The spinner came first: not yet a form, so no page kind was claimed until the form rendered
    // (the list's own kind may be written again while the route changes).
    const kinds = await page.evaluate(() => (window as unknown as { __kinds: (string | null)[] }).__kinds);
    expect(kinds.filter((k) => k !== 'aliyun.orders')).toEqual([null, 'aliyun.apply']);
    // 智能识别 replaces the form with an upload: nothing to fill, no form claimed.
    await page.locator('label.ant-radio-button-wrapper', { hasText: '智能识别' }).click();
    await expect.poll(() => pageKind(page)).toBe(null);
    await page.locator('label.ant-radio-button-wrapper', { hasText: '手动填写' }).click();
    await expect.poll(() => pageKind(page)).toBe('aliyun.apply');
    await page.evaluate(() => (location.hash = '#/order/swcopyright_swRegNormal_public_cn-8n4v2b7'));
    await expect.poll(() => pageKind(page)).toBe('aliyun.order');
  });
});
