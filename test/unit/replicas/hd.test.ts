import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blur, loadReplicas, page, type } from './load';

// The hd-* imitation (test/fixtures/portals/_kit/hd.js) behaves as docs/PORTALS.md's "Components" says:
// what a naive filler does leaves the model alone; what a user does sets it.

const { HD } = loadReplicas();
const mount = <T extends HTMLElement>(el: T): T => (document.body.append(el), el);
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const opts = (...labels: string[]) => labels.map((label, i) => ({ value: String(i + 1), label }));

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 4, 20, 9, 30));
  document.body.innerHTML = '';
  Object.assign(window, { __clicks: [], __uploads: [], __lockedTouches: [], __messages: [] });
});
afterEach(() => vi.useRealTimers());

describe('text input', () => {
  it('ignores a plain value assignment, even with events; takes typing on the next tick', async () => {
    const st = HD.store({ name: '' });
    const root = mount(HD.input({ ref: st.ref('name'), placeholder: '请输入软件全称', commit: 'tick' }));
    const input = root.querySelector('input')!;
    input.value = '云帆';
    for (const t of ['input', 'change', 'blur']) input.dispatchEvent(new Event(t, { bubbles: true }));
    await advance(0);
    expect(st.model.name).toBe('');

    type(input, '云帆客户关系管理系统');
    expect(st.model.name).toBe('');
    await advance(0);
    expect(st.model.name).toBe('云帆客户关系管理系统');
  });

  it('commits only on blur when the field is configured so', async () => {
    const st = HD.store({ os: '' });
    const input = mount(HD.input({ ref: st.ref('os'), commit: 'blur', textarea: true })).querySelector('textarea')!;
    expect(input.classList.contains('large')).toBe(true);
    expect(input.parentElement!.classList.contains('hd-text-area')).toBe(true);
    type(input, 'Windows 11');
    await advance(10);
    expect(st.model.os).toBe('');
    input.dispatchEvent(new Event('focusout', { bubbles: true }));
    expect(st.model.os).toBe('');
    blur(input);
    expect(st.model.os).toBe('Windows 11');
  });

  it('counts characters, does not cut a script-set value, and flags it over the limit', async () => {
    const st = HD.store({ purpose: '' });
    const root = mount(HD.input({ ref: st.ref('purpose'), commit: 'tick', textarea: true, counter: 5, maxlength: 5 }));
    const area = root.querySelector('textarea')!;
    expect(area.maxLength).toBe(5);
    expect(root.querySelector('.hd-text-area-count')!.textContent).toBe('0/5');
    type(area, '七个汉字太长了');
    await advance(0);
    expect(st.model.purpose).toBe('七个汉字太长了');
    expect(root.querySelector('.hd-text-area-count')!.textContent).toBe('7/5');
    expect(root.querySelector('.hd-text-area-count')!.classList.contains('is-over')).toBe(true);
  });

  it('shows 不能为空 on blur of an empty required field, and clears it when filled', async () => {
    const st = HD.store({ v: '' });
    const root = mount(HD.input({ ref: st.ref('v'), required: true, requiredText: '版本号不能为空', commit: 'tick' }));
    const input = root.querySelector('input')!;
    const tip = root.querySelector('.hd-error-tip') as HTMLElement;
    blur(input);
    expect(tip.style.display).toBe('');
    expect(tip.textContent).toBe('版本号不能为空');
    type(input, 'V1.0');
    blur(input);
    expect(tip.style.display).toBe('none');
  });

  it('records a write into a locked field (and the model shows it)', async () => {
    const st = HD.store({ phone: '13800138000' });
    st.lock('phone');
    const input = mount(HD.input({ ref: st.ref('phone'), locked: 'disabled', commit: 'tick' })).querySelector('input')!;
    expect(input.disabled).toBe(true);
    type(input, '13900000000');
    await advance(0);
    expect(page().__lockedTouches).toContainEqual({ path: 'phone', from: '13800138000', to: '13900000000' });
  });
});

