import { DATE_ROOT, isVisible } from '@/utils/content/fill/collect';
import { normalizeText } from '@/utils/text/normalize';
import { click, focusIn, focusOut, newlyShown, rejected, shownSet, tick, waitFor, type DriverResult } from './events';
import { setNativeValue } from './text';

/** Element-style calendar poppers. */
const PANEL = '.el-picker-panel, .el-date-picker, .hd-date-panel';
/** Each picker's own clear icon (Element, Ant, the center's `.remove`). */
const CLEAR = '.el-input__clear, .el-icon-circle-close, .ant-picker-clear, .remove > .icon';
const NAV = {
  prevYear: '.el-icon-d-arrow-left, [aria-label*="前一年"]',
  nextYear: '.el-icon-d-arrow-right, [aria-label*="后一年"]',
  prevMonth: '.el-icon-arrow-left, [aria-label*="上个月"]',
  nextMonth: '.el-icon-arrow-right, [aria-label*="下个月"]',
};

const isOpen = (panel: Element) => panel.isConnected && isVisible(panel);
const DAY = /(\d{4})\D+(\d{1,2})\D+(\d{1,2})/;

/** The year and month a calendar shows (2026 年 6 月). */
function shownMonth(panel: Element): { y: number; m: number } | null {
  const labels = [...panel.querySelectorAll('.el-date-picker__header-label')].map((l) => l.textContent ?? '').join(' ');
  const m = /(\d{4})\s*年\D*?(\d{1,2})\s*月/.exec(normalizeText(labels || panel.textContent || ''));
  return m ? { y: Number(m[1]), m: Number(m[2]) } : null;
}

/** Types the text and dispatches what date components parse on: change and Enter. */
async function typeDate(input: HTMLInputElement, value: string): Promise<DriverResult> {
  focusIn(input);
  setNativeValue(input, value);
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true }));
  input.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true }));
  focusOut(input);
  await tick();
  // Pickers silently revert a format they do not parse: only the read-back tells.
  return input.value === value ? { ok: true, value } : rejected(`页面没有接受日期“${value}”（显示为“${input.value}”）`);
}

/** Walks the calendar to the day's month with its arrows and clicks the day, like a user. */
async function pickInCalendar(input: HTMLInputElement, value: string, before: Set<Element>): Promise<DriverResult | null> {
  const day = DAY.exec(value);
  if (!day) return rejected(`无法识别日期“${value}”`);
  const [ty, tm, td] = [Number(day[1]), Number(day[2]), Number(day[3])];
  let panel = await waitFor(() => newlyShown(PANEL, before, isOpen));
  if (!panel) return null;
  // Each arrow click re-renders the header; 20 years either way is plenty for a registration.
  for (let step = 0; step < 12 * 20 + 12; step++) {
    const shown = shownMonth(panel);
    if (!shown) return null;
    const diff = (ty - shown.y) * 12 + (tm - shown.m);
    if (diff === 0) break;
    const nav = panel.querySelector(Math.abs(diff) >= 12 ? (diff > 0 ? NAV.nextYear : NAV.prevYear) : diff > 0 ? NAV.nextMonth : NAV.prevMonth);
    if (!nav) return null;
    click(nav);
    const current: Element = panel;
    panel = await waitFor((): Element | null => {
      const p = current.isConnected ? current : document.querySelector(PANEL);
      const now = p ? shownMonth(p) : null;
      return now && (now.y !== shown.y || now.m !== shown.m) ? p : null;
    }, 500);
    if (!panel) return rejected('日历没有翻到目标月份');
  }
  const cell = [...panel.querySelectorAll('td')].find(
    (c) => !c.matches('.prev-month, .next-month, .disabled') && normalizeText(c.textContent ?? '') === String(td),
  );
  if (!cell) return rejected(`日历中没有 ${value} 这一天（可能不可选）`);
  click(cell.querySelector('span') ?? cell);
  const closed = panel;
  await waitFor(() => !isOpen(closed), 500);
  await tick();
  return input.value === value ? { ok: true, value } : rejected(`页面显示为“${input.value}”`);
}

export const dateDriver = {
  read: (el: Element): string => (el as HTMLInputElement).value,
  async fill(el: Element, value: string): Promise<DriverResult> {
    const input = el as HTMLInputElement;
    if (!input.readOnly) return typeDate(input, value);
    if (value === '') {
      const icon = input.closest(DATE_ROOT)?.querySelector(CLEAR);
      if (!icon) return rejected('页面没有清空该日期的按钮');
      click(icon);
      await tick();
      return input.value === '' ? { ok: true, value: '' } : rejected(`页面显示为“${input.value}”`);
    }
    // A readonly input takes its day from the calendar; a calendar we cannot read falls back to the
    // events a component may parse, and the read-back decides.
    const before = shownSet(PANEL, isOpen);
    click(input);
    return (await pickInCalendar(input, value, before)) ?? typeDate(input, value);
  },
};
