import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { detectPage } from '@/utils/content/detect/detect';
import { R11_STEPS } from '@/utils/pages/registry';
import { at, blur, loadReplicas, page, sampleBundle, type, type Variant } from './load';

// The seeded variant generator (test/fixtures/portals/_kit/variants-ccopyright.js): deterministic,
// varied, every kind mountable, and an oracle consistent with what mount builds.

const { gen } = loadReplicas();
const bundle = gen.testBundle(sampleBundle());
const setURL = (u: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(u);
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const json = (x: unknown) => JSON.stringify(x);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 4, 20, 9, 30));
  document.body.innerHTML = '';
});
afterEach(() => vi.useRealTimers());

async function mounted(v: Variant, ms = 3000) {
  setURL(v.url);
  gen.mount(v, document);
  await advance(ms);
  return document.body.innerHTML;
}
/** The first seed whose variant satisfies `test` (deterministic: seeds are tried in order). */
function seedWhere(kind: string, test: (v: Variant & Record<string, any>) => boolean): Variant & Record<string, any> {
  for (let s = 1; s < 500; s++) {
    const v = gen.generate(kind, s);
    if (test(v)) return v;
  }
  throw new Error(`no seed of ${kind} fits`);
}

describe('generator', () => {
  it('lists the page kinds of the contract', () => {
    expect(gen.kinds).toEqual(
      expect.arrayContaining([
        'ccopyright.login',
        'ccopyright.register',
        'ccopyright.realname.person',
        'ccopyright.realname.org',
        'ccopyright.r11.application',
        'ccopyright.r11.development',
        'ccopyright.r11.features',
        'ccopyright.r11.confirm',
      ]),
    );
    expect(() => gen.generate('ccopyright.nothing', 1)).toThrow(/unknown kind/);
  });

  it('is deterministic: the same seed gives the same variant and the same DOM', async () => {
    for (const kind of gen.kinds) {
      const a = gen.generate(kind, 42);
      expect(json(gen.generate(kind, 42))).toBe(json(a));
      expect(JSON.parse(json(a))).toEqual(a);
      const first = await mounted(a);
      const firstModel = json(page().__model);
      document.body.innerHTML = '';
      expect(await mounted(gen.generate(kind, 42))).toBe(first);
      expect(json(page().__model)).toBe(firstModel);
    }
  });

  it('never asks Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    for (const kind of gen.kinds) for (let s = 0; s < 5; s++) gen.generate(kind, s);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('varies with the seed', () => {
    for (const kind of gen.kinds) {
      const distinct = new Set(Array.from({ length: 20 }, (_, s) => json({ ...gen.generate(kind, s), seed: 0 })));
      expect(distinct.size, kind).toBeGreaterThan(kind.includes('filings') || kind === 'ccopyright.registration' ? 2 : 10);
    }
    const layouts = new Set(Array.from({ length: 40 }, (_, s) => gen.generate('ccopyright.r11.features', s).layout));
    expect(layouts).toEqual(new Set(['hd', 'hd-split', 'element', 'table']));
  });

  it('gives every kind an https URL on the real host, and moves the real-name page around', () => {
    for (const kind of gen.kinds) {
      for (const v of [gen.canonical(kind), gen.generate(kind, 3)]) {
        expect(v.kind).toBe(kind);
        expect(new URL(v.url).origin).toBe('https://register.ccopyright.com.cn');
      }
    }
    const urls = new Set(Array.from({ length: 30 }, (_, s) => gen.generate('ccopyright.realname.person', s).url));
    expect(urls.size).toBeGreaterThan(3);
    expect(gen.canonical('ccopyright.r11.application').url).toBe('https://register.ccopyright.com.cn/r11.html#/application');
  });

  it('mounts every kind (canonical and seeded) with window.__model and window.__clicks', async () => {
    for (const kind of gen.kinds) {
      for (const v of [gen.canonical(kind), ...[1, 2, 3, 4, 5].map((s) => gen.generate(kind, s))]) {
        document.body.innerHTML = '';
        await mounted(v);
        expect(json(page().__model), `${kind} ${v.seed}`).toBe(json(gen.pristineModel(v)));
        expect(page().__clicks).toEqual([]);
        expect(document.body.textContent).toContain('著作权登记系统');
      }
    }
  });
});

