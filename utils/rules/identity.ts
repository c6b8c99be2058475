import type { Finding } from '@/utils/schema/finding';
import { FILED_AS, ORGANIZATION_DOCUMENTS, PERSON_DOCUMENTS } from '@/utils/fields/portal-options';
import { ORGANIZATION_ID_TYPES, PERSON_ID_TYPES, type OwnerKind } from '@/utils/schema/owner';
import type { RuleId } from './catalogue';
import { isRealDay, quote, str, todayIso } from './common';
import { finding } from './finding';

/*
 * Identity numbers and contact details (docs/RULES.md "Identity (ID)"). Every check takes the raw value
 * and the field key for its findings; an empty value yields no finding, because whether a value is
 * required is a separate question that docs/RULES.md answers per field. A value that is no string (a
 * half-typed draft's undefined) reads as empty.
 */

/** Longer than any identity number or address by far: such input is rejected without parsing. */
const MAX_INPUT = 320;

/** id.resident: the province codes of GB/T 2260 that may start a resident ID number. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 91'.split(' '),
);

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

/** id.resident: the GB 11643 check character for the first 17 digits, or null if they are not 17 digits. */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_WEIGHTS[i];
  return RESIDENT_CHECK[sum % 11];
}

/** id.uscc: GB 32100's 31 characters, in value order (no I, O, Z, S, V). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** id.uscc: registering authorities of GB 32100 (1 机构编制 … 9 市场监管, A 军队, N 农业, Y 其他). */
const USCC_AUTHORITIES = '123456789ANY';

/** id.uscc: the GB 32100 check character for the first 17 characters, or null if they are not valid. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** The value as the checks read it: trimmed, NFKC (full-width → half-width). */
function nfkc(value: string): string {
  return value.trim().normalize('NFKC');
}

/** A warning when NFKC changed the value: the page compares character for character. */
function widthWarning(rule: RuleId, key: string, raw: string, normalised: string): Finding[] {
  if (raw.trim() === normalised) return [];
  return [
    finding(
      rule,
      key,
      `含有全角或兼容字符，已按 ${quote(normalised)} 检查，请改为半角`,
      `contains full-width or compatibility characters; checked as ${quote(normalised)}, please type them half-width`,
      'warning',
    ),
  ];
}

function tooLong(rule: RuleId, key: string, length: number): Finding[] {
  return [finding(rule, key, `内容过长（${length} 个字符）`, `far too long (${length} characters)`)];
}

/** Resident ID as it should be entered: trimmed, half-width, upper-case X. */
export function normaliseResidentId(value: string): string {
  value = str(value);
  return nfkc(value).replace(/x$/, 'X');
}

/** The first character outside `allowed`, with its 1-based position, for a precise message. */
function firstBadChar(value: string, allowed: RegExp): { char: string; at: number } | null {
  const chars = Array.from(value);
  const at = chars.findIndex((c) => !allowed.test(c));
  return at < 0 ? null : { char: chars[at], at: at + 1 };
}

function charName(c: string): string {
  return /\s/.test(c) ? '空格' : `“${c}”`;
}
function charNameEn(c: string): string {
  return /\s/.test(c) ? 'a space' : `"${c}"`;
}

/**
 * id.resident (GB 11643-1999): 18 characters, a province code, a birth date that exists and is not
 * after `today`, and the check character. Lower-case x is accepted; full-width digits are read
 * through NFKC with a warning.
 */
