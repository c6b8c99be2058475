import type { Finding } from '@/utils/schema/finding';
import { WORK_FIELDS } from '@/utils/schema/fields';
import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import { isRealDay, quote, shownAsText, str, todayIso } from './common';
import { finding } from './finding';
import { countChars, FIELD_LIMITS, type FieldLimits } from './limits';
import { FEATURE_TAG_CAP, FEATURE_TAGS, PORTAL_LANGUAGES } from '@/utils/fields/portal-options';
import { optionKey } from '@/utils/text/normalize';

/** Words a software name may end with: guides name 软件, 系统, 平台, APP, 小程序; the rest are kinds of software too. */
export const NAME_SUFFIXES = [
  '软件', '系统', '平台', 'APP', '小程序', '程序', '工具', '工具箱', '游戏', '客户端', '服务端', '插件',
  '网站', '应用', '引擎', '框架', '中间件', '组件', '驱动', '固件', 'SDK', '库',
] as const;

/** A version inside a name: V1.0, v2, Version 3, 2.0版, 版本. "MV3" or "Vue3" are words, not versions. */
const VERSION_IN_NAME = /(?:^|[^A-Za-z])[Vv](?:ersion)?\s?\d+(?:\.\d+)*|\d+(?:\.\d+)*\s*版|版本/;

/**
 * What a name may hold. The form's exact set is not documented; guides refuse quotes, 书名号,
 * slashes and symbols, so anything beyond letters, digits, spaces and - _ . + · ( ) （ ） is reported.
 */
const NAME_CHAR = /[\p{L}\p{N}\p{M} \u3000\-_.+·()（）]/u;

/** work.version: a V followed by numbers separated by dots. */
export const VERSION_PATTERN = /^V\d+(?:\.\d+)*$/;

function label(key: string): [string, string] {
  const spec = WORK_FIELDS.find((f) => f.key === key);
  return spec ? [spec.zh, spec.en] : [key, key];
}

function checkFullName(name: string, limits: FieldLimits): Finding[] {
  const v = name.trim();
  if (!v) return [finding('work.fullname', 'fullName', '软件全称必填', 'the full name is required')];
  const out: Finding[] = [];
  if (VERSION_IN_NAME.test(v)) {
    out.push(finding('work.fullname', 'fullName', '软件全称中不要包含版本号，版本号单独填写', 'keep the version out of the full name; it has its own field'));
  }
  const bad = [...new Set(Array.from(v).filter((c) => !NAME_CHAR.test(c)))];
  if (bad.length) {
    const shown = bad.slice(0, 8).join(' ');
    out.push(finding('work.fullname', 'fullName', `软件全称不能含有符号 ${shown}`, `the full name cannot contain ${shown}`));
  }
  // A trailing edition in brackets (…系统（企业版）) does not hide the word before it.
  const core = v.toUpperCase().replace(/\s*[（(][^（）()]*[)）]$/, '');
  if (!NAME_SUFFIXES.some((s) => core.endsWith(s))) {
    out.push(
      finding('work.fullname', 'fullName', '软件全称应以说明其类别的词结尾，如“软件”“系统”“平台”“APP”“小程序”', 'the full name should end with a word saying what it is: 软件, 系统, 平台, APP, 小程序 …', 'warning'),
    );
  }
  const max = limits.fullName?.max;
  if (max !== undefined && countChars(v) > max) {
    out.push(finding('work.fullname', 'fullName', `软件全称超出 ${max} 字（现 ${countChars(v)} 字）`, `the full name is longer than ${max} characters (${countChars(v)})`));
  }
  return out;
}

/** What people type for "no short name": the page asks for an empty field instead. */
const NONE = /^(无|暂无|没有|无简称|n\/?a|none|-+|—+|\/)$/i;
/**
 * The Chinese characters of a text: the words a short name must take from the full name. Latin
 * letters and digits are left out: they may abbreviate the full name's words (云帆CRM for 云帆客户关系
 * 管理系统), which no rule can verify.
 */