describe('a step is recognised by what only it shows', () => {
  // The wizard changes its route first and renders the step after (stepDelay): for a moment the
  // new route shows the old step. A marker every step has (a section's class) would name the new
  // step over the old one's fields, and a fill would find none of them.
  it('no R11 step’s content, seeded or canonical, passes for another step at that step’s route', async () => {
    const steps = R11_STEPS.filter((k) => k !== 'ccopyright.r11.identity');
    for (const shown of steps) {
      for (const v of [gen.canonical(shown), ...Array.from({ length: 12 }, (_, s) => gen.generate(shown, s + 1))]) {
        document.body.innerHTML = '';
        await mounted(v);
        expect(detectPage(v.url, document)?.page, `${shown} ${v.seed}`).toBe(shown);
        for (const other of steps.filter((k) => k !== shown)) {
          const url = gen.canonical(other).url;
          expect(detectPage(url, document)?.page ?? null, `${shown} ${v.seed} at ${url}`).toBeNull();
        }
      }
    }
  });
});

describe('oracle', () => {
  const works = bundle.works.map((w) => w.id);
  const ALLOWED = new Set(['fill', 'kept', 'locked', 'no-value', 'too-long', 'capped']);

  it('names only paths of the pristine model, each once, and leaves the rest untouched', () => {
    for (const kind of gen.kinds) {
      for (const v of [gen.canonical(kind), ...Array.from({ length: 15 }, (_, s) => gen.generate(kind, s))]) {
        const model = gen.pristineModel(v);
        for (const workId of works) {
          const e = gen.expected(v, gen.fillValues(bundle, workId));
          const paths = e.fields.map((f) => f.path);
          expect(new Set(paths).size, `${kind} ${v.seed}`).toBe(paths.length);
          for (const f of e.fields) {
            expect(at(model, f.path), `${kind} ${v.seed} ${f.path}`).not.toBeUndefined();
            expect(ALLOWED.has(f.expect)).toBe(true);
            if (f.expect !== 'fill') expect(json(f.value)).toBe(json(at(model, f.path)));
          }
          expect(e.untouched.filter((p) => paths.includes(p))).toEqual([]);
          for (const p of e.untouched) expect(at(model, p), p).not.toBeUndefined();
        }
      }
    }
  });

  it('reads the profiles by the page semantics (sample work, development step, canonical)', () => {
    const v = gen.canonical('ccopyright.r11.development');
    const e = gen.expected(v, gen.fillValues(bundle, 'w-yunfan-crm'));
    const by = Object.fromEntries(e.fields.map((f) => [f.key, f]));
    expect(by['work.softwareCategory']).toMatchObject({ path: 'development.softwareType', value: '1', expect: 'fill' });
    expect(by['work.completionDate']).toMatchObject({ value: new Date(2026, 5, 30).getTime(), expect: 'fill' });
    expect(by['work.published']).toMatchObject({ value: '1', expect: 'fill' });
    expect(by['work.firstPublishedDate']).toMatchObject({ value: new Date(2026, 7, 1).getTime(), expect: 'fill' });
    expect(by['work.firstPublishedCity']).toMatchObject({ value: '北京市', expect: 'fill' });
    // 我是申请人: the first row is the account's (北京云帆科技有限公司), locked.
    expect(by['owners.0.name']).toMatchObject({ value: '北京云帆科技有限公司', expect: 'locked' });
    expect(by['owners.0.province']).toMatchObject({ value: '110000', expect: 'locked' });
    expect(e.untouched).toEqual(expect.arrayContaining(['identity.role', 'development.originalRegNo', 'development.isJointOwned', 'features.mainFunction']));
  });

  it('splits languages at the 21, keeps PL/SQL whole, caps tags, refuses over-long text', () => {
    const v = seedWhere('ccopyright.r11.features', (x) => x.dialect === 'english');
    const e = gen.expected(v, gen.fillValues(bundle, 'w-yunqi-iot'));
    const by = Object.fromEntries(e.fields.map((f) => [f.key, f]));
    expect(by['work.languages'].value).toEqual(['Go', 'Java', 'PL/SQL', 'Python', 'SQL']);
    expect(by['work.languagesOther']).toMatchObject({ value: 'Rust、Shell' });
    expect(by['work.featureTags']).toMatchObject({ expect: 'capped', value: [] });
    expect(by['work.purpose']).toMatchObject({ expect: 'too-long', value: '' });
    const hw = v.r11.steps.features.sections
      .flatMap((s: { controls: { id: string; maxlength: number | null; counter: number | null }[] }) => s.controls)
      .find((c: { id: string }) => c.id === 'runHardware');
    expect(by['work.runHardware'].expect).toBe(Math.min(hw.maxlength ?? Infinity, hw.counter ?? Infinity) >= 100 ? 'fill' : 'too-long');

    const lingxi = Object.fromEntries(gen.expected(v, gen.fillValues(bundle, 'w-lingxi-notes')).fields.map((f) => [f.key, f]));
    expect(lingxi['work.languages'].value).toEqual(['JavaScript']);
    expect(lingxi['work.languagesOther'].value).toBe('TypeScript、Kotlin、CSS');
    expect(lingxi['work.featureTags']).toMatchObject({ value: ['APP', '小程序'], expect: 'fill' });
  });

  it('maps 应用软件 to the APP option, short and full region names to codes, a spare row to nothing', () => {
    const app = seedWhere('ccopyright.r11.development', (x) => x.r11.steps.development.sections[0].controls[0].options[0].label === 'APP');
    expect(gen.expected(app, gen.fillValues(bundle, 'w-yunfan-crm')).fields.find((f) => f.key === 'work.softwareCategory')).toMatchObject({
      value: '1',
      expect: 'fill',
    });

    const agent = seedWhere(
      'ccopyright.r11.development',
      (x) => x.r11.identity === 'agent' && x.regionNames === 'full' && x.suggested.workId === 'w-yunqi-iot',
    );
    const e = gen.expected(agent, gen.fillValues(bundle, 'w-yunqi-iot'));
    const by = Object.fromEntries(e.fields.map((f) => [f.key, f]));
    const rows = agent.r11.steps.development.sections
      .flatMap((s: { controls: { type: string; rows?: { mode: string }[] }[] }) => s.controls)
      .find((c: { type: string }) => c.type === 'owners').rows;
    if (rows[0].mode === 'edit') {
      expect(by['owners.0.province'].value).toBe('320000');
      expect(by['owners.0.city'].value).toBe('320400');
      expect(by['owners.0.category'].value).toBe('2');
      expect(by['owners.0.idType'].value).toBe('5');
    }
    if (rows[1].mode === 'edit') expect(by['owners.1']?.value ?? by['owners.1.city'].value).toBe('440300');
    expect(by['owners.3.name']).toBeUndefined();
  });

  it('fills the new-address dialog from the owner, district taken from the address', () => {
    const v = seedWhere('ccopyright.r11.confirm', (x) => x.r11.steps.confirm.dialogOpen);
    const person = Object.fromEntries(gen.expected(v, gen.fillValues(bundle, 'w-lingxi-notes')).fields.map((f) => [f.key, f]));
    expect(person['address.recipient'].value).toBe('李娜');
    expect(person['address.unit'].expect).toBe('no-value');
    expect([person['address.province'].value, person['address.city'].value, person['address.district'].value]).toEqual(['440000', '440300', '440305']);
    const org = Object.fromEntries(gen.expected(v, gen.fillValues(bundle, 'w-yunfan-crm')).fields.map((f) => [f.key, f]));
    expect(org['address.recipient'].value).toBe('李四');
    expect(org['address.unit'].value).toBe('北京云帆科技有限公司');
    expect(org['address.district'].value).toBe('110108');
    const closed = seedWhere('ccopyright.r11.confirm', (x) => !x.r11.steps.confirm.dialogOpen);
    expect(gen.expected(closed, gen.fillValues(bundle, 'w-yunfan-crm')).fields).toEqual([]);
  });

  it('login: the tab by the owner kind and the account handle; never the password or captcha', () => {
    const v = seedWhere('ccopyright.login', (x) => x.login.tabs === 'panes');
    const e = gen.expected(v, gen.fillValues(bundle, 'w-yunfan-crm', 'o-yunfan'));
    expect(e.fields).toEqual([
      { key: 'owner.kind', path: 'loginType', value: '2', expect: 'fill' },
      // The sample organisation has no portal account: nothing to log in with.
      { key: 'owner.account', path: 'org.username', value: '', expect: 'no-value' },
    ]);
    expect(e.untouched).toEqual(expect.arrayContaining(['org.password', 'person.username', 'captcha']));
  });
});

