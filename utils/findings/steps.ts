import { rowKey } from '@/utils/fields/catalogue';
import { UPLOAD_PREFIX } from '@/utils/fields/labels';
import { adapterFor, pageSpec, R11_STEPS } from '@/utils/pages/registry';

/*
 * Where each finding belongs: the page (step) that shows its field. The panel groups findings by
 * it and links only the ones whose field the current page shows.
 */

/** The profile, as a place a value was seen. */
export const PROFILE_WHERE = '资料';

/**
 * The page kind where the field of `key` is entered: the current page for its own keys and uploads,
 * else the R11 step whose adapter declares it, or null when no page has it (a profile-only field,
 * such as a postcode during R11). The confirm step only repeats values: they belong to their step.
 */
export function stepOf(key: string, current: string | null): string | null {
  if (key.startsWith(UPLOAD_PREFIX)) return current;
  const row = rowKey(key);
  // The center's R11 steps are where a key belongs on the center's pages; another site's form is its own.
  const r11 = !current || pageSpec(current)?.site === 'ccopyright' ? R11_STEPS : [];
  for (const page of [...(current ? [current] : []), ...r11]) {
    const adapter = adapterFor(page);
    if (!adapter) continue;
    if (row ? adapter.owners?.fields.some((f) => f.field === row.field) : adapter.fields.some((f) => f.key === key)) return page;
  }
  return null;
}

/** The order of the groups: the current page first, then the R11 steps, then the rest, the profile last. */
export function stepOrder(step: string | null, current: string | null): number {
  if (step === null) return 1000;
  if (step === current) return -1;
  const i = (R11_STEPS as readonly string[]).indexOf(step);
  return i >= 0 ? i : 100;
}
