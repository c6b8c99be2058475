import { useState } from 'react';
import type { ChoiceList } from '@/utils/fields/choices';
import { joinListChoices, splitListChoices } from '@/utils/fields/choices';
import { countChars } from '@/utils/rules/limits';

/** The editors' words about choices, passed in (message keys are the page's). */
export interface ChoiceTexts {
  /** A stored value that is none of the options: kept, and shown for correction. */
  notChoice: (value: string) => string;
  /** A value an edit elsewhere made no longer a choice, and so cleared. */
  cleared: (value: string) => string;
  /** A choice refused: the list already holds its most. */
  capped: (max: number) => string;
  /** The other box of a list field (编程语言 beyond the 21). */
  other: string;
  remove: string;
}

interface Common {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'data-field': string;
}

/** One of the options; a stored value that is none of them stays chosen and is marked so. */
export function ChoiceSelect({ common, choices, value, onChange, texts }: { common: Common; choices: ChoiceList; value: string; onChange: (v: string) => void; texts: ChoiceTexts }) {
  const stray = value !== '' && !choices.options.includes(value);
  return (
    <>
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {stray && <option value={value}>{texts.notChoice(value)}</option>}
        {choices.options.map((o) => (
          <option key={o} value={o}>{choices.labels?.[o] ?? o}</option>
        ))}
      </select>
      {stray && <p className="msg warning" role="note">{texts.notChoice(value)}</p>}
    </>
  );
}

/**
 * Checkboxes of a list field. An array value (技术特点) keeps the stored entries that are no option,
 * marked with a remove button; a text value (编程语言) has an other box for what no option names.
 * A choice beyond `max` is refused, with a message.
 */
export function CheckGroup({ name, choices, value, onChange, texts, otherLimit }: { name: string; choices: ChoiceList; value: unknown; onChange: (v: unknown) => void; texts: ChoiceTexts; otherLimit?: number }) {
  const asText = typeof value === 'string';
  const split = asText ? splitListChoices(value, choices.options) : { chosen: listOf(value).filter((v) => choices.options.includes(v)), rest: listOf(value).filter((v) => !choices.options.includes(v)) };
  const [otherText, setOtherText] = useState(split.rest.join('、'));
  const [refused, setRefused] = useState(false);
  // The other box shows what the user typed (a trailing separator included) while it says the same.
  const shownOther = joinListChoices([], splitListChoices(otherText, []).rest) === split.rest.join('、') ? otherText : split.rest.join('、');
  const emit = (chosen: string[], rest: string[]) => onChange(asText ? joinListChoices(chosen, rest) : [...chosen, ...rest]);
  const total = asText ? split.chosen.length : listOf(value).length;

  const toggle = (option: string, on: boolean) => {
    if (on && choices.max !== undefined && total >= choices.max) return setRefused(true);
    setRefused(false);
    const chosen = on ? choices.options.filter((o) => o === option || split.chosen.includes(o)) : split.chosen.filter((o) => o !== option);
    emit(chosen, split.rest);
  };
  return (
    <>
      <div className="checks">
        {choices.options.map((o) => (
          <label key={o} className="check">
            <input type="checkbox" name={name} checked={split.chosen.includes(o)} onChange={(e) => toggle(o, e.target.checked)} />
            {choices.labels?.[o] ?? o}
          </label>
        ))}
      </div>
      {refused && choices.max !== undefined && <p className="msg error" role="alert">{texts.capped(choices.max)}</p>}
      {choices.other ? (
        <label className="other">
          {texts.other}
          <input
            value={shownOther}
            data-field={`${name}.other`}
            onChange={(e) => {
              setOtherText(e.target.value);
              emit(split.chosen, splitListChoices(e.target.value, []).rest);
            }}
          />
          {otherLimit !== undefined && <span className="count">{countChars(shownOther)} / {otherLimit}</span>}
        </label>
      ) : (
        split.rest.length > 0 && (
          <ul className="msg">
            {split.rest.map((v) => (
              <li key={v} className="warning">
                {texts.notChoice(v)}{' '}
                <button type="button" onClick={() => emit(split.chosen, split.rest.filter((r) => r !== v))}>{texts.remove} {v}</button>
              </li>
            ))}
          </ul>
        )
      )}
    </>
  );
}

const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
