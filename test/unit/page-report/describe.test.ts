import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { detectPage } from '@/utils/content/detect/detect';
import { FillSession } from '@/utils/content/fill/session';
import { describePage } from '@/utils/content/page-report/describe';
import { describeUrl, DROPPED_CLASSES, maskText, TEXT_MASKS } from '@/utils/content/page-report/rules';
import { adapterFor } from '@/utils/pages/registry';
import { PAGE_REPORT_LIMITS, PageReport } from '@/utils/schema/page-report';
import { loadConsole } from '../replicas/console-kit';
import { loadReplicas } from '../replicas/load';

// The page-structure report in happy-dom: the center's and the console's replicas described the
// same way every time, with their words and without a value; bounded on a huge page; the URL's
// values and the masking rules. The e2e proof with the built extension is test/e2e/page-report.spec.ts.

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
/** What the engine's handler does: detection, the adapter's fields, the outline. */
function report(): PageReport {
  const d = detectPage(location.href, document);
  const adapter = adapterFor(d?.page);
  return PageReport.parse(describePage(document, { site: d?.site ?? null, page: d?.page ?? null, fields: adapter ? new FillSession(document).detect(adapter) : [] }));
}
/** Every string a report holds (keys and values), to look for what must not be there. */
const stringsOf = (r: unknown): string => JSON.stringify(r);

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '';
});
afterEach(() => vi.useRealTimers());

async function mountCenter(kind: string) {
  const { gen } = loadReplicas();
  const v = gen.canonical(kind);
  setUrl(v.url);
  document.body.innerHTML = '';
  gen.mount(v, document);
  await vi.advanceTimersByTimeAsync(2500);
}
async function mountConsole() {
  const { gen } = loadConsole();
  const v = gen.canonical('aliyun.apply');
  setUrl(v.url);
  document.body.innerHTML = '';
  gen.mount(v, document);
  await vi.advanceTimersByTimeAsync(3000);
}

describe('a replica page described', () => {
  it('R11 软件功能与特点: the same outline twice, with its headings, placeholders, options and counters', async () => {
    await mountCenter('ccopyright.r11.features');
    const first = report();
    await mountCenter('ccopyright.r11.features');
    expect(JSON.stringify(report())).toBe(JSON.stringify(first));

    expect(first).toMatchObject({ site: 'ccopyright', page: 'ccopyright.r11.features', url: { origin: 'https://register.ccopyright.com.cn', path: '/r11.html', route: '/features' } });
    const texts = first.elements.map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['软件功能与特点', '开发的硬件环境', '编程语言', '软件的技术特点', '下一步']));
    const placeholders = first.elements.map((e) => e.placeholder);
    expect(placeholders).toContain('请输入源程序量');
    expect(first.elements.find((e) => e.control === 'checkbox')?.options).toEqual(expect.arrayContaining(['Java', 'JavaScript']));
    expect(first.elements.find((e) => e.kind === 'counter')).toMatchObject({ limit: 50 });
    expect(first.fields.length).toBeGreaterThan(10);
    expect(first.fields.every((f) => f.found)).toBe(true);
  });

  it('the console\'s 填写资料: the order id in the route masked, the fields not found listed', async () => {
    await mountConsole();
    const r = report();
    expect(r.url).toEqual({ origin: 'https://copyright.console.aliyun.com', path: '/', query: [], route: '/apply/:id', routeQuery: [] });
    expect(stringsOf(r)).not.toContain('7k2m9q1');
    expect(r.page).toBe('aliyun.apply');
    // The publication fields show once 已发表 is chosen: not found yet, and said so.
    expect(r.fields.filter((f) => !f.found).map((f) => f.key)).toContain('work.firstPublishedDate');
    expect(r.elements.map((e) => e.text)).toEqual(expect.arrayContaining(['填写资料', '软件基本信息', '软件全称', '版本号']));
    expect(r.elements.map((e) => e.placeholder)).toContain('请输入软件全称');
  });

  it('a portal page of no kind is described all the same, without fields', () => {
    setUrl('https://register.ccopyright.com.cn/new-place.html');
    document.body.innerHTML = '<h2>全新页面</h2><label for="x">软件名称</label><input id="x" placeholder="请填写">';
    const r = report();
    expect(r).toMatchObject({ site: null, page: null, fields: [] });
    expect(r.elements.map((e) => e.text ?? e.placeholder)).toEqual(['全新页面', '软件名称', '请填写']);
  });
});

