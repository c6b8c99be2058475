/**
 * Text normalisation for labels and options. Chinese text is kept whole: NFKC folds full-width
 * forms (＊ ： （ Ａ１) into their ASCII twins, and only markers and spacing are removed.
 */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/** Spaces between two Han characters are layout (名　称), not words. */
const HAN_GAP = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/** NFKC, no zero-width characters, single spaces, trimmed. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

/** A label as text to compare: no required star, no trailing colon, no gaps between Han characters. */
export function labelText(s: string): string {
  return normalizeText(s)
    .replace(/^[*\s]+/, '')
    .replace(/[\s:*]+$/, '')
    .replace(HAN_GAP, '');
}

/**
 * A placeholder reduced to the field's name: 请输入软件全称 → 软件全称; a clause before the request
 * goes too: 若有需要，请输入其他编程语言 → 其他编程语言, 请简要描述软件的技术特点 → 软件的技术特点.
 */
export function placeholderText(s: string): string {
  const t = labelText(s);
  const asked = /^.{0,8}?[,，]?\s*请(?:输入|填写|选择|简要描述|描述|简述)/.exec(t);
  return labelText(asked ? t.slice(asked[0].length) : t.replace(/^(输入|选择|如)/, ''));
}

/** The form in which two option texts are compared: label text, Latin letters lower-cased. */
export function optionKey(s: string): string {
  return labelText(s).toLowerCase();
}

/** Splits a list the user typed with any of the usual separators: Java、JavaScript，C, C++. */
export function splitList(s: string): string[] {
  // Never at "/": PL/SQL and Delphi/Object Pascal are one language each.
  return normalizeText(s)
    .split(/\s*[、,，;；]\s*/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Case- and width-insensitive form for matching typed queries against stored text. */
export function foldText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Digits only, without a leading +86/0086, so `138 0013 8000` finds `+86 13800138000`. */
export function foldPhone(s: string): string {
  return s.normalize('NFKC').replace(/\D/g, '').replace(/^(?:0086|86)(?=1\d{10}$)/, '');
}