describe('pages', () => {
  it('owner rows: each block change resets the later blocks; documents follow the type', async () => {
    const v = seedWhere('ccopyright.r11.development', (x) => x.r11.identity === 'agent' && x.layout === 'hd');
    await mounted(v);
    const owners = v.r11.steps.development.sections
      .flatMap((s: { controls: { type: string; path: string; rowProps: Record<string, string> }[] }) => s.controls)
      .find((c: { type: string }) => c.type === 'owners');
    const row = () => at(page().__model, `${owners.path}.0`) as Record<string, string>;
    const P = owners.rowProps;
    const item = document.querySelector('.formGroup-item:not(.saved)')!;
    const blocks = [...item.querySelectorAll('.formGroup-item-body-left-item')];
    expect(blocks).toHaveLength(4);
    // No text labels in the row: only placeholders and the components' own texts.
    expect(item.querySelectorAll('label')).toHaveLength(0);
    const pick = async (root: Element, text: string) => {
      (root.querySelector('.box') as HTMLElement).click();
      await advance(700);
      ([...root.querySelectorAll('.hd-option')].find((o) => o.textContent === text) as HTMLElement).click();
      await advance(700);
    };
    const area = async (p: string, c: string) => {
      (blocks[1].querySelector('.label') as HTMLElement).click();
      for (const t of [p, c]) {
        await advance(700);
        ([...blocks[1].querySelectorAll('.hd-cascader-item')].find((li) => li.textContent === t) as HTMLElement).click();
      }
    };
    const names = (style: string) => (style === 'full' ? ['江苏省', '常州市', '广东省', '深圳市'] : ['江苏', '常州', '广东', '深圳']);
    const [js, cz, gd, sz] = names(v.regionNames);
    await pick(blocks[0], '中国');
    await area(js, cz);
    const [typeSelect, docSelect] = [blocks[2].querySelector('.hd-select')!, blocks[3].querySelector('.hd-select')!];
    await pick(typeSelect, '自然人');
    (docSelect.querySelector('.box') as HTMLElement).click();
    await advance(700);
    expect([...docSelect.querySelectorAll('.hd-option')].map((o) => o.textContent)).toEqual([
      '居民身份证',
      '军人身份证明（军官证、士兵证等）',
      '户口本',
      '其他有效证件',
    ]);
    (docSelect.querySelector('.hd-option') as HTMLElement).click();
    const nameInput = blocks[2].querySelector('input')!;
    type(nameInput, '李娜');
    blur(nameInput);
    const numberInput = blocks[3].querySelector('input')!;
    type(numberInput, '44030519920815342X');
    blur(numberInput);
    expect(row()).toMatchObject({
      [P.country]: '156',
      [P.province]: '320000',
      [P.city]: '320400',
      [P.category]: '1',
      [P.name]: '李娜',
      [P.idType]: '1',
      [P.idNumber]: '44030519920815342X',
    });

    await pick(typeSelect, '企业法人');
    expect(row()).toMatchObject({ [P.category]: '2', [P.name]: '李娜', [P.idType]: '', [P.idNumber]: '' });
    (docSelect.querySelector('.box') as HTMLElement).click();
    await advance(700);
    expect([...docSelect.querySelectorAll('.hd-option')].map((o) => o.textContent)).toEqual(['统一社会信用代码证书']);
    (docSelect.querySelector('.box') as HTMLElement).click();

    await area(gd, sz);
    expect(row()).toMatchObject({ [P.province]: '440000', [P.city]: '440300', [P.category]: '', [P.name]: '', [P.idType]: '' });
    expect(nameInput.value).toBe('');

    await pick(blocks[0], '美国');
    expect(row()).toMatchObject({ [P.country]: '840', [P.province]: '', [P.city]: '' });
    expect(blocks[1].querySelector('.label')!.textContent).toBe('无地区信息');
  });

  it("the applicant's own first row is locked; touching it is recorded", async () => {
    const v = seedWhere('ccopyright.r11.development', (x) => x.r11.identity === 'applicant');
    await mounted(v);
    const locked = document.querySelector('.formGroup-item.is-locked')!;
    expect(locked.querySelectorAll('input:not([disabled])')).toHaveLength(0);
    expect(locked.querySelectorAll('.hd-select.is-disabled')).toHaveLength(3);
    const name = locked.querySelectorAll('input')[0] as HTMLInputElement;
    type(name, '别人');
    blur(name);
    expect(page().__lockedTouches.length).toBeGreaterThan(0);
  });

  it('renders options late: a select with an 800 ms load has none before', async () => {
    const v = seedWhere(
      'ccopyright.r11.development',
      (x) =>
        x.r11.stepDelay === 0 &&
        x.r11.steps.development.sections[0].controls[0].delay === 800 &&
        x.r11.steps.development.sections[0].lateMs === 0 &&
        x.layout !== 'element',
    );
    setURL(v.url);
    gen.mount(v, document);
    await advance(1);
    const select = document.querySelector('.hd-select')!;
    expect(select.querySelectorAll('.hd-option')).toHaveLength(0);
    await advance(800);
    expect(select.querySelectorAll('.hd-option')).toHaveLength(4);
  });

  it('a deep link to #/application still shows the identity chooser on a fresh visit', async () => {
    const v = gen.canonical('ccopyright.r11.identity');
    setURL('https://register.ccopyright.com.cn/r11.html#/application');
    gen.mount(v, document);
    await advance(500);
    expect(document.querySelectorAll('.identity-card')).toHaveLength(2);
    expect(document.querySelector('.fillin_item')).toBeNull();
    // 我是代理人 asks for a confirmation first.
    (document.querySelectorAll('.identity-card')[1] as HTMLElement).click();
    const dialog = document.querySelector('.dialog_container')!;
    expect(dialog.textContent).toContain('代理人');
    ([...dialog.querySelectorAll('button')].find((b) => b.textContent === '确定') as HTMLElement).click();
    await advance(1000);
    expect(at(page().__model, 'identity.role')).toBe('2');
    expect(document.querySelector('.application .fillin_item h3')).not.toBeNull();
    expect(page().__clicks).toEqual(['我是代理人', '确定']);
  });

  it('下一步 records its click; a step renders late into a new container', async () => {
    const v = gen.canonical('ccopyright.r11.application');
    await mounted(v);
    const old = document.querySelector('.step-view')!;
    const next = [...document.querySelectorAll('button')].find((b) => b.textContent === '下一步')!;
    next.click();
    expect(page().__clicks).toEqual(['下一步']);
    // Required fields are empty: the page refuses to move on.
    await advance(1000);
    expect(location.hash).toBe('#/application');
    expect(page().__messages).toContain('请完善必填信息');
    location.hash = '#/features';
    // happy-dom drops the first hashchange after setURL; a browser sends it (the route tolerates two).
    window.dispatchEvent(new Event('hashchange'));
    await advance(50);
    expect(document.querySelector('.step-view')).toBe(old);
    await advance(1000);
    expect(document.querySelector('.step-view')).not.toBe(old);
    expect(old.isConnected).toBe(false);
  });

  it('a naive filler (value assignment, .checked, box text, typed dates) changes no model path', async () => {
    for (const kind of ['ccopyright.r11.application', 'ccopyright.r11.development', 'ccopyright.r11.features', 'ccopyright.realname.org']) {
      const v = gen.generate(kind, 5);
      await mounted(v);
      const before = json(page().__model);
      for (const el of document.querySelectorAll('input, textarea')) {
        const input = el as HTMLInputElement;
        if (input.type === 'radio' || input.type === 'checkbox') input.checked = true;
        else if (input.type !== 'file') input.value = '2026-06-30';
        for (const t of ['input', 'change', 'blur']) input.dispatchEvent(new Event(t, { bubbles: true }));
      }
      for (const box of document.querySelectorAll('.hd-select .box-text, .hd-cascader .label')) box.textContent = '中国';
      await advance(100);
      expect(json(page().__model), kind).toBe(before);
      document.body.innerHTML = '';
    }
  });
});

