import { toBackground } from '@/utils/platform/messaging';
import { useStore } from '@/utils/ui/store';
import { t } from '@/utils/platform/i18n';

/** A banner while changes have waited too long for an export (utils/background/store/backup-reminder.ts). */
export function BackupReminder({ onExport }: { onExport: () => void }) {
  const backup = useStore(() => toBackground('ruanzhu:backup'), []);
  if (!backup?.overdueSince) return null;
  return (
    <p role="status" className="banner">
      {t('backupReminder', [new Date(backup.overdueSince).toLocaleDateString()])}{' '}
      <button type="button" onClick={onExport}>{t('backupNow')}</button>
    </p>
  );
}
