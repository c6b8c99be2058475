import { t } from '@/utils/platform/i18n';
import type { Work } from '@/utils/schema/work';

interface Props {
  id: string;
  works: readonly Work[];
  value: string;
  onChange: (workId: string) => void;
}

/** The work a material is made or checked for: its label (对照的软件) and a list of the works by name and version. */
export function WorkSelect({ id, works, value, onChange }: Props) {
  return (
    <>
      <label htmlFor={id}>{t('materialsWork')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {works.map((w) => (
          <option key={w.id} value={w.id}>{[w.fullName || t('unnamed'), w.version].filter(Boolean).join(' ')}</option>
        ))}
      </select>
    </>
  );
}
