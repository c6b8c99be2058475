import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseBundle } from '@/utils/schema';
import { residentIdCheckChar, usccCheckChar } from '@/utils/rules/identity';
import { advance, at, fillLikeAUser, loadConsole, openOverlay, page, sampleBundle, wrongPaths, type Ctl, type Variant } from './console-kit';

// variants-aliyun.js: the generator is deterministic and covers its dimensions, every variant
// mounts, the oracle agrees with the pristine model, and a careful user who follows the oracle
// through the page's own components ends with exactly the oracle's model.

const { gen } = loadConsole();
const bundle = gen.testBundle(sampleBundle());
const WORKS = ['w-yunfan-crm', 'w-longcheng-vision', 'w-xinghe-puzzle'];
const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
const seeds = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);
const controlsOf = (v: Variant) => v.apply!.parts.flatMap((p) => p.controls);
const ownersOf = (v: Variant) => controlsOf(v).find((c) => c.type === 'owners') as Ctl;
const firstSeed = (kind: string, test: (v: Variant) => boolean) => {
  for (let s = 1; s < 500; s++) if (test(gen.generate(kind, s))) return gen.generate(kind, s);
  throw new Error(`no seed of ${kind} fits`);
};
async function show(v: Variant) {
  setUrl(v.url);
  gen.mount(v, document);
  await advance(3000);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 8, 20, 9, 30));
  document.body.innerHTML = '';
});
afterEach(() => vi.useRealTimers());

