import { groupItems, isChecked, itemText, shownItems } from '@/utils/content/fill/collect';
import { pickOption } from '@/utils/text/options';
import { click, itemDisabled, missing, rejected, tick, waitFor, type DriverResult } from './events';

/** A radio group (or value tabs): click the item of the one option that means the value, never set `.checked`. */
export const radioDriver = {
  read: (group: Element): string => {
    const found = groupItems(group, 'radio');
    return found ? found.items.filter((i) => isChecked(i, found.family)).map((i) => itemText(i, found.family)).join('、') : '';
  },
  async fill(group: Element, wanted: string): Promise<DriverResult> {
    if (wanted === '') return rejected('单选项选定后无法清空');
    const { items, family } = shownItems(group, 'radio');
    const texts = items.map((i) => itemText(i, family));
    const pick = pickOption(wanted, texts);
    if (!pick.ok) return missing(`选项中没有“${wanted}”`);
    const item = items[pick.index];
    if (itemDisabled(item)) return rejected(`选项“${texts[pick.index]}”不可选`);
    click(item);
    await waitFor(() => isChecked(item, family), 500);
    await tick();
    return isChecked(item, family) ? { ok: true, value: texts[pick.index] } : rejected(`页面没有选中“${texts[pick.index]}”`);
  },
};