const hanChars = (s: string) => Array.from(s.normalize('NFKC')).filter((c) => /\p{Script=Han}/u.test(c));
/** The runs of a text made of the given characters: 云帆管家 with 管, 家 → 管家. */
const runsOf = (s: string, chars: ReadonlySet<string>) => s.normalize('NFKC').split(new RegExp(`[^${[...chars].join('')}]+`, 'u')).filter(Boolean);

function checkShortName(shortName: string, fullName: string, limits: FieldLimits): Finding[] {
  const s = shortName.trim();
  const f = fullName.trim();
  if (!s) return [];
  if (NONE.test(s)) {
    return [finding('work.shortname', 'shortName', `没有简称时请留空，不要填写“${s}”`, `leave the short name empty when there is none, rather than "${s}"`)];
  }
  const out: Finding[] = [];
  // Made of the full name's words: a short name with words the full name lacks is a frequent 补正 cause.
  const inFull = new Set(hanChars(f));
  const foreign = new Set(hanChars(s).filter((c) => !inFull.has(c)));
  if (f && foreign.size) {
    const shown = runsOf(s, foreign).slice(0, 3).join('、');
    out.push(finding('work.shortname', 'shortName', `软件简称中的“${shown}”不在全称中，简称应由全称中的字词组成`, `"${shown}" of the short name is not in the full name; a short name is made of the full name's words`));
  }
  if (s === f) {
    out.push(finding('work.shortname', 'shortName', '软件简称与全称相同，不需要简称时请留空', 'the short name equals the full name; leave it empty if there is none'));
  } else if (f && countChars(s) >= countChars(f)) {
    out.push(finding('work.shortname', 'shortName', '软件简称应比全称短', 'the short name should be shorter than the full name'));
  }
  const max = limits.shortName?.max;
  if (max !== undefined && countChars(s) > max) {
    out.push(finding('work.shortname', 'shortName', `软件简称超出 ${max} 字（现 ${countChars(s)} 字）`, `the short name is longer than ${max} characters (${countChars(s)})`));
  }
  return out;
}

/** The V-form a mistyped version most likely meant (v1.0, 1.0, V 1.0, Ｖ１．０ → V1.0), or null. */
export function suggestVersion(version: string): string | null {
  const m = /\d+(?:\.\d+)*/.exec(str(version).normalize('NFKC'));
  return m ? `V${m[0]}` : null;
}

function checkVersion(version: string): Finding[] {
  const v = version.trim();
  if (!v || VERSION_PATTERN.test(v)) return [];
  const hint = suggestVersion(v);
  return [
    finding(
      'work.version',
      'version',
      `版本号应形如 V1.0 或 V2.1.3（大写 V 加以点分隔的数字）${hint ? `，可改为 ${hint}` : ''}`,
      `a version looks like V1.0 or V2.1.3 (capital V, numbers separated by dots)${hint ? `; perhaps ${hint}` : ''}`,
    ),
  ];
}

function checkDates(work: Record<string, unknown>, today: string): Finding[] {
  const out: Finding[] = [];
  const completion = str(work.completionDate).trim();
  const completionOk = isRealDay(completion);
  if (completion && !completionOk) {
    out.push(finding('work.dates', 'completionDate', `开发完成日期 ${completion} 不存在`, `the completion date ${completion} does not exist`));
  } else if (completionOk && completion > today) {
    out.push(finding('work.dates', 'completionDate', `开发完成日期 ${completion} 晚于今天`, `the completion date ${completion} is in the future`));
  }
  const published = str(work.firstPublishedDate).trim();
  if (work.published === true) {
    if (!published) {
      out.push(finding('work.dates', 'firstPublishedDate', '已发表的软件需要填写首次发表日期', 'a published work needs its first publication date'));
    } else if (!isRealDay(published)) {
      out.push(finding('work.dates', 'firstPublishedDate', `首次发表日期 ${published} 不存在`, `the first publication date ${published} does not exist`));
    } else if (published > today) {
      out.push(finding('work.dates', 'firstPublishedDate', `首次发表日期 ${published} 晚于今天`, `the first publication date ${published} is in the future`));
    } else if (completionOk && published < completion) {
      out.push(
        finding('work.dates', 'firstPublishedDate', `首次发表日期 ${published} 早于开发完成日期 ${completion}`, `first published on ${published}, before the completion date ${completion}`),
      );
    }
  } else {
    // 未发表: the form has no publication date or place, and a leftover one contradicts the status.
    for (const key of ['firstPublishedDate', 'firstPublishedCountry', 'firstPublishedCity'] as const) {
      if (str(work[key]).trim()) {
        const [zh, en] = label(key);
        out.push(finding('work.dates', key, `未发表的软件不应填写${zh}`, `an unpublished work has no ${en.toLowerCase()}`));
      }
    }
  }
  return out;
}

