import { beforeEach, describe, expect, it } from 'vitest';
import { checkboxDriver } from '@/utils/content/fill/drivers/checkbox';
import { radioDriver } from '@/utils/content/fill/drivers/radio';
import { dateDriver } from '@/utils/content/fill/drivers/date';
import { selectDriver } from '@/utils/content/fill/drivers/select';
import { textDriver, watchComposition } from '@/utils/content/fill/drivers/text';
import { loadKit } from './kit';

// The drivers against the replicas' own components (the same kit.js the e2e pages run), in one
// JS world: here the kit's value tracker sees every assignment, as the page's would in its world.

const Kit = loadKit();
beforeEach(() => {
  document.body.innerHTML = '';
});
const mount = <T extends HTMLElement>(el: T): T => (document.body.append(el), el);
const openPoppers = () => [...document.querySelectorAll('.hd-select-dropdown, .el-picker-panel')].filter((p) => (p as HTMLElement).style.display !== 'none').length;

describe('text driver', () => {
  it('commits to a blur-committing component; a plain assignment with events does not', async () => {
    const m = { devOs: '' };
    const input = mount(Kit.text({ model: Kit.bind(m, 'devOs'), commit: 'blur' })).querySelector('input')!;
    // What a naive filler does: the tracker has seen the value, the input event is dropped.
    input.value = 'Windows 11';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('blur'));
    expect(m.devOs).toBe('');
    // And without a blur, typing never reaches the model either.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'Linux');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(m.devOs).toBe('');

    expect(await textDriver.fill(input, 'Windows 11')).toEqual({ ok: true, value: 'Windows 11' });
    expect(m.devOs).toBe('Windows 11');
  });

  it('fills a textarea with a counter, and undo-style emptying commits too', async () => {
    const m = { mainFunctions: '' };
    const wrap = mount(Kit.text({ model: Kit.bind(m, 'mainFunctions'), commit: 'blur', textarea: true, maxlength: 1300, counter: true }));
    const area = wrap.querySelector('textarea')!;
    await textDriver.fill(area, '主要功能：客户管理');
    expect(m.mainFunctions).toBe('主要功能：客户管理');
    expect(wrap.querySelector('.el-input__count')!.textContent).toBe('9/1300');
    await textDriver.fill(area, '');
    expect(m.mainFunctions).toBe('');
  });

  it('leaves a field alone while the user composes in it with an IME', async () => {
    watchComposition(document, new AbortController().signal);
    const m = { name: '' };
    const input = mount(Kit.text({ model: Kit.bind(m, 'name') })).querySelector('input')!;
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    expect(await textDriver.fill(input, '张三')).toMatchObject({ ok: false, status: 'rejected' });
    input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true }));
    expect(await textDriver.fill(input, '张三')).toMatchObject({ ok: true });
    expect(m.name).toBe('张三');
  });
});

describe('select driver: lists rendered into <body>, found per select', () => {
  it('picks in the list THIS select opened, with other selects\' lists lying around', async () => {
    const m = { a: '', b: '', c: '' };
    const a = mount(Kit.select({ model: Kit.bind(m, 'a'), options: Kit.PROVINCES }));
    const b = mount(Kit.select({ model: Kit.bind(m, 'b'), options: Kit.PROVINCES }));
    const c = mount(Kit.select({ model: Kit.bind(m, 'c'), options: ['全部权利', '部分权利'] }));
    expect(await selectDriver.fill(a, '北京市')).toEqual({ ok: true, value: '北京' });
    expect(await selectDriver.fill(b, '内蒙古自治区')).toEqual({ ok: true, value: '内蒙古' });
    expect(await selectDriver.fill(c, '部分权利')).toEqual({ ok: true, value: '部分权利' });
    // a's list is reopened (it was only hidden): still a's.
    expect(await selectDriver.fill(a, '天津')).toEqual({ ok: true, value: '天津' });
    expect(m).toEqual({ a: '天津', b: '内蒙古', c: '部分权利' });
    expect(document.querySelectorAll('.hd-select-dropdown')).toHaveLength(3);
    expect(openPoppers()).toBe(0);
  });

  it('an option the list does not have: not found, nothing chosen, the list closed', async () => {
    const m = { scope: '' };
    const s = mount(Kit.select({ model: Kit.bind(m, 'scope'), options: ['全部权利', '部分权利'] }));
    expect(await selectDriver.fill(s, '独占许可')).toMatchObject({ ok: false, status: 'not-found' });
    expect(m.scope).toBe('');
    expect(openPoppers()).toBe(0);
  });

  it('two options that both contain the wanted text: not picked', async () => {
    const m = { t: '' };
    const s = mount(Kit.select({ model: Kit.bind(m, 't'), options: ['企业法人', '机关法人'] }));
    expect(await selectDriver.fill(s, '法人')).toMatchObject({ ok: false, status: 'not-found' });
    expect(m.t).toBe('');
  });

  it('an Element Plus-like popper whose inner list also has role=listbox counts once', async () => {
    const m = { v: '' };
    const root = mount(Kit.h('div', { class: 'el-select' }, Kit.h('input', { readonly: true })));
    const popper = Kit.h('div', { class: 'el-select-dropdown', style: 'display:none' }, Kit.h('ul', { role: 'listbox' }, ...['原始取得', '继受取得'].map((o) => Kit.h('li', { class: 'el-select-dropdown__item', role: 'option' }, o))));
    document.body.append(popper);
    root.addEventListener('click', () => (popper.style.display = ''));
    popper.addEventListener('click', (e) => {
      m.v = (e.target as Element).textContent!;
      root.querySelector('input')!.value = m.v;
      popper.style.display = 'none';
    });
    expect(await selectDriver.fill(root, '继受取得')).toEqual({ ok: true, value: '继受取得' });
    expect(m.v).toBe('继受取得');
  });

  it('empties through its own clear icon', async () => {
    const m = { s: '应用软件' };
    const s = mount(Kit.select({ model: Kit.bind(m, 's'), options: ['应用软件'] }));
    expect(await selectDriver.fill(s, '')).toEqual({ ok: true, value: '' });
    expect(m.s).toBe('');
  });
});

