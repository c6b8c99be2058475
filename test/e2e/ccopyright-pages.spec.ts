import { test, expect, pageKind, sampleBundle, inBackground, importThroughBackground, replicaModel, replicaClicks, byKey, type Fill } from './fixtures';

// Every replica page of register.ccopyright.com.cn: the page-kind marker, and the account pages
// filled through the contract message with the replica tab in the background (no focus emulation:
// `el.blur()` fires nothing there). Assertions read window.__model, what the page would submit.

const HOST = 'https://register.ccopyright.com.cn';


test('every page kind is marked on <html> once its content has rendered', async ({ openPortal }) => {
  const kinds: [string, string][] = [
    ['/login.html', 'ccopyright.login'],
    ['/register.html', 'ccopyright.register'],
    ['/account.html?current=realname_person', 'ccopyright.realname.person'],
    ['/account.html?current=realname_org', 'ccopyright.realname.org'],
    ['/registration.html#/registerSoft', 'ccopyright.registration'],
    ['/r11.html#/identity', 'ccopyright.r11.identity'],
    ['/r11.html#/application', 'ccopyright.r11.application'],
    ['/r11.html#/development', 'ccopyright.r11.development'],
    ['/r11.html#/features', 'ccopyright.r11.features'],
    ['/r11.html#/confirm', 'ccopyright.r11.confirm'],
    ['/account.html?current=soft_register', 'ccopyright.filings'],
  ];
  for (const [path, kind] of kinds) {
    const page = await openPortal(HOST + path);
    expect(await pageKind(page), path).toBe(kind);
    await page.close();
  }
});

test('a page of the host that is none of these gets no marker', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${HOST}/registration.html#/registerWork`);
  await expect(page.getByRole('heading', { name: '作品登记' })).toBeVisible();
  expect(await pageKind(page)).toBeNull();
});

test('login: only the account name; password and captcha untouched, 登录 not clicked', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
  await importThroughBackground(openExtensionPage, sampleBundle());
  const url = `${HOST}/login.html`;
  const page = await openPortal(url);
  await inBackground(context, page);
  const res = (await sendToTab(url, { type: 'ruanzhu:fill', ownerId: 'o-zhang-san' })) as Fill;
  expect(res.results).toEqual([{ key: 'owner.account', status: 'filled', value: 'zhangsan' }]);
  expect(await replicaModel(page)).toEqual({ loginType: 'person', userName: 'zhangsan', password: '' });
  expect(await replicaClicks(page)).toEqual([]);
});

test('register: account type by its radio wrapper, handles filled; password, SMS code, agreement untouched', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
  await importThroughBackground(openExtensionPage, sampleBundle());
  const url = `${HOST}/register.html`;
  const page = await openPortal(url);
  await inBackground(context, page);
  const res = (await sendToTab(url, { type: 'ruanzhu:fill', ownerId: 'o-zhang-san' })) as Fill;
  expect(res.results.every((r) => r.status === 'filled')).toBe(true);
  expect(await replicaModel(page)).toEqual({ userType: '个人', userName: 'zhangsan', phone: '13800138000', smsCode: '', email: 'zhangsan@example.com', password: '', password2: '', agreed: false });
  expect(await replicaClicks(page)).toEqual([]);
});

test('real-name (person): identity and address filled, region by its short name; the disabled phone and the uploads untouched', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
  await importThroughBackground(openExtensionPage, sampleBundle());
  const url = `${HOST}/account.html?current=realname_person`;
  const page = await openPortal(url);
  await inBackground(context, page);
  const r = byKey((await sendToTab(url, { type: 'ruanzhu:fill', ownerId: 'o-zhang-san' })) as Fill);
  expect(r['owner.province']).toMatchObject({ status: 'filled', value: '北京' });
  // Shown disabled: never filled, reported as not available.
  expect(r['owner.phone']).toMatchObject({ status: 'not-found' });
  expect(await replicaModel(page)).toEqual({
    name: '张三',
    idType: '居民身份证',
    idNumber: '110105199003072012',
    country: '中国',
    province: '北京',
    city: '北京市',
    address: '北京市朝阳区建国路88号',
    postcode: '100022',
    phone: '13800000000',
    email: 'zhangsan@example.com',
  });
  expect(await page.evaluate(() => [...document.querySelectorAll('input[type=file]')].map((f) => (f as HTMLInputElement).files?.length ?? 0))).toEqual([0, 0, 0]);
  expect(await replicaClicks(page)).toEqual([]);
});

test('real-name (organisation): the contact takes 联系人 fields; the decoy 法定代表人姓名 stays empty', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
  await importThroughBackground(openExtensionPage, sampleBundle());
  const url = `${HOST}/account.html?current=realname_org`;
  const page = await openPortal(url);
  await inBackground(context, page);
  const res = (await sendToTab(url, { type: 'ruanzhu:fill', ownerId: 'o-yunfan' })) as Fill;
  expect(res.results.filter((r) => r.status !== 'filled')).toEqual([]);
  expect(await replicaModel(page)).toEqual({
    orgName: '北京云帆科技有限公司',
    category: '企业法人',
    idType: '统一社会信用代码证书',
    idNumber: '91110108MA01C3KX5Q',
    legalPerson: '',
    contactName: '李四',
    contactPhone: '13900139000',
    landline: '010-62345678',
    email: 'ip@yunfan.example.com',
    province: '北京',
    city: '北京市',
    address: '北京市海淀区中关村大街1号',
    postcode: '100080',
  });
});

test('a fill for an owner the profiles do not have fills nothing and says so', async ({ context, openExtensionPage, openPortal, sendToTab }) => {
  await importThroughBackground(openExtensionPage, sampleBundle());
  const url = `${HOST}/login.html`;
  const page = await openPortal(url);
  await inBackground(context, page);
  const res = await sendToTab(url, { type: 'ruanzhu:fill', ownerId: 'o-nobody' });
  expect(res).toEqual({ failed: true, reason: 'not-found', error: '找不到所选的著作权人资料 / the chosen owner was not found' });
  expect((await replicaModel(page)).userName).toBe('');
});