describe('the generator', () => {
  it('generates the four console page kinds', () => {
    expect(gen.kinds).toEqual(['aliyun.apply', 'aliyun.orders', 'aliyun.order', 'aliyun.login-redirect']);
  });

  it('is deterministic, JSON-serialisable, and differs between seeds', () => {
    for (const kind of gen.kinds) {
      const a = gen.generate(kind, 7);
      expect(gen.generate(kind, 7)).toEqual(a);
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      expect(a.kind).toBe(kind);
      const distinct = new Set(seeds(10).map((s) => JSON.stringify(gen.generate(kind, s))));
      expect(distinct.size, kind).toBeGreaterThan(5);
    }
    expect(gen.canonical('aliyun.apply')).toEqual(gen.canonical('aliyun.apply'));
  });

  it('mounts the same DOM and model for the same variant', async () => {
    for (const kind of gen.kinds) {
      const v = gen.generate(kind, 11);
      await show(v);
      const first = [document.body.innerHTML, JSON.stringify(page().__model)];
      await show(v);
      expect([document.body.innerHTML, JSON.stringify(page().__model)], kind).toEqual(first);
    }
  });

  it('puts every variant at an https URL of the console (or the login host) and mounts it', async () => {
    for (const kind of gen.kinds) {
      for (const v of [gen.canonical(kind), ...seeds(25).map((s) => gen.generate(kind, s))]) {
        const u = new URL(v.url);
        expect(u.protocol).toBe('https:');
        expect(kind === 'aliyun.login-redirect' && v.login!.where === 'account' ? u.hostname : 'copyright.console.aliyun.com', `${kind} ${v.seed}`).toBe(u.hostname);
        await show(v);
        expect(page().__model, `${kind} ${v.seed}`).toEqual(gen.pristineModel(v));
        expect(page().__clicks).toEqual([]);
      }
    }
  });

  it('covers every dimension it draws', () => {
    const apply = seeds(300).map((s) => gen.generate('aliyun.apply', s));
    const values = (f: (v: Variant) => unknown) => new Set(apply.map(f).flat());
    expect(values((v) => v.app.prefix)).toEqual(new Set(['next-', 'xdemo-', 'cc-', 'wind-']));
    expect(values((v) => v.app.react)).toEqual(new Set([16, 17]));
    expect(values((v) => v.app.dateVersion)).toEqual(new Set([1, 2]));
    expect(values((v) => v.app.routes)).toEqual(new Set(['order', 'orders', 'detail', 'register', 'noid', 'history']));
    expect(values((v) => v.app.dialect)).toEqual(new Set(['nested', 'pinyin', 'lowcode']));
    expect(values((v) => v.app.valueStyle)).toEqual(new Set(['label', 'code']));
    expect(values((v) => v.app.cache)).toEqual(new Set([true, false]));
    expect(values((v) => v.apply!.mode)).toEqual(new Set(['manual', 'smart-then-manual', 'smart']));
    expect(values((v) => v.apply!.modeUi)).toEqual(new Set(['tab', 'radio']));
    expect(values((v) => v.apply!.partStyle)).toEqual(new Set(['card', 'heading', 'collapse']));
    expect(values((v) => v.apply!.parts.map((p) => p.id).join(','))).toEqual(new Set(['basic,tech,owners,material', 'basic,owners,tech,material', 'basic,tech,owners,material,agent', 'basic,owners,tech,material,agent']));
    expect(values((v) => ownersOf(v).style)).toEqual(new Set(['cards', 'table', 'picker']));
    expect(values((v) => `${ownersOf(v).style}:${!!ownersOf(v).dialogOpen}`)).toContain('picker:true');
    expect(values((v) => ownersOf(v).savedLabel)).toContain('name+id');
    expect(values((v) => ownersOf(v).levels)).toEqual(new Set([2, 3]));
    expect(values((v) => ownersOf(v).areaUi)).toEqual(new Set(['cascader', 'selects']));
    expect(values((v) => ownersOf(v).countryDefault)).toEqual(new Set([true, false]));
    expect(values((v) => ownersOf(v).rows!.length)).toEqual(new Set([1, 2, 3]));
    expect(values((v) => ownersOf(v).rows!.some((r) => r.kept))).toContain(true);
    expect(values((v) => controlsOf(v).filter((c) => c.hidden).map((c) => c.hidden))).toEqual(new Set(['display', 'visibility', 'zero', 'offscreen', 'transparent']));
    expect(values((v) => controlsOf(v).filter((c) => c.locked).map((c) => c.locked))).toEqual(new Set(['disabled', 'readonly']));
    expect(values((v) => controlsOf(v).some((c) => c.prefill && !c.locked))).toContain(true);
    expect(values((v) => controlsOf(v).find((c) => c.id === 'category')!.options![0].label)).toEqual(new Set(['应用软件', 'APP']));
    expect(values((v) => controlsOf(v).find((c) => c.id === 'languages')!.type)).toEqual(new Set(['checkbox', 'input']));
    expect(values((v) => controlsOf(v).find((c) => c.id === 'fullName')!.label)).toEqual(new Set(['软件全称', '软件名称', '软件名称（全称）']));
    expect(values((v) => controlsOf(v).some((c) => c.id === 'enName'))).toEqual(new Set([true, false]));
    const orders = seeds(200).map((s) => gen.generate('aliyun.order', s));
    expect(new Set(orders.map((v) => v.app.orders.find((o) => o.id === v.orderId)!.statusId))).toEqual(new Set(['fill', 'precheck', 'precheckFailed', 'authorize', 'print', 'review', 'correction', 'done', 'withdrawn', 'closed']));
    expect(new Set(orders.map((v) => v.order!.reasonsUi))).toEqual(new Set(['inline', 'dialog']));
    expect(new Set(seeds(40).map((s) => gen.generate('aliyun.login-redirect', s).login!.where))).toEqual(new Set(['account', 'console']));
  });

  it("names only paths of the pristine model, fields and untouched apart", () => {
    const leaves = (obj: unknown, base = ''): string[] =>
      Object.entries(obj as Record<string, unknown>).flatMap(([k, val]) => {
        const path = base ? `${base}.${k}` : k;
        if (val && typeof val === 'object' && !Array.isArray(val)) return leaves(val, path);
        if (Array.isArray(val) && val.some((x) => x && typeof x === 'object')) return val.flatMap((x, i) => leaves(x, `${path}.${i}`));
        return [path];
      });
    for (const kind of gen.kinds) {
      for (const v of [gen.canonical(kind), ...seeds(40).map((s) => gen.generate(kind, s))]) {
        const model = gen.pristineModel(v);
        const all = new Set(leaves(model));
        for (const workId of WORKS) {
          const e = gen.expected(v, gen.fillValues(bundle, workId));
          const paths = e.fields.map((f) => f.path);
          for (const path of [...paths, ...e.untouched]) expect(all.has(path), `${kind} ${v.seed} ${path}`).toBe(true);
          expect(new Set(paths).size).toBe(paths.length);
          expect(e.untouched.filter((p) => paths.includes(p))).toEqual([]);
          expect(paths.length + e.untouched.length).toBe(all.size);
          for (const f of e.fields) if (f.expect !== 'fill') expect(f.value, `${v.seed} ${f.path}`).toEqual(at(model, f.path));
        }
      }
    }
  });
});