describe('date driver', () => {
  it('editable: a day in the right format is parsed on change/Enter', async () => {
    const m = { d: '' };
    const input = mount(Kit.date({ model: Kit.bind(m, 'd') })).querySelector('input')!;
    expect(await dateDriver.fill(input, '2026-08-01')).toEqual({ ok: true, value: '2026-08-01' });
    expect(m.d).toBe('2026-08-01');
  });

  it('editable: a bad format is silently reverted by the page, and reported rejected', async () => {
    const m = { d: '2026-08-01' };
    const input = mount(Kit.date({ model: Kit.bind(m, 'd') })).querySelector('input')!;
    expect(await dateDriver.fill(input, '2026/08/02')).toMatchObject({ ok: false, status: 'rejected' });
    expect(m.d).toBe('2026-08-01');
    expect(input.value).toBe('2026-08-01');
  });

  it.each(['2026-06-30', '2019-02-28', '2031-12-01'])('readonly: walks the calendar to %s and clicks the day', async (day) => {
    const m = { d: '' };
    const input = mount(Kit.date({ model: Kit.bind(m, 'd'), readonly: true })).querySelector('input')!;
    // A readonly picker ignores typed text: setting and dispatching would do nothing.
    expect(await dateDriver.fill(input, day)).toEqual({ ok: true, value: day });
    expect(m.d).toBe(day);
    expect(openPoppers()).toBe(0);
  });

  it('readonly: emptied through the clear icon', async () => {
    const m = { d: '2026-06-30' };
    const input = mount(Kit.date({ model: Kit.bind(m, 'd'), readonly: true })).querySelector('input')!;
    expect(await dateDriver.fill(input, '')).toEqual({ ok: true, value: '' });
    expect(m.d).toBe('');
  });
});

describe('date driver on Ant Design\'s picker (the console)', () => {
  it('readonly: emptied through its own clear icon', async () => {
    const picker = mount(document.createElement('div'));
    picker.className = 'ant-picker';
    picker.innerHTML = '<div class="ant-picker-input"><input readonly value="2026-05-01"><span class="ant-picker-clear">×</span></div>';
    const input = picker.querySelector('input')!;
    picker.querySelector('.ant-picker-clear')!.addEventListener('mousedown', () => (input.value = ''));
    expect(await dateDriver.fill(input, '')).toEqual({ ok: true, value: '' });
    expect(input.value).toBe('');
  });
});

describe('radio and checkbox groups react to their wrappers', () => {
  it('radio: input.checked = true changes nothing; the driver clicks the wrapper', async () => {
    const m = { mode: '' };
    const group = mount(Kit.radios({ model: Kit.bind(m, 'mode'), options: ['单独开发', '合作开发'] }));
    (group.querySelectorAll('input')[1] as HTMLInputElement).checked = true;
    expect(m.mode).toBe('');
    expect(await radioDriver.fill(group, '合作开发')).toEqual({ ok: true, value: '合作开发' });
    expect(m.mode).toBe('合作开发');
    expect(radioDriver.read(group)).toBe('合作开发');
  });

  it('radio: an option it does not offer is not found; a radio cannot be emptied', async () => {
    const m = { mode: '单独开发' };
    const group = mount(Kit.radios({ model: Kit.bind(m, 'mode'), options: ['单独开发', '合作开发'] }));
    expect(await radioDriver.fill(group, '委托开发')).toMatchObject({ ok: false, status: 'not-found' });
    expect(await radioDriver.fill(group, '')).toMatchObject({ ok: false, status: 'rejected' });
    expect(m.mode).toBe('单独开发');
  });

  it('checkbox: exactly the wanted options end up on', async () => {
    const m = { tags: ['APP'] as string[] };
    const group = mount(Kit.checkboxes({ model: Kit.bind(m, 'tags'), options: ['APP', '云计算软件', '大数据软件'] }));
    expect(await checkboxDriver.fill(group, ['云计算软件', '大数据软件'])).toEqual({ ok: true, value: ['云计算软件', '大数据软件'] });
    expect(m.tags).toEqual(['云计算软件', '大数据软件']);
    expect(await checkboxDriver.fill(group, [])).toEqual({ ok: true, value: [] });
    expect(m.tags).toEqual([]);
  });

  it('checkbox: an unknown option clicks nothing', async () => {
    const m = { tags: [] as string[] };
    const group = mount(Kit.checkboxes({ model: Kit.bind(m, 'tags'), options: ['APP'] }));
    expect(await checkboxDriver.fill(group, ['APP', '区块链软件'])).toMatchObject({ ok: false, status: 'not-found' });
    expect(m.tags).toEqual([]);
  });
});
