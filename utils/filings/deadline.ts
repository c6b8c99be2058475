import type { Filing } from '@/utils/schema/filing';
import { filingStageOf } from './stages';

/*
 * The 补正 deadline (docs/RULES.md filing.correction-deadline): corrections are due within 30 days
 * of the notice (登记办法第二十二条). Periods do not count their first day, so the last day is
 * the notice's date plus 30; when that day is a public holiday the regulation moves it to the next
 * working day, which the tracker cannot know: it keeps the earlier, safe day.
 */

export const CORRECTION_DAYS = 30;
/** The toolbar badge reminds from this many days before the deadline (and after it). */
export const REMIND_WITHIN_DAYS = 10;

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string => fromDayNumber(dayNumber(day) + days);
/** Whole days from `today` to `day` (negative once it has passed). */
export const daysUntil = (day: string, today: string): number => dayNumber(day) - dayNumber(today);

export interface CorrectionDeadline {
  /** The last day to answer, YYYY-MM-DD. */
  date: string;
  /**
   * Where it comes from: the notice's date the user entered or the page showed (+30 days), a
   * deadline the page states, or — with no date at all — 30 days from when the tracker first saw
   * the 补正 (the notice cannot be later, so the real deadline is this day or earlier).
   */
  basis: 'user-notice' | 'page-deadline' | 'page-notice' | 'first-seen';
  noticeDate?: string;
}

/** The deadline of the 补正 the filing is in now; null when its status is no 补正. */
export function correctionDeadline(filing: Pick<Filing, 'status' | 'correction'>): CorrectionDeadline | null {
  const c = filing.correction;
  if (filingStageOf(filing.status) !== 'correction' || !c) return null;
  if (c.userNoticeDate) return { date: addDays(c.userNoticeDate, CORRECTION_DAYS), basis: 'user-notice', noticeDate: c.userNoticeDate };
  if (c.pageDeadline) return { date: c.pageDeadline, basis: 'page-deadline', ...(c.pageNoticeDate ? { noticeDate: c.pageNoticeDate } : {}) };
  if (c.pageNoticeDate) return { date: addDays(c.pageNoticeDate, CORRECTION_DAYS), basis: 'page-notice', noticeDate: c.pageNoticeDate };
  return { date: addDays(c.since.slice(0, 10), CORRECTION_DAYS), basis: 'first-seen' };
}

export interface DeadlineReminder {
  flowNumber: string;
  softwareName: string;
  deadline: CorrectionDeadline;
  daysLeft: number;
}

/** The most urgent open 补正 within REMIND_WITHIN_DAYS of its deadline (or past it), or null. */
export function nearestReminder(filings: readonly Filing[], today: string): DeadlineReminder | null {
  let best: DeadlineReminder | null = null;
  for (const f of filings) {
    const deadline = correctionDeadline(f);
    if (!deadline) continue;
    const daysLeft = daysUntil(deadline.date, today);
    if (daysLeft > REMIND_WITHIN_DAYS) continue;
    if (!best || daysLeft < best.daysLeft) best = { flowNumber: f.flowNumber, softwareName: f.softwareName, deadline, daysLeft };
  }
  return best;
}
