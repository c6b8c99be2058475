import { beforeEach, describe, expect, it } from 'vitest';
import { collect } from '@/utils/content/fill/collect';
import { antSelectDriver } from '@/utils/content/fill/drivers/ant-select';
import { checkboxDriver } from '@/utils/content/fill/drivers/checkbox';
import { dateDriver } from '@/utils/content/fill/drivers/date';
import { DRIVERS } from '@/utils/content/fill/drivers';
import { radioDriver } from '@/utils/content/fill/drivers/radio';
import { selectDriver } from '@/utils/content/fill/drivers/select';
import { textDriver } from '@/utils/content/fill/drivers/text';
import { loadReactLike } from './react-kit';

// The engine's drivers against the console replica's React-like components (react-like.js, the
// same file the e2e pages run), in one JS world: the kit's value tracker sees every assignment.

const RL = loadReactLike();
let root: ReturnType<typeof RL.createRoot>;
beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  root = RL.createRoot(document.getElementById('root')!);
});
const render = <T extends Node>(build: () => T): T => {
  let node!: T;
  root.render(() => (node = build()));
  return node;
};
const setNative = (el: HTMLInputElement | HTMLTextAreaElement, v: string) =>
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!.call(el, v);
const openDropdowns = () => [...document.querySelectorAll('.ant-select-dropdown, .ant-picker-dropdown')].filter((d) => !/-hidden\b/.test(d.className)).length;

describe('controlled text fields (React value tracker)', () => {
  it('a plain assignment with an input event changes the screen, not the state; the driver reaches the state', async () => {
    const m = { name: '' };
    const input = render(() => RL.Input({ ...RL.bind(m, 'name'), id: 'n' })) as HTMLInputElement;
    input.value = '北京云帆';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(input.value).toBe('北京云帆');
    expect(m.name).toBe('');

    expect(await textDriver.fill(input, '北京云帆科技有限公司')).toEqual({ ok: true, value: '北京云帆科技有限公司' });
    expect(m.name).toBe('北京云帆科技有限公司');
    // Emptying (undo) goes through the same path.
    await textDriver.fill(input, '');
    expect(m.name).toBe('');
  });

  it('the counter follows the state; collect reads the page limit from "n / max" without a maxlength', async () => {
    const m = { text: '' };
    const wrap = render(() => RL.FormItem('软件的主要功能', 'f', RL.Input({ ...RL.bind(m, 'text'), id: 'f', textarea: true, countMax: 1300 })));
    const area = wrap.querySelector('textarea')!;
    await textDriver.fill(area, '主要功能');
    expect(wrap.querySelector('.ant-input-data-count')!.textContent).toBe('4 / 1300');
    const c = collect(document.body).controls[0];
    expect(c).toMatchObject({ kind: 'text', maxLength: 1300, value: '主要功能' });
    expect(c.signals).toContainEqual({ source: 'form-label', text: '软件的主要功能' });
  });
});

