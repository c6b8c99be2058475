import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface RecordListItem {
  id: string;
  title: string;
  subtitle?: string;
  tags?: string[];
}

interface Props {
  /** The list element's id, for a search field that controls it. */
  id?: string;
  label: string;
  /** How many records the list holds; undefined while the first page loads. */
  total: number | undefined;
  /** The item at `index`, or undefined while its page loads. */
  itemAt: (index: number) => RecordListItem | undefined;
  /** Told which items are on screen, so their pages are loaded. */
  onShow: (start: number, end: number) => void;
  /** The list scrolls back to the top when this changes (a new search). */
  resetKey?: string;
  selectedId?: string;
  onSelect: (id: string) => void;
  emptyText: string;
  loadingText: string;
}

/** A row's height before it is measured (a title and a subtitle). */
const ROW_ESTIMATE = 46;

/**
 * A list of records to pick one from, however many: only the rows on screen are in the page
 * (virtualised). Each row is a button, so Tab and Enter work; the arrow keys, Home and End move
 * between rows, scrolling the list.
 */
export function RecordList({ id, label, total, itemAt, onShow, resetKey, selectedId, onSelect, emptyText, loadingText }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_ESTIMATE, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (count) onShow(first, last);
  }, [first, last, count, onShow]);
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = Number((e.target as HTMLElement).closest('li')?.dataset.index);
    if (!Number.isInteger(at)) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: count - 1 }[e.key];
    if (to === undefined || to < 0 || to >= count) return;
    e.preventDefault();
    virtualizer.scrollToIndex(to);
    // The row is rendered once the list has scrolled to it.
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLButtonElement>(`li[data-index="${to}"] button`)?.focus());
  };

  if (total === 0) return <p className="muted">{emptyText}</p>;
  return (
    <div className="list" ref={scroller} onKeyDown={onKeyDown}>
      <ul id={id} aria-label={label} aria-busy={total === undefined} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((row) => {
          const item = itemAt(row.index);
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={virtualizer.measureElement}
              aria-setsize={count}
              aria-posinset={row.index + 1}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
            >
              {item ? (
                <button type="button" aria-current={item.id === selectedId} onClick={() => onSelect(item.id)}>
                  {item.title}
                  {item.subtitle && <span className="sub">{item.subtitle}</span>}
                  {item.tags?.map((t) => <span className="tag" key={t}>{t}</span>)}
                </button>
              ) : (
                <span className="muted loading">{loadingText}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