describe('test profiles', () => {
  const residentOk = (id: string) => {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...id.slice(0, 17)].reduce((s, d, i) => s + Number(d) * w[i], 0);
    return '10X98765432'[sum % 11] === id[17];
  };
  const usccOk = (id: string) => {
    const cs = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = [...id.slice(0, 17)].reduce((s, ch, i) => s + cs.indexOf(ch) * w[i], 0);
    return cs[(31 - (sum % 31)) % 31] === id[17];
  };

  it('carries the sample bundle verbatim and extra profiles with valid check digits', () => {
    const sample = sampleBundle();
    for (const o of sample.owners) expect(bundle.owners.find((x) => x.id === o.id)).toEqual(o);
    expect(bundle.works.find((w) => w.id === 'w-yunfan-crm')).toEqual(sample.works[0]);
    const extra = bundle.owners.filter((o) => !sample.owners.some((s: { id: string }) => s.id === o.id)) as unknown as {
      kind: string;
      idNumber: string;
      province: string;
      city: string;
    }[];
    expect(extra.map((o) => [o.kind, o.province, o.city])).toEqual([
      // A Japanese citizen: no area, a passport.
      ['person', '', ''],
      ['person', '广东省', '深圳市'],
      ['organization', '江苏省', '常州市'],
    ]);
    const resident = [...sample.owners, ...extra].filter((o) => (o as { idType?: string }).idType !== '护照');
    for (const o of resident) expect(o.kind === 'person' ? residentOk(o.idNumber) : usccOk(o.idNumber), o.idNumber).toBe(true);
    const owners = new Set(bundle.owners.map((o) => o.id));
    for (const w of bundle.works) for (const id of w.ownerIds) expect(owners.has(id)).toBe(true);
    expect(bundle.works.map((w) => w.ownerIds.length)).toEqual([1, 2, 3, 2]);
  });

  it('gives the engine its FillValues shape: the chosen owner and the co-owners in row order', () => {
    const values = gen.fillValues(bundle, 'w-yunqi-iot', 'o-li-na') as { owner: { id: string }; coOwners: { id: string }[]; work: { id: string } };
    expect(values.owner.id).toBe('o-li-na');
    expect(values.coOwners.map((o) => o.id)).toEqual(['o-yunqi-iot', 'o-yunfan']);
    expect(values.work.id).toBe('w-yunqi-iot');
  });
});
