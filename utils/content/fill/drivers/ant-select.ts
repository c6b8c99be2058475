import { isVisible, selectText } from '@/utils/content/fill/collect';
import { normalizeText } from '@/utils/text/normalize';
import { pickOption } from '@/utils/text/options';
import { click, missing, newlyShown, rejected, shownSet, tick, waitFor, type DriverResult } from './events';

/**
 * Ant Design's select (rc-select), as the Alibaba Cloud console is guessed to use
 * (utils/pages/adapters/README.md). It opens on mousedown of its selector and renders its popup
 * into <body>, where it stays, hidden, once closed. The popup holds two lists: the visible options
 * (`.ant-select-item-option`, which take the click) and a zero-size accessibility listbox that
 * repeats every text with `role=option` and ignores clicks, so the generic select driver, which
 * looks for `role=option`, would click nothing that counts. A long list is virtual: options out of
 * view do not exist until the list is scrolled.
 */
const DROPDOWN = '.ant-select-dropdown';
const OPTION = '.ant-select-item-option';
/** rc-virtual-list's scroller: a long list renders only the options in view. */
const HOLDER = '.rc-virtual-list-holder';

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

const optionText = (item: Element) => normalizeText(item.textContent ?? '');
const shownOptions = (dropdown: Element) => [...dropdown.querySelectorAll(OPTION)].filter(isVisible);

/** Scrolls a virtual list's holder to `top` and lets it render that part (a background tab gets no scroll event of its own). */
async function scrollTo(holder: HTMLElement, top: number): Promise<void> {
  holder.scrollTop = top;
  holder.dispatchEvent(new Event('scroll'));
  await tick();
}

/**
 * Every option's text, with the scroll position that shows it. A list taller than its popup is
 * virtual (only the options in view exist): it is walked a page at a time, each option counted once
 * by its place in the list, so an option out of view is found and a repeated text is seen twice.
 */
async function allOptions(dropdown: Element): Promise<{ texts: string[]; at: number[] }> {
  const holder = dropdown.querySelector<HTMLElement>(HOLDER);
  if (!holder || holder.scrollHeight <= holder.clientHeight) return { texts: shownOptions(dropdown).map(optionText), at: [] };
  const list = holder.firstElementChild!;
  const texts: string[] = [];
  const at: number[] = [];
  const places = new Set<number>();
  await scrollTo(holder, 0);
  for (;;) {
    for (const item of shownOptions(dropdown)) {
      const place = Math.round(item.getBoundingClientRect().top - list.getBoundingClientRect().top);
      if (places.has(place)) continue;
      places.add(place);
      texts.push(optionText(item));
      at.push(holder.scrollTop);
    }
    const before = holder.scrollTop;
    if (before + holder.clientHeight >= holder.scrollHeight) break;
    await scrollTo(holder, before + holder.clientHeight);
    if (holder.scrollTop === before) break;
  }
  return { texts, at };
}

export const antSelectDriver = {
  read: selectText,
  async fill(root: Element, wanted: string): Promise<DriverResult> {
    if (wanted === '') return clear(root);
    const before = shownSet(DROPDOWN, isOpen);
    click(selector(root));
    const dropdown = await waitFor(() => newlyShown(DROPDOWN, before, isOpen));
    if (!dropdown) return missing('选项列表没有打开');
    const { texts, at } = await allOptions(dropdown);
    const pick = pickOption(wanted, texts);
    if (!pick.ok) {
      await close(root, dropdown);
      return missing(pick.reason === 'ambiguous' ? `多个选项都像“${wanted}”：${pick.candidates.map((i) => texts[i]).join('、')}` : `选项中没有“${wanted}”`);
    }
    // A virtual list shows the option again where it was seen; its text is unique in the list.
    const holder = dropdown.querySelector<HTMLElement>(HOLDER);
    if (holder && at.length) await scrollTo(holder, at[pick.index]);
    const item = shownOptions(dropdown).find((i) => optionText(i) === texts[pick.index]);
    if (!item) {
      await close(root, dropdown);
      return missing(`选项“${texts[pick.index]}”没有显示出来`);
    }
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
