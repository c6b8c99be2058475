import { cascaderParts } from '@/utils/content/fill/collect';
import { isVisible, shownWithin } from '@/utils/content/visibility';
import { familyFor, type CascaderFamily } from '@/utils/content/fill/components';
import { normalizeText } from '@/utils/text/normalize';
import { pickOption, sameArea } from '@/utils/text/options';
import { click, closeDropdown, missing, openDropdown, rejected, tick, waitFor, type DriverResult } from './events';

/**
 * An area cascader (province → city, to the district in the address dialog), driven level by level
 * like a user: open it, wait for each level's list (each loads like a request), click the entry
 * that means the value's part, and read the shown path back. Only the last level commits, so a
 * level that cannot be chosen leaves the field as it was.
 *
 * The value is [province, city, address]: the levels' names in any naming (北京 / 北京市), and the
 * owner's address, in which the third level's entry (a district) is named.
 */

const LEVEL_MS = 6000;

const isOpen = (el: Element) => el.isConnected && isVisible(el);
const triggerOf = (root: Element, family: CascaderFamily) => (family.trigger && root.querySelector(family.trigger)) || root;
const entryText = (li: Element) => normalizeText(li.textContent ?? '');

/** The entries of level `i` once loaded, as elements. */
function levelEntries(panel: Element, family: CascaderFamily, i: number): Element[] {
  const list = panel.querySelectorAll(family.level)[i];
  return list ? [...list.querySelectorAll(family.item)].filter((li) => shownWithin(li, panel)) : [];
}

/** The entry of a district level named in an address: the longest entry text the address contains, when only one is that long. */
function namedIn(address: string, texts: readonly string[]): number {
  const hits = texts.map((t, i) => ({ t, i })).filter(({ t }) => t.length >= 2 && address.includes(t));
  const longest = Math.max(0, ...hits.map((h) => h.t.length));
  const top = hits.filter((h) => h.t.length === longest);
  return top.length === 1 ? top[0].i : -1;
}


export const cascaderDriver = {
  read: (root: Element): string[] => cascaderParts(root),
  async fill(root: Element, value: string | string[]): Promise<DriverResult> {
    const family = familyFor('cascaders', root);
    if (!family) return missing('无法识别该地区选择框');
    const wanted = Array.isArray(value) ? value : [value];
    if (!wanted.length || !wanted[0]) return rejected('地区选定后无法清空');
    const dropdown = await openDropdown(root, triggerOf(root, family), family.dropdown, isOpen);
    if (!dropdown) return missing('地区列表没有打开');
    const entriesAt = (level: number) => {
      const now = dropdown.now();
      return now ? levelEntries(now, family, level) : [];
    };
    // Entries of the next level before a click: the list for the new choice must replace them.
    let stale = new Set<Element>();
    let noDistrict = false;
    for (let level = 0; level < wanted.length; level++) {
      const seen = stale;
      const entries = await waitFor(() => {
        const now = entriesAt(level);
        return now.length && now.every((e) => !seen.has(e)) ? now : null;
      }, LEVEL_MS);
      if (!entries) {
        await closeDropdown(triggerOf(root, family), dropdown);
        return missing(level === 0 ? '地区列表没有加载出来' : `没有“${wanted[level - 1]}”的下一级地区`);
      }
      const texts = entries.map(entryText);
      const index = level < 2 ? pickIndex(wanted[level], texts) : namedIn(wanted[level], texts);
      // No district named in the address: the area ends at the city, where the page takes one there.
      if (index < 0 && level >= 2) {
        noDistrict = true;
        break;
      }
      if (index < 0) {
        await closeDropdown(triggerOf(root, family), dropdown);
        return missing(`地区中没有“${wanted[level]}”`);
      }
      const next = new Set(entriesAt(level + 1));
      stale = next;
      click(entries[index]);
      // A leaf commits and closes the panel (a two-level cascader given an address ends at the city).
      const moved = await waitFor(() => !dropdown.now() || entriesAt(level + 1).some((e) => !next.has(e)), level === wanted.length - 1 ? 1000 : LEVEL_MS);
      if (!dropdown.now() || !moved) break;
    }
    await closeDropdown(triggerOf(root, family), dropdown);
    await tick();
    const shown = cascaderParts(root);
    if (sameArea(shown, wanted) && shown.length >= Math.min(2, wanted.length)) return { ok: true, value: shown };
    return noDistrict ? missing(`地址“${wanted[2]}”中没有可选的区县`) : rejected(`页面显示为“${shown.join(' / ') || '未选择'}”`);
  },
};

function pickIndex(wanted: string, texts: readonly string[]): number {
  const p = pickOption(wanted, texts);
  return p.ok ? p.index : -1;
}
