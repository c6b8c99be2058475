import { useId } from 'react';

interface Props {
  label: string;
  /** Every owner that can be linked. */
  owners: { id: string; name: string }[];
  value: string[];
  onChange: (ids: string[]) => void;
  texts: { add: string; moveUp: string; remove: string; first: string; unnamed: string };
}

/** The ordered owners of a work: the first is the first copyright owner. */
export function OwnerPicker({ label, owners, value, onChange, texts }: Props) {
  const id = useId();
  const nameOf = (ownerId: string) => owners.find((o) => o.id === ownerId)?.name || texts.unnamed;
  const available = owners.filter((o) => !value.includes(o.id));
  return (
    <fieldset className="field" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>{label}</legend>
      <ol aria-label={label}>
        {value.map((ownerId, i) => (
          <li key={ownerId} className="row">
            <span>{nameOf(ownerId)}</span>
            {i === 0 && <span className="tag">{texts.first}</span>}
            {i > 0 && (
              <button type="button" aria-label={`${texts.moveUp} ${nameOf(ownerId)}`} onClick={() => onChange([...value.slice(0, i - 1), ownerId, value[i - 1], ...value.slice(i + 1)])}>
                ↑
              </button>
            )}
            <button type="button" aria-label={`${texts.remove} ${nameOf(ownerId)}`} onClick={() => onChange(value.filter((v) => v !== ownerId))}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <label htmlFor={`${id}-add`} className="visually-hidden">{texts.add}</label>
      <select
        id={`${id}-add`}
        value=""
        disabled={available.length === 0}
        onChange={(e) => e.target.value && onChange([...value, e.target.value])}
      >
        <option value="">{texts.add} …</option>
        {available.map((o) => (
          <option key={o.id} value={o.id}>{o.name || texts.unnamed}</option>
        ))}
      </select>
    </fieldset>
  );
}
