import { describe, expect, it } from 'vitest';
import { labelText, placeholderText, splitList } from '@/utils/text/normalize';
import { pickOption, regionKey, sameOption } from '@/utils/text/options';

describe('labelText: Chinese kept whole, markers and spacing gone', () => {
  it.each([
    ['*软件全称', '软件全称'],
    ['＊ 软件全称：', '软件全称'],
    ['软件全称:', '软件全称'],
    ['名　称', '名称'],
    ['\u200b证件号码\u200b', '证件号码'],
    ['软件开发环境 / 开发工具', '软件开发环境 / 开发工具'],
    ['（必填）版本号', '(必填)版本号'],
    ['Ｅｍａｉｌ 地址', 'Email 地址'],
  ])('%j → %j', (raw, want) => {
    expect(labelText(raw)).toBe(want);
  });

  it('keeps every Han character (a filler that strips non-ASCII sees no label at all)', () => {
    expect(labelText('开发该软件的操作系统')).toBe('开发该软件的操作系统');
  });
});

describe('placeholderText', () => {
  it.each([
    ['请输入软件全称', '软件全称'],
    ['请选择 权利范围', '权利范围'],
    ['请输入源程序量（行）', '源程序量(行)'],
    ['区号-号码', '区号-号码'],
    // A clause before the request goes too.
    ['若有需要，请输入其他编程语言', '其他编程语言'],
    ['请简要描述软件的技术特点，100字以内', '软件的技术特点,100字以内'],
  ])('%j → %j', (raw, want) => expect(placeholderText(raw)).toBe(want));
});

describe('regions compare without their suffix', () => {
  it.each([
    ['北京市', '北京'],
    ['内蒙古自治区', '内蒙古'],
    ['广西壮族自治区', '广西'],
    ['新疆维吾尔自治区', '新疆'],
    ['香港特别行政区', '香港'],
    ['广东省', '广东'],
    // Too short once cut: kept whole.
    ['城市', '城市'],
  ])('%s → %s', (raw, want) => expect(regionKey(raw)).toBe(want));

  it('sameOption: regions, synonyms, case', () => {
    expect(sameOption('北京市', '北京')).toBe(true);
    expect(sameOption('事业单位法人', '事业法人')).toBe(true);
    expect(sameOption('社会团体法人', '社团法人')).toBe(true);
    expect(sameOption('javascript', 'JavaScript')).toBe(true);
    expect(sameOption('企业法人', '机关法人')).toBe(false);
  });
});

describe('pickOption: the one option meant, never a guess', () => {
  const provinces = ['北京', '天津', '内蒙古', '广西'];
  const categories = ['自然人', '企业法人', '机关法人', '事业法人', '社团法人', '其他组织'];
  const languages = ['C', 'C++', 'Java', 'JavaScript', 'TypeScript'];
  it.each([
    ['exact', '企业法人', categories, { ok: true, index: 1, how: 'exact' }],
    ['region suffix', '北京市', provinces, { ok: true, index: 0, how: 'equivalent' }],
    ['autonomous region', '内蒙古自治区', provinces, { ok: true, index: 2, how: 'equivalent' }],
    ['synonym', '事业单位法人', categories, { ok: true, index: 3, how: 'equivalent' }],
    ['exact beats containment', 'Java', languages, { ok: true, index: 2, how: 'exact' }],
    ['a single letter is exact only', 'C', languages, { ok: true, index: 0, how: 'exact' }],
    ['unique containment', '个人', ['个人用户', '机构用户'], { ok: true, index: 0, how: 'equivalent' }],
    ['unique partial', '应用', ['应用软件', '嵌入式软件'], { ok: true, index: 0, how: 'partial' }],
  ] as const)('%s', (_name, wanted, options, want) => {
    expect(pickOption(wanted, options)).toEqual(want);
  });

  it.each([
    ['two partial candidates', '法人', categories, 'ambiguous'],
    ['absent', '外星法人', categories, 'missing'],
    ['empty wanted', '', categories, 'missing'],
    ['no options', '北京', [], 'missing'],
  ] as const)('%s → not picked (%s)', (_name, wanted, options, reason) => {
    expect(pickOption(wanted, options)).toMatchObject({ ok: false, reason });
  });
});

describe('a saved record in a list, its ID number masked', () => {
  const options = ['陈静（4403****682X）', '陈静（1101****0012）', '北京云帆科技有限公司（9111****KX5Q）'];
  it('is chosen by the digits its mask shows, never by the name alone', () => {
    expect(pickOption('陈静（44030419910815682X）', options)).toMatchObject({ ok: true, index: 0 });
    expect(sameOption('陈静（4403****682X）', '陈静（44030419910815682X）')).toBe(true);
    // A namesake whose visible digits differ is no match, and the bare name matches no masked option.
    expect(pickOption('陈静（440304199108150000）', options)).toMatchObject({ ok: false });
    expect(pickOption('陈静', options)).toMatchObject({ ok: false });
    expect(pickOption('陈静', ['陈静', '李娜'])).toMatchObject({ ok: true, index: 0 });
  });
});

describe('splitList', () => {
  it.each([
    ['Java、JavaScript', ['Java', 'JavaScript']],
    ['C, C++；Python', ['C', 'C++', 'Python']],
    // Never at "/": PL/SQL and Delphi/Object Pascal are one language each.
    ['PL/SQL、Delphi/Object Pascal；SQL', ['PL/SQL', 'Delphi/Object Pascal', 'SQL']],
    ['Go，Rust / Kotlin', ['Go', 'Rust / Kotlin']],
    ['  ', []],
  ])('%j', (raw, want) => expect(splitList(raw)).toEqual(want));
});