export function checkResidentId(value: string, key: string, today: string = todayIso()): Finding[] {
  value = str(value);
  if (!value.trim()) return [];
  if (value.length > MAX_INPUT) return tooLong('id.resident', key, value.length);
  const v = normaliseResidentId(value);
  const out = widthWarning('id.resident', key, value, nfkc(value));
  const bad = firstBadChar(v, /[0-9X]/);
  const length = Array.from(v).length;
  if (bad || length !== 18 || (v.includes('X') && v.indexOf('X') !== 17)) {
    if (bad) {
      out.push(
        finding('id.resident', key, `身份证号码第 ${bad.at} 位是${charName(bad.char)}，只能是数字（最后一位可为 X）`, `character ${bad.at} is ${charNameEn(bad.char)}: only digits are allowed (the last may be X)`),
      );
    } else if (length !== 18) {
      out.push(finding('id.resident', key, `身份证号码应为 18 位，现为 ${length} 位`, `a resident ID number has 18 characters, this one has ${length}`));
    } else {
      out.push(finding('id.resident', key, '身份证号码只有最后一位可以是 X', 'only the last character of a resident ID number may be X'));
    }
    return out;
  }
  const province = v.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) {
    out.push(finding('id.resident', key, `身份证号码前两位 ${province} 不是省级行政区划代码`, `the first two digits ${province} are not a province code`));
  }
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  if (!isRealDay(birth)) {
    out.push(finding('id.resident', key, `身份证号码中的出生日期 ${v.slice(6, 14)} 不存在`, `the birth date ${v.slice(6, 14)} in the number does not exist`));
  } else if (birth > today) {
    out.push(finding('id.resident', key, `身份证号码中的出生日期 ${birth} 晚于今天`, `the birth date ${birth} in the number is in the future`));
  }
  const expected = residentIdCheckChar(v.slice(0, 17));
  if (expected !== v[17]) {
    out.push(finding('id.resident', key, `身份证号码校验位错误，应为 ${expected}`, `wrong check digit, expected ${expected}`));
  }
  return out;
}

/** True for an 18-character resident ID number whose check character is right (shape only, no dates). */
export function isResidentIdShape(value: string): boolean {
  value = str(value);
  const v = normaliseResidentId(value);
  return /^\d{17}[\dX]$/.test(v) && residentIdCheckChar(v.slice(0, 17)) === v[17];
}

/** True for an 18-character USCC whose check character is right. */
export function isUsccShape(value: string): boolean {
  value = str(value);
  const v = nfkc(value).toUpperCase();
  return v.length === 18 && usccCheckChar(v.slice(0, 17)) === v[17];
}

/**
 * id.uscc (GB 32100-2015): 18 characters from the 31-character set (no I, O, Z, S, V), a known
 * registering authority, a 6-digit region code and the check character. Lower-case letters and
 * full-width characters are read upper-case half-width, with a warning.
 */
export function checkUscc(value: string, key: string): Finding[] {
  value = str(value);
  if (!value.trim()) return [];
  if (value.length > MAX_INPUT) return tooLong('id.uscc', key, value.length);
  const half = nfkc(value);
  const v = half.toUpperCase();
  const out = widthWarning('id.uscc', key, value, half);
  if (v !== half) {
    out.push(finding('id.uscc', key, `统一社会信用代码中的字母应为大写：${v}`, `letters in the code are upper case: ${v}`, 'warning'));
  }
  const chars = Array.from(v);
  const banned = [...new Set(chars.filter((c) => 'IOZSV'.includes(c)))];
  const other = [...new Set(chars.filter((c) => !USCC_CHARSET.includes(c) && !'IOZSV'.includes(c)))];
  if (banned.length) {
    out.push(
      finding('id.uscc', key, `统一社会信用代码不使用字母 I、O、Z、S、V，这里有 ${banned.join('、')}（是否把数字 0、1、2、5 看成了字母？）`, `the code never uses I, O, Z, S or V; found ${banned.join(', ')} (digits 0, 1, 2, 5 misread as letters?)`),
    );
  }
  if (other.length) {
    out.push(finding('id.uscc', key, `统一社会信用代码含有非法字符 ${other.map(charName).join('、')}`, `the code contains characters it cannot have: ${other.map(charNameEn).join(', ')}`));
  }
  if (chars.length !== 18) {
    out.push(finding('id.uscc', key, `统一社会信用代码应为 18 位，现为 ${chars.length} 位`, `the code has 18 characters, this one has ${chars.length}`));
  }
  if (banned.length || other.length || chars.length !== 18) return out;
  if (!USCC_AUTHORITIES.includes(v[0])) {
    out.push(finding('id.uscc', key, `第 1 位 ${v[0]} 不是登记管理部门代码（如 1、5、9、Y）`, `the first character ${v[0]} is no registering authority (1, 5, 9, Y …)`));
  }
  if (!/^\d{6}$/.test(v.slice(2, 8))) {
    out.push(finding('id.uscc', key, `第 3–8 位 ${v.slice(2, 8)} 应为 6 位行政区划代码`, `characters 3–8 (${v.slice(2, 8)}) must be a 6-digit region code`));
  }
  const expected = usccCheckChar(v.slice(0, 17));
  if (expected !== v[17]) {
    out.push(finding('id.uscc', key, `统一社会信用代码校验位错误，应为 ${expected}`, `wrong check character, expected ${expected}`));
  }
  return out;
}

