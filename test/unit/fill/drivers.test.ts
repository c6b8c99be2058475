import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cascaderDriver } from '@/utils/content/fill/drivers/cascader';
import { checkboxDriver } from '@/utils/content/fill/drivers/checkbox';
import { dateDriver } from '@/utils/content/fill/drivers/date';
import { radioDriver } from '@/utils/content/fill/drivers/radio';
import { selectDriver } from '@/utils/content/fill/drivers/select';
import { watchComposition } from '@/utils/content/fill/composition';
import { textDriver } from '@/utils/content/fill/drivers/text';
import { page, type } from '../replicas/load';
import { drive, freshPage, HD, mount, opts, texts, useStyles } from './hd';

// The drivers against the center's own components (hd.js, the file the e2e pages run), in one JS
// world: the component's value tracker sees every assignment, as the page's would in its own.
// Each assertion reads the page's model, what it would submit.

const { h } = HD;
beforeEach(() => {
  freshPage();
  useStyles();
});
afterEach(() => vi.useRealTimers());

const shownDropdowns = () => [...document.querySelectorAll('.dropdown')].filter((d) => (d as HTMLElement).style.display !== 'none').length;

describe('text', () => {
  it('types through the value tracker: a plain assignment with events reaches nothing', async () => {
    const st = HD.store({ v: '' });
    const input = mount(HD.input({ ref: st.ref('v'), commit: 'tick' })).querySelector('input')!;
    input.value = '云帆';
    for (const t of ['input', 'change', 'blur']) input.dispatchEvent(new Event(t, { bubbles: true }));
    await vi.advanceTimersByTimeAsync(0);
    expect(st.model.v).toBe('');
    expect(await drive(textDriver.fill(input, '云帆客户关系管理系统'))).toEqual({ ok: true, value: '云帆客户关系管理系统' });
    expect(st.model.v).toBe('云帆客户关系管理系统');
  });

  it('commits to a field that takes its value only on blur (typing alone does not)', async () => {
    const st = HD.store({ os: '' });
    const area = mount(HD.input({ ref: st.ref('os'), textarea: true, commit: 'blur', counter: 50 })).querySelector('textarea')!;
    type(area, 'Linux');
    await vi.advanceTimersByTimeAsync(100);
    expect(st.model.os).toBe('');
    expect(await drive(textDriver.fill(area, 'Windows 11'))).toEqual({ ok: true, value: 'Windows 11' });
    expect(st.model.os).toBe('Windows 11');
    expect(area.parentElement!.querySelector('.hd-text-area-count')!.textContent).toBe('10/50');
    // Emptying (undo) commits too.
    await drive(textDriver.fill(area, ''));
    expect(st.model.os).toBe('');
  });

  it('leaves a field alone while the user composes in it with an IME', async () => {
    const signal = new AbortController();
    watchComposition(document, signal.signal);
    const st = HD.store({ name: '' });
    const input = mount(HD.input({ ref: st.ref('name'), commit: 'blur' })).querySelector('input')!;
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    expect(await drive(textDriver.fill(input, '张三'))).toEqual({ ok: false, status: 'rejected', reason: '用户正在输入（输入法），未填写' });
    expect(st.model.name).toBe('');
    input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true }));
    expect(await drive(textDriver.fill(input, '张三'))).toMatchObject({ ok: true });
    expect(st.model.name).toBe('张三');
    signal.abort();
  });
});

