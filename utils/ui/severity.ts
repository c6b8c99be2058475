import { t } from '@/utils/platform/i18n';

/** How each severity reads in the extension's pages (FindingList's badges). */
export const SEVERITY_TEXT = { error: t('severityError'), warning: t('severityWarning'), info: t('severityInfo') };