const CHINA = new Set(['', '中国', '中华人民共和国', 'CHINA', 'CN', 'CHN', "PEOPLE'S REPUBLIC OF CHINA"]);

/** True when a country field names mainland China (or is empty: the schema's default is 中国). */
export function isChina(country: string): boolean {
  return CHINA.has(nfkc(str(country)).toUpperCase());
}

/**
 * Formats of the other person ID types; a number that does not fit its type is reported under
 * id.type-matches-kind (the number does not match the chosen 证件类型).
 */
function formatFinding(key: string, ok: boolean, zh: string, en: string): Finding[] {
  return ok ? [] : [finding('id.type-matches-kind', key, zh, en)];
}

/** 护照: a Chinese passport is 9 characters (E12345678, EA1234567, G12345678); others 5–17 letters or digits. */
export function checkPassport(value: string, key: string, country = '中国'): Finding[] {
  value = str(value);
  if (!value.trim()) return [];
  const v = nfkc(value).toUpperCase();
  const out = widthWarning('id.type-matches-kind', key, value, nfkc(value));
  if (isChina(country)) {
    return out.concat(formatFinding(key, /^[A-Z][A-Z0-9]\d{7}$/.test(v), `中国护照号码应为 9 位：字母开头，如 E12345678 或 EA1234567`, 'a Chinese passport number has 9 characters starting with a letter, e.g. E12345678 or EA1234567'));
  }
  return out.concat(formatFinding(key, /^[A-Z0-9]{5,17}$/.test(v), '护照号码应为 5–17 位字母或数字', 'a passport number has 5–17 letters or digits'));
}

/** 港澳居民来往内地通行证: H (Hong Kong) or M (Macau) and 8 digits (10 on old permits). */
export function checkHkMacauPermit(value: string, key: string): Finding[] {
  value = str(value);
  if (!value.trim()) return [];
  const v = nfkc(value).toUpperCase();
  return widthWarning('id.type-matches-kind', key, value, nfkc(value)).concat(
    formatFinding(key, /^[HM]\d{8}(\d{2})?$/.test(v), '港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（旧证 10 位）', 'a Hong Kong/Macau permit number is H or M and 8 digits (10 on old permits)'),
  );
}

/** 台湾居民来往大陆通行证: 8 digits (old permits: 10 digits, optionally a letter in brackets). */
export function checkTaiwanPermit(value: string, key: string): Finding[] {
  value = str(value);
  if (!value.trim()) return [];
  const v = nfkc(value).toUpperCase();
  return widthWarning('id.type-matches-kind', key, value, nfkc(value)).concat(
    formatFinding(key, /^\d{8}$|^\d{10}(\([A-Z]\))?$/.test(v), '台湾居民来往大陆通行证号码应为 8 位数字（旧证 10 位）', 'a Taiwan permit number has 8 digits (10 on old permits)'),
  );
}

/**
 * 外国人永久居留身份证: the 2017 card has 3 letters (country) and 12 digits; the 2023 card has 18
 * characters starting with 9 and the GB 11643 check character.
 */
