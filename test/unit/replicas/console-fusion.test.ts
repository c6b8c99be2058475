import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advance, clickOutside, enter, loadConsole, openOverlay, page, type Kit, type Store } from './console-kit';

// fusion.js: each component behaves as docs/PORTALS.md "The vendor console" says Fusion Next does, so a
// naive filler fails where it would fail on the real console.

const { Fusion } = loadConsole();
let K: Kit;
let st: Store;
let root: HTMLElement;

const proto = (el: HTMLInputElement | HTMLTextAreaElement) => Object.getOwnPropertyDescriptor(el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype, 'value')!.set!;
/** Typing: the prototype's setter and a bubbling input event. */
const typeInto = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  proto(el).call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
};
const mountKit = (o: { prefix?: string; react?: 16 | 17 } = {}) => {
  K?.destroy();
  document.body.innerHTML = '';
  K = Fusion.kit(o);
  root = K.root(K.h('div', { id: 'root' }));
  document.body.append(root);
};
const put = (el: Node) => (root.append(el), el);
const p = () => K.prefix;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 5, 10, 9, 0));
  mountKit();
  st = Fusion.store({ name: '', city: '', date: '', mode: '', langs: [], province: '', town: '', owner: { country: '' } });
});
afterEach(() => vi.useRealTimers());

describe('Input / TextArea', () => {
  it('ignores a plain value set, takes the prototype setter + input, and a change event too', () => {
    const el = put(K.Input({ ref: st.ref('name'), id: 'name' })) as HTMLElement;
    const input = el.querySelector('input')!;
    expect(el.className).toBe(`${p()}input ${p()}medium`);
    input.value = '云帆';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(st.read('name')).toBe('');
    // The tracker now holds the naive text: typing the very same text is no change either.
    typeInto(input, '云帆');
    expect(st.read('name')).toBe('');
    typeInto(input, '云帆科技');
    expect(st.read('name')).toBe('云帆科技');
    proto(input).call(input, '云帆客户');
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(st.read('name')).toBe('云帆客户');
  });

  it('shows n/max in input-len and does not cut a script-set value at maxlength', () => {
    const el = put(K.Input({ ref: st.ref('name'), id: 'name', maxLength: 5, hasLimitHint: true })) as HTMLElement;
    const input = el.querySelector('input')!;
    expect(input.getAttribute('maxlength')).toBe('5');
    typeInto(input, '一二三四五六七');
    expect(st.read('name')).toBe('一二三四五六七');
    const len = el.querySelector(`span.${p()}input-control > span.${p()}input-len`)!;
    expect(len.textContent).toBe('7/5');
    expect(len.classList.contains(`${p()}error`)).toBe(true);
  });

  it('leaves the native maxlength out when the string is not cut (counter only)', () => {
    const el = put(K.TextArea({ ref: st.ref('name'), id: 'name', maxLength: 100, hasLimitHint: true, cutString: false, autoHeight: true })) as HTMLElement;
    const real = el.querySelector('textarea[data-real]')!;
    expect(real.hasAttribute('maxlength')).toBe(false);
    expect(real.id).toBe('name');
    // Fusion's measuring twin is there, hidden; writing to it changes nothing.
    const fake = el.querySelector('textarea[data-fake]') as HTMLTextAreaElement;
    typeInto(fake, 'x');
    expect(st.read('name')).toBe('');
  });

  it('React 16 hears a bare blur (captured on the document), React 17 only focusout', () => {
    const blurs: string[] = [];
    const el = put(K.Input({ ref: st.ref('name'), id: 'name', onBlur: () => blurs.push('16') })) as HTMLElement;
    el.querySelector('input')!.dispatchEvent(new Event('blur'));
    expect(blurs).toEqual(['16']);
    mountKit({ react: 17 });
    const el17 = put(K.Input({ ref: st.ref('name'), id: 'name', onBlur: () => blurs.push('17') })) as HTMLElement;
    const input = el17.querySelector('input')!;
    input.dispatchEvent(new Event('blur'));
    expect(blurs).toEqual(['16']);
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(blurs).toEqual(['16', '17']);
  });

  it('lets a disabled field change through React but records the touch of a locked path', () => {
    page().__lockedTouches = [];
    st.lock('name');
    const el = put(K.Input({ ref: st.ref('name'), id: 'name', disabled: true })) as HTMLElement;
    typeInto(el.querySelector('input')!, 'x');
    expect(page().__lockedTouches).toEqual([{ path: 'name', value: 'x' }]);
  });
});