function checkDevelopmentMode(mode: string, completion: string, ownerIds: string[], owners: Owner[]): Finding[] {
  const names = ownerIds.map((id) => owners.find((o) => o && o.id === id)?.name || id).join('、');
  const n = ownerIds.length;
  switch (mode) {
    case '单独开发':
      return n > 1
        ? [finding('work.development-mode', 'developmentMode', `单独开发却有 ${n} 个著作权人（${names}），应为合作开发或只保留一个著作权人`, `developed alone but with ${n} owners (${names}): co-development, or keep one owner`)]
        : [];
    case '合作开发': {
      const out: Finding[] = [];
      if (n < 2) {
        out.push(finding('work.development-mode', 'developmentMode', `合作开发需要至少两个著作权人，现有 ${n} 个`, `co-development needs at least two owners, there are ${n}`));
      }
      // The profile holds no documents: what cannot be verified is a reminder, not a warning.
      out.push(
        finding(
          'work.development-mode',
          'developmentMode',
          `合作开发需提交合作开发协议，签订日期应早于开发完成日期${completion ? ` ${completion}` : ''}`,
          `co-development needs the co-development agreement, signed before the completion date${completion ? ` ${completion}` : ''}`,
          'info',
        ),
      );
      return out;
    }
    case '委托开发':
      return [finding('work.development-mode', 'developmentMode', '委托开发需提交委托开发合同', 'commissioned development needs the commission contract', 'info')];
    case '下达任务开发':
      return [finding('work.development-mode', 'developmentMode', '下达任务开发需提交下达任务的文件', 'development by assigned task needs the task document', 'info')];
    default:
      return [];
  }
}

function checkRights(acquisition: string, scope: string): Finding[] {
  const out: Finding[] = [];
  if (acquisition === '继受取得') {
    out.push(finding('work.rights', 'rightsAcquisition', '继受取得需提交转让、承受或继承的证明文件', 'acquired rights need proof of the transfer, succession or inheritance', 'info'));
  }
  if (scope === '部分权利') {
    out.push(finding('work.rights', 'rightsScope', '部分权利需写明拥有哪些权利', 'partial rights must state which rights are held', 'info'));
  }
  return out;
}

function checkLengths(work: Record<string, unknown>, limits: FieldLimits): Finding[] {
  const out: Finding[] = [];
  for (const [key, limit] of Object.entries(limits)) {
    // The names have their own rules (work.fullname, work.shortname).
    if (!limit || key === 'fullName' || key === 'shortName') continue;
    const n = countChars(str(work[key]));
    const [zh, en] = label(key);
    if (n > limit.max) {
      out.push(finding('work.lengths', key, `${zh}超出 ${limit.max} 字（现 ${n} 字）`, `${en}: more than ${limit.max} characters (${n})`));
    } else if (limit.min !== undefined && n < limit.min) {
      out.push(finding('work.lengths', key, `${zh}至少 ${limit.min} 字（现 ${n} 字）`, `${en}: at least ${limit.min} characters (${n})`));
    }
  }
  const lines = work.sourceLines;
  if (lines !== undefined && lines !== null && !(typeof lines === 'number' && Number.isInteger(lines) && lines > 0)) {
    out.push(finding('work.lengths', 'sourceLines', `源程序量应为正整数（现为 ${quote(shownAsText(lines))}）`, `source lines must be a positive whole number (now ${quote(shownAsText(lines))})`));
  }
  return out;
}