describe('hd-select', () => {
  const CATEGORY = opts('APP', '嵌入式软件', '中间件', '操作系统');

  it('waits for options that load late (加载中… is no option), clicks the one meant, and closes', async () => {
    const st = HD.store({ t: '' });
    const root = mount(HD.select({ ref: st.ref('t'), placeholder: '请选择软件分类', options: CATEGORY, delay: 800 }));
    expect(root.querySelector('.hd-select-empty')!.textContent).toBe('加载中…');
    // 应用软件 is the APP option where the page says APP.
    expect(await drive(selectDriver.fill(root, ['应用软件']))).toEqual({ ok: true, value: 'APP' });
    expect(st.model.t).toBe('1');
    expect(shownDropdowns()).toBe(0);
    expect(root.classList.contains('active')).toBe(false);
    // The box is a toggle: a second fill opens it again, and closes it again.
    expect(await drive(selectDriver.fill(root, ['中间件']))).toEqual({ ok: true, value: '中间件' });
    expect(st.model.t).toBe('3');
    expect(shownDropdowns()).toBe(0);
  });

  // The box is a toggle: clicking it on a list already open would close it (the bug this caught).
  it('a list the user left open is still used (the toggle must not close it for good)', async () => {
    const st = HD.store({ t: '' });
    const root = mount(HD.select({ ref: st.ref('t'), options: CATEGORY, delay: 0 }));
    await vi.advanceTimersByTimeAsync(0);
    (root.querySelector('.box') as HTMLElement).click();
    expect(shownDropdowns()).toBe(1);
    expect(await drive(selectDriver.fill(root, ['操作系统']))).toEqual({ ok: true, value: '操作系统' });
    expect(st.model.t).toBe('4');
    expect(shownDropdowns()).toBe(0);
  });

  it('无数据: not found, and the list closed', async () => {
    const st = HD.store({ type: '' });
    const root = mount(HD.select({ ref: st.ref('type'), options: [], delay: 100 }));
    expect(await drive(selectDriver.fill(root, ['企业法人']))).toEqual({ ok: false, status: 'not-found', reason: '选项列表为空' });
    expect(st.model.type).toBe('');
    expect(shownDropdowns()).toBe(0);
  });

  it('options that never arrive: not found after a while, the list closed', async () => {
    const st = HD.store({ type: '' });
    const root = mount(HD.select({ ref: st.ref('type'), options: opts('自然人'), delay: 60_000 }));
    expect(await drive(selectDriver.fill(root, ['自然人']))).toEqual({ ok: false, status: 'not-found', reason: '选项没有加载出来' });
    expect(shownDropdowns()).toBe(0);
  });

  it('an absent option, or two that both contain the words: nothing chosen, the list closed', async () => {
    const st = HD.store({ t: '' });
    const root = mount(HD.select({ ref: st.ref('t'), options: opts('企业法人', '机关法人'), delay: 50 }));
    expect(await drive(selectDriver.fill(root, ['其他组织']))).toEqual({ ok: false, status: 'not-found', reason: '选项中没有“其他组织”' });
    expect(await drive(selectDriver.fill(root, ['法人']))).toMatchObject({ ok: false, status: 'not-found' });
    expect(st.model.t).toBe('');
    expect(shownDropdowns()).toBe(0);
  });

  it('a disabled option is refused, not clicked', async () => {
    const st = HD.store({ doc: '' });
    const root = mount(HD.select({ ref: st.ref('doc'), options: opts('居民身份证', '户口本'), delay: 0 }));
    await vi.advanceTimersByTimeAsync(0);
    root.querySelectorAll('.hd-option')[1].classList.add('is-disabled');
    expect(await drive(selectDriver.fill(root, ['户口本']))).toEqual({ ok: false, status: 'rejected', reason: '选项“户口本”不可选' });
    expect(st.model.doc).toBe('');
    expect(shownDropdowns()).toBe(0);
  });

  it('the older layout: the list THIS select opened in <body>, with other lists around', async () => {
    const st = HD.store({ a: '', b: '' });
    const [a, b] = [mount(HD.select({ ref: st.ref('a'), options: opts('中国', '美国'), delay: 0, appendToBody: true })), mount(HD.select({ ref: st.ref('b'), options: opts('中国', '美国'), delay: 300, appendToBody: true }))];
    // Lists of other components lie around in <body>: a shown one and a hidden one.
    mount(h('div', { class: 'dropdown' }, h('div', { class: 'hd-option' }, '美国')));
    mount(h('div', { class: 'dropdown', style: 'display:none' }, h('div', { class: 'hd-option' }, '美国')));
    expect(await drive(selectDriver.fill(a, ['美国']))).toEqual({ ok: true, value: '美国' });
    expect(await drive(selectDriver.fill(b, ['中国']))).toEqual({ ok: true, value: '中国' });
    expect(st.model).toEqual({ a: '2', b: '1' });
    expect(document.querySelectorAll('body > .hd-select-popper')).toHaveLength(0);
  });

  it('cannot be emptied: the hd-select has no clear icon', async () => {
    const st = HD.store({ t: '2' });
    const root = mount(HD.select({ ref: st.ref('t'), options: CATEGORY, delay: 0 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(await drive(selectDriver.fill(root, []))).toEqual({ ok: false, status: 'rejected', reason: '页面没有清空该选项的按钮' });
    expect(st.model.t).toBe('2');
  });

  it('a locked select opens no list: not found, nothing touched', async () => {
    const st = HD.store({ c: '156' });
    st.lock('c');
    const root = mount(HD.select({ ref: st.ref('c'), options: [{ value: '156', label: '中国' }, { value: '840', label: '美国' }], delay: 0, locked: 'disabled' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(await drive(selectDriver.fill(root, ['美国']))).toMatchObject({ ok: false, status: 'not-found', reason: '选项列表没有打开' });
    expect(st.model.c).toBe('156');
  });
});

describe('cascader', () => {
  type Node = { value: string; label: string; children?: Node[] };
  const TREE: Node[] = [
    { value: '320000', label: '江苏', children: [{ value: '320400', label: '常州', children: [{ value: '320411', label: '新北区' }, { value: '320412', label: '武进区' }] }, { value: '320100', label: '南京', children: [] }] },
    { value: '110000', label: '北京', children: [{ value: '110100', label: '北京', children: [{ value: '110105', label: '朝阳区' }, { value: '110108', label: '海淀区' }] }] },
    { value: '440000', label: '广东', children: [{ value: '440300', label: '深圳', children: [{ value: '440304', label: '福田区' }, { value: '440305', label: '南山区' }] }] },
  ];
  const full = (nodes: Node[], depth = 0): Node[] =>
    nodes.map((n) => ({ ...n, label: depth === 0 ? (n.value === '110000' ? '北京市' : `${n.label}省`) : depth === 1 ? `${n.label}市` : n.label, children: n.children && full(n.children, depth + 1) }));
  /** The control as the collector holds it: the inner .hd-cascader of hd.js's `.cascader`. */
  const cascader = (o: Record<string, unknown>) => mount(HD.cascader(o)).querySelector('.hd-cascader')!;
  const two = (tree: Node[]) => tree.map((p) => ({ ...p, children: p.children?.map((c) => ({ value: c.value, label: c.label })) }));

  it('level by level, each level loading after a delay; short names for a profile\'s full ones', async () => {
    const st = HD.store({ p: '', c: '' });
    const root = cascader({ refs: [st.ref('p'), st.ref('c')], tree: two(TREE), delay: 400 });
    expect(await drive(cascaderDriver.fill(root, ['江苏省', '常州市']))).toEqual({ ok: true, value: ['江苏', '常州'] });
    expect(st.model).toEqual({ p: '320000', c: '320400' });
    expect(shownDropdowns()).toBe(0);
  });

  it('full names on the page for a profile\'s short ones; 北京 / 北京; a two-level one given an address ends at the city', async () => {
    const st = HD.store({ p: '', c: '' });
    const root = cascader({ refs: [st.ref('p'), st.ref('c')], tree: two(full(TREE)), delay: 100 });
    expect(await drive(cascaderDriver.fill(root, ['北京', '北京', '北京市海淀区中关村大街1号']))).toEqual({ ok: true, value: ['北京市', '北京市'] });
    expect(st.model).toEqual({ p: '110000', c: '110100' });
  });

  it('three levels: the district is the one the address names', async () => {
    const st = HD.store({ p: '', c: '', d: '' });
    const root = cascader({ refs: [st.ref('p'), st.ref('c'), st.ref('d')], tree: TREE, delay: 200 });
    expect(await drive(cascaderDriver.fill(root, ['广东省', '深圳市', '广东省深圳市福田区福华一路88号']))).toEqual({ ok: true, value: ['广东', '深圳', '福田区'] });
    expect(st.model).toEqual({ p: '440000', c: '440300', d: '440304' });
    expect(shownDropdowns()).toBe(0);
  });

  it('an address naming no district of the city: not found, the area as it was, closed', async () => {
    const st = HD.store({ p: '', c: '', d: '' });
    const root = cascader({ refs: [st.ref('p'), st.ref('c'), st.ref('d')], tree: TREE, delay: 100 });
    expect(await drive(cascaderDriver.fill(root, ['北京市', '北京市', '北京市东城区王府井大街1号']))).toEqual({ ok: false, status: 'not-found', reason: '地址“北京市东城区王府井大街1号”中没有可选的区县' });
    expect(st.model).toEqual({ p: '', c: '', d: '' });
    expect(shownDropdowns()).toBe(0);
  });

  it('a province it does not list: not found, closed', async () => {
    const st = HD.store({ p: '', c: '' });
    const root = cascader({ refs: [st.ref('p'), st.ref('c')], tree: two(TREE), delay: 100 });
    expect(await drive(cascaderDriver.fill(root, ['浙江省', '杭州市']))).toEqual({ ok: false, status: 'not-found', reason: '地区中没有“浙江省”' });
    expect(shownDropdowns()).toBe(0);
  });

  it('the next level\'s stale list (of the area chosen before) is not used: it waits for the new one', async () => {
    // 江苏's list happens to hold an entry named 北京 too: taken from the stale list it would be wrong.
    const tree: Node[] = [
      { value: '320000', label: '江苏', children: [{ value: '320400', label: '常州' }, { value: '329999', label: '北京' }] },
      { value: '110000', label: '北京', children: [{ value: '110100', label: '北京' }] },
    ];
    const st = HD.store({ p: '320000', c: '320400' });
    const root = cascader({ refs: [st.ref('p'), st.ref('c')], tree, delay: 500 });
    expect(await drive(cascaderDriver.fill(root, ['北京市', '北京市']))).toEqual({ ok: true, value: ['北京', '北京'] });
    expect(st.model).toEqual({ p: '110000', c: '110100' });
  });

  // The label toggles too: a panel the user left open is used, not closed.
  it('a panel the user left open is still used', async () => {
    const st = HD.store({ p: '', c: '' });
    const root = cascader({ refs: [st.ref('p'), st.ref('c')], tree: two(TREE), delay: 0 });
    (root.querySelector('.label') as HTMLElement).click();
    await vi.advanceTimersByTimeAsync(0);
    expect(shownDropdowns()).toBe(1);
    expect(await drive(cascaderDriver.fill(root, ['北京市', '北京市']))).toEqual({ ok: true, value: ['北京', '北京'] });
    expect(st.model).toEqual({ p: '110000', c: '110100' });
  });

  it('a disabled cascader (无地区信息) opens nothing and changes nothing', async () => {
    const st = HD.store({ p: '', c: '' });
    const root = cascader({ refs: [st.ref('p'), st.ref('c')], tree: two(TREE), enabled: false });
    expect(root.querySelector('.label')!.textContent).toBe('无地区信息');
    expect(await drive(cascaderDriver.fill(root, ['北京市', '北京市']))).toEqual({ ok: false, status: 'not-found', reason: '地区列表没有打开' });
    expect(st.model).toEqual({ p: '', c: '' });
  });
});

describe('date picker (read-only, its calendar driven)', () => {
  const picker = (value: number | '' = '') => {
    const st = HD.store({ d: value });
    const root = mount(HD.datePicker({ ref: st.ref('d') }));
    return { st, root, input: root.querySelector('input')!, main: root.querySelector('.datepicker-main')! };
  };
  const stamp = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

  it.each([
    ['2026-06-30', stamp(2026, 6, 30)],
    ['2019-02-28', stamp(2019, 2, 28)],
    ['2031-12-01', stamp(2031, 12, 1)],
    ['1999-01-31', stamp(1999, 1, 31)],
  ])('%s through the year and month menus: a timestamp at local midnight', async (day, ts) => {
    const { st, input, main } = picker();
    expect(await drive(dateDriver.fill(input.closest('.datePicker')!, day))).toEqual({ ok: true, value: day });
    expect(st.model.d).toBe(ts);
    expect(main.classList.contains('open')).toBe(false);
  });

  it('the day by its place in the grid: the neighbour month\'s 30 before it is not this month\'s', async () => {
    // May 2026's grid starts on Sunday 26 April: the first "30" in it is 30 April.
    const { st, root } = picker();
    expect(await drive(dateDriver.fill(root, '2026-05-30'))).toMatchObject({ ok: true });
    expect(st.model.d).toBe(stamp(2026, 5, 30));
    // …and February 2026's grid ends with March's 1–7: the 1st is February's own.
    expect(await drive(dateDriver.fill(root, '2026-02-01'))).toMatchObject({ ok: true });
    expect(st.model.d).toBe(stamp(2026, 2, 1));
  });

  it('without the menus, by the arrows, whose listener is on the inner <svg>', async () => {
    const { st, root, main } = picker();
    for (const menu of root.querySelectorAll('.datePickerSelectMenu')) menu.remove();
    expect(await drive(dateDriver.fill(root, '2024-11-15'))).toEqual({ ok: true, value: '2024-11-15' });
    expect(st.model.d).toBe(stamp(2024, 11, 15));
    expect(await drive(dateDriver.fill(root, '2031-01-31'))).toEqual({ ok: true, value: '2031-01-31' });
    expect(st.model.d).toBe(stamp(2031, 1, 31));
    expect(main.classList.contains('open')).toBe(false);
  });

  it('a calendar the user left open is used as it is (its input toggles it)', async () => {
    const { st, root, main } = picker();
    (root.querySelector('.datepicker-input') as HTMLElement).click();
    expect(main.classList.contains('open')).toBe(true);
    expect(await drive(dateDriver.fill(root, '2026-06-30'))).toEqual({ ok: true, value: '2026-06-30' });
    expect(st.model.d).toBe(stamp(2026, 6, 30));
    expect(main.classList.contains('open')).toBe(false);
  });

  it('empties through its clear icon', async () => {
    const { st, root, input } = picker(stamp(2026, 6, 30));
    expect(input.value).toBe('2026-06-30');
    expect(await drive(dateDriver.fill(root, ''))).toEqual({ ok: true, value: '' });
    expect(st.model.d).toBe('');
  });

  it('a locked picker opens no calendar: not found, the day as it was', async () => {
    const st = HD.store({ d: stamp(2026, 1, 1) });
    st.lock('d');
    const root = mount(HD.datePicker({ ref: st.ref('d'), locked: 'disabled' }));
    expect(await drive(dateDriver.fill(root, '2026-06-30'))).toEqual({ ok: false, status: 'not-found', reason: '日历没有打开' });
    expect(st.model.d).toBe(stamp(2026, 1, 1));
  });
});

describe('radio group', () => {
  it('clicks the option\'s label; setting .checked is not what it does', async () => {
    const st = HD.store({ scope: '' });
    const group = mount(HD.radioGroup({ ref: st.ref('scope'), options: opts('全部权利', '部分权利') }));
    (group.querySelectorAll('input')[1] as HTMLInputElement).checked = true;
    expect(st.model.scope).toBe('');
    expect(await drive(radioDriver.fill(group, '部分权利'))).toEqual({ ok: true, value: '部分权利' });
    expect(st.model.scope).toBe('2');
    expect(radioDriver.read(group)).toBe('部分权利');
  });

  it('修改 is the option 修改（含翻译软件、合成软件）; an option it lacks is not found; a radio cannot be emptied', async () => {
    const st = HD.store({ note: '' });
    const group = mount(HD.radioGroup({ ref: st.ref('note'), options: opts('原创', '修改（含翻译软件、合成软件）') }));
    expect(await drive(radioDriver.fill(group, '修改'))).toEqual({ ok: true, value: '修改(含翻译软件、合成软件)' });
    expect(st.model.note).toBe('2');
    expect(await drive(radioDriver.fill(group, '合成'))).toMatchObject({ ok: true });
    expect(await drive(radioDriver.fill(group, '翻译作品'))).toEqual({ ok: false, status: 'not-found', reason: '选项中没有“翻译作品”' });
    expect(await drive(radioDriver.fill(group, ''))).toMatchObject({ ok: false, status: 'rejected' });
    expect(st.model.note).toBe('2');
  });

  it('value tabs (个人用户 / 机构): the tab is clicked like an option', async () => {
    const st = HD.store({ loginType: '1' });
    const tab = (value: string, text: string) => {
      const el = h('span', { class: `tab${st.model.loginType === value ? ' active' : ''}` }, text);
      el.addEventListener('click', () => {
        st.ref('loginType').set(value);
        for (const t of tabs.children) t.classList.toggle('active', t === el);
      });
      return el;
    };
    const tabs = mount(h('div', { class: 'tabs' }));
    tabs.append(tab('1', '个人用户'), tab('2', '机构'));
    expect(await drive(radioDriver.fill(tabs, '机构'))).toEqual({ ok: true, value: '机构' });
    expect(st.model.loginType).toBe('2');
  });

  it('a locked group refuses the click: rejected, the model as it was', async () => {
    const st = HD.store({ mode: '1' });
    const group = mount(HD.radioGroup({ ref: st.ref('mode'), options: opts('单独开发', '合作开发'), locked: 'disabled' }));
    expect(await drive(radioDriver.fill(group, '合作开发'))).toEqual({ ok: false, status: 'rejected', reason: '页面没有选中“合作开发”' });
    expect(st.model.mode).toBe('1');
  });
});

describe('checkbox group', () => {
  const LANGS = texts('Assembly language', 'C', 'C#', 'C++', 'Delphi/Object Pascal', 'Go', 'HTML', 'Java', 'JavaScript', 'MATLAB', 'Objective-C', 'PHP', 'PL/SQL', 'Perl', 'Python', 'R', 'Ruby', 'SQL', 'Swift', 'Visual Basic', 'Visual Basic .Net');
  const TAGS = texts('APP', '游戏软件', '教育软件', '金融软件', '医疗软件');

  it.each(['vif', 'vshow'])('options behind 展开更多 (%s) are shown first, then ticked; the model keeps option order', async (more) => {
    const st = HD.store({ langs: [] as string[] });
    const group = mount(HD.checkboxGroup({ ref: st.ref('langs'), options: LANGS, initial: 10, more }));
    expect(await drive(checkboxDriver.fill(group, ['SQL', 'Java', 'PL/SQL']))).toEqual({ ok: true, value: ['Java', 'PL/SQL', 'SQL'] });
    expect(st.model.langs).toEqual(['Java', 'PL/SQL', 'SQL']);
    // Java ≠ JavaScript, SQL ≠ PL/SQL: exactly what was asked.
    expect(group.querySelectorAll('.is-checked')).toHaveLength(3);
  });

  it('a group that shows nothing but 展开更多', async () => {
    const st = HD.store({ langs: [] as string[] });
    const group = mount(HD.checkboxGroup({ ref: st.ref('langs'), options: LANGS, initial: 0, more: 'vif' }));
    expect(await drive(checkboxDriver.fill(group, ['Go']))).toEqual({ ok: true, value: ['Go'] });
    expect(st.model.langs).toEqual(['Go']);
  });

  it('reads the ticked options hidden behind 展开更多 too', () => {
    const st = HD.store({ langs: ['C', 'Python'] });
    const group = mount(HD.checkboxGroup({ ref: st.ref('langs'), options: LANGS, initial: 10, more: 'vshow' }));
    expect(checkboxDriver.read(group)).toEqual(['C', 'Python']);
  });

  it('a cap the page enforces refuses the extra tick: rejected, and the group is as it was (which three is the user\'s choice)', async () => {
    const st = HD.store({ tags: ['医疗软件'] as string[] });
    const group = mount(HD.checkboxGroup({ ref: st.ref('tags'), options: TAGS, max: 3, maxText: '最多只能选择3项' }));
    expect(await drive(checkboxDriver.fill(group, ['APP', '游戏软件', '教育软件', '金融软件']))).toMatchObject({ ok: false, status: 'rejected' });
    expect(st.model.tags).toEqual(['医疗软件']);
    expect(page().__messages).toEqual(['最多只能选择3项']);
  });

  it('unticks before it ticks, so a full group under a cap takes a new choice', async () => {
    const st = HD.store({ tags: ['APP', '游戏软件', '教育软件'] });
    const group = mount(HD.checkboxGroup({ ref: st.ref('tags'), options: TAGS, max: 3, maxText: '最多只能选择3项' }));
    expect(await drive(checkboxDriver.fill(group, ['医疗软件', '金融软件', 'APP']))).toEqual({ ok: true, value: ['APP', '金融软件', '医疗软件'] });
    expect(st.model.tags).toEqual(['APP', '金融软件', '医疗软件']);
    expect(page().__messages).toEqual([]);
  });

  it('an option the group lacks: not found, nothing ticked; [] unticks all', async () => {
    const st = HD.store({ tags: ['APP'] });
    const group = mount(HD.checkboxGroup({ ref: st.ref('tags'), options: TAGS, max: 3 }));
    expect(await drive(checkboxDriver.fill(group, ['游戏软件', '区块链软件']))).toEqual({ ok: false, status: 'not-found', reason: '选项中没有“区块链软件”' });
    expect(st.model.tags).toEqual(['APP']);
    expect(await drive(checkboxDriver.fill(group, []))).toEqual({ ok: true, value: [] });
    expect(st.model.tags).toEqual([]);
  });
});