describe('Form.Item', () => {
  it('renders label[for][required] in form-item-label beside form-item-control, errors in form-item-help', () => {
    const item = put(K.FormItem({ label: '软件全称', htmlFor: 'soft.fullName', required: true, children: [K.Input({ ref: st.ref('name'), id: 'soft.fullName' })], validate: () => (st.read('name') ? null : '软件全称 是必填字段') })) as HTMLElement & { __check(): boolean };
    const label = item.querySelector(`:scope > div.${p()}form-item-label > label`)!;
    expect(label.getAttribute('for')).toBe('soft.fullName');
    expect(label.hasAttribute('required')).toBe(true);
    expect(item.querySelector(`:scope > div.${p()}form-item-control #soft\\.fullName`)).not.toBeNull();
    expect(item.__check()).toBe(false);
    expect(item.classList.contains('has-error')).toBe(true);
    expect(item.querySelector(`.${p()}form-item-help`)!.textContent).toBe('软件全称 是必填字段');
  });
});

describe('Select', () => {
  const options = [{ value: '01', label: '应用软件' }, { value: '02', label: '嵌入式软件' }];
  it('renders its menu in body only while open; a click on the li sets the value and the em shows it', () => {
    const sel = put(K.Select({ ref: st.ref('mode'), id: 'soft.category', dataSource: options })) as HTMLElement;
    expect(sel.matches(`span.${p()}select.${p()}select-trigger`)).toBe(true);
    expect(sel.querySelector('input#soft\\.category[role=combobox][readonly]')).not.toBeNull();
    expect(document.querySelector(`.${p()}overlay-wrapper`)).toBeNull();
    sel.click();
    const wrapper = openOverlay(p())!;
    expect(wrapper.parentElement!.parentElement).toBe(document.body);
    expect(sel.contains(wrapper)).toBe(false);
    const li = wrapper.querySelector(`ul.${p()}menu.${p()}select-menu > li.${p()}menu-item.${p()}select-menu-item[role=option][title="嵌入式软件"]`) as HTMLElement;
    expect(li).not.toBeNull();
    li.click();
    expect(st.read('mode')).toBe('02');
    expect(sel.querySelector(`.${p()}select-values em`)!.textContent).toBe('嵌入式软件');
    expect(document.querySelector(`.${p()}overlay-wrapper`)).toBeNull();
  });

  it('ignores writes to the shown text or the combobox input', () => {
    const sel = put(K.Select({ ref: st.ref('mode'), id: 'c', dataSource: options })) as HTMLElement;
    const input = sel.querySelector('input')!;
    typeInto(input, '应用软件');
    (sel.querySelector(`.${p()}select-values`) as HTMLElement).prepend(Object.assign(document.createElement('em'), { textContent: '应用软件' }));
    expect(st.read('mode')).toBe('');
  });

  it('closes on an outside click without a change, and toggles on the trigger', () => {
    const sel = put(K.Select({ ref: st.ref('mode'), id: 'c', dataSource: options })) as HTMLElement;
    sel.click();
    expect(openOverlay(p())).not.toBeNull();
    clickOutside();
    expect(document.querySelector(`.${p()}overlay-wrapper`)).toBeNull();
    sel.click();
    sel.click();
    expect(document.querySelector(`.${p()}overlay-wrapper`)).toBeNull();
    expect(st.read('mode')).toBe('');
  });

  it('shows options that load late and, when cached, keeps the closed menu hidden in body', () => {
    const sel = put(K.Select({ ref: st.ref('mode'), id: 'c', dataSource: [], cache: true })) as HTMLElement & { __fusion: { setDataSource(o: unknown[]): void } };
    sel.click();
    expect(openOverlay(p())!.querySelector(`.${p()}select-menu-empty-content`)!.textContent).toBe('无选项');
    sel.__fusion.setDataSource(options);
    (openOverlay(p())!.querySelector('li[title="应用软件"]') as HTMLElement).click();
    expect(st.read('mode')).toBe('01');
    const hidden = document.querySelector(`.${p()}overlay-wrapper`) as HTMLElement;
    expect(hidden.style.display).toBe('none');
    expect(hidden.querySelector(`.${p()}overlay-inner`)!.getAttribute('aria-hidden')).toBe('true');
    expect(openOverlay(p())).toBeNull();
  });
});

