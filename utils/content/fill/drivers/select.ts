import { isVisible, selectText } from '@/utils/content/fill/collect';
import { normalizeText } from '@/utils/text/normalize';
import { pickOption } from '@/utils/text/options';
import { click, missing, newlyShown, rejected, shownSet, tick, waitFor, type DriverResult } from './events';

/** Option lists of Element-style selects, wherever the page renders them. */
const LIST = '.hd-select-dropdown, .el-select-dropdown, [role=listbox]';
const OPTION = '.hd-select-dropdown__item, .el-select-dropdown__item, [role=option]';
const CLEAR = '.hd-select__clear, .el-select__clear, .el-icon-circle-close';

const isOpen = (list: Element) => list.isConnected && isVisible(list);

/** Where a user clicks to open: the shown text box, else the component itself. */
const triggerOf = (root: Element) => root.querySelector('input') ?? root;

async function close(root: Element, list: Element): Promise<void> {
  if (!isOpen(list)) return;
  click(triggerOf(root));
  await waitFor(() => !isOpen(list), 500);
}

/** Empties a select through its own clear icon; a select without one cannot be emptied. */
async function clear(root: Element): Promise<DriverResult> {
  const icon = root.querySelector(CLEAR);
  if (!icon) return rejected('页面没有清空该选项的按钮');
  click(icon);
  await waitFor(() => selectText(root) === '', 500);
  return selectText(root) === '' ? { ok: true, value: '' } : rejected(`页面显示为“${selectText(root)}”`);
}

/**
 * Opens the select like a user, finds the list that opened for THIS select (lists of other selects
 * stay in <body>, hidden), clicks the option with the wanted text, waits for the list to close and
 * reads the shown text back.
 */
export const selectDriver = {
  read: selectText,
  async fill(root: Element, wanted: string): Promise<DriverResult> {
    if (wanted === '') return clear(root);
    const before = shownSet(LIST, isOpen);
    click(triggerOf(root));
    const list = await waitFor(() => newlyShown(LIST, before, isOpen));
    if (!list) return missing('选项列表没有打开');
    const items = [...list.querySelectorAll(OPTION)].filter(isVisible);
    const texts = items.map((i) => normalizeText(i.textContent ?? ''));
    const pick = pickOption(wanted, texts);
    if (!pick.ok) {
      await close(root, list);
      return missing(pick.reason === 'ambiguous' ? `多个选项都像“${wanted}”：${pick.candidates.map((i) => texts[i]).join('、')}` : `选项中没有“${wanted}”`);
    }
    const item = items[pick.index];
    if (item.matches('.is-disabled, [aria-disabled="true"]')) {
      await close(root, list);
      return rejected(`选项“${texts[pick.index]}”不可选`);
    }
    click(item);
    await waitFor(() => !isOpen(list), 500);
    await close(root, list);
    await tick();
    const shown = selectText(root);
    return shown === texts[pick.index] ? { ok: true, value: shown } : rejected(`页面显示为“${shown}”`);
  },
};
