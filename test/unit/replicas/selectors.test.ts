import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { matchPage } from '@/utils/content/fill/page-match';
import { adapterFor } from '@/utils/pages/registry';
import { labelText } from '@/utils/text/normalize';
import { FILLED_KINDS } from '../../accuracy/seeds.mjs';
import { loadReplicas } from './load';

// Selectors as data, each with the count it should match on the canonical replica (refined-github's
// selectors test): how many collected controls carry an adapter label exactly, how many owner rows
// and blocks its selectors find. A count that moves means the page or the adapter changed; a label
// that finds nothing is one the engine's own terms must stand in for, and is listed here on purpose.

const { gen } = loadReplicas();

/** Per kind, per rule: the controls an exact label finds. 0 is explained beside it. */
const EXPECTED: Record<string, { fields: Record<string, number>; rows?: number; blocks?: number; rowFields?: Record<string, number> }> = {
  // Tabs for the kind (no label: the tab texts decide); the account box is known by its placeholder.
  'ccopyright.login': { fields: { 'owner.kind': 0, 'owner.account': 1 } },
  // Before the user agrees the form is not shown: nothing to find, nothing to fill.
  'ccopyright.register': { fields: { 'owner.account.phone': 0, 'owner.account.email': 0 } },
  // 城市 is the cascader's second level, under the one label 省份.
  'ccopyright.realname.person': {
    fields: { 'owner.name': 1, 'owner.idType': 1, 'owner.idNumber': 1, 'owner.country': 1, 'owner.province': 1, 'owner.city': 0, 'owner.address': 1, 'owner.postcode': 1, 'owner.phone': 1, 'owner.email': 1 },
  },
  'ccopyright.realname.org': {
    fields: {
      'owner.name': 1, 'owner.category': 1, 'owner.idType': 1, 'owner.idNumber': 1, 'owner.contactName': 1, 'owner.phone': 1, 'owner.landline': 1,
      'owner.email': 1, 'owner.country': 1, 'owner.province': 1, 'owner.city': 0, 'owner.address': 1, 'owner.postcode': 1,
    },
  },
  // 全称, 简称 and 版本号 share one section; the 简称 box's placeholder carries advice after its name.
  'ccopyright.r11.application': { fields: { 'work.rightsAcquisition': 1, 'work.fullName': 1, 'work.shortName': 0, 'work.version': 1, 'work.rightsScope': 1 } },
  // The first-publication fields appear once 已发表 is chosen. Owner rows have no labels but 证件号码's
  // placeholder: the four blocks say what each control is.
  'ccopyright.r11.development': {
    fields: {
      'work.softwareCategory': 1, 'work.softwareNote': 1, 'work.developmentMode': 1, 'work.completionDate': 1, 'work.published': 1,
      'work.firstPublishedDate': 0, 'work.firstPublishedCountry': 0, 'work.firstPublishedCity': 0,
    },
    rows: 1,
    blocks: 4,
    rowFields: { country: 0, province: 0, city: 0, category: 0, name: 0, idType: 0, idNumber: 1 },
  },
  // Two controls under 编程语言 and under 软件的技术特点: the value kind tells them apart.
  'ccopyright.r11.features': {
    fields: {
      'work.devHardware': 1, 'work.runHardware': 1, 'work.devOs': 1, 'work.devTools': 1, 'work.runPlatform': 1, 'work.runSupport': 1,
      'work.languages': 2, 'work.languagesOther': 2, 'work.sourceLines': 1, 'work.purpose': 1, 'work.domain': 1, 'work.mainFunctions': 1,
      'work.featureTags': 2, 'work.technicalFeatures': 2,
    },
  },
  // 城市 and 区县 are the region cascader's later levels.
  'ccopyright.r11.confirm': {
    fields: { 'address.recipient': 1, 'address.unit': 1, 'address.country': 1, 'address.province': 1, 'address.city': 0, 'address.district': 0, 'address.detail': 1, 'address.postcode': 1, 'address.phone': 1 },
  },
};

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '';
});
afterEach(() => vi.useRealTimers());

describe('each adapter\'s selectors and labels find what they should on the canonical replica', () => {
  it('covers every kind a profile fills', () => expect(Object.keys(EXPECTED).sort()).toEqual([...FILLED_KINDS].sort()));

  for (const kind of FILLED_KINDS) {
    it(kind, async () => {
      const v = gen.canonical(kind);
      (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(v.url);
      gen.mount(v, document);
      await vi.advanceTimersByTimeAsync(2500);
      const adapter = adapterFor(kind)!;
      const { col } = matchPage(document, adapter);
      const found = (labels: readonly string[] = []) => {
        const wanted = new Set(labels.map(labelText));
        return col.controls.filter((c) => c.signals.some((s) => wanted.has(s.text))).length;
      };
      const owners = adapter.owners;
      const firstRow = owners && document.querySelector(owners.row);
      expect({
        fields: Object.fromEntries(adapter.fields.map((f) => [f.key, found(f.labels)])),
        ...(owners
          ? {
              rows: document.querySelectorAll(owners.row).length,
              blocks: owners.block ? firstRow?.querySelectorAll(owners.block).length : undefined,
              rowFields: Object.fromEntries(owners.fields.map((f) => [f.field, found(f.labels)])),
            }
          : {}),
      }).toEqual(EXPECTED[kind]);
    });
  }
});
