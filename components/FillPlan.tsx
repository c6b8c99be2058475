import type { PlanAction, PlannedField, PlanResponse } from '@/utils/contract/messages';

export interface FillPlanWords {
  title: string;
  explain: string;
  close: string;
  /** A group's heading: the page's own fields, or owner row n (1-based). */
  pageFields: string;
  ownerRow: (n: number) => string;
  /** "filled with 省份" for a key that goes with another's control. */
  withHost: (name: string) => string;
  action: Record<PlanAction, string>;
}

interface Props {
  plan: PlanResponse;
  words: FillPlanWords;
  /** Keys the user unticked. */
  skipped: ReadonlySet<string>;
  onToggle: (key: string, fill: boolean) => void;
  onClose: () => void;
  whyOf: (f: PlannedField) => string | undefined;
  sourceOf: (f: PlannedField) => string | undefined;
}

/** Owner row of a key (`owners.1.idNumber` → 1), or null for the page's own fields. */
const rowOf = (key: string) => {
  const m = /^owners\.(\d+)\./.exec(key);
  return m ? Number(m[1]) : null;
};

/**
 * What a fill would do, before it runs: per field the action, the value as the page will show it,
 * where it comes from and why the control was matched; a fillable field has a checkbox (ticked
 * unless the user unticked it). Grouped as the page is: its own fields, then each owner row.
 */
export function FillPlan({ plan, words, skipped, onToggle, onClose, whyOf, sourceOf }: Props) {
  const groups = new Map<number | null, PlannedField[]>();
  for (const f of plan.fields) groups.set(rowOf(f.key), [...(groups.get(rowOf(f.key)) ?? []), f]);
  return (
    <section aria-labelledby="fill-plan-title" className="plan">
      <div className="plan-head">
        <h2 id="fill-plan-title">{words.title}</h2>
        <button type="button" onClick={onClose}>{words.close}</button>
      </div>
      <p className="muted">{words.explain}</p>
      {[...groups].map(([row, fields]) => {
        const heading = row === null ? words.pageFields : words.ownerRow(row + 1);
        return (
          <fieldset key={String(row)}>
            <legend>{heading}</legend>
            <ul>
              {fields.map((f) => {
                const why = whyOf(f);
                const from = sourceOf(f);
                const fillable = f.action === 'fill' && !f.partOf;
                const detailId = `plan-${f.key}`;
                return (
                  <li key={f.key} data-key={f.key} data-action={f.action} className={`planned ${f.action}`}>
                    {fillable ? (
                      <label>
                        <input type="checkbox" checked={!skipped.has(f.key)} aria-describedby={detailId} onChange={(e) => onToggle(f.key, e.target.checked)} />
                        {f.name}
                      </label>
                    ) : (
                      <span>{f.name}</span>
                    )}
                    <span className="badge">{f.partOf ? words.withHost(plan.fields.find((h) => h.key === f.partOf)?.name ?? f.partOf) : words.action[f.action]}</span>
                    <span id={detailId} className="detail">
                      {f.value && <span className="value">“{f.value}”</span>}
                      {from && <span className="from">{from}</span>}
                      {why && <span className="why">{why}</span>}
                      {f.reason && <span className="reason">{f.reason}</span>}
                    </span>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </section>
  );
}
