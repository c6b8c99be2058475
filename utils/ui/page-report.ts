import type { PageReportWords } from '@/components/PageReportActions';
import { t } from '@/utils/platform/i18n';
import { toTab } from '@/utils/platform/messaging';
import { todayIso } from '@/utils/rules/common';
import { saveFile } from './download';

/**
 * The page-structure report from the popup (SECURITY.md, "The page-structure report"): asked of
 * the tab's content script, then copied or saved by the user's click. It goes nowhere by itself.
 */

export const PAGE_REPORT_WORDS: PageReportWords = {
  title: t('pageReportTitle'),
  explain: t('pageReportExplain'),
  copy: t('pageReportCopy'),
  save: t('pageReportSave'),
  copied: t('pageReportCopied'),
  saved: t('pageReportSaved'),
  failed: t('pageReportFailed'),
};

/** The report as the file's text, and the file's name: the date and the page kind. */
async function reportFile(tabId: number): Promise<{ name: string; text: string }> {
  const report = await toTab(tabId, 'ruanzhu:page-structure');
  return { name: `ruanzhu-page-${todayIso()}-${report.page ?? 'unknown'}.json`, text: JSON.stringify(report, null, 2) };
}

export async function copyPageReport(tabId: number): Promise<void> {
  await navigator.clipboard.writeText((await reportFile(tabId)).text);
}

export async function savePageReport(tabId: number): Promise<void> {
  const { name, text } = await reportFile(tabId);
  saveFile(name, text);
}
