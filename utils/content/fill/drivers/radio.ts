import { RADIO_ITEM, isChecked, itemText } from '@/utils/content/fill/collect';
import { pickOption } from '@/utils/text/options';
import { click, itemDisabled, missing, optionItems, rejected, tick, type DriverResult } from './events';

/** A radio group: click the wrapper of the exact option (the wrapper is what the page listens to). */
export const radioDriver = {
  read: (group: Element): string => optionItems(group, RADIO_ITEM).filter(isChecked).map(itemText).join('、'),
  async fill(group: Element, wanted: string): Promise<DriverResult> {
    if (wanted === '') return rejected('单选项选定后无法清空');
    const all = optionItems(group, RADIO_ITEM);
    const texts = all.map(itemText);
    const pick = pickOption(wanted, texts);
    if (!pick.ok) return missing(`选项中没有“${wanted}”`);
    const item = all[pick.index];
    if (itemDisabled(item)) return rejected(`选项“${texts[pick.index]}”不可选`);
    click(item);
    await tick();
    return isChecked(item) ? { ok: true, value: texts[pick.index] } : rejected(`页面没有选中“${texts[pick.index]}”`);
  },
};