describe('Ant select', () => {
  const mountSelect = (m: { v: string }, options: string[] | (() => string[]) = ['应用软件', '嵌入式软件', '中间件']) =>
    render(() => RL.FormItem('软件分类', 'apply_category', RL.Select({ ...RL.bind(m, 'v'), id: 'apply_category', options }))).querySelector('.ant-select')!;

  it('is one select control labelled by its form item, showing its choice (not the empty search box)', () => {
    const m = { v: '中间件' };
    mountSelect(m);
    const { controls } = collect(document.body);
    expect(controls).toHaveLength(1);
    expect(controls[0]).toMatchObject({ kind: 'select', value: '中间件' });
    expect(controls[0].signals).toContainEqual({ source: 'form-label', text: '软件分类' });
  });

  it('picks the visible option in the popup in <body>, closes it and reads the choice back', async () => {
    const m = { v: '' };
    const el = mountSelect(m);
    expect(await DRIVERS.select.fill(el, '嵌入式软件')).toEqual({ ok: true, value: '嵌入式软件' });
    expect(m.v).toBe('嵌入式软件');
    expect(openDropdowns()).toBe(0);
    // The popup stays in <body>, hidden; a second fill finds it again.
    expect(await antSelectDriver.fill(el, '中间件')).toEqual({ ok: true, value: '中间件' });
    expect(m.v).toBe('中间件');
    expect(document.querySelectorAll('.ant-select-dropdown')).toHaveLength(1);
  });

  it('the generic driver clicks the accessibility list, which does nothing: why Ant has its own driver', async () => {
    const m = { v: '' };
    const el = mountSelect(m);
    const r = await selectDriver.fill(el, '中间件');
    expect(r.ok).toBe(false);
    expect(m.v).toBe('');
  });

  it('never picks an option that is not there, and leaves the list closed', async () => {
    const m = { v: '' };
    const el = mountSelect(m);
    expect(await antSelectDriver.fill(el, '游戏软件')).toMatchObject({ ok: false, status: 'not-found' });
    expect(m.v).toBe('');
    expect(openDropdowns()).toBe(0);
  });

  it('options that depend on another choice are read when the list opens; the clear icon empties', async () => {
    const m = { v: '', cat: '' };
    const el = mountSelect(m, () => (m.cat === '自然人' ? ['居民身份证', '护照'] : ['统一社会信用代码证书']));
    m.cat = '自然人';
    expect(await antSelectDriver.fill(el, '居民身份证')).toEqual({ ok: true, value: '居民身份证' });
    expect(await antSelectDriver.fill(el, '')).toEqual({ ok: true, value: '' });
    expect(m.v).toBe('');
  });
});

describe('Ant date picker', () => {
  const mountDate = (m: { d: string }) => render(() => RL.DatePicker({ ...RL.bind(m, 'd'), id: 'apply_completionDate' })).querySelector('input')!;

  it('typed text commits on Enter/blur; the driver reads it back', async () => {
    const m = { d: '' };
    const input = mountDate(m);
    expect(collect(document.body).controls[0]).toMatchObject({ kind: 'date', readonly: false, placeholder: '请选择日期' });
    expect(await dateDriver.fill(input, '2026-06-30')).toEqual({ ok: true, value: '2026-06-30' });
    expect(m.d).toBe('2026-06-30');
    expect(openDropdowns()).toBe(0);
  });

  it('a format the picker does not parse is reverted, and reported, not left on screen', async () => {
    const m = { d: '2026-06-30' };
    const input = mountDate(m);
    expect(await dateDriver.fill(input, '2026/07/01')).toMatchObject({ ok: false, status: 'rejected' });
    expect(m.d).toBe('2026-06-30');
    expect(input.value).toBe('2026-06-30');
    // A typed day that does not exist is no better.
    expect((await dateDriver.fill(input, '2026-02-30')).ok).toBe(false);
    expect(await dateDriver.fill(input, '')).toEqual({ ok: true, value: '' });
    expect(m.d).toBe('');
  });

  it('typing without Enter or blur commits nothing (what a naive filler sees)', () => {
    const m = { d: '' };
    const input = mountDate(m);
    setNative(input, '2026-06-30');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(m.d).toBe('');
  });
});

describe('Ant radio and checkbox groups', () => {
  it('a click on the label wrapper selects; the state and the native input agree', async () => {
    const m = { p: '' };
    const group = render(() => RL.RadioGroup({ ...RL.bind(m, 'p'), name: 'p', options: ['已发表', '未发表'] }));
    expect(collect(document.body).controls[0]).toMatchObject({ kind: 'radio', options: ['已发表', '未发表'], value: '' });
    expect(await radioDriver.fill(group, '未发表')).toEqual({ ok: true, value: '未发表' });
    expect(m.p).toBe('未发表');
    expect(group.querySelector<HTMLInputElement>('input[value=未发表]')!.checked).toBe(true);
  });

  it('checkbox groups take exactly the wanted options', async () => {
    const m = { tags: ['APP'] as string[] };
    const group = render(() => RL.CheckboxGroup({ ...RL.bind(m, 'tags'), options: ['APP', '云计算软件', '大数据软件'] }));
    expect(await checkboxDriver.fill(group, ['云计算软件', '大数据软件'])).toEqual({ ok: true, value: ['云计算软件', '大数据软件'] });
    expect(m.tags).toEqual(['云计算软件', '大数据软件']);
  });
});
