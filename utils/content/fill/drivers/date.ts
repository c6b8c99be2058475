import { dateInput } from '@/utils/content/fill/collect';
import { isVisible, shownWithin } from '@/utils/content/visibility';
import { familyFor, type CalendarFamily, type MenuCalendar, type PanelInputCalendar } from '@/utils/content/fill/components';
import { normalizeText } from '@/utils/text/normalize';
import { click, focusIn, focusOut, missing, openDropdown, rejected, tick, waitFor, type DriverResult } from './events';
import { setNativeValue } from './text';

/**
 * Date pickers, each the way its family takes a day (components.ts): the center's read-only input
 * through its calendar (the month brought into view by the year and month menus or the arrows, the
 * day clicked by its place in the grid: neighbour months' days look the same); Fusion's DatePicker
 * through its popup's input, committed by Enter (or blur); DatePicker2 typed into and committed by
 * Enter only. Each reads the input back: a day a picker does not parse is dropped silently.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A shown day in any of the usual spellings: 2026-05-01, 2026/5/1, 2026年5月1日. */
const SHOWN = /(\d{4})\D{1,2}(\d{1,2})\D{1,2}(\d{1,2})/;

/** The day a text shows, as YYYY-MM-DD, or '' when it shows none. */
export function dayOf(text: string): string {
  const m = SHOWN.exec(normalizeText(text));
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
}

const isOpen = (el: Element) => el.isConnected && isVisible(el);
const numberIn = (el: Element | null) => {
  const m = /\d+/.exec(normalizeText(el?.textContent ?? ''));
  return m ? Number(m[0]) : null;
};
/** An arrow's listener may sit on its icon: click the innermost thing a user's click lands on. */
const arrowTarget = (el: Element) => el.querySelector('svg, i') ?? el;

function shownMonth(panel: Element, family: MenuCalendar): { y: number; m: number } | null {
  const y = numberIn(panel.querySelector(family.yearText));
  const m = numberIn(panel.querySelector(family.monthText));
  return y !== null && m !== null ? { y, m } : null;
}

/** A menu item whose value or label names the number (2026 / 2026年, 5 / 5月). */
function menuItem(panel: Element, selector: string, n: number): Element | null {
  return [...panel.querySelectorAll(selector)].find((i) => Number(i.getAttribute('value')) === n || numberIn(i) === n) ?? null;
}

const monthsBetween = (a: { y: number; m: number }, b: { y: number; m: number }) => (b.y - a.y) * 12 + (b.m - a.m);

async function viewMonth(panel: Element, family: MenuCalendar, y: number, m: number): Promise<boolean> {
  const target = { y, m };
  const at = () => shownMonth(panel, family);
  const there = () => {
    const now = at();
    return !!now && monthsBetween(now, target) === 0;
  };
  // The menus first: one click each, whatever the distance.
  for (const [text, item, n] of [
    [family.yearText, family.yearItem, y],
    [family.monthText, family.monthItem, m],
  ] as const) {
    const entry = menuItem(panel, item, n);
    if (!entry) continue;
    // A closed menu opens first, as for a user (its items may take clicks only while shown).
    const opener = panel.querySelector(text);
    if (opener && !shownWithin(entry, panel)) click(opener);
    click(entry);
    await tick();
  }
  if (there()) return true;
  // The arrows: what each does (a month, a year) is learned from its first click.
  const steps = new Map<Element, number>();
  for (let guard = 0; guard < 60 && !there(); guard++) {
    const now = at();
    if (!now) return false;
    const diff = monthsBetween(now, target);
    const arrows = [...panel.querySelectorAll(diff > 0 ? family.next : family.prev)];
    const known = arrows.filter((a) => steps.has(a) && Math.abs(steps.get(a)!) <= Math.abs(diff) && steps.get(a)! * diff > 0);
    const arrow = arrows.find((a) => !steps.has(a)) ?? known.sort((a, b) => Math.abs(steps.get(b)!) - Math.abs(steps.get(a)!))[0];
    if (!arrow) return false;
    click(arrowTarget(arrow));
    await tick();
    const after = at();
    if (!after) return false;
    steps.set(arrow, monthsBetween(now, after));
  }
  return there();
}