export function checkForeignPermanentResidence(value: string, key: string): Finding[] {
  value = str(value);
  if (!value.trim()) return [];
  const v = normaliseResidentId(value).toUpperCase();
  const out = widthWarning('id.type-matches-kind', key, value, nfkc(value));
  if (/^[A-Z]{3}\d{12}$/.test(v)) return out;
  if (/^9\d{16}[\dX]$/.test(v)) {
    const expected = residentIdCheckChar(v.slice(0, 17));
    return out.concat(formatFinding(key, expected === v[17], `永久居留身份证号码校验位错误，应为 ${expected}`, `wrong check character, expected ${expected}`));
  }
  return out.concat(
    formatFinding(key, false, '外国人永久居留身份证号码应为 3 位字母加 12 位数字，或以 9 开头的 18 位', 'a foreign permanent residence ID is 3 letters and 12 digits, or 18 characters starting with 9'),
  );
}

/**
 * The format check for an ID number of the given 证件类型 (the portal's words). Types with no fixed
 * format (其他) and unknown types get none: id.type-matches-kind reports the unknown type itself.
 */
export function checkIdNumber(idType: string, value: string, key: string, options: { today?: string; country?: string } = {}): Finding[] {
  switch (str(idType).trim()) {
    case '居民身份证':
      return checkResidentId(value, key, options.today);
    case '护照':
      return checkPassport(value, key, options.country);
    case '港澳居民来往内地通行证':
      return checkHkMacauPermit(value, key);
    case '台湾居民来往大陆通行证':
      return checkTaiwanPermit(value, key);
    case '外国人永久居留身份证':
      return checkForeignPermanentResidence(value, key);
    // 事业单位法人证书 and 社会团体法人登记证书 have carried the USCC since 2015 (GB 32100).
    case '统一社会信用代码证书':
    case '事业单位法人证书':
    case '社会团体法人登记证书':
      return checkUscc(value, key);
    default:
      return [];
  }
}

/**
 * The document types a form offers each kind of owner. A profile takes the real-name page's list; the
 * R11 owner row offers a person four documents (a passport or a permit is filed as 其他有效证件) and
 * every legal person one, 统一社会信用代码证书 (docs/PORTALS.md, owner rows; docs/RULES.md).
 */
export type IdForm = 'profile' | 'r11';
const ID_TYPES_OF: Record<IdForm, Record<OwnerKind, ReadonlySet<string>>> = {
  profile: { person: new Set(PERSON_ID_TYPES), organization: new Set(ORGANIZATION_ID_TYPES) },
  r11: { person: new Set([...PERSON_DOCUMENTS, ...FILED_AS['其他有效证件']]), organization: new Set(ORGANIZATION_DOCUMENTS) },
};
const KIND_ZH: Record<OwnerKind, string> = { person: '自然人', organization: '机构（非自然人）' };
const KIND_EN: Record<OwnerKind, string> = { person: 'a natural person', organization: 'an organisation' };

export interface KindFields {
  kind?: unknown;
  category?: unknown;
  idType?: unknown;
  idNumber?: unknown;
}

/** The owner's kind, from `kind` or else from the category (自然人 is the only person category). */
function kindOf(o: KindFields): OwnerKind | null {
  if (o.kind === 'person' || o.kind === 'organization') return o.kind;
  if (typeof o.category === 'string' && o.category.trim()) return o.category.trim() === '自然人' ? 'person' : 'organization';
  return null;
}

/**
 * id.type-matches-kind: category, ID type and the number's shape agree with the owner's kind. A
 * person has 自然人 and a person ID type; an organisation has an organisation category and type; a
 * valid USCC on a person, or a valid resident ID on an organisation, is reported on `idNumber`.
 * `form` says whose document list applies: the profile's, or the R11 owner row's.
 */