describe('radio group', () => {
  it('takes a click on the option label, never .checked', async () => {
    const st = HD.store({ scope: '' });
    const group = mount(HD.radioGroup({ ref: st.ref('scope'), options: opts('全部权利', '部分权利'), name: 'scope' }));
    expect(group.classList.contains('hd-radio-group')).toBe(true);
    const natives = [...group.querySelectorAll('input[type=radio]')] as HTMLInputElement[];
    expect(natives.every((n) => n.style.display === 'none')).toBe(true);
    natives[1].checked = true;
    natives[1].dispatchEvent(new Event('change', { bubbles: true }));
    expect(st.model.scope).toBe('');

    const [all, part] = [...group.querySelectorAll('label.hd-radio-button')] as HTMLElement[];
    expect(part.textContent).toBe('部分权利');
    (part.querySelector('span') as HTMLElement).click();
    await advance(0);
    expect(st.model.scope).toBe('2');
    expect(part.classList.contains('is-checked')).toBe(true);
    all.click();
    await advance(0);
    expect(st.model.scope).toBe('1');
    expect(natives[0].checked).toBe(true);
  });

  it('refuses a click when locked and records the touch', () => {
    const st = HD.store({ mode: '1' });
    st.lock('mode');
    const group = mount(HD.radioGroup({ ref: st.ref('mode'), options: opts('单独开发', '合作开发'), locked: 'disabled' }));
    (group.querySelectorAll('label')[1] as HTMLElement).click();
    expect(st.model.mode).toBe('1');
    expect(page().__lockedTouches).toContainEqual({ path: 'mode', event: 'click' });
  });
});

describe('hd-select', () => {
  it('loads options late inside the component, toggles on the box and commits only on an option click', async () => {
    const st = HD.store({ type: '' });
    const root = mount(HD.select({ ref: st.ref('type'), placeholder: '请选择软件分类', options: opts('APP', '嵌入式软件', '中间件', '操作系统'), delay: 600 }));
    const box = root.querySelector(':scope > .box') as HTMLElement;
    expect(box.textContent).toBe('请选择软件分类');
    expect(box.querySelector('.icon')).not.toBeNull();
    expect(root.querySelectorAll('.hd-option')).toHaveLength(0);
    await advance(599);
    expect(root.querySelectorAll('.hd-option')).toHaveLength(0);
    await advance(1);
    expect(root.querySelectorAll(':scope > .dropdown > .hd_scroll > .hd_scroll_content > div.hd-option')).toHaveLength(4);
    expect(document.body.querySelectorAll(':scope > .hd-option, :scope > .dropdown')).toHaveLength(0);

    // Writing the box does nothing.
    (box.querySelector('.box-text') as HTMLElement).textContent = '中间件';
    expect(st.model.type).toBe('');

    const dropdown = root.querySelector('.dropdown') as HTMLElement;
    box.click();
    expect(dropdown.style.display).toBe('');
    box.click();
    expect(dropdown.style.display).toBe('none');
    box.click();
    (root.querySelectorAll('.hd-option')[2] as HTMLElement).click();
    expect(st.model.type).toBe('3');
    expect(dropdown.style.display).toBe('none');
    expect(root.querySelector('.hd-option.selected')!.textContent).toBe('中间件');
    expect(box.textContent).toBe('中间件');
  });

  it('closes on a click elsewhere; the older layout puts its open list in <body>', async () => {
    const st = HD.store({ c: '' });
    const root = mount(HD.select({ ref: st.ref('c'), options: opts('中国', '美国'), delay: 0, appendToBody: true }));
    await advance(0);
    (root.querySelector('.box') as HTMLElement).click();
    const popper = document.body.querySelector(':scope > .hd-select-popper') as HTMLElement;
    expect(popper.querySelectorAll('.hd-option')).toHaveLength(2);
    document.body.click();
    expect(document.body.querySelector(':scope > .hd-select-popper')).toBeNull();
  });
});

