import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChoiceTexts } from '@/components/ChoiceControls';
import { RecordEditor } from '@/components/RecordEditor';
import { OWNER_FIELDS, WORK_FIELDS } from '@/utils/schema/fields';
import { Owner, type OwnerInput } from '@/utils/schema/owner';
import { Work, type WorkInput } from '@/utils/schema/work';
import { FIELD_LIMITS } from '@/utils/rules/limits';
import { OWNER_CHOICES, WORK_CHOICES } from '@/utils/ui/editor-choices';
import type { ChoicesOf } from '@/utils/fields/choices';

// The options page's owner and work editors over the portal's choices: the kind → 著作权人类别 →
// 证件类型 chain, the province → city picker, the 技术特点 cap, the 编程语言 other box, counters,
// and old free-text values kept and shown for correction.

const texts: ChoiceTexts = {
  notChoice: (v) => `不是登记系统的选项：${v} — 请选择 / not a portal choice: ${v} — choose one`,
  cleared: (v) => `已清除“${v}”`,
  capped: (n) => `最多选择 ${n} 项`,
  other: '其他编程语言',
  remove: '移除',
};

function Harness<T extends object>({ initial, fields, choices, limits, onValue }: { initial: T; fields: typeof OWNER_FIELDS; choices: ChoicesOf<T>; limits?: Partial<Record<string, number>>; onValue: (v: T) => void }) {
  const [draft, setDraft] = useState(initial);
  return (
    <RecordEditor<T>
      title="editor"
      fields={fields}
      draft={draft}
      onChange={(next) => {
        setDraft(next);
        onValue(next);
      }}
      findings={[]}
      limits={limits}
      choices={choices}
      choiceTexts={texts}
      actions={null}
    />
  );
}

let owner: Owner;
const editOwner = (o: OwnerInput) => {
  owner = Owner.parse(o);
  render(<Harness<Owner> initial={owner} fields={OWNER_FIELDS} choices={OWNER_CHOICES} onValue={(v) => (owner = v)} />);
};
let work: Work;
const editWork = (w: WorkInput) => {
  work = Work.parse(w);
  const limits = Object.fromEntries(Object.entries(FIELD_LIMITS).map(([k, l]) => [k, l.max]));
  render(<Harness<Work> initial={work} fields={WORK_FIELDS} choices={WORK_CHOICES} limits={limits} onValue={(v) => (work = v)} />);
};
const field = (key: string) => document.querySelector(`[data-field="${key}"]`) as HTMLSelectElement;
const optionsOf = (key: string) => [...field(key).options].map((o) => o.value).filter(Boolean);
const choose = (key: string, value: string) => act(() => void fireEvent.change(field(key), { target: { value } }));

afterEach(cleanup);

