import { groupItems, isChecked, itemText, shownItems, statedCap } from '@/utils/content/fill/collect';
import { isVisible } from '@/utils/content/visibility';
import { classEnding, familyFor } from '@/utils/content/fill/components';
import { optionKey } from '@/utils/text/normalize';
import { click, itemDisabled, missing, rejected, tick, waitFor, type DriverResult } from './events';

const textsOf = (group: Element) => {
  const { items, family } = shownItems(group, 'checkbox');
  return { items, texts: items.map((i) => itemText(i, family)), family };
};

/** Shows the options a group holds back behind its 展开更多 link, when it has one and some wanted option is not shown. */
async function showAll(group: Element, want: ReadonlySet<string>): Promise<void> {
  const more = familyFor('checks', group)?.more;
  const link = more ? [...group.querySelectorAll(more)].find(isVisible) : undefined;
  if (!link) return;
  const missingNow = () => {
    const shown = new Set(textsOf(group).texts.map(optionKey));
    return [...want].some((w) => !shown.has(w));
  };
  if (!missingNow()) return;
  // The same link then says 收起: clicked once, and only while something wanted is still hidden.
  click(link);
  await waitFor(() => !missingNow(), 1000);
}

/** A checkbox group: click the items whose state differs until exactly the wanted options are on. */
export const checkboxDriver = {
  /** Every ticked option, shown or held back behind 展开更多. */
  read: (group: Element): string[] => {
    const found = groupItems(group, 'checkbox');
    return found ? found.items.filter((i) => isChecked(i, found.family)).map((i) => itemText(i, found.family)) : [];
  },
  async fill(group: Element, wanted: string | string[]): Promise<DriverResult> {
    const list = Array.isArray(wanted) ? wanted : [wanted];
    const want = new Set(list.filter(Boolean).map(optionKey));
    await showAll(group, want);
    const { items, texts, family } = textsOf(group);
    const known = new Set(texts.map(optionKey));
    const unknown = list.filter((w) => w && !known.has(optionKey(w)));
    if (unknown.length) return missing(`选项中没有“${unknown.join('、')}”`);
    const before = new Set(items.filter((item) => isChecked(item, family)));
    const refused = await setTicks(items, family, (_item, i) => want.has(optionKey(texts[i])));
    await tick();
    const now = checkboxDriver.read(group);
    // A group that takes the extra tick and then says its limit (最多选择 3 项) refused it too.
    const cap = statedCap([visibleHelp(group)]);
    if (cap !== undefined && now.length > cap) {
      await setTicks(items, family, (item) => before.has(item));
      return rejected(`页面最多选择 ${cap} 项，资料中有 ${now.length} 项：已恢复原样，请自行选择`);
    }
    if (!refused && now.length === want.size && now.every((t) => want.has(optionKey(t)))) return { ok: true, value: now };
    // Part of a set is not the set: which options to keep under the page's limit is the user's choice.
    await setTicks(items, family, (item) => before.has(item));
    return rejected(refused ? `页面在勾选 ${now.length} 项后不再允许勾选“${refused}”：已恢复原样，请自行选择` : `页面勾选的是“${now.join('、') || '无'}”：已恢复原样`);
  },
};

/** The messages shown next to a group once it changed: its form item's help or error text. */
function visibleHelp(group: Element): string {
  const item = group.closest(`${classEnding('form-item')}, .el-form-item, .fillin_item`) ?? group.parentElement;
  return [...(item?.querySelectorAll('[class*="form-item-help"], [class*="form-item__error"], [role=alert]') ?? [])].filter(isVisible).map((e) => e.textContent ?? '').join(' ');
}

/** Clicks the items whose state differs from `on`, unticking first (a group with a cap refuses a tick while full); answers the first option the page refused. */
async function setTicks(items: readonly Element[], family: Parameters<typeof isChecked>[1], on: (_item: Element, i: number) => boolean): Promise<string | null> {
  const order = items.map((item, i) => ({ item, on: on(item, i) })).sort((a, b) => Number(a.on) - Number(b.on));
  for (const { item, on: wanted } of order) {
    if (wanted === isChecked(item, family)) continue;
    if (itemDisabled(item)) return itemText(item, family);
    click(item);
    await waitFor(() => isChecked(item, family) === wanted, 500);
  }
  return null;
}