describe('cascader', () => {
  const tree = [
    { value: '320000', label: '江苏', children: [{ value: '320400', label: '常州', children: [{ value: '320412', label: '武进区' }] }] },
    { value: '110000', label: '北京', children: [{ value: '110100', label: '北京', children: [] }] },
  ];
  it('commits only when the last level is clicked, with short names', async () => {
    const st = HD.store({ p: '', c: '' });
    const root = mount(HD.cascader({ refs: [st.ref('p'), st.ref('c')], tree, delay: 100 }));
    const label = root.querySelector(':scope > .hd-cascader > .label') as HTMLElement;
    expect(label.textContent).toBe('请选择地区');
    label.click();
    await advance(100);
    (root.querySelector('.hd-cascader-menu[data-level="0"] .hd-cascader-item') as HTMLElement).click();
    expect(st.model).toEqual({ p: '', c: '' });
    await advance(100);
    (root.querySelector('.hd-cascader-menu[data-level="1"] .hd-cascader-item') as HTMLElement).click();
    expect(st.model).toEqual({ p: '320000', c: '320400' });
    expect(label.textContent).toBe('江苏 / 常州');
  });

  it('goes to district in the three-level variant (a city without districts is a leaf)', async () => {
    const st = HD.store({ p: '', c: '', d: '' });
    const root = mount(HD.cascader({ refs: [st.ref('p'), st.ref('c'), st.ref('d')], tree, delay: 0 }));
    const click = async (level: number, text: string) => {
      await advance(0);
      ([...root.querySelectorAll(`.hd-cascader-menu[data-level="${level}"] li`)].find((li) => li.textContent === text) as HTMLElement).click();
    };
    (root.querySelector('.label') as HTMLElement).click();
    await click(0, '江苏');
    await click(1, '常州');
    expect(st.model.d).toBe('');
    await click(2, '武进区');
    expect(st.model).toEqual({ p: '320000', c: '320400', d: '320412' });
    (root.querySelector('.label') as HTMLElement).click();
    await click(0, '北京');
    await click(1, '北京');
    expect(st.model).toEqual({ p: '110000', c: '110100', d: '' });
  });
});

describe('date picker', () => {
  const setup = (value: number | '' = '') => {
    const st = HD.store({ d: value });
    const root = mount(HD.datePicker({ ref: st.ref('d') }));
    return {
      st,
      root,
      input: root.querySelector('.datepicker-input > input') as HTMLInputElement,
      main: root.querySelector('.datepicker-main') as HTMLElement,
    };
  };
  const cells = (root: HTMLElement) => [...root.querySelectorAll('.datepicker-body tbody td')] as HTMLElement[];

  it('is read-only: typing does nothing; the panel stays mounted and toggles `open`', () => {
    const { st, input, main, root } = setup();
    expect(input.readOnly).toBe(true);
    expect(input.placeholder).toBe('请选择日期');
    type(input, '2026-06-30');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(st.model.d).toBe('');
    expect(main.isConnected).toBe(true);
    expect(main.classList.contains('open')).toBe(false);
    (root.querySelector('.datepicker-input') as HTMLElement).click();
    expect(main.classList.contains('open')).toBe(true);
    expect(root.querySelector('.remove > .icon')).not.toBeNull();
    expect(root.querySelector('a.hd-link.chooseNow')!.textContent).toBe('今天');
  });

  it('draws 6 rows from a Sunday with unmarked neighbour days; a day holds a local-midnight timestamp', async () => {
    const { st, root, input } = setup();
    (root.querySelector('.datepicker-input') as HTMLElement).click();
    // May 2026 starts on a Friday: the grid starts on Sunday 26 April.
    const tds = cells(root);
    expect(tds).toHaveLength(42);
    expect(tds.slice(0, 6).map((td) => td.textContent)).toEqual(['26', '27', '28', '29', '30', '1']);
    expect(tds[41].textContent).toBe('6');
    expect(new Set(tds.map((td) => td.className))).toEqual(new Set(['']));
    tds[0].click();
    expect(st.model.d).toBe(new Date(2026, 3, 26).getTime());
    expect(input.value).toBe('2026-04-26');
  });

  it('moves by year and month through the <svg> only, and through the two menus', async () => {
    const { st, root } = setup();
    (root.querySelector('.datepicker-input') as HTMLElement).click();
    const [yearText, monthText] = [...root.querySelectorAll('.datePickerSelectText')] as HTMLElement[];
    expect([yearText.textContent, monthText.textContent]).toEqual(['2026年', '5月']);
    const [prevYear, prevMonth] = [...root.querySelectorAll('.datepicker-header .datepicke-btn-prve')] as HTMLElement[];
    const [nextMonth, nextYear] = [...root.querySelectorAll('.datepicker-header .datepicke-btn-next')] as HTMLElement[];
    prevMonth.click();
    nextYear.click();
    expect(monthText.textContent).toBe('5月');
    prevMonth.querySelector('svg')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(monthText.textContent).toBe('4月');
    prevYear.querySelector('svg')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    nextMonth.querySelector('svg')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    nextYear.querySelector('svg')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect([yearText.textContent, monthText.textContent]).toEqual(['2026年', '5月']);

    const years = root.querySelectorAll('.datePickerSelect')[0].querySelectorAll('.datePickerSelectMenu .menu');
    expect(years.length).toBe(HD.YEARS.last - HD.YEARS.first + 1);
    expect(years.length).toBeGreaterThanOrEqual(400);
    const y2025 = [...years].find((m) => m.getAttribute('value') === '2025')!;
    expect(y2025.getAttribute('label')).toBe('2025年');
    (y2025 as HTMLElement).click();
    (root.querySelectorAll('.datePickerSelect')[1].querySelector('.menu[value="11"]') as HTMLElement).click();
    expect([yearText.textContent, monthText.textContent]).toEqual(['2025年', '11月']);
    // November 2025 starts on a Saturday: day 20 is at index 6 + 19.
    cells(root)[25].click();
    expect(HD.dayText(st.model.d as number)).toBe('2025-11-20');
  });

  it('今天 picks today; the clear icon empties the model', () => {
    const { st, root, input } = setup(new Date(2020, 0, 2).getTime());
    expect(input.value).toBe('2020-01-02');
    (root.querySelector('.datepicker-input') as HTMLElement).click();
    expect(root.querySelector('.datePickerSelectText')!.textContent).toBe('2020年');
    (root.querySelector('.chooseNow') as HTMLElement).click();
    expect(st.model.d).toBe(new Date(2026, 4, 20).getTime());
    (root.querySelector('.remove .icon') as HTMLElement).click();
    expect(st.model.d).toBe('');
    expect(input.value).toBe('');
  });
});

