import type { FieldResult, FillResponse } from '@/utils/contract/messages';

type Status = FieldResult['status'];

interface Props {
  title: string;
  report: FillResponse;
  statusText: Record<Status, string>;
  /** The groups' names in reading order. */
  groups: readonly { status: Status; name: string }[];
  summary: string;
  labelOf: (key: string) => string;
  whyOf: (r: FieldResult) => string | undefined;
  whyLabel: string;
  focusLabel: string;
  onFocus: (key: string) => void;
}

/**
 * The per-field outcome of a fill, grouped by status with counts (填好 n · 保留 n …): each field
 * with its value as filled, why its control was matched (or why none was) and the reason, and a
 * way to reach it on the page.
 */
export function FillReport({ title, report, statusText, groups, summary, labelOf, whyOf, whyLabel, focusLabel, onFocus }: Props) {
  const present = groups.map((g) => ({ ...g, results: report.results.filter((r) => r.status === g.status) })).filter((g) => g.results.length);
  return (
    <section aria-label={title} className="report">
      <p role="status">{summary}</p>
      <p className="counts" data-counts>
        {present.map((g) => `${g.name} ${g.results.length}`).join(' · ')}
      </p>
      {present.map((g) => (
        <div key={g.status} className="group" data-group={g.status}>
          <h3>
            {g.name} {g.results.length}
          </h3>
          <ul>
            {g.results.map((r) => {
              const why = whyOf(r);
              return (
                <li key={r.key} data-key={r.key} data-status={r.status} className={`result ${r.status}`}>
                  {r.status === 'not-found' ? (
                    <span>{labelOf(r.key)}</span>
                  ) : (
                    <button type="button" className="link" title={focusLabel} onClick={() => onFocus(r.key)}>{labelOf(r.key)}</button>
                  )}
                  <span className="badge">{statusText[r.status]}</span>
                  {r.value && <span className="value">“{r.value}”</span>}
                  {why && (
                    <span className="why">
                      {whyLabel}：{why}
                    </span>
                  )}
                  {r.reason && <span className="reason">{r.reason}</span>}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
