import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Finding } from '@/utils/schema/finding';
import { Owner } from '@/utils/schema/owner';
import { Work } from '@/utils/schema/work';
import { countChars, FIELD_LIMITS } from '@/utils/rules/limits';
import { checkDeclaredLanguages, checkWork, suggestVersion, VERSION_PATTERN } from '@/utils/rules/work';
import { sampleBundle } from '../helpers';

const TODAY = '2026-11-23';
const bundle = sampleBundle();
const [person, company]: Owner[] = bundle.owners.map((o: unknown) => Owner.parse(o));
const crm: Work = Work.parse(bundle.works[0]);
const owners = [person, company];
const ruleAndKey = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.key}:${f.severity}`);
const check = (patch: Partial<Work>, today = TODAY) => ruleAndKey(checkWork({ ...crm, ...patch }, owners, today));

describe('checkWork', () => {
  it('finds nothing wrong with the sample work', () => {
    expect(checkWork(crm, owners, TODAY)).toEqual([]);
  });

  it('defaults today to the current day', () => {
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    expect(ruleAndKey(checkWork({ ...crm, published: false, firstPublishedDate: '', firstPublishedCountry: '', firstPublishedCity: '', completionDate: day }, owners))).toEqual([
      'work.dates@completionDate:error',
    ]);
  });
});

describe('work.fullname', () => {
  it.each<[string, string[]]>([
    ['云帆客户关系管理系统', []],
    ['云帆CRM软件', []],
    ['云帆记账APP', []],
    ['云帆记账app', []],
    ['云帆点餐小程序', []],
    ['Yunfan CRM System', ['work.fullname@fullName:warning']], // English names end in English words: only a warning
    ['基于Vue3的管理平台', []], // Vue3 is a word, not a version
    ['', ['work.fullname@fullName:error']],
    ['   ', ['work.fullname@fullName:error']],
    ['云帆客户关系管理', ['work.fullname@fullName:warning']],
    ['云帆客户关系管理系统V1.0', ['work.fullname@fullName:error', 'work.fullname@fullName:warning']],
    ['云帆客户关系管理系统 v2', ['work.fullname@fullName:error', 'work.fullname@fullName:warning']],
    ['云帆客户关系管理系统2.0版', ['work.fullname@fullName:error', 'work.fullname@fullName:warning']],
    ['云帆客户关系管理系统（版本一）', ['work.fullname@fullName:error']],
    ['《云帆》客户关系管理系统', ['work.fullname@fullName:error']],
    ['云帆/客户关系管理系统', ['work.fullname@fullName:error']],
    ['云帆“CRM”系统', ['work.fullname@fullName:error']],
    ['云帆客户关系管理系统（企业版）', []],
    ['云帆客户关系管理（企业版）', ['work.fullname@fullName:warning']],
    ['云帆C++开发工具', []],
  ])('%s', (fullName, expected) => expect(check({ fullName, shortName: '' })).toEqual(expected));

  it('names the refused symbols', () => {
    const [f] = checkWork({ ...crm, fullName: '《云帆》客户关系管理系统' }, owners, TODAY);
    expect(f.message).toContain('《 》');
  });

  it("checks the name's length only when the page states a limit", () => {
    const long = '云'.repeat(60) + '系统';
    expect(checkWork({ ...crm, fullName: long, shortName: '' }, owners, TODAY)).toEqual([]);
    expect(ruleAndKey(checkWork({ ...crm, fullName: long, shortName: '' }, owners, TODAY, { fullName: { max: 50 } }))).toEqual(['work.fullname@fullName:error']);
  });
});

describe('work.shortname', () => {
  it.each<[string, string[]]>([
    ['云帆CRM', []],
    ['', []],
    ['云帆客户关系管理系统', ['work.shortname@shortName:warning']],
    // Longer than the full name, and with 平台, a word the full name lacks.
    ['云帆客户关系管理系统平台', ['work.shortname@shortName:warning', 'work.shortname@shortName:warning']],
    ['云帆客户', []],
    ['云帆管家', ['work.shortname@shortName:warning']],
    ['无', ['work.shortname@shortName:warning']],
    ['N/A', ['work.shortname@shortName:warning']],
  ])('%s', (shortName, expected) => expect(check({ shortName })).toEqual(expected));

  it('names the words the full name lacks, and tells to leave the field empty rather than 无', () => {
    expect(checkWork({ ...crm, shortName: '云帆管家' }, owners, TODAY)[0].message).toContain('“家”不在全称中');
    expect(checkWork({ ...crm, shortName: '无' }, owners, TODAY)[0].message).toMatch(/留空/);
  });
});

describe('work.tags', () => {
  it.each<[string[], string[]]>([
    [['云计算软件'], []],
    [['APP', '小程序', '大数据软件'], []],
    [['APP', '小程序', '大数据软件', '游戏软件'], ['work.tags@featureTags:error']],
    [['区块链软件'], ['work.tags@featureTags:error']],
    [['app'], []],
  ])('%j', (featureTags, expected) => expect(check({ featureTags })).toEqual(expected));
});

describe('work.languages on a page', () => {
  it.each<[string, { ticked: string[]; other: string[] }, string[], string[]]>([
    ['everything declared', { ticked: ['Java', 'JavaScript'], other: [] }, ['Java', 'JavaScript'], []],
    ['a language of the program undeclared', { ticked: ['Java'], other: [] }, ['Java', 'CSS'], ['work.languages@languages:warning']],
    ['the rest in the other box', { ticked: ['Go'], other: ['Rust', 'Shell'] }, ['Go', 'Rust', 'Shell'], []],
    ['a listed language typed into the other box', { ticked: [], other: ['java'] }, ['Java'], ['work.languages@languagesOther:warning']],
    // JavaScript ticked does not declare Java.
    ['Java is not JavaScript', { ticked: ['JavaScript'], other: [] }, ['Java'], ['work.languages@languages:warning']],
  ])('%s', (_name, declared, program, expected) => expect(ruleAndKey(checkDeclaredLanguages(declared, program))).toEqual(expected));
});

describe('work.version', () => {
  it.each(['V1.0', 'V2.1.3', 'V1', 'V10.0.12'])('accepts %s', (version) => expect(check({ version })).toEqual([]));

  it.each<[string, string | null]>([
    ['v1.0', 'V1.0'],
    ['1.0', 'V1.0'],
    ['V 1.0', 'V1.0'],
    ['V1.0版', 'V1.0'],
    ['Ｖ１．０', 'V1.0'],
    ['V1.0.', 'V1.0'],
    ['V1..0', 'V1'],
    ['第一版', null],
  ])('rejects %s', (version, hint) => {
    const fs = checkWork({ ...crm, version }, owners, TODAY);
    expect(ruleAndKey(fs)).toEqual(['work.version@version:error']);
    if (hint) expect(fs[0].message).toContain(`可改为 ${hint}`);
    else expect(fs[0].message).not.toContain('可改为');
    expect(suggestVersion(version)).toBe(hint);
  });

  it('leaves an empty version to the required-field check of the page', () => {
    expect(check({ version: '' })).toEqual([]);
    expect(VERSION_PATTERN.test('V1.0')).toBe(true);
  });
});

describe('work.dates', () => {
  const unpublished = { published: false, firstPublishedDate: '', firstPublishedCountry: '', firstPublishedCity: '' };
  it.each<[string, Partial<Work>, string[]]>([
    ['published after completion', { completionDate: '2026-06-30', firstPublishedDate: '2026-08-01' }, []],
    ['published on the completion day', { completionDate: '2026-06-30', firstPublishedDate: '2026-06-30' }, []],
    ['completed today', { ...unpublished, completionDate: TODAY }, []],
    ['completion in the future', { ...unpublished, completionDate: '2026-11-24' }, ['work.dates@completionDate:error']],
    ['completion day that does not exist', { ...unpublished, completionDate: '2026-02-29' }, ['work.dates@completionDate:error']],
    ['published before completion', { completionDate: '2026-06-30', firstPublishedDate: '2026-06-29' }, ['work.dates@firstPublishedDate:error']],
    ['published in the future', { completionDate: '2026-06-30', firstPublishedDate: '2026-12-01' }, ['work.dates@firstPublishedDate:error']],
    ['publication day that does not exist', { firstPublishedDate: '2026-09-31' }, ['work.dates@firstPublishedDate:error']],
    ['published without a date', { firstPublishedDate: '' }, ['work.dates@firstPublishedDate:error']],
    ['unpublished with a date and place', { published: false }, ['work.dates@firstPublishedDate:error', 'work.dates@firstPublishedCountry:error', 'work.dates@firstPublishedCity:error']],
    ['unpublished and clean', unpublished, []],
    ['no dates yet', { ...unpublished, completionDate: '' }, []],
  ])('%s', (_name, patch, expected) => expect(check(patch)).toEqual(expected));

  it('says which dates are in the wrong order', () => {
    const [f] = checkWork({ ...crm, completionDate: '2026-06-30', firstPublishedDate: '2026-06-29' }, owners, TODAY);
    expect(f.message).toBe('首次发表日期 2026-06-29 早于开发完成日期 2026-06-30 / first published on 2026-06-29, before the completion date 2026-06-30');
  });
});

describe('work.development-mode', () => {
  it.each<[string, Partial<Work>, string[]]>([
    ['alone with one owner', { developmentMode: '单独开发', ownerIds: ['o-yunfan'] }, []],
    ['alone with two owners', { developmentMode: '单独开发', ownerIds: ['o-yunfan', 'o-zhang-san'] }, ['work.development-mode@developmentMode:warning']],
    ['alone with the same owner twice', { developmentMode: '单独开发', ownerIds: ['o-yunfan', 'o-yunfan'] }, []],
    ['together with two owners', { developmentMode: '合作开发', ownerIds: ['o-yunfan', 'o-zhang-san'] }, ['work.development-mode@developmentMode:info']],
    ['together with one owner', { developmentMode: '合作开发', ownerIds: ['o-yunfan'] }, ['work.development-mode@developmentMode:warning', 'work.development-mode@developmentMode:info']],
    ['commissioned', { developmentMode: '委托开发' }, ['work.development-mode@developmentMode:info']],
    ['by assigned task', { developmentMode: '下达任务开发' }, ['work.development-mode@developmentMode:info']],
    ['not chosen yet', { developmentMode: '' }, []],
  ])('%s', (_name, patch, expected) => expect(check(patch)).toEqual(expected));

  it('names the owners and the completion date', () => {
    const [alone] = checkWork({ ...crm, developmentMode: '单独开发', ownerIds: ['o-yunfan', 'o-zhang-san'] }, owners, TODAY);
    expect(alone.message).toContain('北京云帆科技有限公司、张三');
    const [agreement] = checkWork({ ...crm, developmentMode: '合作开发', ownerIds: ['o-yunfan', 'o-zhang-san'] }, owners, TODAY);
    expect(agreement.message).toContain('2026-06-30');
  });
});

describe('work.rights', () => {
  it.each<[string, Partial<Work>, string[]]>([
    ['original, all rights', { rightsAcquisition: '原始取得', rightsScope: '全部权利' }, []],
    ['acquired', { rightsAcquisition: '继受取得' }, ['work.rights@rightsAcquisition:info']],
    ['partial rights', { rightsScope: '部分权利' }, ['work.rights@rightsScope:info']],
  ])('%s', (_name, patch, expected) => expect(check(patch)).toEqual(expected));
});

describe('work.lengths', () => {
  it('has one limit table with the numbers of docs/PORTALS.md', () => {
    expect(FIELD_LIMITS).toMatchObject({
      devHardware: { max: 50 },
      runHardware: { max: 50 },
      devOs: { max: 50 },
      devTools: { max: 50 },
      runPlatform: { max: 50 },
      runSupport: { max: 50 },
      languages: { max: 120 },
      purpose: { max: 50 },
      domain: { max: 50 },
      mainFunctions: { min: 500, max: 1300 },
      technicalFeatures: { max: 100 },
    });
  });

  it.each(Object.entries(FIELD_LIMITS))('%s: the limit itself passes, one more fails', (key, limit) => {
    expect(check({ [key]: '字'.repeat(limit.max) })).toEqual([]);
    expect(check({ [key]: '字'.repeat(limit.max + 1) })).toEqual([`work.lengths@${key}:error`]);
  });

  it('needs at least 500 characters of main functions', () => {
    expect(check({ mainFunctions: '字'.repeat(500) })).toEqual([]);
    expect(check({ mainFunctions: '字'.repeat(499) })).toEqual(['work.lengths@mainFunctions:error']);
    expect(check({ mainFunctions: '' })).toEqual(['work.lengths@mainFunctions:error']);
  });

  it("uses the page's own counter when it states one", () => {
    const text = '字'.repeat(1200);
    expect(check({ mainFunctions: text })).toEqual([]);
    expect(ruleAndKey(checkWork({ ...crm, mainFunctions: text }, owners, TODAY, { mainFunctions: { min: 500, max: 1000 } }))).toEqual(['work.lengths@mainFunctions:error']);
    expect(check({ mainFunctions: '字'.repeat(1301) })).toEqual(['work.lengths@mainFunctions:error']);
  });

  it('counts a Windows line break once', () => {
    expect(countChars('a\r\nb')).toBe(3);
    expect(countChars('软件\n')).toBe(3);
  });

  it.each<[unknown, boolean]>([
    [32000, true],
    [1, true],
    [undefined, true],
    [0, false],
    [-5, false],
    [12.5, false],
    [Number.NaN, false],
    ['3000', false],
    // Found by the property below (seed 300871538): String() of this throws.
    [{ toString: 0 }, false],
  ])('source lines %s', (sourceLines, ok) => {
    expect(check({ sourceLines } as Partial<Work>)).toEqual(ok ? [] : ['work.lengths@sourceLines:error']);
  });
});

describe('checkWork on weird input', () => {
  it('never throws and returns valid findings', () => {
    const value = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything());
    const draft = fc.record(
      {
        fullName: value,
        shortName: value,
        version: value,
        ownerIds: fc.oneof(fc.array(value), value),
        developmentMode: fc.oneof(fc.constantFrom('单独开发', '合作开发', '委托开发', '下达任务开发'), value),
        completionDate: fc.oneof(fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), value),
        published: value,
        firstPublishedDate: value,
        mainFunctions: value,
        sourceLines: value,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(draft, fc.oneof(fc.constant(owners), fc.anything()), (d, os) => {
        for (const f of checkWork(d as Work, os as Owner[], TODAY)) Finding.parse(f);
      }),
      { numRuns: 1000 },
    );
    for (const weird of [undefined, null, 1, 'x', [], { ownerIds: null }, { fullName: 'x'.repeat(2_000_000) }]) {
      expect(() => checkWork(weird as unknown as Work, undefined as unknown as Owner[])).not.toThrow();
    }
  });
});