describe('checkbox group', () => {
  const LANGS = ['Assembly language', 'C', 'C#', 'C++', 'Delphi/Object Pascal', 'Go', 'HTML', 'Java', 'JavaScript', 'MATLAB'].map((l) => ({
    value: l,
    label: l,
  }));
  it('keeps the options behind 展开更多 out of the DOM until clicked; the model follows option order', async () => {
    const st = HD.store({ langs: [] as string[] });
    const group = mount(HD.checkboxGroup({ ref: st.ref('langs'), options: LANGS, initial: 8, more: 'vif' }));
    const labels = () => [...group.querySelectorAll('label.hd-checkbox-button')].map((l) => l.textContent);
    expect(labels()).not.toContain('JavaScript');
    expect(labels()).toContain('Java');
    const native = group.querySelector('input[type=checkbox]') as HTMLInputElement;
    native.checked = true;
    native.dispatchEvent(new Event('change', { bubbles: true }));
    expect(st.model.langs).toEqual([]);
    (group.querySelector('.showMore') as HTMLElement).click();
    expect(labels()).toContain('JavaScript');
    const click = (text: string) => ([...group.querySelectorAll('label.hd-checkbox-button')].find((l) => l.textContent === text) as HTMLElement).click();
    click('JavaScript');
    click('C');
    expect(st.model.langs).toEqual(['C', 'JavaScript']);
    click('C');
    expect(st.model.langs).toEqual(['JavaScript']);
  });

  it('refuses a 4th choice past a cap of 3 with a message, model unchanged', () => {
    const st = HD.store({ tags: [] as string[] });
    const tags = ['APP', '游戏软件', '教育软件', '金融软件'].map((t) => ({ value: t, label: t }));
    const group = mount(HD.checkboxGroup({ ref: st.ref('tags'), options: tags, max: 3, maxText: '最多只能选择3项' }));
    for (const l of group.querySelectorAll('label')) (l as HTMLElement).click();
    expect(st.model.tags).toEqual(['APP', '游戏软件', '教育软件']);
    expect(page().__messages).toEqual(['最多只能选择3项']);
    expect(group.querySelectorAll('.is-checked')).toHaveLength(3);
  });
});

describe('upload', () => {
  it('records any file set by a script or a change event in window.__uploads', () => {
    const st = HD.store({ f: '' });
    const box = mount(HD.upload({ ref: st.ref('f'), name: 'programMaterial', accept: '.pdf' }));
    const file = box.querySelector('.hdUpload input[type=file]') as HTMLInputElement;
    expect(box.classList.contains('upLoadBox')).toBe(true);
    expect(file.style.display).toBe('none');
    file.dispatchEvent(new Event('change', { bubbles: true }));
    expect(page().__uploads).toEqual([{ name: 'programMaterial', how: 'change', files: [] }]);
    expect(st.model.f).toBe('');
  });
});
