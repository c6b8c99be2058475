import { useId, useState } from 'react';
import type { FieldSpec } from '@/utils/schema/fields';
import type { Finding } from '@/utils/schema/finding';
import { countChars } from '@/utils/rules/limits';
import type { ChoiceList } from '@/utils/fields/choices';
import { CheckGroup, ChoiceSelect, type ChoiceTexts } from './ChoiceControls';

interface Props {
  spec: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Rule findings for this field, shown under it and announced to screen readers. */
  findings?: Finding[];
  /** A character limit to show a counter against (the portal's own limit). */
  maxLength?: number;
  /** The portal's choices for this field given the rest of the record: offered instead of free text. */
  choices?: ChoiceList | null;
  /** Required with `choices`. */
  texts?: ChoiceTexts;
  /** A value an edit elsewhere cleared (no longer a choice): said under the field. */
  cleared?: string;
}

const asText = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const TAG_SEPARATORS = /[,，;；、]/;
const parseTags = (text: string) => text.split(TAG_SEPARATORS).map((s) => s.trim()).filter(Boolean);
const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * Tags typed as one line: the text stays as typed (a trailing comma included, so the next tag can
 * follow) and the list goes up; a list changed from outside (another record) replaces the text.
 */
function TagsInput({ value, onChange, ...rest }: { value: unknown; onChange: (v: string[]) => void } & Record<string, unknown>) {
  const tags = Array.isArray(value) ? value.map(String) : [];
  const [text, setText] = useState(tags.join('，'));
  const shown = sameTags(parseTags(text), tags) ? text : tags.join('，');
  return (
    <input
      {...rest}
      value={shown}
      placeholder="用逗号分隔 / comma separated"
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseTags(e.target.value));
      }}
    />
  );
}

/** One labelled form control for a field of the catalogue, with its findings. */
export function FieldControl({ spec, value, onChange, findings = [], maxLength, choices, texts, cleared }: Props) {
  const id = useId();
  const msgId = `${id}-msg`;
  const hasError = findings.some((f) => f.severity === 'error');
  const common = {
    id,
    'aria-invalid': hasError || undefined,
    'aria-describedby': findings.length ? msgId : undefined,
    'data-field': spec.key,
  };
  const text = asText(value);

  const group = !!choices && !!texts && (choices.other || Array.isArray(value) || spec.input === 'tags');
  let control;
  if (choices && texts) {
    control = group ? (
      <CheckGroup name={spec.key} choices={choices} value={spec.input === 'tags' ? (Array.isArray(value) ? value : []) : text} onChange={onChange} texts={texts} otherLimit={maxLength} />
    ) : (
      <ChoiceSelect common={common} choices={choices} value={text} onChange={onChange} texts={texts} />
    );
  } else switch (spec.input) {
    case 'textarea':
      control = <textarea {...common} value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'select': {
      const options = spec.options ?? [];
      const listId = `${id}-options`;
      control = spec.free ? (
        <>
          <input {...common} list={listId} value={text} onChange={(e) => onChange(e.target.value)} />
          <datalist id={listId}>{options.map((o) => <option key={o} value={o} />)}</datalist>
        </>
      ) : (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {options.map((o) => (
            <option key={o} value={o}>{spec.optionLabels?.[o] ?? o}</option>
          ))}
        </select>
      );
      break;
    }
    case 'date':
      control = <input {...common} type="date" value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'number':
      control = (
        <input
          {...common}
          type="number"
          min={0}
          step={1}
          value={text}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
      break;
    case 'boolean':
      control = <input {...common} type="checkbox" className="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
      break;
    case 'tags':
      control = <TagsInput {...common} value={value} onChange={onChange} />;
      break;
    default:
      control = <input {...common} value={text} onChange={(e) => onChange(e.target.value)} />;
  }

  const title = (
    <>
      {spec.zh}
      <span className="en" lang="en">{spec.en}</span>
    </>
  );
  const below = (
    <>
      {maxLength !== undefined && !group && (
        <span className="count" aria-live="off">
          {countChars(text)} / {maxLength}
        </span>
      )}
      {cleared !== undefined && texts && <p className="msg warning" role="status">{texts.cleared(cleared)}</p>}
      {findings.length > 0 && (
        <ul className="msg" id={msgId} aria-live="polite">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${i}`} className={f.severity}>{f.message}</li>
          ))}
        </ul>
      )}
    </>
  );
  // A group of checkboxes is named by its legend; one control by its label.
  return group ? (
    <fieldset className="field" id={id} data-field={spec.key} aria-describedby={common['aria-describedby']}>
      <legend>{title}</legend>
      {control}
      {below}
    </fieldset>
  ) : (
    <div className="field">
      <label htmlFor={id}>{title}</label>
      {control}
      {below}
    </div>
  );
}
