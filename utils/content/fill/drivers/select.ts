import { selectText } from '@/utils/content/fill/collect';
import { isVisible, shownWithin } from '@/utils/content/visibility';
import { familyFor, type SelectFamily } from '@/utils/content/fill/components';
import { normalizeText } from '@/utils/text/normalize';
import { pickOption } from '@/utils/text/options';
import { click, closeDropdown, missing, openDropdown, rejected, tick, waitFor, type DriverResult } from './events';

/**
 * A select of one of the component families (components.ts): opened like a user, the list that
 * opened for THIS select found (inside it, or newly shown in <body>), its options awaited (they load
 * after the page mounts, and again whenever a choice they depend on changes), the one option that
 * means the value clicked, and the shown text read back. Writing the shown text does nothing on
 * these pages: only a click on an option sets the model.
 */

/** Options load from the server: long enough for a slow request, short enough to report a list that stays empty. */
const LOAD_MS = 6000;

const isOpen = (list: Element) => list.isConnected && isVisible(list);
const triggerOf = (root: Element, family: SelectFamily) => (family.trigger && root.querySelector(family.trigger)) || root;
const optionText = (o: Element) => normalizeText(o.getAttribute('title') || o.textContent || '');

/** The list's options, once there are any. */
function optionsIn(list: Element, family: SelectFamily): Element[] | null {
  const options = [...list.querySelectorAll(family.option)].filter((o) => shownWithin(o, list) && !family.loading.test(optionText(o)));
  return options.length ? options : null;
}

/** Empties a select through its own clear icon; a select without one cannot be emptied. */
async function clear(root: Element, family: SelectFamily): Promise<DriverResult> {
  const icon = family.clear ? root.querySelector(family.clear) : null;
  if (!icon) return rejected('页面没有清空该选项的按钮');
  click(icon);
  await waitFor(() => selectText(root) === '', 500);
  return selectText(root) === '' ? { ok: true, value: '' } : rejected(`页面显示为“${selectText(root)}”`);
}

export const selectDriver = {
  read: selectText,
  /** `wanted`: the texts the value may take on the page, best first (护照, then 其他有效证件). */
  async fill(root: Element, wanted: readonly string[]): Promise<DriverResult> {
    const family = familyFor('selects', root);
    if (!family) return missing('无法识别该选择框');
    if (!wanted.length || wanted[0] === '') return clear(root, family);
    const trigger = triggerOf(root, family);
    const dropdown = await openDropdown(root, trigger, family.list, isOpen);
    if (!dropdown) return missing('选项列表没有打开');
    // A list may say it has no options while they load (Fusion's 无选项 until its data arrives): wait either way.
    const options = await waitFor(() => {
      const list = dropdown.now();
      return list ? optionsIn(list, family) : null;
    }, LOAD_MS);
    if (!options) {
      const empty = family.empty.test(normalizeText(dropdown.now()?.textContent ?? ''));
      await closeDropdown(trigger, dropdown);
      return missing(empty ? '选项列表为空' : '选项没有加载出来');
    }
    const texts = options.map(optionText);
    const picks = wanted.map((w) => pickOption(w, texts));
    const pick = picks.find((p) => p.ok) ?? picks[0];
    if (!pick.ok) {
      await closeDropdown(trigger, dropdown);
      return missing(pick.reason === 'ambiguous' ? `多个选项都像“${wanted[0]}”：${pick.candidates.map((i) => texts[i]).join('、')}` : `选项中没有“${wanted[0]}”`);
    }
    const item = options[pick.index];
    if (item.matches(family.disabledOption)) {
      await closeDropdown(trigger, dropdown);
      return rejected(`选项“${texts[pick.index]}”不可选`);
    }
    click(item);
    await waitFor(() => !dropdown.now() || selectText(root) === texts[pick.index], 1000);
    await closeDropdown(trigger, dropdown);
    await tick();
    const shown = selectText(root);
    return shown === texts[pick.index] ? { ok: true, value: shown } : rejected(`页面显示为“${shown}”`);
  },
};