/** The grid cell of a day: the grid starts on the weekday its first header names, neighbour days included. */
function dayCell(panel: Element, family: MenuCalendar, y: number, m: number, d: number): Element | null {
  const cells = [...panel.querySelectorAll(family.cells)].filter((c) => shownWithin(c, panel));
  const first = normalizeText(panel.querySelector('thead th, .datepicker-week span')?.textContent ?? '日');
  const mondayFirst = /^(一|周一|星期一|mo)/i.test(first);
  const lead = (new Date(y, m - 1, 1).getDay() + (mondayFirst ? 6 : 0)) % 7;
  const cell = cells[lead + d - 1];
  return cell && numberIn(cell) === d ? cell : null;
}

async function clear(root: Element, family: CalendarFamily, input: HTMLInputElement): Promise<DriverResult> {
  const icon = root.querySelector(family.clear);
  if (!icon) return rejected('页面没有清空该日期的按钮');
  click(icon);
  await tick();
  return input.value === '' ? { ok: true, value: '' } : rejected(`页面显示为“${input.value}”`);
}

/** Picks the day in a calendar panel that stays mounted and toggles its open class. */
async function viaCalendar(family: MenuCalendar, root: Element, input: HTMLInputElement, value: string): Promise<DriverResult> {
  const [y, m, d] = value.split('-').map(Number);
  const panel = root.querySelector(family.panel);
  if (!panel) return missing('日历没有打开');
  if (!isOpen(panel) || !panel.matches(family.open)) click(input);
  if (!(await waitFor(() => isOpen(panel) && panel.matches(family.open), 1000))) return missing('日历没有打开');
  if (!(await viewMonth(panel, family, y, m))) {
    click(input);
    return rejected(`日历没有翻到 ${y} 年 ${m} 月`);
  }
  const cell = dayCell(panel, family, y, m, d);
  if (!cell) {
    click(input);
    return rejected(`日历中没有 ${value} 这一天`);
  }
  click(cell);
  await waitFor(() => dayOf(input.value) === value, 1000);
  if (panel.matches(family.open)) click(input);
  return readBack(input, value);
}

/** Types a day into an input and presses Enter, then leaves it (a commit on blur takes it too). */
async function typeDay(input: HTMLInputElement, value: string): Promise<void> {
  focusIn(input);
  setNativeValue(input, value);
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
  const key = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true, cancelable: true };
  input.dispatchEvent(new KeyboardEvent('keydown', key));
  input.dispatchEvent(new KeyboardEvent('keyup', key));
  focusOut(input);
  await tick();
}

/** Opens the popup, types the day into its own input, and closes it again. */
async function viaPopupInput(family: PanelInputCalendar, root: Element, input: HTMLInputElement, value: string): Promise<DriverResult> {
  const trigger = root.querySelector(family.trigger) ?? input;
  const popup = (await openDropdown(root, trigger, family.popup, isOpen))?.now();
  const field = popup?.querySelector<HTMLInputElement>(family.popupInput);
  if (!popup || !field) return missing('日期面板没有打开');
  await typeDay(field, value);
  await waitFor(() => dayOf(input.value) === value, 1000);
  // The popup stays open after a typed day: its trigger closes it.
  if (isOpen(popup)) click(trigger);
  return readBack(input, value);
}

async function readBack(input: HTMLInputElement, value: string): Promise<DriverResult> {
  await tick();
  return dayOf(input.value) === value ? { ok: true, value: input.value } : rejected(`页面没有接受日期 ${value}（显示为“${input.value || '未选择'}”）`);
}

export const dateDriver = {
  read: (root: Element): string => dateInput(root)?.value ?? '',
  async fill(root: Element, value: string): Promise<DriverResult> {
    const family: CalendarFamily | undefined = familyFor('calendars', root);
    const input = dateInput(root);
    if (!family || !input) return missing('无法识别该日期选择框');
    if (value === '') return clear(root, family, input);
    if (!ISO.test(value)) return rejected(`无法识别日期“${value}”`);
    switch (family.how) {
      case 'calendar':
        return viaCalendar(family, root, input, value);
      case 'panel-input':
        return viaPopupInput(family, root, input, value);
      case 'typed':
        await typeDay(input, value);
        await waitFor(() => dayOf(input.value) === value, 1000);
        return readBack(input, value);
    }
  },
};
