import { beforeEach, describe, expect, it } from 'vitest';
import { collect, type SignalSource } from '@/utils/content/fill/collect';

beforeEach(() => {
  document.body.innerHTML = '';
});

/** The signals of the only (or the n-th) collected control, as [source, text] pairs. */
function signals(html: string, n = 0): [SignalSource, string][] {
  document.body.innerHTML = html;
  const { controls } = collect(document.body);
  return controls[n].signals.map((s) => [s.source, s.text]);
}

describe('label inference: every signal kept separately with its source', () => {
  it.each<[string, string, [SignalSource, string][]]>([
    ['label[for] at an id', '<label for="sn">软件全称：</label><input id="sn">', [['label', '软件全称'], ['prev-text', '软件全称'], ['name', 'sn']]],
    ['a wrapping label', '<label>版本号 <input name="ver"></label>', [['label', '版本号'], ['prev-text', '版本号'], ['name', 'ver']]],
    [
      'Element form item: label text, and the model property its for= carries while the input has no id',
      '<div class="el-form-item is-required"><label class="el-form-item__label" for="softwareName"><span>*</span>软件全称</label><div class="el-form-item__content"><div class="el-input"><input placeholder="请输入软件全称"></div></div></div>',
      [['form-label', '软件全称'], ['prop', 'softwareName'], ['prev-text', '软件全称'], ['placeholder', '软件全称']],
    ],
    [
      'a .fillin_item section title (h3, not a label)',
      '<div class="fillin_item"><h3>开发的硬件环境</h3><div class="fillin_content"><div class="el-input"><input maxlength="50"></div></div></div>',
      [['title', '开发的硬件环境'], ['prev-text', '开发的硬件环境']],
    ],
    ['aria-labelledby and aria-label', '<span id="l1">邮政编码</span><input aria-labelledby="l1" aria-label="邮编">', [['prev-text', '邮政编码'], ['aria', '邮编'], ['aria', '邮政编码']]],
    ['text before the control, not the text of a control before it', '<div>联系电话 <input> 固定电话 <input></div>', [['prev-text', '固定电话']]],
  ])('%s', (_name, html, want) => {
    const n = html.split('<input').length - 2;
    expect(signals(html, n)).toEqual(want);
  });

  it('stops at a neighbouring control rather than borrowing its label', () => {
    document.body.innerHTML = '<div>软件全称 <input><input></div>';
    const { controls } = collect(document.body);
    expect(controls[1].signals).toEqual([]);
  });
});

describe('control kinds', () => {
  it('collects composites once and skips what is never ours to fill', () => {
    document.body.innerHTML = `
      <div class="hd-select"><input readonly placeholder="请选择"></div>
      <div class="datePicker"><input readonly></div>
      <div class="el-radio-group"><div class="el-radio"><input type="radio" class="el-radio__original"><span class="el-radio__label">原创</span></div><div class="el-radio is-checked"><span class="el-radio__label">修改</span></div></div>
      <div class="el-checkbox-group"><div class="el-checkbox" role="checkbox" aria-checked="true"><span class="el-checkbox__label">Java</span></div><div class="el-checkbox"><span class="el-checkbox__label">Go</span></div></div>
      <div role="group"><input placeholder="在一个无关的 group 里"></div>
      <input type="password"><input type="file"><input type="hidden"><input type="checkbox"><textarea></textarea>`;
    const { controls } = collect(document.body);
    expect(controls.map((c) => c.kind)).toEqual(['select', 'date', 'radio', 'checkbox', 'text', 'text']);
    expect(controls[2]).toMatchObject({ options: ['原创', '修改'], checked: ['修改'], value: '修改' });
    expect(controls[3]).toMatchObject({ options: ['Java', 'Go'], checked: ['Java'], value: 'Java' });
    expect(controls[1].readonly).toBe(true);
  });

  it('reads the page limit from maxlength, else from its n/max counter', () => {
    document.body.innerHTML = '<input maxlength="50"><div class="el-textarea"><textarea></textarea><span class="el-input__count">0/1300</span></div><input>';
    expect(collect(document.body).controls.map((c) => c.maxLength)).toEqual([50, 1300, null]);
  });
});

describe('visibility and state', () => {
  it.each([
    ['visible', '<input>', true],
    ['inside display:none', '<div style="display:none"><input></div>', false],
    ['visibility:hidden', '<input style="visibility:hidden">', false],
    ['a transparent text box (honeypot)', '<input style="opacity:0">', false],
    ['hidden by a stylesheet class', '<style>.en-name{display:none}</style><div class="en-name"><input></div>', false],
    ['inside a transparent parent', '<div style="opacity:0"><div><input></div></div>', false],
    ['nearly transparent through two ancestors', '<div style="opacity:0.3"><div style="opacity:0.2"><input></div></div>', false],
    ['content-visibility: hidden', '<div style="content-visibility:hidden"><input></div>', false],
  ])('%s', (_name, html, visible) => {
    document.body.innerHTML = html;
    expect(collect(document.body).controls[0].visible).toBe(visible);
  });

  it.each([
    ['disabled input', '<input disabled>', false],
    ['inside a disabled fieldset', '<fieldset disabled><input></fieldset>', false],
    ['Element is-disabled wrapper', '<div class="hd-select is-disabled"><input readonly></div>', false],
    ['a select whose input is disabled', '<div class="hd-select"><input readonly disabled></div>', false],
    ['enabled', '<input>', true],
  ])('%s', (_name, html, enabled) => {
    document.body.innerHTML = html;
    expect(collect(document.body).controls[0].enabled).toBe(enabled);
  });

  it('puts controls of owner rows in their row scope', () => {
    document.body.innerHTML = '<input><div class="owner-row"><input></div><div class="owner-row"><input><input></div>';
    expect(collect(document.body, { rows: '.owner-row' }).controls.map((c) => c.scope)).toEqual([null, 0, 1, 1]);
  });

  it('knows our own earlier fill from the user\'s text by the marks', () => {
    document.body.innerHTML = '<input value="云帆CRM"><input value="用户写的">';
    const [ours, theirs] = [...document.querySelectorAll('input')];
    const marks = new WeakMap<Element, string>([[ours, '云帆CRM'], [theirs, '别的值']]);
    expect(collect(document.body, { marks }).controls.map((c) => c.ours)).toEqual([true, false]);
  });
});
