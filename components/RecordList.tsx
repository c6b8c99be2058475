export interface RecordListItem {
  id: string;
  title: string;
  subtitle?: string;
  tags?: string[];
}

interface Props {
  label: string;
  items: RecordListItem[];
  selectedId?: string;
  onSelect: (id: string) => void;
  emptyText: string;
}

/** A list of records to pick one from; each row is a button, so Tab and Enter work. */
export function RecordList({ label, items, selectedId, onSelect, emptyText }: Props) {
  if (items.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className="list" aria-label={label}>
      {items.map((item) => (
        <li key={item.id}>
          <button type="button" aria-current={item.id === selectedId} onClick={() => onSelect(item.id)}>
            {item.title}
            {item.subtitle && <span className="sub">{item.subtitle}</span>}
            {item.tags?.map((t) => <span className="tag" key={t}>{t}</span>)}
          </button>
        </li>
      ))}
    </ul>
  );
}