export function checkTypeMatchesKind(fields: KindFields, form: IdForm = 'profile'): Finding[] {
  const o: KindFields = fields && typeof fields === 'object' ? fields : {};
  const kind = kindOf(o);
  const category = typeof o.category === 'string' ? o.category.trim() : '';
  const idType = typeof o.idType === 'string' ? o.idType.trim() : '';
  const idNumber = typeof o.idNumber === 'string' ? o.idNumber : '';
  const out: Finding[] = [];
  if (!kind) return out;
  if (category && (category === '自然人') !== (kind === 'person')) {
    out.push(finding('id.type-matches-kind', 'category', `类别“${category}”与主体类型（${KIND_ZH[kind]}）不符`, `category "${category}" does not fit ${KIND_EN[kind]}`));
  }
  const types = ID_TYPES_OF[form];
  const other: OwnerKind = kind === 'person' ? 'organization' : 'person';
  if (idType && types[other].has(idType)) {
    out.push(finding('id.type-matches-kind', 'idType', `${KIND_ZH[kind]}不能使用证件类型“${idType}”`, `${KIND_EN[kind]} cannot use the ID type "${idType}"`));
  } else if (idType && !types[kind].has(idType)) {
    const offered = [...types[kind]].filter((t) => form === 'profile' || !FILED_AS['其他有效证件'].includes(t)).join('、');
    out.push(finding('id.type-matches-kind', 'idType', `证件类型“${idType}”不是登记系统为${KIND_ZH[kind]}提供的选项（${offered}）`, `ID type "${idType}" is not one the portal offers ${KIND_EN[kind]} (${offered})`));
  }
  if (idNumber.length <= MAX_INPUT) {
    if (kind === 'person' && isUsccShape(idNumber) && !isResidentIdShape(idNumber)) {
      out.push(finding('id.type-matches-kind', 'idNumber', '这是统一社会信用代码，自然人应填写本人的身份证件号码', 'this is a unified social credit code; a natural person enters a personal ID number'));
    } else if (kind === 'organization' && isResidentIdShape(idNumber)) {
      out.push(finding('id.type-matches-kind', 'idNumber', '这是居民身份证号码，机构应填写统一社会信用代码', "this is a resident ID number; an organisation enters its unified social credit code"));
    }
  }
  return out;
}

/** A mainland mobile number as the page wants it: half-width, no separators, no +86 prefix. */
export function normaliseMobile(value: string): string {
  value = str(value);
  const v = nfkc(value).replace(/[\s\-()]/g, '');
  const m = /^(?:\+|00)?86(1\d{10})$/.exec(v);
  return m ? m[1] : v;
}

export interface Landline {
  area: string;
  number: string;
  extension?: string;
}

/**
 * A landline: 0 + area code (2–3 digits) + 7–8 digits, optional extension (-123, 转123, ext 123).
 * The international form +86 10 6234 5678 is read too. Returns null when it is not one.
 */
