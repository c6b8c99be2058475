import { hostKey } from '@/utils/fields/catalogue';
import { rowRules, type FieldRule, type PageAdapter } from '@/utils/pages/adapters/toolkit';
import { collect, type Collected, type CollectOptions } from './collect';
import { matchFields, type MatchResult } from './match';

/**
 * One page's controls matched to its adapter's keys, the same way for a fill, a check and a
 * focus: the page's own fields, then each owner row's (`owners.<i>.<field>`).
 */

export interface ScopedRules {
  scope: number | null;
  rules: FieldRule[];
}

/** The owner rows present on the page. */
export const rowsOf = (doc: Document, adapter: PageAdapter): number => (adapter.owners ? doc.querySelectorAll(adapter.owners.row).length : 0);

/** The adapter's rules by scope: the page's, then one set per owner row (as many as both the page and the profile have). */
export function scopedRules(adapter: PageAdapter, rows: number, owners = rows): ScopedRules[] {
  const groups: ScopedRules[] = [{ scope: null, rules: [...adapter.fields] }];
  if (adapter.owners) for (let i = 0; i < Math.min(rows, owners); i++) groups.push({ scope: i, rules: rowRules(adapter.owners, i) });
  return groups;
}

/** Matches every key of the groups, or only those in `only` (with the keys whose control they are part of). */
export function matchScoped(col: Collected, groups: readonly ScopedRules[], only?: ReadonlySet<string>): MatchResult[] {
  const wanted = only && new Set([...only, ...[...only].flatMap((k) => hostKey(k) ?? [])]);
  return groups.flatMap(({ scope, rules }) => matchFields(col.controls, wanted ? rules.filter((r) => wanted.has(r.key)) : rules, scope));
}

/** Collects the page (the adapter's owner rows as row scopes) and matches every key of the rows present. */
export function matchPage(doc: Document, adapter: PageAdapter, opts: Omit<CollectOptions, 'rows'> = {}): { col: Collected; matches: MatchResult[] } {
  const col = collect(doc.body, { ...opts, rows: adapter.owners });
  return { col, matches: matchScoped(col, scopedRules(adapter, rowsOf(doc, adapter))) };
}