describe('the 填写资料 form', () => {
  it('a careful user fills every variant as the oracle says, with each test work', async () => {
    let filled = 0;
    const driven = new Set<string>();
    for (const v of [gen.canonical('aliyun.apply'), ...seeds(30).map((s) => gen.generate('aliyun.apply', s))]) {
      for (const workId of WORKS) {
        await show(v);
        const pristine = JSON.parse(JSON.stringify(page().__model));
        const values = gen.fillValues(bundle, workId, workId === v.suggested.workId ? v.suggested.ownerId : undefined);
        const e = gen.expected(v, values);
        await fillLikeAUser(gen, v, e);
        await advance(500);
        const where = `seed ${v.seed} ${workId}`;
        expect(wrongPaths(e, pristine, page().__model), where).toEqual([]);
        expect(page().__clicks, where).toEqual([]);
        expect(page().__lockedTouches, where).toEqual([]);
        expect(page().__uploads, where).toEqual([]);
        for (const f of e.fields.filter((x) => x.expect === 'fill')) {
          const ctl = gen.controlAt(v, f.path)!;
          driven.add(ctl.type === 'date' ? `date${v.app.dateVersion}` : ctl.id === 'rowPerson' ? 'saved owner' : f.key.startsWith('owner.') ? `dialog ${ctl.type}` : ctl.type);
        }
        filled += e.fields.filter((f) => f.expect === 'fill').length;
      }
    }
    expect(filled).toBeGreaterThan(1500);
    expect([...driven].sort()).toEqual(['cascader', 'checkbox', 'date1', 'date2', 'dialog cascader', 'dialog input', 'dialog radio', 'dialog select', 'input', 'radio', 'saved owner', 'select', 'textarea']);
    // 93 mounts and fills: about 20 s here, more on a busy machine.
  }, 120_000);

  it('expects what the page semantics say for the canonical page and the sample work', () => {
    const v = gen.canonical('aliyun.apply');
    const e = gen.expected(v, gen.fillValues(bundle, 'w-yunfan-crm'));
    const by = Object.fromEntries(e.fields.map((f) => [f.key, f]));
    expect(by['work.fullName']).toEqual({ key: 'work.fullName', path: 'soft.fullName', value: '云帆客户关系管理系统', expect: 'fill' });
    expect(by['work.completionDate'].value).toBe('2026-06-30');
    expect(by['work.published'].value).toBe('已发表');
    expect(by['work.firstPublishedDate']).toMatchObject({ path: 'soft.firstPublishDate', value: '2026-08-01', expect: 'fill' });
    expect(by['work.softwareNote'].value).toBe('原创');
    expect(by['work.languages'].value).toEqual(['Java', 'JavaScript']);
    expect(by['work.languagesOther'].expect).toBe('no-value');
    expect(by['work.mainFunctions'].expect).toBe('fill');
    expect(by['owners.0.category']).toMatchObject({ path: 'owners.0.ownerType', value: '企业法人' });
    expect(by['owners.0.idType'].value).toBe('统一社会信用代码证书');
    expect(by['owners.0.province']).toMatchObject({ path: 'owners.0.province', value: '北京市' });
    expect(by['owners.0.city']).toMatchObject({ path: 'owners.0.city', value: '北京市' });
    expect(e.untouched).toEqual(expect.arrayContaining(['soft.enName', 'agent.name', 'material.programFile', 'soft.originalRegNo', 'fillMode', 'orderId']));
    const puzzle = Object.fromEntries(gen.expected(v, gen.fillValues(bundle, 'w-xinghe-puzzle')).fields.map((f) => [f.key, f]));
    expect(puzzle['work.purpose'].expect).toBe('too-long');
    expect(puzzle['work.featureTags'].expect).toBe('capped');
    expect(puzzle['work.languagesOther']).toMatchObject({ value: 'Lua、HLSL', expect: 'fill' });
    expect(puzzle['work.firstPublishedDate']).toBeUndefined();
    expect(puzzle['owners.0.category'].value).toBe('自然人');
  });

  it('leaves the model unchanged under a naive filler (value sets, .checked, shown text)', async () => {
    const v = gen.canonical('aliyun.apply');
    await show(v);
    const before = JSON.stringify(page().__model);
    for (const el of document.querySelectorAll('input:not([type=radio]):not([type=checkbox]):not([type=file]), textarea')) {
      const f = el as HTMLInputElement;
      f.value = f.placeholder.includes('日期') ? '2026-06-30' : '云帆客户关系管理系统';
      for (const type of ['input', 'change']) f.dispatchEvent(new Event(type, { bubbles: true }));
      f.dispatchEvent(new Event('blur'));
    }
    for (const el of document.querySelectorAll('input[type=radio], input[type=checkbox]')) {
      (el as HTMLInputElement).checked = true;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
    for (const el of document.querySelectorAll('.next-select-values')) el.prepend(Object.assign(document.createElement('em'), { textContent: '应用软件' }));
    await advance(500);
    expect(JSON.stringify(page().__model)).toBe(before);
  });

  it('applies a non-default prefix to every class, popups included', async () => {
    const v = firstSeed('aliyun.apply', (x) => x.app.prefix === 'cc-' && x.apply!.mode === 'manual');
    await show(v);
    (document.querySelector('.cc-select-trigger') as HTMLElement).click();
    expect(openOverlay('cc-')!.querySelector('li.cc-select-menu-item')).not.toBeNull();
    const classes = [...document.querySelectorAll('[class]')].flatMap((el) => [...el.classList]);
    expect(classes.filter((c) => c.startsWith('next-'))).toEqual([]);
    expect(document.querySelector('div.cc-form-item > div.cc-form-item-label > label[for]')).not.toBeNull();
  });

  it('holds the user in an open 添加著作权人 dialog: the oracle names its fields only', async () => {
    const v = firstSeed('aliyun.apply', (x) => ownersOf(x).style === 'picker' && !!ownersOf(x).dialogOpen && x.apply!.mode !== 'smart');
    await show(v);
    expect(document.querySelector(`.${v.app.prefix}dialog .${v.app.prefix}dialog-header`)!.textContent).toBe('添加著作权人');
    const e = gen.expected(v, gen.fillValues(bundle, v.suggested.workId, v.suggested.ownerId));
    expect(e.fields.length).toBeGreaterThan(5);
    expect(e.fields.every((f) => f.key.startsWith('owner.'))).toBe(true);
  });

  it('shows nothing to fill when only 智能识别 is open', async () => {
    const v = firstSeed('aliyun.apply', (x) => x.apply!.mode === 'smart');
    await show(v);
    expect(gen.expected(v, gen.fillValues(bundle, 'w-yunfan-crm')).fields).toEqual([]);
    expect(document.body.textContent).toContain('智能识别');
    expect(document.querySelector(`.${v.app.prefix}form-item-label label[for="${controlsOf(v)[0].path}"]`)).toBeNull();
  });
});

describe('the order pages and the list', () => {
  it('show the status text and list the reasons (inline or behind 查看)', async () => {
    for (const v of [...gen.canonical('aliyun.orders').app.orders.map((o) => gen.canonical('aliyun.order', o.id)), ...seeds(30).map((s) => gen.generate('aliyun.order', s))]) {
      await show(v);
      const e = gen.expected(v, gen.fillValues(bundle, 'w-yunfan-crm'));
      const where = `${v.seed} ${e.status}`;
      expect(e.fields).toEqual([]);
      expect(document.body.textContent, where).toContain(e.status);
      if (e.reasons!.length && v.order!.reasonsUi === 'dialog') {
        const view = [...document.querySelectorAll('button')].find((b) => b.textContent === '查看')!;
        view.click();
      }
      for (const r of e.reasons!) expect(document.body.textContent, where).toContain(r);
      expect(page().__clicks).toEqual([]);
    }
  });

  it('the list shows every order with its status', async () => {
    for (const v of [gen.canonical('aliyun.orders'), ...seeds(15).map((s) => gen.generate('aliyun.orders', s))]) {
      await show(v);
      const e = gen.expected(v, gen.fillValues(bundle, 'w-yunfan-crm'));
      const rows = [...document.querySelectorAll(`tr.${v.app.prefix}table-row`)];
      expect(rows).toHaveLength(e.rows!.length);
      e.rows!.forEach((r, i) => {
        expect(rows[i].textContent).toContain(r.orderId);
        expect(rows[i].textContent).toContain(r.status);
      });
    }
    expect(gen.expected(gen.canonical('aliyun.orders'), {}).rows!.map((r) => r.status)).toEqual(['待填写资料', '阿里云初审', '预审核失败', '待授权提交', '打印申请表', '版权中心审查', '补正', '已完成', '已撤回']);
  });

  it('the logged-out stand-in has a login form nobody fills, on the login host or the console', async () => {
    const account = firstSeed('aliyun.login-redirect', (x) => x.login!.where === 'account');
    await show(account);
    expect(new URL(account.url).searchParams.get('oauth_callback')).toMatch(/^https:\/\/copyright\.console\.aliyun\.com\//);
    expect(gen.expected(account, {})).toEqual({ fields: [], untouched: ['loginId', 'password'] });
    const console_ = firstSeed('aliyun.login-redirect', (x) => x.login!.where === 'console');
    await show(console_);
    expect(document.body.textContent).toContain('您尚未登录');
  });
});

describe('navigation inside one console', () => {
  it('the canonical SPA routes by hash: list → order → list → 填写资料', async () => {
    const list = gen.fromUrl('https://copyright.console.aliyun.com/#/order/list')!;
    expect(list.kind).toBe('aliyun.orders');
    expect(gen.fromUrl('https://copyright.console.aliyun.com/#/nowhere')).toBeNull();
    expect(gen.fromUrl('https://copyright.console.aliyun.com/#/order/no-such-order')).toBeNull();
    expect(gen.fromUrl('https://copyright.console.aliyun.com/#/order/swcopyright_swRegNormal_public_cn-6d2s9a8')!.kind).toBe('aliyun.order');
    await show(list);
    const rowOf = (status: string) => [...document.querySelectorAll('tr.next-table-row')].find((r) => r.textContent!.includes(status))!;
    (rowOf('预审核失败').querySelector('button') as HTMLElement).click();
    await advance(1000);
    expect(location.hash).toBe('#/order/swcopyright_swRegNormal_public_cn-5p1x6c2');
    expect(page().__viewVariant.kind).toBe('aliyun.order');
    expect(document.body.textContent).toContain('预审核失败原因');
    ([...document.querySelectorAll('button')].find((b) => b.textContent === '返回订单列表') as HTMLElement).click();
    await advance(1000);
    (rowOf('待填写资料').querySelector('button') as HTMLElement).click();
    await advance(1500);
    expect(page().__viewVariant.kind).toBe('aliyun.apply');
    expect(page().__model.orderId).toBe('swcopyright_swRegNormal_public_cn-7k2m9q1');
    expect(document.querySelector('label[for="soft.fullName"]')!.textContent).toBe('软件全称');
    expect(page().__clicks).toEqual([]);
  });

  it('a history-routed console navigates with pushState and keeps its app', async () => {
    const v = firstSeed('aliyun.orders', (x) => x.app.routes === 'history');
    await show(v);
    const row = document.querySelector(`tr.${v.app.prefix}table-row:nth-child(2)`)!;
    (row.querySelector('button') as HTMLElement).click();
    await advance(3000);
    expect(location.pathname).toMatch(/^\/order\/./);
    expect(page().__viewVariant.kind).toBe('aliyun.order');
    expect(page().__viewVariant.app).toEqual(v.app);
  });

  it('an id-less console keeps the order in its state', async () => {
    const v = firstSeed('aliyun.orders', (x) => x.app.routes === 'noid');
    await show(v);
    const second = v.app.orders[1];
    (document.querySelectorAll(`tr.${v.app.prefix}table-row`)[1].querySelector('button') as HTMLElement).click();
    await advance(3000);
    expect(location.hash).toBe('#/order');
    expect(page().__viewVariant.orderId).toBe(second.id);
    expect(document.body.textContent).toContain(second.statusText);
  });
});

describe('the test profiles', () => {
  it('copies the sample owners verbatim and adds valid records', () => {
    const sample = sampleBundle();
    const own = gen.testBundle() as { owners: Record<string, unknown>[] };
    for (const o of sample.owners) expect(own.owners.find((x) => x.id === o.id)).toEqual(o);
    const full = gen.testBundle(sample);
    expect(parseBundle(full).ok).toBe(true);
    for (const o of full.owners as unknown as { idType: string; idNumber: string }[]) {
      const check = o.idType === '居民身份证' ? residentIdCheckChar(o.idNumber.slice(0, 17)) : usccCheckChar(o.idNumber.slice(0, 17));
      expect(check, o.idNumber).toBe(o.idNumber[17]);
    }
    const works = full.works as unknown as { id: string; ownerIds: string[]; mainFunctions: string }[];
    expect(works.map((w) => w.id)).toEqual(['w-yunfan-crm', 'w-longcheng-vision', 'w-xinghe-puzzle']);
    for (const w of works) expect(w.mainFunctions.length, w.id).toBeGreaterThanOrEqual(500);
    expect(works[1].ownerIds).toHaveLength(2);
  });

});
