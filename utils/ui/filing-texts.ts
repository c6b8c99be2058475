import { t } from '@/utils/platform/i18n';

/** Days to a deadline as the tracker and the popup say it: 还剩 5 天 / 今天到期 / 已过期 2 天. */
export function daysLeftText(days: number): string {
  if (days < 0) return t('filingOverdue', [-days]);
  return days === 0 ? t('filingDueToday') : t('filingDaysLeft', [days]);
}