describe('owner editor: kind → 著作权人类别 → 证件类型', () => {
  it('offers the R11 row\'s documents for the type and clears one no longer allowed, saying so', () => {
    editOwner({ id: 'o1', kind: 'person', category: '自然人', idType: '户口本' });
    expect(optionsOf('category')).toEqual(['自然人']);
    // The row's 其他有效证件 is chosen by the document it stands for (its number is checked as such).
    expect(optionsOf('idType')).toEqual(['居民身份证', '军人身份证明（军官证、士兵证等）', '户口本', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证']);
    expect([...field('idType').options].find((o) => o.value === '护照')?.textContent).toBe('护照（填为 其他有效证件）');

    choose('kind', 'organization');
    expect(owner).toMatchObject({ kind: 'organization', category: '', idType: '' });
    expect(screen.getByText('已清除“自然人”')).toBeTruthy();
    expect(screen.getByText('已清除“户口本”')).toBeTruthy();
    expect(optionsOf('category')).toEqual(['企业法人', '机关法人', '事业单位法人', '社会团体法人']);
    choose('category', '企业法人');
    expect(optionsOf('idType')).toEqual(['统一社会信用代码证书']);
    choose('idType', '统一社会信用代码证书');
    expect(owner).toMatchObject({ category: '企业法人', idType: '统一社会信用代码证书' });
    // The note goes once the field is chosen again.
    expect(screen.queryByText('已清除“户口本”')).toBeNull();
  });

  it('keeps an old document type that is no choice, shown for correction, and never clears it', () => {
    editOwner({ id: 'o1', kind: 'organization', category: '企业法人', idType: '营业执照' });
    expect(field('idType').value).toBe('营业执照');
    expect(screen.getAllByText('不是登记系统的选项：营业执照 — 请选择 / not a portal choice: 营业执照 — choose one').length).toBeGreaterThan(0);
    choose('category', '机关法人');
    expect(owner.idType).toBe('营业执照');
    expect(screen.queryByText(/已清除/)).toBeNull();
  });
});

describe('owner editor: the region picker', () => {
  it('province → its cities, stored by their full names', () => {
    editOwner({ id: 'o1', kind: 'person' });
    expect(optionsOf('province')).toHaveLength(34);
    expect(optionsOf('city')).toEqual([]);
    choose('province', '江苏省');
    expect(optionsOf('city')).toContain('常州市');
    expect(optionsOf('city')).toHaveLength(13);
    choose('city', '常州市');
    expect(owner).toMatchObject({ province: '江苏省', city: '常州市' });
    // Another province: the city is no longer one of its cities.
    choose('province', '浙江省');
    expect(owner.city).toBe('');
    expect(screen.getByText('已清除“常州市”')).toBeTruthy();
  });

  it('a municipality is its own one city, as the portal shows 北京 / 北京; groups of county-level cities are no city', () => {
    editOwner({ id: 'o1', kind: 'person', province: '北京市' });
    expect(optionsOf('city')).toEqual(['北京市']);
    choose('province', '河南省');
    expect(optionsOf('city').some((c) => c.includes('-'))).toBe(false);
  });

  it('keeps an old free-text province and city, shown for correction; saving without correcting keeps them', () => {
    editOwner({ id: 'o1', kind: 'person', province: '江苏', city: '常州' });
    expect(field('province').value).toBe('江苏');
    expect(field('city').value).toBe('常州');
    expect(screen.getAllByText(/not a portal choice: 江苏 — choose one/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/not a portal choice: 常州 — choose one/).length).toBeGreaterThan(0);
    // Editing another field keeps both as they are.
    act(() => void fireEvent.change(field('address'), { target: { value: '新北区太湖东路9号' } }));
    expect(owner).toMatchObject({ province: '江苏', city: '常州', address: '新北区太湖东路9号' });
    // Choosing a listed province leaves the old city for correction too (it was no choice before).
    choose('province', '江苏省');
    expect(owner.city).toBe('常州');
  });

  it('abroad the province and city are free text', () => {
    editOwner({ id: 'o1', kind: 'person', country: '日本', province: '東京都' });
    expect(field('province').tagName).toBe('INPUT');
    expect(field('province').value).toBe('東京都');
  });
});

describe('work editor: 技术特点, 编程语言, counters', () => {
  const tags = () => within(screen.getByRole('group', { name: /技术特点类别/ }));

  it('takes at most 3 技术特点 tags: a 4th is refused with a message', () => {
    editWork({ id: 'w1' });
    for (const t of ['APP', '游戏软件', '教育软件']) act(() => void fireEvent.click(tags().getByLabelText(t)));
    expect(work.featureTags).toEqual(['APP', '游戏软件', '教育软件']);
    act(() => void fireEvent.click(tags().getByLabelText('金融软件')));
    expect(work.featureTags).toEqual(['APP', '游戏软件', '教育软件']);
    expect((tags().getByLabelText('金融软件') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('alert').textContent).toBe('最多选择 3 项');
    act(() => void fireEvent.click(tags().getByLabelText('APP')));
    act(() => void fireEvent.click(tags().getByLabelText('金融软件')));
    expect(work.featureTags).toEqual(['游戏软件', '教育软件', '金融软件']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('an old tag that is no choice is kept and shown for correction, with a way to remove it', () => {
    editWork({ id: 'w1', featureTags: ['区块链', 'APP'] });
    expect(screen.getByText(/not a portal choice: 区块链 — choose one/)).toBeTruthy();
    act(() => void fireEvent.click(tags().getByLabelText('游戏软件')));
    expect(work.featureTags).toEqual(['APP', '游戏软件', '区块链']);
    act(() => void fireEvent.click(screen.getByRole('button', { name: '移除 区块链' })));
    expect(work.featureTags).toEqual(['APP', '游戏软件']);
  });

  it('编程语言: the 21 options ticked, the rest in the other box, stored as one text', () => {
    editWork({ id: 'w1', languages: 'java、CSS、C++' });
    const langs = within(screen.getByRole('group', { name: /编程语言/ }));
    expect(langs.getAllByRole('checkbox')).toHaveLength(21);
    expect((langs.getByLabelText('Java') as HTMLInputElement).checked).toBe(true);
    expect((langs.getByLabelText('JavaScript') as HTMLInputElement).checked).toBe(false);
    const other = langs.getByLabelText(/其他编程语言/) as HTMLInputElement;
    expect(other.value).toBe('CSS');
    act(() => void fireEvent.click(langs.getByLabelText('Python')));
    expect(work.languages).toBe('C++、Java、Python、CSS');
    act(() => void fireEvent.change(other, { target: { value: 'CSS，Sass，' } }));
    expect(other.value).toBe('CSS，Sass，');
    expect(work.languages).toBe('C++、Java、Python、CSS、Sass');
    expect(langs.getByText('9 / 120')).toBeTruthy();
  });

  it('counts characters against the portal\'s limits', () => {
    editWork({ id: 'w1', devHardware: '' });
    const box = field('devHardware').closest('.field')!;
    expect(within(box as HTMLElement).getByText('0 / 50')).toBeTruthy();
    act(() => void fireEvent.change(field('devHardware'), { target: { value: 'x86 服务器' } }));
    expect(within(box as HTMLElement).getByText('7 / 50')).toBeTruthy();
    expect(within(field('technicalFeatures').closest('.field') as HTMLElement).getByText('0 / 100')).toBeTruthy();
  });
});