/** work.tags: at most the page's cap of 技术特点 tags, each one of its options. */
function checkTags(tags: unknown): Finding[] {
  const list = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string' && t.trim() !== '') : [];
  const out: Finding[] = [];
  if (list.length > FEATURE_TAG_CAP) {
    out.push(finding('work.tags', 'featureTags', `技术特点最多选择 ${FEATURE_TAG_CAP} 项（现 ${list.length} 项：${list.join('、')}）`, `at most ${FEATURE_TAG_CAP} feature tags (${list.length} now)`));
  }
  const unknown = list.filter((t) => !FEATURE_TAGS.some((o) => optionKey(o) === optionKey(t)));
  if (unknown.length) {
    out.push(finding('work.tags', 'featureTags', `“${unknown.join('、')}”不是登记系统的技术特点选项`, `"${unknown.join(', ')}" is not a feature tag the portal offers`));
  }
  return out;
}

/**
 * work.languages on a page (docs/RULES.md): every language of the program (the work's languages,
 * as the materials studio wrote them from the source) is declared, among the 21 options or in the
 * other box; a language that is one of the options is ticked, not typed into the box.
 */
export function checkDeclaredLanguages(declared: { ticked: readonly string[]; other: readonly string[] }, program: readonly string[]): Finding[] {
  const key = (s: string) => optionKey(s);
  const all = new Set([...declared.ticked, ...declared.other].map(key));
  const out: Finding[] = [];
  const undeclared = program.filter((l) => !all.has(key(l)));
  if (undeclared.length) {
    out.push(finding('work.languages', 'languages', `程序使用了 ${undeclared.join('、')}，页面未声明（未声明的语言是常见的补正原因）`, `the program uses ${undeclared.join(', ')}, which the page does not declare`));
  }
  const listedInBox = declared.other.filter((l) => PORTAL_LANGUAGES.some((o) => key(o) === key(l)));
  if (listedInBox.length) {
    out.push(finding('work.languages', 'languagesOther', `${listedInBox.join('、')} 在编程语言选项中，请勾选，不要写在其他语言中`, `${listedInBox.join(', ')} is one of the options: tick it rather than typing it in the other box`));
  }
  return out;
}

/**
 * All the checks of one work (docs/RULES.md "The work (R11)"), keyed by Work field keys. `owners` are the
 * work's owners (others are ignored); `today` is YYYY-MM-DD; `limits` are what the page itself
 * states, over FIELD_LIMITS (a page may also give the names a limit). Safe on half-typed drafts.
 */
export function checkWork(work: Work, owners: Owner[] = [], today: string = todayIso(), limits: FieldLimits = {}): Finding[] {
  const w: Record<string, unknown> = work && typeof work === 'object' ? work : {};
  const merged: FieldLimits = { ...FIELD_LIMITS, ...limits };
  const ownerIds = Array.isArray(w.ownerIds) ? [...new Set(w.ownerIds.filter((id): id is string => typeof id === 'string'))] : [];
  const ownerList = Array.isArray(owners) ? owners : [];
  return [
    ...checkFullName(str(w.fullName), merged),
    ...checkShortName(str(w.shortName), str(w.fullName), merged),
    ...checkVersion(str(w.version)),
    ...checkDates(w, today),
    ...checkDevelopmentMode(str(w.developmentMode), str(w.completionDate).trim(), ownerIds, ownerList),
    ...checkRights(str(w.rightsAcquisition), str(w.rightsScope)),
    ...checkLengths(w, merged),
    ...checkTags(w.featureTags),
  ];
}
