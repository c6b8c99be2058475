import { CHECK_ITEM, RADIO_ITEM, isChecked, isVisible, itemText } from '../collect';
import { optionKey, pickOption } from '../text';
import { click, missing, rejected, tick, type DriverResult } from './events';

const items = (group: Element, selector: string) => [...group.querySelectorAll(selector)].filter(isVisible);
const disabled = (item: Element) => item.matches('.is-disabled, [aria-disabled="true"]') || !!item.querySelector('input:disabled');

/** A radio group: click the wrapper of the exact option (the wrapper is what the page listens to). */
export const radioDriver = {
  read: (group: Element): string => items(group, RADIO_ITEM).filter(isChecked).map(itemText).join('、'),
  async fill(group: Element, wanted: string): Promise<DriverResult> {
    if (wanted === '') return rejected('单选项选定后无法清空');
    const all = items(group, RADIO_ITEM);
    const texts = all.map(itemText);
    const pick = pickOption(wanted, texts);
    if (!pick.ok) return missing(`选项中没有“${wanted}”`);
    const item = all[pick.index];
    if (disabled(item)) return rejected(`选项“${texts[pick.index]}”不可选`);
    click(item);
    await tick();
    return isChecked(item) ? { ok: true, value: texts[pick.index] } : rejected(`页面没有选中“${texts[pick.index]}”`);
  },
};

/** A checkbox group: click the wrappers whose state differs until exactly the wanted options are on. */
export const checkboxDriver = {
  read: (group: Element): string[] => items(group, CHECK_ITEM).filter(isChecked).map(itemText),
  async fill(group: Element, wanted: string | string[]): Promise<DriverResult> {
    const want = new Set((Array.isArray(wanted) ? wanted : [wanted]).map(optionKey));
    const all = items(group, CHECK_ITEM);
    const known = new Set(all.map((i) => optionKey(itemText(i))));
    const unknown = [...want].filter((w) => !known.has(w));
    if (unknown.length) return missing(`选项中没有“${unknown.join('、')}”`);
    for (const item of all) {
      const on = want.has(optionKey(itemText(item)));
      if (on === isChecked(item)) continue;
      if (disabled(item)) return rejected(`选项“${itemText(item)}”不可选`);
      click(item);
      await tick();
    }
    const now = checkboxDriver.read(group);
    const ok = now.length === want.size && now.every((t) => want.has(optionKey(t)));
    return ok ? { ok: true, value: now } : rejected(`页面勾选的是“${now.join('、')}”`);
  },
};
