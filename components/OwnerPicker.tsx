import { useId } from 'react';

interface Props {
  label: string;
  /** The chosen owners' names ('' while unknown or unnamed). */
  nameOf: (ownerId: string) => string;
  /** Owners that may be added: the matches of `search` (a page of them, not 10 000). */
  candidates: { id: string; name: string }[];
  search: string;
  onSearch: (text: string) => void;
  value: string[];
  onChange: (ids: string[]) => void;
  texts: { add: string; search: string; moveUp: string; remove: string; first: string; unnamed: string };
}

/** The ordered owners of a work: the first is the first copyright owner. */
export function OwnerPicker({ label, nameOf, candidates, search, onSearch, value, onChange, texts }: Props) {
  const id = useId();
  const named = (ownerId: string) => nameOf(ownerId) || texts.unnamed;
  const available = candidates.filter((o) => !value.includes(o.id));
  return (
    <fieldset className="field" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`}>{label}</legend>
      <ol aria-label={label}>
        {value.map((ownerId, i) => (
          <li key={ownerId} className="row">
            <span>{named(ownerId)}</span>
            {i === 0 && <span className="tag">{texts.first}</span>}
            {i > 0 && (
              <button type="button" aria-label={`${texts.moveUp} ${named(ownerId)}`} onClick={() => onChange([...value.slice(0, i - 1), ownerId, value[i - 1], ...value.slice(i + 1)])}>
                ↑
              </button>
            )}
            <button type="button" aria-label={`${texts.remove} ${named(ownerId)}`} onClick={() => onChange(value.filter((v) => v !== ownerId))}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <input type="search" aria-label={texts.search} placeholder={texts.search} value={search} onChange={(e) => onSearch(e.target.value)} />
      <label htmlFor={`${id}-add`} className="visually-hidden">{texts.add}</label>
      <select id={`${id}-add`} value="" disabled={available.length === 0} onChange={(e) => e.target.value && onChange([...value, e.target.value])}>
        <option value="">{texts.add} …</option>
        {available.map((o) => (
          <option key={o.id} value={o.id}>{o.name || texts.unnamed}</option>
        ))}
      </select>
    </fieldset>
  );
}
