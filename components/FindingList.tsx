import type { Finding } from '@/utils/schema/finding';

type Severity = Finding['severity'];

interface Props {
  findings: readonly Finding[];
  /** Badge text per severity (错误 / 警告 / 提示). */
  severityText: Record<Severity, string>;
  /** The field a finding concerns, as the user reads it; none for findings about a whole file. */
  labelOf?: (key: string) => string;
  /** Takes the user to the field; without it the field's name is plain text. */
  onFocus?: (key: string) => void;
  focusLabel?: string;
}

/** Rule findings, errors first as given, each with its severity, its field and its message. */
export function FindingList({ findings, severityText, labelOf, onFocus, focusLabel }: Props) {
  return (
    <ul className="findings">
      {findings.map((f, i) => {
        const label = f.key && labelOf ? labelOf(f.key) : '';
        return (
          <li key={`${f.rule}-${f.key ?? ''}-${i}`} className={`finding ${f.severity}`} data-rule={f.rule} data-finding-key={f.key}>
            <span className="badge">{severityText[f.severity]}</span>
            {label && f.key && onFocus ? (
              <button type="button" className="link" title={focusLabel} onClick={() => onFocus(f.key!)}>{label}</button>
            ) : (
              label && <strong>{label}</strong>
            )}
            <span className="message">{f.message}</span>
          </li>
        );
      })}
    </ul>
  );
}
