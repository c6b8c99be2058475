import { isVisible, selectText } from '../collect';
import { normalizeText, pickOption } from '../text';
import { click, missing, newlyShown, rejected, shownSet, tick, waitFor, type DriverResult } from './events';

/**
 * Ant Design's select (rc-select), as the Alibaba Cloud console is guessed to use
 * (utils/portals/adapters/README.md). It opens on mousedown of its selector and renders its popup
 * into <body>, where it stays, hidden, once closed. The popup holds two lists: the visible options
 * (`.ant-select-item-option`, which take the click) and a zero-size accessibility listbox that
 * repeats every text with `role=option` and ignores clicks, so the generic select driver, which
 * looks for `role=option`, would click nothing that counts.
 */
const DROPDOWN = '.ant-select-dropdown';
const OPTION = '.ant-select-item-option';

const isOpen = (dropdown: Element) => dropdown.isConnected && !dropdown.classList.contains('ant-select-dropdown-hidden') && isVisible(dropdown);
const selector = (root: Element) => root.querySelector('.ant-select-selector') ?? root;

async function close(root: Element, dropdown: Element): Promise<void> {
  if (!isOpen(dropdown)) return;
  // A second mousedown on the selector closes the popup without choosing.
  click(selector(root));
  await waitFor(() => !isOpen(dropdown), 500);
}

/** Empties the select through its clear icon (allowClear); without one it cannot be emptied. */
async function clear(root: Element): Promise<DriverResult> {
  const icon = root.querySelector('.ant-select-clear');
  if (!icon) return rejected('页面没有清空该选项的按钮');
  click(icon);
  await waitFor(() => selectText(root) === '', 500);
  return selectText(root) === '' ? { ok: true, value: '' } : rejected(`页面显示为“${selectText(root)}”`);
}

export const antSelectDriver = {
  read: selectText,
  async fill(root: Element, wanted: string): Promise<DriverResult> {
    if (wanted === '') return clear(root);
    const before = shownSet(DROPDOWN, isOpen);
    click(selector(root));
    const dropdown = await waitFor(() => newlyShown(DROPDOWN, before, isOpen));
    if (!dropdown) return missing('选项列表没有打开');
    const items = [...dropdown.querySelectorAll(OPTION)].filter(isVisible);
    const texts = items.map((i) => normalizeText(i.textContent ?? ''));
    const pick = pickOption(wanted, texts);
    if (!pick.ok) {
      await close(root, dropdown);
      return missing(pick.reason === 'ambiguous' ? `多个选项都像“${wanted}”：${pick.candidates.map((i) => texts[i]).join('、')}` : `选项中没有“${wanted}”`);
    }
    const item = items[pick.index];
    if (item.matches('.ant-select-item-option-disabled, [aria-disabled="true"]')) {
      await close(root, dropdown);
      return rejected(`选项“${texts[pick.index]}”不可选`);
    }
    click(item);
    await waitFor(() => !isOpen(dropdown), 500);
    await close(root, dropdown);
    await tick();
    const shown = selectText(root);
    return shown === texts[pick.index] ? { ok: true, value: shown } : rejected(`页面显示为“${shown}”`);
  },
};
