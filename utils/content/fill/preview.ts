import type { PlanAction, PlannedField, PlanValues } from '@/utils/contract/messages';
import { specOf } from '@/utils/fields/catalogue';
import { fieldLabel } from '@/utils/fields/labels';
import { sourceOf, valueFor } from '@/utils/fields/values';
import type { ControlSnapshot } from './collect';
import { shownText, type PlanItem } from './plan';

/**
 * The plan as the popup shows it before a fill: per field its name, what the fill would do, the
 * value as the page will show it, where the value comes from and why the control was matched.
 * Profile values go to the popup only; nothing here touches the page.
 */

/** The plan's actions in the words the fill reports: the page's own value (the user's, or already the profile's) is kept. */
const ACTION: Record<Exclude<PlanItem['action'], 'part'>, PlanAction> = {
  fill: 'fill',
  same: 'keep',
  kept: 'keep',
  locked: 'locked',
  'too-long': 'too-long',
  ambiguous: 'ambiguous',
  'not-found': 'not-found',
  'no-value': 'no-value',
};

/**
 * A field the page shows only after a choice (已发表 shows the publication's date): when the plan
 * makes that choice, the fill collects again after it and fills the field, so the plan says fill,
 * with the profile's value as it is.
 */
function revealed(item: PlanItem, planned: ReadonlyMap<string, PlanItem>, values: PlanValues): PlanItem {
  const by = specOf(item.key)?.revealedBy;
  if (item.action !== 'not-found' || !by || planned.get(by)?.action !== 'fill') return item;
  const value = valueFor(item.key, values);
  return value === undefined ? item : { ...item, action: 'fill', ref: Infinity, value, reason: `选择“${specOf(by)?.zh ?? by}”后出现，届时填写 / shown once that choice is made` };
}

/** In page order (fields the page lacks last); a key the page does not show and the profile lacks is left out, as the fill's report does. */
export function plannedFields(planned: readonly PlanItem[], controls: readonly ControlSnapshot[], values: PlanValues): PlannedField[] {
  const first = new Map(planned.map((item) => [item.key, item]));
  const items = planned.map((item) => revealed(item, first, values));
  const shown = items.filter((item) => !(item.action === 'no-value' && item.ref === undefined));
  const byKey = new Map(shown.map((item) => [item.key, item]));
  const fields = shown.map((item): PlannedField => {
    const host = item.action === 'part' ? byKey.get(item.host) : undefined;
    const action = item.action === 'part' ? (host && host.action !== 'part' ? ACTION[host.action] : 'not-found') : ACTION[item.action];
    const c = item.ref === undefined ? undefined : controls.at(item.ref);
    // The page's own value for what is kept; the profile's, formatted for its control, for what would be written.
    const value = item.action === 'part' ? undefined : item.action === 'same' ? c?.value : item.value === undefined ? undefined : shownText(c?.kind ?? 'text', item.value);
    const from = item.action === 'fill' || item.action === 'too-long' || item.action === 'part' ? sourceOf(item.key, values) : null;
    return {
      key: item.key,
      name: fieldLabel(item.key),
      action,
      ...(value ? { value } : {}),
      ...(item.action === 'part' ? { partOf: item.host } : {}),
      ...(from ? { from } : {}),
      ...(item.why ? { why: item.why } : {}),
      ...(item.reason ? { reason: item.reason } : item.action === 'fill' && item.note ? { reason: item.note } : {}),
    };
  });
  const place = (f: PlannedField) => byKey.get(f.key)?.ref ?? Infinity;
  return fields.map((f, i) => ({ f, i })).sort((a, b) => place(a.f) - place(b.f) || a.i - b.i).map(({ f }) => f);
}
