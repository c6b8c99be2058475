import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestOf, ResponseOf } from '@/utils/contract/messages';
import { toBackground } from '@/utils/platform/messaging';
import { listen } from '@/utils/platform/serve';

/*
 * A list of 10 000 records as the extension's pages show it: pages of summary rows asked for as
 * the list scrolls to them, the search as the user types (debounced lightly), the pages shown
 * asked again when the background announces a change.
 */

export type RowsType = 'ruanzhu:owner-rows' | 'ruanzhu:work-rows';
export type RowOf<T extends RowsType> = ResponseOf<T>['rows'][number];
type Query<T extends RowsType> = NonNullable<RequestOf<T>['query']>;

export const PAGE_SIZE = 50;
/** A new search waits this long for the next key before asking the store. */
const SEARCH_DEBOUNCE_MS = 120;

export interface Rows<R> {
  /** How many rows match; undefined until the first page arrived. */
  total: number | undefined;
  /** The row at `index`, or undefined while its page is on its way. */
  rowAt: (index: number) => R | undefined;
  /** The rows from `start` to `end` are on screen: their pages are asked for if missing. */
  show: (start: number, end: number) => void;
  /** The search the rows answer (changes after the debounce): a list scrolls back to the top. */
  searched: string;
}

interface Loaded<R> {
  generation: string;
  total: number | undefined;
  pages: Map<number, R[]>;
}

/** The rows of `type` matching `query` (compared by value), loaded page by page. */
export function useRows<T extends RowsType>(type: T, query: Query<T>): Rows<RowOf<T>> {
  const key = JSON.stringify(query);
  const [searched, setSearched] = useState(key);
  const [revision, setRevision] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<RowOf<T>>>({ generation: '', total: undefined, pages: new Map() });
  // What the answers are for: a page that arrives for an older search or state is dropped.
  const generation = `${revision}\n${searched}`;
  const current = useRef(generation);
  current.current = generation;
  const asked = useRef({ generation, pages: new Set<number>() });
  const shown = useRef<[number, number]>([0, 0]);

  useEffect(() => listen('ruanzhu:changed', () => setRevision((r) => r + 1)), []);
  useEffect(() => {
    if (key === searched) return;
    const timer = setTimeout(() => setSearched(key), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, searched]);

  const ask = useCallback(
    (page: number) => {
      const gen = current.current;
      if (asked.current.generation !== gen) asked.current = { generation: gen, pages: new Set() };
      if (asked.current.pages.has(page)) return;
      asked.current.pages.add(page);
      const forQuery = JSON.parse(gen.slice(gen.indexOf('\n') + 1)) as Query<T>;
      toBackground(type, { query: forQuery, offset: page * PAGE_SIZE, limit: PAGE_SIZE } as RequestOf<T>).then(
        ({ total, rows }) =>
          setLoaded((now) => {
            if (gen !== current.current) return now;
            const pages = new Map(now.generation === gen ? now.pages : []);
            pages.set(page, rows as RowOf<T>[]);
            return { generation: gen, total, pages };
          }),
        // A refused page (a locked store) may be asked again; the lock gate asks for the passphrase.
        () => asked.current.generation === gen && asked.current.pages.delete(page),
      );
    },
    [type],
  );

  const show = useCallback(
    (start: number, end: number) => {
      shown.current = [start, end];
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(Math.max(start, end) / PAGE_SIZE); page++) ask(page);
    },
    [ask],
  );

  // A new search starts at the top; a change of the store asks again for the rows on screen.
  useEffect(() => show(0, 0), [searched, show]);
  useEffect(() => show(...shown.current), [revision, show]);

  const rowAt = (index: number) => loaded.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  return { total: loaded.total, rowAt, show, searched };
}
