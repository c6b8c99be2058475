import { correctionDeadline, nearestReminder, type DeadlineReminder } from '@/utils/filings/deadline';
import { t } from '@/utils/platform/i18n';
import type { Filing } from '@/utils/schema/filing';
import { todayIso } from '@/utils/rules/common';

/*
 * The 补正 reminder on the toolbar icon (docs/RULES.md filing.correction-deadline): from
 * REMIND_WITHIN_DAYS before the deadline of an open 补正, the badge shows the days left (red in the
 * last three, and once past); the icon's title names the filing. The badge is the icon's default,
 * for every tab: a tab's own badge (the fill shortcut's count) still wins on that tab.
 *
 * Days pass while the browser sleeps the background, so the reminder asks for an hourly alarm
 * while a 补正 is open and drops it when none is: the `alarms` permission, which reads nothing.
 */

export const DEADLINE_ALARM = 'ruanzhu-correction-deadline';
const AMBER = '#9a6700';
const RED = '#b3261e';

export interface DeadlineBadgeDeps {
  filings(): Promise<Filing[]>;
  /** Sets the icon's default badge (empty: none) and title. */
  show(text: string, color: string, title: string): Promise<void>;
  /** Keeps the hourly alarm while `needed`, removes it otherwise. */
  alarm(needed: boolean): Promise<void>;
  now?: Date;
}

/** The badge's words for a reminder: 5天 / 今天 / 逾期. */
export function badgeText(r: DeadlineReminder): string {
  if (r.daysLeft < 0) return t('badgeOverdue');
  return r.daysLeft === 0 ? t('badgeToday') : t('badgeDaysLeft', [r.daysLeft]);
}

/** Brings the badge up to date with the tracked filings; returns the reminder shown, if any. */
export async function updateDeadlineBadge(deps: DeadlineBadgeDeps): Promise<DeadlineReminder | null> {
  const filings = await deps.filings();
  const reminder = nearestReminder(filings, todayIso(deps.now));
  await deps.alarm(filings.some((f) => correctionDeadline(f) !== null));
  if (!reminder) {
    await deps.show('', AMBER, t('extName'));
    return null;
  }
  const title = t('badgeDeadlineTitle', [reminder.flowNumber, reminder.softwareName, reminder.deadline.date]);
  await deps.show(badgeText(reminder), reminder.daysLeft <= 3 ? RED : AMBER, title);
  return reminder;
}

