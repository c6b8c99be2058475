import { groupItems, isChecked, isVisible, itemText, shownItems } from '@/utils/content/fill/collect';
import { familyFor } from '@/utils/content/fill/components';
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
    // Unticking first: a group with a cap refuses a new tick while it is full.
    const order = items.map((item, i) => ({ item, on: want.has(optionKey(texts[i])) })).sort((a, b) => Number(a.on) - Number(b.on));
    for (const { item, on } of order) {
      if (on === isChecked(item, family)) continue;
      if (itemDisabled(item)) return rejected(`选项“${itemText(item, family)}”不可选`);
      click(item);
      await waitFor(() => isChecked(item, family) === on, 500);
    }
    await tick();
    const now = checkboxDriver.read(group);
    const ok = now.length === want.size && now.every((t) => want.has(optionKey(t)));
    return ok ? { ok: true, value: now } : rejected(`页面勾选的是“${now.join('、') || '无'}”`);
  },
};