describe('DatePicker (v1)', () => {
  const mountPicker = () => put(K.DatePicker({ ref: st.ref('date'), id: 'soft.completionDate' })) as HTMLElement;
  const panelInput = () => openOverlay(p())!.querySelector(`.${p()}date-picker-panel-input input`) as HTMLInputElement;

  it('has a read-only trigger and its id on the outer div; typing into the trigger does nothing', () => {
    const dp = mountPicker();
    expect(dp.matches(`div.${p()}date-picker#soft\\.completionDate`)).toBe(true);
    const trig = dp.querySelector(`.${p()}date-picker-trigger input`) as HTMLInputElement;
    expect(trig.hasAttribute('readonly')).toBe(true);
    expect(trig.placeholder).toBe('请选择日期');
    typeInto(trig, '2026-06-30');
    trig.dispatchEvent(new Event('blur'));
    expect(st.read('date')).toBe('');
  });

  it('commits the panel input on blur and on Enter (keyCode 13)', () => {
    const dp = mountPicker();
    (dp.querySelector(`.${p()}date-picker-trigger`) as HTMLElement).click();
    typeInto(panelInput(), '2026-06-30');
    expect(st.read('date')).toBe('');
    panelInput().dispatchEvent(new Event('blur'));
    expect(st.read('date')).toBe('2026-06-30');
    typeInto(panelInput(), '2026-07-01');
    panelInput().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(st.read('date')).toBe('2026-06-30');
    enter(panelInput());
    expect(st.read('date')).toBe('2026-07-01');
    expect((dp.querySelector(`.${p()}date-picker-trigger input`) as HTMLInputElement).value).toBe('2026-07-01');
  });

  it('drops a text that is not strictly YYYY-MM-DD or not a day', () => {
    const dp = mountPicker();
    (dp.querySelector(`.${p()}date-picker-trigger`) as HTMLElement).click();
    for (const bad of ['2026/06/30', '2026-6-30', '2026-02-30', '30.06.2026']) {
      typeInto(panelInput(), bad);
      enter(panelInput());
      expect(st.read('date'), bad).toBe('');
      expect(panelInput().value).toBe('');
    }
  });

  it('commits a calendar click and closes; the popup exists only while open', () => {
    const dp = mountPicker();
    expect(document.querySelector(`.${p()}date-picker-body`)).toBeNull();
    (dp.querySelector(`.${p()}date-picker-trigger`) as HTMLElement).click();
    const cells = [...openOverlay(p())!.querySelectorAll(`td.${p()}calendar-cell`)];
    // The grid starts on a Sunday and shows the neighbours' days, marked.
    expect(cells).toHaveLength(42);
    expect(cells[0].getAttribute('title')).toBe('2026-05-31');
    expect(cells[0].classList.contains(`${p()}calendar-cell-prev-month`)).toBe(true);
    (openOverlay(p())!.querySelector('td[title="2026-06-15"]') as HTMLElement).click();
    expect(st.read('date')).toBe('2026-06-15');
    expect(document.querySelector(`.${p()}date-picker-body`)).toBeNull();
  });
});

describe('DatePicker2', () => {
  it('has an editable input that commits only on Enter; blur does nothing; an outside click restores the text', async () => {
    st.ref('date').set('2026-01-02');
    const dp = put(K.DatePicker2({ ref: st.ref('date'), id: 'soft.completionDate' })) as HTMLElement;
    expect(dp.matches(`div.${p()}date-picker2#soft\\.completionDate`)).toBe(true);
    const input = dp.querySelector(`.${p()}date-picker2-input input`) as HTMLInputElement;
    expect(input.hasAttribute('readonly')).toBe(false);
    (dp.querySelector('[role=button]') as HTMLElement).click();
    typeInto(input, '2026-06-30');
    input.dispatchEvent(new Event('blur'));
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(st.read('date')).toBe('2026-01-02');
    clickOutside();
    expect(input.value).toBe('2026-01-02');
    await advance(200);
    expect(openOverlay(p())).toBeNull();
    typeInto(input, '2026-06-30');
    enter(input);
    expect(st.read('date')).toBe('2026-06-30');
    await advance(200);
    expect(openOverlay(p())).toBeNull();
  });

  it("parses leniently as dayjs does and clears the value on a text it cannot parse", () => {
    const dp = put(K.DatePicker2({ ref: st.ref('date'), id: 'd' })) as HTMLElement;
    const input = dp.querySelector('input') as HTMLInputElement;
    typeInto(input, '2026/6/3');
    enter(input);
    expect(st.read('date')).toBe('2026-06-03');
    typeInto(input, '2026年6月3日');
    enter(input);
    expect(st.read('date')).toBe('');
  });
});

