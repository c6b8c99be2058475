import { test, expect, pageKind, sampleBundle, inBackground, importThroughBackground, replicaModel, replicaClicks, byKey, type Fill } from './fixtures';

// The R11 application replica filled through the contract message, with the replica tab in the
// background: Playwright's focus emulation is switched off for it, so `el.blur()` fires nothing
// there, exactly as for a user who clicks in the popup. Assertions read the page's model
// (window.__model), what the page would submit, not the inputs.

const R11 = 'https://register.ccopyright.com.cn/r11.html';
// chrome.tabs.query matches URLs without their fragment: a tab is addressed by the page, not the step.


test.describe('R11 replica, filled from the sample profile', () => {
  test('#/application: values reach the model, the hidden twin stays empty, nothing is clicked', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    await importThroughBackground(openExtensionPage, sampleBundle());
    const url = `${R11}#/application`;
    const page = await openPortal(url);
    await inBackground(context, page);
    expect(await pageKind(page)).toBe('ccopyright.r11.application');

    const detect = (await sendToTab(R11, { type: 'ruanzhu:detect' })) as { page: string; fields: { key: string; found: boolean }[] };
    expect(detect.page).toBe('ccopyright.r11.application');
    expect(detect.fields.every((f) => f.found)).toBe(true);
    // The sender tab is in front now: the replica is a background tab without focus.
    expect(await page.evaluate(() => document.hasFocus())).toBe(false);

    const res = (await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' })) as Fill;
    const r = byKey(res);
    expect(r['work.fullName']).toMatchObject({ status: 'filled', value: '云帆客户关系管理系统' });
    expect(await replicaModel(page, 'application')).toEqual({
      rightsAcquisition: '原始取得',
      softwareName: '云帆客户关系管理系统',
      softwareShortName: '云帆CRM',
      versionNumber: 'V1.0',
      rightsScope: '全部权利',
      softwareNameEn: '',
    });
    expect(res.results.every((x) => x.status === 'filled')).toBe(true);
    expect(await replicaClicks(page)).toEqual([]);
    expect(page.url()).toBe(url);
    // Filled fields are marked; the popup's link to a field brings it into view.
    expect(await page.locator('[data-ruanzhu-filled]').count()).toBe(5);
    expect(await sendToTab(R11, { type: 'ruanzhu:focus', key: 'work.version' })).toEqual({ found: true });
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).placeholder)).toBe('请输入版本号');
  });

  test('#/development: calendar, radios, a field revealed by a choice, the owner row; decoys untouched', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    await importThroughBackground(openExtensionPage, sampleBundle());
    const page = await openPortal(`${R11}#/development`);
    await inBackground(context, page);
    const res = (await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' })) as Fill;
    const r = byKey(res);
    expect(res.results.filter((x) => x.status !== 'filled')).toEqual([]);
    // 首次发表日期 does not exist until 已发表 is chosen: found on the second pass.
    expect(r['work.firstPublishedDate']).toMatchObject({ status: 'filled', value: '2026-08-01' });
    // The province list has no 市 suffix: 北京市 is 北京 there.
    expect(r['owners.0.province']).toMatchObject({ status: 'filled', value: '北京' });
    expect(await replicaModel(page, 'development')).toEqual({
      softwareCategory: '应用软件',
      softwareNote: '原创',
      originalRegNo: '',
      developmentMode: '单独开发',
      completionDate: '2026-06-30',
      publishStatus: '已发表',
      firstPublishDate: '2026-08-01',
      ownerList: [{ category: '企业法人', name: '北京云帆科技有限公司', idType: '统一社会信用代码证书', idNumber: '91110108MA01C3KX5Q', country: '中国', province: '北京', city: '北京市' }],
      contactName: '',
      contactPhone: '',
    });
    // Every option list the fill opened is closed again.
    expect(await page.locator('.hd-select-dropdown:visible, .el-picker-panel:visible').count()).toBe(0);
    expect(await replicaClicks(page)).toEqual([]);
  });

  test('#/development: co-owners fill the rows the page has; more rows only through its 添加 when asked', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    const bundle = sampleBundle();
    Object.assign(bundle.works[0], { ownerIds: ['o-yunfan', 'o-zhang-san'], developmentMode: '合作开发' });
    await importThroughBackground(openExtensionPage, bundle);
    const page = await openPortal(`${R11}#/development`);
    await inBackground(context, page);

    const first = byKey((await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' })) as Fill);
    expect(first['owners.0.name']).toMatchObject({ status: 'filled', value: '北京云帆科技有限公司' });
    expect(first['owners.1.name']).toMatchObject({ status: 'not-found', value: '张三' });
    expect(await page.locator('.owner-row').count()).toBe(1);

    const second = byKey((await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm', addOwnerRows: true })) as Fill);
    expect(await page.locator('.owner-row').count()).toBe(2);
    // Row 0 holds our own values from the first fill: filled again, not "kept".
    expect(second['owners.0.name']).toMatchObject({ status: 'filled' });
    expect(second['owners.1.idType']).toMatchObject({ status: 'filled', value: '居民身份证' });
    expect(await replicaModel(page, 'development.ownerList')).toEqual([
      { category: '企业法人', name: '北京云帆科技有限公司', idType: '统一社会信用代码证书', idNumber: '91110108MA01C3KX5Q', country: '中国', province: '北京', city: '北京市' },
      { category: '自然人', name: '张三', idType: '居民身份证', idNumber: '110105199003072012', country: '中国', province: '北京', city: '北京市' },
    ]);
    expect(await replicaModel(page, 'development.developmentMode')).toBe('合作开发');
  });

  test('#/features: h3 sections commit on blur; the user\'s text is kept; the hidden twin and uploads untouched; undo restores', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    const bundle = sampleBundle();
    const work = bundle.works[0];
    await importThroughBackground(openExtensionPage, bundle);
    const page = await openPortal(`${R11}#/features`);
    // The user types their own OS first (a real blur commits it), then turns to the popup.
    const devOs = page.locator('.fillin_item', { has: page.locator('h3', { hasText: '开发该软件的操作系统' }) }).locator('input');
    await devOs.fill('Windows 10 专业版');
    await devOs.press('Tab');
    expect(await replicaModel(page, 'features.devOs')).toBe('Windows 10 专业版');
    await inBackground(context, page);

    const res = (await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' })) as Fill;
    const r = byKey(res);
    expect(r['work.devOs']).toMatchObject({ status: 'kept', value: 'Windows 10 专业版' });
    // Java and JavaScript are both options: nothing is left for the 其他 text box.
    expect(r['work.languagesOther']).toBeUndefined();
    const f = await replicaModel(page, 'features');
    expect(f).toEqual({
      devHardware: work.devHardware,
      runHardware: work.runHardware,
      devOs: 'Windows 10 专业版',
      devTools: work.devTools,
      runPlatform: work.runPlatform,
      runSupport: work.runSupport,
      languages: ['Java', 'JavaScript'],
      languagesOther: '',
      sourceLines: '32000',
      purpose: work.purpose,
      domain: work.domain,
      mainFunctions: work.mainFunctions,
      techTags: ['云计算软件'],
      techFeatures: work.technicalFeatures,
      mainFunctionsLegacy: '',
      programDeposit: '',
      docDeposit: '',
    });
    expect(await page.locator('.fillin_item', { has: page.locator('h3', { hasText: '软件的主要功能' }) }).first().locator('.el-input__count').textContent()).toBe(`${work.mainFunctions.length}/1300`);

    const undo = (await sendToTab(R11, { type: 'ruanzhu:undo' })) as { results: { key: string; status: string }[] };
    expect(undo.results.length).toBeGreaterThan(0);
    expect(undo.results.every((u) => u.status === 'restored')).toBe(true);
    const after = await replicaModel(page, 'features');
    expect(after).toMatchObject({ devHardware: '', mainFunctions: '', languages: [], techTags: [], sourceLines: '', devOs: 'Windows 10 专业版' });
    // Nothing left to undo.
    expect(((await sendToTab(R11, { type: 'ruanzhu:undo' })) as { results: unknown[] }).results).toEqual([]);
  });

  test('#/features: a text over the limit is reported too-long and not truncated', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    const bundle = sampleBundle();
    const long = '英特尔至强可扩展处理器两颗，六十四核，五百一十二GB内存，四块三点八TB固态硬盘组成的阵列，万兆网卡，双路冗余电源';
    expect(long.length).toBeGreaterThan(50);
    bundle.works[0].devHardware = long;
    await importThroughBackground(openExtensionPage, bundle);
    const page = await openPortal(`${R11}#/features`);
    await inBackground(context, page);
    const r = byKey((await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' })) as Fill);
    expect(r['work.devHardware']).toMatchObject({ status: 'too-long', value: long });
    expect(r['work.devHardware'].reason).toContain('50');
    expect(await replicaModel(page, 'features.devHardware')).toBe('');
    expect(await page.locator('.fillin_item', { has: page.locator('h3', { hasText: '开发的硬件环境' }) }).locator('input').inputValue()).toBe('');
    // The rest of the step is filled regardless.
    expect(await replicaModel(page, 'features.runHardware')).toBe(bundle.works[0].runHardware);
  });

  test('a step rendered late after a hash change is detected and filled; undo finds a re-rendered step again', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    await importThroughBackground(openExtensionPage, sampleBundle());
    const page = await openPortal(`${R11}#/application`);
    await inBackground(context, page);
    await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' });
    const oldStep = await page.evaluateHandle(() => document.getElementById('step'));

    // The page's own 下一步 (the user's click): the hash changes now, the step renders later.
    await page.evaluate(() => (document.getElementById('btn-next') as HTMLButtonElement).click());
    expect(await page.evaluate(() => location.hash)).toBe('#/development');
    // The fill is sent before the new step exists; the content script waits for it.
    expect(await page.evaluate(() => document.querySelector('.datePicker'))).toBeNull();
    const res = (await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' })) as Fill;
    expect(await pageKind(page)).toBe('ccopyright.r11.development');
    expect(await oldStep.evaluate((el) => (el as Element).isConnected)).toBe(false);
    expect(byKey(res)['work.completionDate']).toMatchObject({ status: 'filled', value: '2026-06-30' });
    expect(await replicaModel(page, 'development.completionDate')).toBe('2026-06-30');

    // Back to #/application: a new container, new elements. Undo there re-finds its fields.
    await page.evaluate(() => (location.hash = '#/application'));
    await expect.poll(() => pageKind(page)).toBe('ccopyright.r11.application');
    const undo = (await sendToTab(R11, { type: 'ruanzhu:undo' })) as { results: { key: string; status: string }[] };
    expect(undo.results.map((u) => u.status)).toEqual(['restored', 'restored', 'restored', 'restored', 'restored']);
    expect(await replicaModel(page, 'application')).toMatchObject({ softwareName: '', softwareShortName: '', versionNumber: '', rightsAcquisition: '', rightsScope: '' });
  });

  test('the step marker follows the hash through every step, without reload', async ({ openPortal }) => {
    const page = await openPortal(`${R11}#/identity`);
    const nav = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    for (const step of ['identity', 'application', 'development', 'features', 'confirm']) {
      await page.evaluate((s) => (location.hash = `#/${s}`), step);
      await expect.poll(() => pageKind(page)).toBe(`ccopyright.r11.${step}`);
    }
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(nav);
  });

  test('#/identity and #/confirm: nothing to fill, no choice made, no agreement ticked', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    await importThroughBackground(openExtensionPage, sampleBundle());
    const page = await openPortal(`${R11}#/identity`);
    await inBackground(context, page);
    for (const step of ['identity', 'confirm']) {
      await page.evaluate((s) => (location.hash = `#/${s}`), step);
      await expect.poll(() => pageKind(page)).toBe(`ccopyright.r11.${step}`);
      const res = await sendToTab(R11, { type: 'ruanzhu:fill', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' });
      expect(res).toEqual({ failed: true, reason: 'nothing-to-fill', error: '本页没有可从资料填写的字段 / nothing on this page is filled from a profile' });
      expect(await replicaModel(page, 'identity.role')).toBe('');
      expect(await replicaModel(page, 'agreed')).toBe(false);
      expect(await replicaClicks(page)).toEqual([]);
    }
  });
});
