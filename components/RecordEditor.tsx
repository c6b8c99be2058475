import { useState, type ReactNode } from 'react';
import { FieldControl } from './FieldControl';
import type { ChoiceTexts } from './ChoiceControls';
import { narrowChoices, type ChoicesOf } from '@/utils/fields/choices';
import { getField, setField, type FieldSpec } from '@/utils/schema/fields';
import type { Finding } from '@/utils/schema/finding';

interface Props<T extends object> {
  title: string;
  fields: readonly FieldSpec[];
  draft: T;
  onChange: (draft: T) => void;
  findings: Finding[];
  /** Portal character limits per field key, for counters. */
  limits?: Partial<Record<string, number>>;
  /** Renders fields the generic controls cannot (e.g. the ordered owner picker). */
  renderSpecial?: (spec: FieldSpec, value: unknown, onChange: (v: unknown) => void) => ReactNode;
  /** The portal's choices per field key, offered instead of free text; `choiceTexts` says what they need said. */
  choices?: ChoicesOf<T>;
  choiceTexts?: ChoiceTexts;
  actions: ReactNode;
}

const WIDE = new Set(['textarea', 'owners']);

/**
 * A form over catalogue fields; findings appear under the field they concern. An edit that makes
 * a dependent choice no longer one (a document type of another 著作权人类别) clears it and says so
 * under that field until it is edited.
 */
export function RecordEditor<T extends object>({ title, fields, draft, onChange, findings, limits, renderSpecial, choices = {}, choiceTexts, actions }: Props<T>) {
  const [cleared, setCleared] = useState<Readonly<Record<string, string>>>({});
  return (
    <form className="editor" aria-label={title} onSubmit={(e) => e.preventDefault()} noValidate>
      <h2>{title}</h2>
      <div className="grid">
        {fields.map((spec) => {
          const value = getField(draft, spec.key);
          const set = (v: unknown) => {
            const narrowed = narrowChoices(choices, draft, setField(draft, spec.key, v));
            const notes = { ...cleared };
            delete notes[spec.key];
            for (const c of narrowed.cleared) notes[c.key] = c.value;
            setCleared(notes);
            onChange(narrowed.record);
          };
          return (
            <div key={spec.key} className={WIDE.has(spec.input) ? 'wide' : undefined}>
              {renderSpecial?.(spec, value, set) ?? (
                <FieldControl
                  spec={spec}
                  value={value}
                  onChange={set}
                  findings={findings.filter((f) => f.key === spec.key)}
                  maxLength={limits?.[spec.key]}
                  choices={choices[spec.key]?.(draft)}
                  texts={choiceTexts}
                  cleared={cleared[spec.key]}
                />
              )}
            </div>
          );
        })}
      </div>
      {findings.some((f) => !f.key || !fields.some((s) => s.key === f.key)) && (
        <ul className="msg" aria-live="polite">
          {findings
            .filter((f) => !f.key || !fields.some((s) => s.key === f.key))
            .map((f, i) => (
              <li key={i} className={f.severity}>{f.message}</li>
            ))}
        </ul>
      )}
      <div className="actions">{actions}</div>
    </form>
  );
}
