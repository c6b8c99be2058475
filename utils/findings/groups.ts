import type { Finding } from '@/utils/schema/finding';
import { findingLabel } from '@/utils/fields/labels';
import { stepOf, stepOrder } from './steps';

/*
 * Findings arranged for reading (pure): grouped by the step whose field they concern, the current
 * page first, each with the name of its field and whether the page can take the user there.
 */

export type Counts = Record<Finding['severity'], number>;

export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export interface FindingRow {
  finding: Finding;
  label: string;
  /** The current page shows the field: the row can take the user to it. */
  linkable: boolean;
}

export interface FindingGroup {
  /** The page kind of the step, or null for fields no page shows (the profiles). */
  step: string | null;
  current: boolean;
  rows: FindingRow[];
}

/** Groups in walking order (the current page first, the profiles last); rows keep the findings' order. */
export function groupFindings(findings: readonly Finding[], current: string | null, onPage: (key: string) => boolean): FindingGroup[] {
  const groups = new Map<string | null, FindingGroup>();
  for (const f of findings) {
    const linkable = f.key !== undefined && onPage(f.key);
    // A field the current page shows belongs to it, whichever step declares it (a summary).
    const step = linkable ? current : f.key === undefined ? null : stepOf(f.key, current);
    const group = groups.get(step) ?? { step, current: step !== null && step === current, rows: [] };
    group.rows.push({ finding: f, label: findingLabel(f.key), linkable });
    groups.set(step, group);
  }
  return [...groups.values()].sort((a, b) => stepOrder(a.step, current) - stepOrder(b.step, current));
}
