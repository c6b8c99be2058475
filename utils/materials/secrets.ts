import { isRealDay } from '@/utils/rules/common';
import { isResidentIdShape, PROVINCE_CODES } from '@/utils/rules/identity';

/*
 * Secrets and personal data in source files (docs/RULES.md materials.content): what must not be
 * printed in a material that the center keeps and that others may consult. Each pattern marks the
 * part to mask — the value of `password = "…"`, not the word password — so that a redaction keeps
 * the code readable.
 */

export type SecretKind = 'private-key' | 'access-key' | 'token' | 'password' | 'credential-url' | 'private-address' | 'mobile' | 'resident-id' | 'email';

export const SECRET_KIND_TEXT: Record<SecretKind, { zh: string; en: string }> = {
  'private-key': { zh: '私钥', en: 'a private key' },
  'access-key': { zh: '云服务访问密钥', en: 'a cloud access key' },
  token: { zh: '访问令牌（Token）', en: 'an access token' },
  password: { zh: '写死的密码或密钥', en: 'a hard-coded password or secret' },
  'credential-url': { zh: '带账号密码的地址', en: 'an address with a user name and password' },
  'private-address': { zh: '内网地址', en: 'a private network address' },
  mobile: { zh: '手机号码', en: 'a mobile number' },
  'resident-id': { zh: '身份证号码', en: 'a resident ID number' },
  email: { zh: '电子邮箱', en: 'an email address' },
};

export interface SecretHit {
  /** `path:line:column`: what a caller passes back to have this hit masked. */
  id: string;
  kind: SecretKind;
  path: string;
  /** 1-based line in the file as the user's editor numbers it (blank lines included). */
  line: number;
  /** The line where it ends (a private key spans several). */
  endLine: number;
  /** 1-based column (UTF-16 code units) where the masked part starts. */
  column: number;
  /** Length of the masked part in UTF-16 code units (a private key spans several lines). */
  length: number;
  /** The hit with its middle masked, safe to show in a list. */
  preview: string;
}

interface Pattern {
  kind: SecretKind;
  /** Cheap test before the regular expression runs over a whole file. */
  hint?: (text: string) => boolean;
  re: RegExp;
  /** The capture group to mask (0 = the whole match). */
  group?: number;
  accept?: (value: string, match: RegExpExecArray) => boolean;
}