export function parseLandline(value: string): Landline | null {
  value = str(value);
  const v = nfkc(value);
  if (v.length > 40) return null;
  // Area codes are 10, 2x or three digits from 3xx to 9xx: a mobile number never reads as one.
  const m = /^(?:(?:\+|00)86[\s-]*\(?0?|\(?0)(10|2\d|[3-9]\d\d)\)?[\s-]*(\d{3,4})[\s-]?(\d{4})(?:\s*(?:-|转|分机|ext\.?|x|#)\s*(\d{1,6}))?$/i.exec(v);
  if (!m) return null;
  const number = m[2] + m[3];
  if (number.length < 7 || number.length > 8) return null;
  return m[4] ? { area: '0' + m[1], number, extension: m[4] } : { area: '0' + m[1], number };
}

/**
 * id.mobile for a mobile field: 1[3-9] and 9 more digits, after removing +86 and separators. A
 * landline in a mobile field is reported as such, since the verification codes go by SMS.
 */
export function checkMobile(value: string, key: string): Finding[] {
  value = str(value);
  if (!value.trim()) return [];
  if (value.length > MAX_INPUT) return tooLong('id.mobile', key, value.length);
  const out = widthWarning('id.mobile', key, value, nfkc(value));
  const v = normaliseMobile(value);
  if (/^1[3-9]\d{9}$/.test(v)) return out;
  if (parseLandline(value)) {
    out.push(finding('id.mobile', key, '这是固定电话号码，此处需要手机号码（验证码以短信发送）', 'this is a landline number; a mobile number is needed here (codes come by SMS)'));
  } else if (/^1\d{10}$/.test(v)) {
    out.push(finding('id.mobile', key, `手机号码第二位应为 3–9，现为 ${v[1]}`, `the second digit of a mobile number is 3–9, not ${v[1]}`));
  } else if (/^\d+$/.test(v)) {
    out.push(finding('id.mobile', key, `手机号码应为 11 位数字，现为 ${v.length} 位`, `a mobile number has 11 digits, this one has ${v.length}`));
  } else {
    out.push(finding('id.mobile', key, '手机号码只能包含数字（可带 +86 前缀）', 'a mobile number has only digits (an optional +86 prefix)'));
  }
  return out;
}

/** id.mobile for a landline field: 0 + area code + 7–8 digits, optional extension. */
export function checkLandline(value: string, key: string): Finding[] {
  value = str(value);
  if (!value.trim()) return [];
  if (value.length > MAX_INPUT) return tooLong('id.mobile', key, value.length);
  const out = widthWarning('id.mobile', key, value, nfkc(value));
  if (!parseLandline(value)) {
    out.push(finding('id.mobile', key, '固定电话应为 0 + 区号（2–3 位）+ 7–8 位号码，可带分机号，如 010-62345678', 'a landline is 0 + area code (2–3 digits) + 7–8 digits, optional extension, e.g. 010-62345678'));
  }
  return out;
}

/** id.postcode: six digits (mainland China; callers skip it for addresses abroad). */
export function checkPostcode(value: string, key: string): Finding[] {
  value = str(value);
  if (!value.trim()) return [];
  if (value.length > MAX_INPUT) return tooLong('id.postcode', key, value.length);
  const v = nfkc(value);
  const out = widthWarning('id.postcode', key, value, v);
  if (!/^\d{6}$/.test(v)) out.push(finding('id.postcode', key, '邮政编码应为 6 位数字', 'a postcode has 6 digits'));
  return out;
}

const EMAIL_LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const EMAIL_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Why an address would be refused, or null if a mail server would accept it (RFC 5321 limits, dot-atom). */
function emailProblem(v: string): [string, string] | null {
  // NFKC already turned full-width ＠ ， ． into ASCII; the ideographic full stop and comma remain.
  if (/[。、]/.test(v)) return ['含有中文标点（如 。、），请改为英文半角符号', 'contains Chinese punctuation (。、): use ASCII . and ,'];
  if (/\s/.test(v)) return ['不能包含空格', 'must not contain spaces'];
  if (/[^\x21-\x7e]/.test(v)) return ['只能包含英文字母、数字和符号（不能有汉字）', 'may contain only ASCII letters, digits and symbols'];
  const at = v.lastIndexOf('@');
  if (at < 0) return ['缺少 @', 'the @ is missing'];
  if (v.indexOf('@') !== at) return ['只能有一个 @', 'only one @ is allowed'];
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  if (!local || !domain) return ['@ 前后都需要内容', 'text is needed on both sides of the @'];
  if (v.length > 254 || local.length > 64) return ['地址过长', 'the address is too long'];
  if (local.split('.').some((atom) => !EMAIL_LOCAL_ATOM.test(atom))) return ['@ 前的部分格式不对（不能以点开头或结尾，不能有连续的点）', 'the part before the @ is malformed (dots at the ends or doubled)'];
  const labels = domain.split('.');
  if (labels.length < 2) return [`域名 ${domain} 不完整（如 example.com）`, `the domain ${domain} is incomplete (e.g. example.com)`];
  if (labels.some((l) => !EMAIL_LABEL.test(l))) return [`域名 ${domain} 格式不对`, `the domain ${domain} is malformed`];
  if (!/^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/.test(labels[labels.length - 1])) return [`域名后缀 .${labels[labels.length - 1]} 不对`, `the top-level domain .${labels[labels.length - 1]} is not valid`];
  return null;
}

/** id.email: an address a mail server would accept; full-width input is read half-width with a warning. */
export function checkEmail(value: string, key: string): Finding[] {
  value = str(value);
  if (!value.trim()) return [];
  if (value.length > MAX_INPUT) return tooLong('id.email', key, value.length);
  const v = nfkc(value);
  const out = widthWarning('id.email', key, value, v);
  const problem = emailProblem(v);
  if (problem) out.push(finding('id.email', key, `电子邮箱${problem[0]}`, `email: ${problem[1]}`));
  return out;
}
