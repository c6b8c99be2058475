import { getField, setField } from '@/utils/schema/fields';
import { optionKey, splitList } from '@/utils/text/normalize';

/**
 * The choices an editor offers for one field of a record, given the rest of it (the document
 * types of the chosen 著作权人类别, the cities of the chosen province). The record keeps what it
 * holds: a stored value that is not among `options` is shown for correction, never dropped.
 */
export interface ChoiceList {
  options: readonly string[];
  /** Display text of an option, where it differs from the stored value. */
  labels?: Readonly<Record<string, string>>;
  /** Most options that may be chosen at once (a list field: 技术特点 takes 3). */
  max?: number;
  /** A text field that holds the chosen options and, after them, what none of them names (编程语言 and its other box). */
  other?: boolean;
}

/** Per field key, the choices for a record; null leaves the field free text (an address abroad). */
export type ChoicesOf<T> = Readonly<Record<string, (record: T) => ChoiceList | null>>;

export interface Cleared {
  key: string;
  value: string;
}

/**
 * After an edit, the dependent choices that no longer hold: a value that was one of its field's
 * options before the edit and is not one after it is cleared (and reported, for the editor to
 * say so). Fields are narrowed in the order of `choices`, so one cleared value narrows the next.
 * A value that was no option before (an old free text) is kept.
 */
export function narrowChoices<T extends object>(choices: ChoicesOf<T>, before: T, after: T): { record: T; cleared: Cleared[] } {
  let record = after;
  const cleared: Cleared[] = [];
  for (const [key, of] of Object.entries(choices)) {
    const value = getField(record, key);
    if (typeof value !== 'string' || value === '' || value !== getField(before, key)) continue;
    const now = of(record);
    if (now && !now.options.includes(value) && of(before)?.options.includes(value)) {
      record = setField(record, key, '');
      cleared.push({ key, value });
    }
  }
  return { record, cleared };
}

/**
 * A list field's text (编程语言: Java、C++、CSS) as the options it names, in the options' order,
 * and the rest as written (for an other box).
 */
export function splitListChoices(text: string, options: readonly string[]): { chosen: string[]; rest: string[] } {
  const items = splitList(text);
  const names = (item: string, option: string) => optionKey(item) === optionKey(option);
  return {
    chosen: options.filter((o) => items.some((i) => names(i, o))),
    rest: items.filter((i) => !options.some((o) => names(i, o))),
  };
}

/** The list field's text for the options chosen and the rest. */
export const joinListChoices = (chosen: readonly string[], rest: readonly string[]): string => [...chosen, ...rest].join('、');