/** Values that are placeholders, references or messages rather than secrets. */
function isRealSecretValue(value: string): boolean {
  if (!/^[\x21-\x7e]{4,}$/.test(value)) return false; // spaces or CJK: a label or a message
  if (/^(?:\$\{|\{\{|%\(|#\{|<.*>$|\$[A-Z_]|process\.env|os\.environ|env\()/i.test(value)) return false;
  if (/^(.)\1+$/.test(value)) return false; // ****, xxxx
  return !/^(?:changeme|change_me|password|passwd|secret|your[_-]?\w*|example|sample|placeholder|none|null|undefined|todo|test|dummy|required|optional|string|admin)$/i.test(value);
}

function octetsValid(ip: string): boolean {
  return ip.split('.').every((o) => Number(o) <= 255 && !(o.length > 1 && o.startsWith('0')));
}

const NOT_PERSONAL_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local)$/i;
const FILE_SUFFIX = /\.(?:png|jpe?g|gif|svg|webp|bmp|ico|js|mjs|ts|tsx|jsx|vue|css|scss|less|json|html?|map|wxml|wxss)$/i;

const PATTERNS: Pattern[] = [
  {
    kind: 'private-key',
    hint: (t) => t.includes('PRIVATE KEY'),
    re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/gd,
  },
  { kind: 'access-key', hint: (t) => /AKIA|ASIA|LTAI|AKID|AIza/.test(t), re: /\b(?:(?:AKIA|ASIA)[0-9A-Z]{16}|LTAI[0-9A-Za-z]{12,20}|AKID[0-9A-Za-z]{13,40}|AIza[0-9A-Za-z_-]{35})\b/gd },
  {
    kind: 'token',
    re: /\b(?:gh[pousr]_[0-9A-Za-z]{36,255}|github_pat_[0-9A-Za-z_]{22,255}|glpat-[0-9A-Za-z_-]{20,}|xox[abposr]-[0-9A-Za-z-]{10,}|(?:sk|rk)_live_[0-9A-Za-z]{16,}|sk-(?:proj-|ant-(?:api\d+-)?)?[0-9A-Za-z_-]{20,}|npm_[0-9A-Za-z]{36}|SG\.[\w-]{22}\.[\w-]{43}|eyJ[0-9A-Za-z_-]{8,}\.eyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{8,})/gd,
  },
  // A token in a query string: webhooks (DingTalk, WeCom, Feishu) carry theirs in the URL.
  { kind: 'token', hint: (t) => t.includes('='), re: /[?&](?:access_token|token|key|secret|sign|signature|password|pwd|passwd)=([^&\s'"`#<>]{8,})/gid, group: 1, accept: isRealSecretValue },
  {
    kind: 'password',
    // The key's name ends in the keyword (DB_PASSWORD, jdbc.password, accessKeySecret); the quoted value is the secret.
    re: /(?:password|passwd|pwd|secret(?:[_-]?key)?|api[_-]?key|apikey|access[_-]?key(?:[_-]?(?:id|secret))?|(?:auth|access|refresh)[_-]?token|private[_-]?key|credentials?|密码|口令|密钥)["']?\s*(?::=|=>|[:=])\s*(["'`])([^"'`\r\n]{4,})\1/gid,
    group: 2,
    accept: isRealSecretValue,
  },
  {
    kind: 'credential-url',
    hint: (t) => t.includes('://'),
    re: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@'"`<>]+:([^\s@/'"`<>]+)@[^\s/'"`<>]+/gid,
    group: 1,
    accept: (v) => !/^(?:\$\{|\{\{|<)/.test(v),
  },
  {
    kind: 'private-address',
    hint: (t) => /\b(?:10|192|172)\./.test(t),
    re: /(?<![\w.])(?:10\.\d{1,3}\.\d{1,3}\.\d{1,3}|192\.168\.\d{1,3}\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])\.\d{1,3}\.\d{1,3})(?![\w]|\.\d)/gd,
    accept: octetsValid,
  },
  { kind: 'private-address', hint: (t) => t.includes('://'), re: /\bhttps?:\/\/(?:[\w-]+\.)+(?:internal|intranet|corp|lan|localdomain)\b(?::\d+)?/gid },
  { kind: 'mobile', re: /(?<![\w.+-])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![\w])/gd },
  {
    kind: 'resident-id',
    re: /(?<![\w])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\w])/gd,
    accept: (v) => PROVINCE_CODES.has(v.slice(0, 2)) && isRealDay(`${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`) && isResidentIdShape(v),
  },
  {
    kind: 'email',
    hint: (t) => t.includes('@'),
    re: /(?<![\w.+-])[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24})(?![\w-])/gd,
    accept: (v, m) => !NOT_PERSONAL_DOMAIN.test(m[1]) && !FILE_SUFFIX.test(v) && !/^(?:git|noreply|no-reply)@/i.test(v),
  },
];

/** Offsets where each line starts, for turning a match's index into a line number. */
function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

function lineIndexOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The value with its middle masked: enough to recognise, not enough to use. */
function previewOf(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  if (flat.length <= 6) return '*'.repeat(flat.length);
  const keep = Math.min(4, Math.floor(flat.length / 4));
  const shown = flat.length > 40 ? `${flat.slice(0, keep)}…${flat.slice(-keep)}` : `${flat.slice(0, keep)}${'*'.repeat(flat.length - 2 * keep)}${flat.slice(-keep)}`;
  return shown;
}

/** Every secret and every piece of personal data in one file's text, in the order they appear. */
export function scanSecrets(path: string, text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  let starts: number[] | null = null;
  const taken: [number, number][] = [];
  for (const p of PATTERNS) {
    if (p.hint && !p.hint(text)) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const group = p.group ?? 0;
      const value = m[group];
      if (!value || (p.accept && !p.accept(value, m))) continue;
      const start = m.indices![group]![0];
      const end = start + value.length;
      // One place is one hit: a JWT is not also a password, a key in a URL not also a mobile number.
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      starts ??= lineStarts(text);
      const li = lineIndexOf(starts, start);
      const endLine = lineIndexOf(starts, Math.max(start, end - 1)) + 1;
      hits.push({ id: `${path}:${li + 1}:${start - starts[li] + 1}`, kind: p.kind, path, line: li + 1, endLine, column: start - starts[li] + 1, length: value.length, preview: previewOf(value) });
    }
  }
  return hits.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The text with the chosen hits masked (each character but line breaks becomes *) and the chosen
 * lines masked whole (indentation kept). `lines` holds 1-based line numbers.
 */
export function redact(text: string, hits: readonly SecretHit[], lines: ReadonlySet<number>): string {
  if (!hits.length && !lines.size) return text;
  const starts = lineStarts(text);
  const chars = text.split('');
  const mask = (from: number, to: number) => {
    for (let i = from; i < to && i < chars.length; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = '*';
  };
  for (const h of hits) mask(starts[h.line - 1] + h.column - 1, starts[h.line - 1] + h.column - 1 + h.length);
  for (const line of lines) {
    if (line < 1 || line > starts.length) continue;
    const from = starts[line - 1];
    const to = line < starts.length ? starts[line] : text.length;
    const indent = /^[ \t]*/.exec(text.slice(from, to))![0].length;
    mask(from + indent, to);
  }
  // A surrogate pair became two stars; a CJK character one: widths change a little, the layout follows.
  return chars.join('');
}
