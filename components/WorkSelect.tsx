import type { Work } from '@/utils/schema/work';

interface Props {
  id: string;
  /** The label's text (对照的软件) and what a work without a name is called: the caller's words. */
  label: string;
  unnamed: string;
  works: readonly Work[];
  value: string;
  onChange: (workId: string) => void;
}

/** The work a material is made or checked for: a labelled list of the works by name and version. */
export function WorkSelect({ id, label, unnamed, works, value, onChange }: Props) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {works.map((w) => (
          <option key={w.id} value={w.id}>{[w.fullName || unnamed, w.version].filter(Boolean).join(' ')}</option>
        ))}
      </select>
    </>
  );
}