describe('Radio / Checkbox', () => {
  const modes = [{ value: '1', label: '单独开发' }, { value: '2', label: '合作开发' }];
  it('takes a click on the label, never a .checked set', () => {
    const group = put(K.RadioGroup({ ref: st.ref('mode'), id: 'soft.devMode', name: 'soft.devMode', dataSource: modes })) as HTMLElement;
    expect(group.matches(`div.${p()}radio-group[role=radiogroup]#soft\\.devMode`)).toBe(true);
    const [a, b] = [...group.querySelectorAll(`label.${p()}radio-wrapper`)] as HTMLElement[];
    expect(a.querySelector(`:scope > span.${p()}radio > input.${p()}radio-input[type=radio]`)).not.toBeNull();
    expect(a.querySelector(`:scope > span.${p()}radio-label`)!.textContent).toBe('单独开发');
    const input = b.querySelector('input') as HTMLInputElement;
    input.checked = true;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(st.read('mode')).toBe('');
    // React's tracker now believes B is checked: a click on it is no change either.
    b.click();
    expect(st.read('mode')).toBe('');
    (a.querySelector(`.${p()}radio-label`) as HTMLElement).click();
    expect(st.read('mode')).toBe('1');
    b.click();
    expect(st.read('mode')).toBe('2');
    expect(a.classList.contains('checked')).toBe(false);
    expect(b.classList.contains('checked')).toBe(true);
  });

  it('checkboxes toggle on clicks; a cap disables the rest or, validating, only warns', () => {
    const tags = ['APP', '游戏软件', '教育软件', '金融软件'].map((t) => ({ value: t, label: t }));
    const box = put(K.CheckboxGroup({ ref: st.ref('langs'), id: 'tags', dataSource: tags, max: 3 })) as HTMLElement;
    const labels = [...box.querySelectorAll(`label.${p()}checkbox-wrapper`)] as HTMLElement[];
    const naive = labels[0].querySelector('input') as HTMLInputElement;
    naive.checked = true;
    naive.dispatchEvent(new Event('change', { bubbles: true }));
    expect(st.read('langs')).toEqual([]);
    naive.checked = false;
    for (const l of labels) l.click();
    expect(st.read('langs')).toEqual(['APP', '游戏软件', '教育软件']);
    expect((labels[3].querySelector('input') as HTMLInputElement).disabled).toBe(true);
    labels[1].click();
    expect(st.read('langs')).toEqual(['APP', '教育软件']);

    st.ref('langs').set([]);
    const warn = put(K.CheckboxGroup({ ref: st.ref('langs'), id: 'tags2', dataSource: tags, max: 3, overMax: 'validate', maxText: '最多选择3项' })) as HTMLElement;
    for (const l of warn.querySelectorAll(`label.${p()}checkbox-wrapper`)) (l as HTMLElement).click();
    expect(st.read('langs')).toHaveLength(4);
    expect(warn.querySelector(`.${p()}form-item-help`)!.textContent).toBe('最多选择3项');
  });
});

describe('CascaderSelect', () => {
  const tree = [
    { value: '江苏省', label: '江苏省', children: [{ value: '南京市', label: '南京市' }, { value: '常州市', label: '常州市' }] },
    { value: '北京市', label: '北京市', children: [{ value: '北京市', label: '北京市' }] },
  ];
  it('opens one menu per level in body and commits the path on the leaf', () => {
    const cs = put(K.CascaderSelect({ refs: [st.ref('province'), st.ref('city')], id: 'owners.0.region', dataSource: tree })) as HTMLElement;
    expect(cs.matches(`span.${p()}select.${p()}cascader-select.${p()}select-trigger`)).toBe(true);
    cs.click();
    const menus = () => [...openOverlay(p())!.querySelectorAll(`ul.${p()}cascader-menu`)];
    expect(menus()).toHaveLength(1);
    (menus()[0].querySelector(`li.${p()}cascader-menu-item[title="江苏省"]`) as HTMLElement).click();
    expect(st.read('province')).toBe('');
    expect(menus()).toHaveLength(2);
    (menus()[1].querySelector('li[title="常州市"]') as HTMLElement).click();
    expect([st.read('province'), st.read('city')]).toEqual(['江苏省', '常州市']);
    expect(cs.querySelector(`.${p()}select-values em`)!.textContent).toBe('江苏省 / 常州市');
    expect(document.querySelector(`.${p()}overlay-wrapper`)).toBeNull();
  });

  it('commits every level with changeOnSelect and refuses clicks while disabled', () => {
    const cs = put(K.CascaderSelect({ refs: [st.ref('province'), st.ref('city')], id: 'r', dataSource: tree, changeOnSelect: true })) as HTMLElement & { __fusion: { setDisabled(v: boolean): void } };
    cs.click();
    (openOverlay(p())!.querySelector('li[title="江苏省"]') as HTMLElement).click();
    expect(st.read('province')).toBe('江苏省');
    clickOutside();
    cs.__fusion.setDisabled(true);
    cs.click();
    expect(openOverlay(p())).toBeNull();
  });
});

