import { beforeEach, describe, expect, it } from 'vitest';
import { detectPage } from '@/utils/content/detect/detect';
import { hashRoute } from '@/utils/pages/registry';

const HOST = 'https://register.ccopyright.com.cn';
/** The R11 step bar, always showing every step's title (as the real one does). */
const STEP_BAR = '<div class="el-steps">' + ['选择身份', '软件申请信息', '软件开发信息', '软件功能与特点', '信息确认'].map((t) => `<div class="el-step"><div class="el-step__title">${t}</div></div>`).join('') + '</div>';

beforeEach(() => {
  document.body.innerHTML = '';
});
const kind = (url: string, body: string) => {
  document.body.innerHTML = body;
  return detectPage(url, document)?.page ?? null;
};

describe('page kinds from URL + DOM marker', () => {
  it.each([
    ['/login.html', '<input placeholder="账号"><input type="password">', 'ccopyright.login'],
    ['/register.html', '<input type="password">', 'ccopyright.register'],
    ['/registration.html#/registerSoft', '<a>R11 计算机软件著作权登记申请</a>', 'ccopyright.registration'],
    ['/r11.html#/identity', `${STEP_BAR}<h3>我是申请人</h3><h3>我是代理人</h3>`, 'ccopyright.r11.identity'],
    ['/r11.html#/application', `${STEP_BAR}<input placeholder="请输入软件全称">`, 'ccopyright.r11.application'],
    ['/r11.html#/application?from=list', `${STEP_BAR}<h2>软件申请信息</h2>`, 'ccopyright.r11.application'],
    ['/r11.html#/development/', `${STEP_BAR}<h2>软件开发信息</h2>`, 'ccopyright.r11.development'],
    ['/r11.html#/features', `${STEP_BAR}<h2>软件功能与特点</h2><div class="fillin_item"><h3>开发的硬件环境</h3></div>`, 'ccopyright.r11.features'],
    // The route changed, the old step still shows: every step's sections are .fillin_item, and the confirm summary repeats every title.
    ['/r11.html#/features', `${STEP_BAR}<h2>软件开发信息</h2><div class="fillin_item"><h3>软件分类</h3></div>`, null],
    ['/r11.html#/features', `${STEP_BAR}<h2>确认信息</h2><h3>软件申请信息</h3><h3>软件功能与特点</h3>`, null],
    ['/r11.html#/confirm', `${STEP_BAR}<h2>信息确认</h2>`, 'ccopyright.r11.confirm'],
    ['/account.html?current=soft_register', '<table><th>流水号</th></table>', 'ccopyright.filings'],
    ['/accountDetails.html?flowNumber=2026R11L0125852&current=soft_register', '<h2>流水号：2026R11L0125852</h2><p>申请状态：待受理</p>', 'ccopyright.filings.detail'],
    ['/account.html?current=realname_person', '<span>上传证件照正面</span><span>上传手持证件照片</span>', 'ccopyright.realname.person'],
    ['/account.html?current=realname_org', '<span>上传营业执照</span><span>上传证件照正面</span>', 'ccopyright.realname.org'],
    // The real path of real-name authentication is unconfirmed: the captions identify it anywhere.
    ['/usercenter/auth', '<span>上传手持证件照片</span>', 'ccopyright.realname.person'],
    ['/usercenter/auth', '<label>法定代表人</label><span>上传证件照正面</span>', 'ccopyright.realname.org'],
    // Hidden organisation words do not make a person's page an organisation's.
    ['/usercenter/auth', '<label style="display:none">法定代表人</label><span>上传证件照正面</span>', 'ccopyright.realname.person'],
    ['/login.html', '<span>上传证件照正面</span><input type="password">', 'ccopyright.login'],
  ])('%s', (path, body, want) => expect(kind(HOST + path, body)).toBe(want));
});

describe('never guessed', () => {
  it.each([
    ['a step whose content has not rendered yet (only the step bar, which names every step)', '/r11.html#/features', STEP_BAR],
    ['the previous step still shown after the hash changed', '/r11.html#/features', `${STEP_BAR}<h2>软件开发信息</h2><div class="datePicker"><input></div>`],
    ['an unknown R11 route', '/r11.html#/payment', `${STEP_BAR}<h2>支付</h2>`],
    ['the login page before it rendered', '/login.html', '<div id="app"></div>'],
    ['another account tab', '/account.html?current=soft_work', '<table><th>流水号</th></table>'],
    ['the filing detail before it rendered', '/accountDetails.html?flowNumber=2026R11L0125852', '<div id="app"><h4>用户中心</h4></div>'],
    ['the registration menu of works, not software', '/registration.html#/registerWork', '<h2>作品登记</h2>'],
    ['a caption inside a script is no caption', '/usercenter', '<script>var t = "上传手持证件照片"</script>'],
    // A page posing as another kind: hidden words prove nothing, and a path a kind claims is only that kind.
    ['hidden captions', '/usercenter', '<div style="display:none"><span>上传证件照正面</span><span>上传手持证件照片</span></div>'],
    ['captions under a transparent parent', '/usercenter', '<div style="opacity:0"><span>上传证件照正面</span></div>'],
    ['the login page with real-name captions planted', '/login.html', '<span>上传证件照正面</span><span>上传手持证件照片</span>'],
    ['an R11 step claiming to be the real-name page', '/r11.html#/application', '<span>上传证件照正面</span><span>上传手持证件照片</span>'],
    ['a password field the user cannot see', '/login.html', '<input type="password" style="visibility:hidden">'],
  ])('%s', (_name, path, body) => expect(kind(HOST + path, body)).toBeNull());

  it.each([
    ['plain http', 'http://register.ccopyright.com.cn/login.html'],
    ['another host', 'https://www.ccopyright.com.cn/login.html'],
    ['not a URL', 'login.html'],
  ])('%s', (_name, url) => expect(kind(url, '<input type="password">')).toBeNull());
});

it('the marker is the element that proved the kind', () => {
  document.body.innerHTML = `${STEP_BAR}<div id="step"><h2>软件开发信息</h2></div>`;
  const d = detectPage(`${HOST}/r11.html#/development`, document);
  expect(d?.marker).toBe(document.querySelector('#step h2'));
});

it.each([
  ['#/application', '/application'],
  ['#/application?x=1', '/application'],
  ['#/features/', '/features'],
  ['', '/'],
])('hashRoute(%j) = %j', (hash, want) => expect(hashRoute(hash)).toBe(want));