describe('never a value', () => {
  const PLANTED = 'PLANTED-Zq8';
  it('values, content, choices, data attributes, titles, data cells, free text and our UI are left out', () => {
    setUrl('https://register.ccopyright.com.cn/x.html');
    document.body.innerHTML = `
      <form>
        <label>软件全称 <input value="${PLANTED}1" data-user="${PLANTED}2" title="${PLANTED}3"></label>
        <textarea placeholder="请输入">${PLANTED}4</textarea>
        <div contenteditable="true">${PLANTED}5</div>
        <select><option>原始取得</option><option selected>继受取得</option></select>
        <input type="hidden" value="${PLANTED}6">
        <p>${PLANTED}7</p><span data-x="${PLANTED}8">说明</span>
        <table><tr><th>名称</th><td>${PLANTED}9<a href="?id=${PLANTED}10">${PLANTED}11</a></td></tr></table>
        <label class="hd-radio-button is-checked"><input type="radio" checked>同意</label>
      </form>
      <ruanzhu-findings>${PLANTED}12</ruanzhu-findings>`;
    (document.querySelector('textarea') as HTMLTextAreaElement).value = `${PLANTED}13`;
    const r = report();
    expect(stringsOf(r)).not.toContain(PLANTED);
    const select = r.elements.find((e) => e.tag === 'select')!;
    // The options offered, not the one chosen.
    expect(select.options).toEqual(['原始取得', '继受取得']);
    expect(stringsOf(select)).not.toMatch(/selected|checked/);
    expect(r.elements.find((e) => e.tag === 'th')?.text).toBe('名称');
    expect(r.elements.find((e) => e.text === '同意')?.classes).toEqual(['hd-radio-button']);
  });

  it('random text typed into every field of a replica never appears (property)', async () => {
    await mountCenter('ccopyright.r11.application');
    const pristine = stringsOf(report());
    const fields = () => [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type=file]):not([type=radio]):not([type=checkbox]), textarea')];
    expect(fields().length).toBeGreaterThan(2);
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 40, unit: 'grapheme' }), (typed) => {
        // A string the page's own outline holds already cannot tell: the property is about the rest.
        fc.pre(!pristine.includes(JSON.stringify(typed).slice(1, -1)) && typed.trim().length >= 4);
        for (const f of fields()) {
          f.value = typed;
          f.setAttribute('value', typed);
          f.dispatchEvent(new Event('input', { bubbles: true }));
        }
        const text = stringsOf(report());
        return !text.includes(JSON.stringify(typed).slice(1, -1));
      }),
      { numRuns: 60, seed: 15 },
    );
  });
});

describe('bounded', () => {
  it('a page of 1500 fields with long labels stays small; a page nested 3000 deep answers', () => {
    setUrl('https://register.ccopyright.com.cn/big.html');
    document.body.innerHTML = Array.from({ length: 1500 }, (_, i) => `<div class="el-form-item"><label>${'很长的标签'.repeat(40)}${i}</label><input maxlength="50"></div>`).join('');
    const r = report();
    expect(r.elements).toHaveLength(PAGE_REPORT_LIMITS.elements);
    expect(r.omitted).toBe(4500 - PAGE_REPORT_LIMITS.elements);
    expect(Math.max(...r.elements.map((e) => e.text?.length ?? 0))).toBe(PAGE_REPORT_LIMITS.text + 1);
    expect(JSON.stringify(r).length).toBeLessThan(200_000);

    let html = '<h3>深处</h3>';
    for (let i = 0; i < 3000; i++) html = `<div>${html}</div>`;
    document.body.innerHTML = html;
    expect(() => report()).not.toThrow();
  });

  it('a select of 500 options lists the first ones and counts the rest', () => {
    document.body.innerHTML = `<select>${Array.from({ length: 500 }, (_, i) => `<option>选项${i}</option>`).join('')}</select>`;
    expect(report().elements[0]).toMatchObject({ options: expect.any(Array), moreOptions: 500 - PAGE_REPORT_LIMITS.options });
  });
});

describe('the URL: keys without values', () => {
  it.each([
    ['https://register.ccopyright.com.cn/accountDetails.html?flowNumber=2026R11L0125852&current=soft_register', { path: '/accountDetails.html', query: ['flowNumber', 'current'], route: null, routeQuery: [] }],
    ['https://register.ccopyright.com.cn/r11.html?name=%E5%BC%A0%E4%B8%89#/application?from=list&id=9', { path: '/r11.html', query: ['name'], route: '/application', routeQuery: ['from', 'id'] }],
    ['https://copyright.console.aliyun.com/#/order/swcopyright_swRegNormal_public_cn-7k2m9q1', { path: '/', query: [], route: '/order/:id', routeQuery: [] }],
    ['https://register.ccopyright.com.cn/u/zhangsan@example.com/2026R11L0125852/view', { path: '/u/:id/:id/view', query: [], route: null, routeQuery: [] }],
  ])('%s', (url, expected) => {
    expect(describeUrl(url)).toMatchObject(expected);
  });
});

describe('the masking rules', () => {
  it.each([
    ['联系人：张三 13800138000', '联系人:张三 ‹phone›'],
    ['电话 +86 138-0013-8000', '电话 ‹phone›'],
    ['座机 010-62345678', '座机 ‹phone›'],
    ['身份证 110105199003072012', '身份证 ‹id-number›'],
    ['旧证 11010519900307201X 与 110105900307201', '旧证 ‹id-number› 与 ‹id-number›'],
    ['统一社会信用代码 91110108MA01C3KX5Q', '统一社会信用代码 ‹id-number›'],
    ['邮箱 ip@yunfan.example.com', '邮箱 ‹email›'],
    ['流水号：2026R11L0125852', '流水号:‹id›'],
    ['邮编 100022', '邮编 ‹id›'],
    ['完成于 2026-06-30，发表于 2026年8月1日', '完成于 ‹date›,发表于 ‹date›'],
    // The page's vocabulary stays.
    ['最多选择3项', '最多选择3项'],
    ['请输入软件的主要功能，500至1300字', '请输入软件的主要功能,500至1300字'],
    ['版本号（如 V1.0）', '版本号(如 V1.0)'],
  ])('%s → %s', (raw, masked) => expect(maskText(raw)).toBe(masked));

  it('every rule says why', () => {
    for (const rule of [...TEXT_MASKS, ...DROPPED_CLASSES]) expect(rule.why.length).toBeGreaterThan(10);
  });

  it('class names are kept, but not ids, words, choices or ours', () => {
    document.body.innerHTML = '<div class="el-form-item is-required row-20260101 名称 is-checked next-radio-wrapper checked ruanzhu-x hd-option selected item-abcdefghijklmnopqrstuvwxyzabcdefghijklmnop"><label>名称</label></div>';
    expect(report().elements[0].classes).toEqual(['el-form-item', 'is-required', 'next-radio-wrapper', 'hd-option']);
  });
});