describe('Dialog, Tab, Upload', () => {
  it('renders a dialog into body only while open', () => {
    const d = K.Dialog({ title: '添加著作权人', body: () => K.h('div', {}, '内容') });
    expect(document.querySelector(`.${p()}dialog`)).toBeNull();
    d.open();
    const dialog = document.querySelector(`div.${p()}overlay-wrapper > div.${p()}dialog-wrapper > div.${p()}dialog[role=dialog]`)!;
    expect(dialog.querySelector(`.${p()}dialog-header`)!.textContent).toBe('添加著作权人');
    d.hide();
    expect(document.querySelector(`.${p()}dialog`)).toBeNull();
  });

  it('mounts a tab pane on first activation and keeps it hidden afterwards', () => {
    const tab = put(K.Tab({ items: [{ key: 'smart', title: '智能识别', render: () => K.h('div', { id: 'smart' }) }, { key: 'manual', title: '手动填写', render: () => K.h('div', { id: 'manual' }) }], active: 'smart' })) as HTMLElement;
    expect(document.getElementById('manual')).toBeNull();
    (tab.querySelectorAll(`li.${p()}tabs-tab`)[1] as HTMLElement).click();
    expect(document.getElementById('manual')).not.toBeNull();
    expect(document.getElementById('smart')!.parentElement!.classList.contains('hidden')).toBe(true);
  });

  it('records anything that sets an upload', () => {
    page().__uploads = [];
    const up = put(K.Upload({ ref: st.ref('langs'), name: 'material.programFile', accept: '.pdf', text: '上传' })) as HTMLElement;
    up.querySelector('input[type=file]')!.dispatchEvent(new Event('change'));
    expect(page().__uploads).toEqual([{ name: 'material.programFile', files: [] }]);
  });
});

describe('the class prefix', () => {
  it('is applied everywhere, popups included, and next- appears nowhere', () => {
    mountKit({ prefix: 'xdemo-' });
    put(K.FormItem({ label: '软件分类', htmlFor: 'c', children: [K.Select({ ref: st.ref('mode'), id: 'c', dataSource: [{ value: 'a', label: 'A' }] })] }));
    put(K.DatePicker({ ref: st.ref('date'), id: 'd' }));
    put(K.CascaderSelect({ refs: [st.ref('province'), st.ref('city')], id: 'r', dataSource: [{ value: 'x', label: 'x', children: [{ value: 'y', label: 'y' }] }] }));
    put(K.RadioGroup({ ref: st.ref('town'), id: 't', name: 't', dataSource: [{ value: '1', label: '一' }] }));
    (document.querySelector('.xdemo-select-trigger') as HTMLElement).click();
    expect(document.querySelector('div.xdemo-form-item > div.xdemo-form-item-label > label[for=c]')).not.toBeNull();
    expect(document.querySelector('.xdemo-overlay-wrapper li.xdemo-select-menu-item')).not.toBeNull();
    clickOutside();
    (document.querySelector('.xdemo-date-picker-trigger') as HTMLElement).click();
    expect(document.querySelector('.xdemo-overlay-wrapper .xdemo-date-picker-panel-input input')).not.toBeNull();
    const classes = [...document.querySelectorAll('[class]')].flatMap((el) => [...el.classList]);
    expect(classes.filter((c) => c.startsWith('next-'))).toEqual([]);
    expect(classes.filter((c) => c.startsWith('xdemo-')).length).toBeGreaterThan(40);
    expect(document.querySelector('style[data-fusion-prefix="xdemo-"]')!.textContent).toContain('.xdemo-tabs-tabpane.hidden');
  });
});
