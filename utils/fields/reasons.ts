import { normalizeText } from '@/utils/text/normalize';
import { OWNER_FIELDS, WORK_FIELDS } from '@/utils/schema/fields';

/**
 * Which profile fields a failure or correction reason concerns (the console's 预审核失败 and 补正,
 * the center's 补正): a small table of the words reviewers use, each pointing at the fields (fill
 * keys: `work.<Work key>`, `owner.<Owner key>`) or at a material that is not in any profile. A
 * reason may concern several; a reason no entry knows concerns nothing we can name, and says so.
 */

export type ProfileKey = `work.${string}` | `owner.${string}`;
export type Material = '程序鉴别材料' | '文档鉴别材料' | '申请表' | '签章页';

interface Entry {
  words: RegExp;
  keys?: readonly ProfileKey[];
  material?: Material;
  /** A general entry that stands back when a more specific one matched the same reason. */
  unless?: RegExp;
}

const ENTRIES: readonly Entry[] = [
  { words: /程序鉴别材料|源程序(?!量)|源代码(?!行)/, material: '程序鉴别材料' },
  { words: /文档鉴别材料|说明书|用户手册|操作手册/, material: '文档鉴别材料' },
  { words: /申请表/, material: '申请表' },
  { words: /签章页|签字|盖章/, material: '签章页' },
  { words: /软件全称|软件名称/, keys: ['work.fullName'] },
  { words: /软件简称|简称/, keys: ['work.shortName'] },
  { words: /版本/, keys: ['work.version'] },
  { words: /软件分类/, keys: ['work.softwareCategory'] },
  { words: /软件说明|原创性/, keys: ['work.softwareNote'] },
  { words: /开发方式|合作开发|委托开发|下达任务/, keys: ['work.developmentMode'] },
  { words: /开发完成日期|完成日期/, keys: ['work.completionDate'] },
  { words: /首次发表|发表日期/, keys: ['work.firstPublishedDate'] },
  { words: /发表状态|未发表|已发表/, keys: ['work.published'] },
  { words: /权利取得|继受/, keys: ['work.rightsAcquisition'] },
  { words: /权利范围/, keys: ['work.rightsScope'] },
  { words: /开发的硬件环境|开发硬件/, keys: ['work.devHardware'] },
  { words: /运行的硬件环境|运行硬件/, keys: ['work.runHardware'] },
  { words: /硬件环境/, keys: ['work.devHardware', 'work.runHardware'], unless: /开发的硬件环境|开发硬件|运行的硬件环境|运行硬件/ },
  { words: /开发该软件的操作系统|开发.{0,3}操作系统/, keys: ['work.devOs'] },
  { words: /运行平台/, keys: ['work.runPlatform'] },
  { words: /操作系统/, keys: ['work.devOs', 'work.runPlatform'], unless: /开发该软件的操作系统|开发.{0,3}操作系统|运行平台/ },
  { words: /开发工具|开发环境/, keys: ['work.devTools'] },
  { words: /支撑环境|支持软件/, keys: ['work.runSupport'] },
  { words: /编程语言|程序设计语言/, keys: ['work.languages'] },
  { words: /源程序量|代码行数|程序量/, keys: ['work.sourceLines'] },
  { words: /开发目的/, keys: ['work.purpose'] },
  { words: /面向领域|行业/, keys: ['work.domain'] },
  { words: /主要功能|功能描述/, keys: ['work.mainFunctions'] },
  { words: /技术特点/, keys: ['work.technicalFeatures', 'work.featureTags'] },
  { words: /著作权人类别|主体类型/, keys: ['owner.category'] },
  { words: /(著作权人|申请人|权利人).{0,4}(名称|姓名)|实名/, keys: ['owner.name'] },
  { words: /证件号码?|信用代码|身份证号|实名/, keys: ['owner.idNumber'] },
  { words: /证件类型/, keys: ['owner.idType'] },
  { words: /国籍/, keys: ['owner.country'] },
  { words: /省份|城市|所在地/, keys: ['owner.province', 'owner.city'] },
  { words: /地址/, keys: ['owner.address'] },
];

export interface ReasonFields {
  keys: ProfileKey[];
  materials: Material[];
}

/** The profile fields and the materials one reason concerns, in the order of the table. */
export function fieldsForReason(reason: string): ReasonFields {
  const text = normalizeText(reason);
  const keys: ProfileKey[] = [];
  const materials: Material[] = [];
  for (const e of ENTRIES) {
    if (!e.words.test(text) || e.unless?.test(text)) continue;
    for (const k of e.keys ?? []) if (!keys.includes(k)) keys.push(k);
    if (e.material && !materials.includes(e.material)) materials.push(e.material);
  }
  return { keys, materials };
}

/** A profile field's name as the options page shows it: the portal's words, then English. */
export function fieldName(key: ProfileKey): { zh: string; en: string } {
  const [record, field] = key.startsWith('work.') ? [WORK_FIELDS, key.slice(5)] : [OWNER_FIELDS, key.slice(6)];
  const spec = record.find((f) => f.key === field);
  return spec ? { zh: spec.zh, en: spec.en } : { zh: field, en: field };
}
