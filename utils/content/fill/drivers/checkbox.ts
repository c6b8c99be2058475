import { CHECK_ITEM, isChecked, itemText } from '@/utils/content/fill/collect';
import { optionKey } from '@/utils/text/normalize';
import { click, itemDisabled, missing, optionItems, rejected, tick, type DriverResult } from './events';

/** A checkbox group: click the wrappers whose state differs until exactly the wanted options are on. */
export const checkboxDriver = {
  read: (group: Element): string[] => optionItems(group, CHECK_ITEM).filter(isChecked).map(itemText),
  async fill(group: Element, wanted: string | string[]): Promise<DriverResult> {
    const list = Array.isArray(wanted) ? wanted : [wanted];
    const want = new Set(list.map(optionKey));
    const all = optionItems(group, CHECK_ITEM);
    const known = new Set(all.map((i) => optionKey(itemText(i))));
    const unknown = list.filter((w) => !known.has(optionKey(w)));
    if (unknown.length) return missing(`选项中没有“${unknown.join('、')}”`);
    for (const item of all) {
      const on = want.has(optionKey(itemText(item)));
      if (on === isChecked(item)) continue;
      if (itemDisabled(item)) return rejected(`选项“${itemText(item)}”不可选`);
      click(item);
      await tick();
    }
    const now = checkboxDriver.read(group);
    const ok = now.length === want.size && now.every((t) => want.has(optionKey(t)));
    return ok ? { ok: true, value: now } : rejected(`页面勾选的是“${now.join('、')}”`);
  },
};
