import type { FillResponse } from '@/utils/contract/messages';

type Status = FillResponse['results'][number]['status'];

interface Props {
  title: string;
  report: FillResponse;
  statusText: Record<Status, string>;
  summary: string;
  labelOf: (key: string) => string;
  focusLabel: string;
  onFocus: (key: string) => void;
}

/** The per-field outcome of a fill; what was not filled comes first, each with a way to reach the field. */
export function FillReport({ title, report, statusText, summary, labelOf, focusLabel, onFocus }: Props) {
  const order: Status[] = ['rejected', 'too-long', 'ambiguous', 'kept', 'locked', 'not-found', 'no-value', 'filled'];
  const rows = [...report.results].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  return (
    <section aria-label={title} className="report">
      <p role="status">{summary}</p>
      <ul>
        {rows.map((r) => (
          <li key={r.key} data-key={r.key} data-status={r.status} className={`result ${r.status}`}>
            {r.status === 'not-found' ? (
              <span>{labelOf(r.key)}</span>
            ) : (
              <button type="button" className="link" title={focusLabel} onClick={() => onFocus(r.key)}>{labelOf(r.key)}</button>
            )}
            <span className="badge">{statusText[r.status]}</span>
            {r.reason && <span className="reason">{r.reason}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
