/**
 * The canonical field keys a page can ask for, with the zh-CN words the heuristic matcher looks for.
 * Keys name the profile field they come from: `work.<Work key>`, `owner.<Owner key>` for the owner
 * being filled, `owners.<i>.<Owner key>` for the i-th copyright owner row (work.ownerIds order).
 */

/** The kinds of page controls the engine reads and drives. */
export type ControlKind = 'text' | 'date' | 'select' | 'radio' | 'checkbox';

/** What a key's value is, and so which controls can take it. */
export type ValueKind = 'text' | 'date' | 'choice' | 'multi';

export interface KeySpec {
  /** The portal's word for the field, for reports. */
  zh: string;
  kind: ValueKind;
  /** Label words, most specific first. One-character terms only ever match a whole label. */
  terms: readonly string[];
  /** Model property names (Element's `prop` in label[for], name, id), compared case-insensitively. */
  props?: readonly string[];
  /** A label containing one of these never takes the key (软件简称 never takes 软件全称). */
  not?: readonly string[];
}

const OWNER_NOT = ['联系人', '法定代表人', '法人代表', '代理人', '经办人', '用户名', '软件'];

export const KEY_SPECS = {
  'work.fullName': { zh: '软件全称', kind: 'text', terms: ['软件全称', '软件名称', '全称'], props: ['softwareName', 'fullName', 'softwareFullName'], not: ['简称', '英文', '原'] },
  'work.shortName': { zh: '软件简称', kind: 'text', terms: ['软件简称', '简称'], props: ['softwareShortName', 'shortName'], not: ['全称'] },
  'work.version': { zh: '版本号', kind: 'text', terms: ['版本号', '软件版本', '版本'], props: ['versionNumber', 'version'] },
  'work.rightsAcquisition': { zh: '权利取得方式', kind: 'choice', terms: ['权利取得方式', '取得方式'], props: ['rightsAcquisition', 'obtainWay'] },
  'work.rightsScope': { zh: '权利范围', kind: 'choice', terms: ['权利范围'], props: ['rightsScope', 'rightScope'] },
  'work.softwareCategory': { zh: '软件分类', kind: 'choice', terms: ['软件分类', '软件类别', '软件类型'], props: ['softwareCategory', 'softwareType'] },
  'work.softwareNote': { zh: '软件说明', kind: 'choice', terms: ['软件说明'], props: ['softwareNote', 'softwareDesc'] },
  'work.developmentMode': { zh: '开发方式', kind: 'choice', terms: ['开发方式'], props: ['developmentMode', 'devMode', 'developWay'] },
  'work.completionDate': { zh: '开发完成日期', kind: 'date', terms: ['开发完成日期', '完成日期'], props: ['completionDate', 'finishDate', 'completeDate'], not: ['发表'] },
  'work.published': { zh: '发表状态', kind: 'choice', terms: ['发表状态', '是否发表'], props: ['publishStatus', 'published', 'isPublished'] },
  'work.firstPublishedDate': { zh: '首次发表日期', kind: 'date', terms: ['首次发表日期', '发表日期'], props: ['firstPublishDate', 'firstPublishedDate', 'publishDate'], not: ['完成'] },
  'work.devHardware': { zh: '开发的硬件环境', kind: 'text', terms: ['开发的硬件环境', '开发硬件环境'], props: ['devHardware'], not: ['运行'] },
  'work.runHardware': { zh: '运行的硬件环境', kind: 'text', terms: ['运行的硬件环境', '运行硬件环境'], props: ['runHardware'], not: ['开发'] },
  'work.devOs': { zh: '开发该软件的操作系统', kind: 'text', terms: ['开发该软件的操作系统', '开发操作系统'], props: ['devOs'], not: ['运行'] },
  'work.devTools': { zh: '软件开发环境/开发工具', kind: 'text', terms: ['软件开发环境/开发工具', '开发环境/开发工具', '开发工具'], props: ['devTools', 'devEnv'], not: ['运行'] },
  'work.runPlatform': { zh: '该软件的运行平台/操作系统', kind: 'text', terms: ['该软件的运行平台/操作系统', '运行平台/操作系统', '运行平台'], props: ['runPlatform'], not: ['开发'] },
  'work.runSupport': { zh: '软件运行支撑环境/支持软件', kind: 'text', terms: ['软件运行支撑环境/支持软件', '运行支撑环境/支持软件', '运行支撑环境', '支持软件'], props: ['runSupport'], not: ['开发'] },
  'work.languages': { zh: '编程语言', kind: 'multi', terms: ['编程语言', '程序设计语言'], props: ['languages', 'programLanguage'] },
  'work.languagesOther': { zh: '编程语言（其他）', kind: 'text', terms: ['编程语言', '其他编程语言', '程序设计语言'], props: ['languagesOther', 'otherLanguage'] },
  'work.sourceLines': { zh: '源程序量', kind: 'text', terms: ['源程序量', '源代码行数', '代码行数'], props: ['sourceLines', 'codeLines'] },
  'work.purpose': { zh: '开发目的', kind: 'text', terms: ['开发目的'], props: ['purpose', 'devPurpose'] },
  'work.domain': { zh: '面向领域/行业', kind: 'text', terms: ['面向领域/行业', '面向领域', '面向行业'], props: ['domain', 'industry'] },
  'work.mainFunctions': { zh: '软件的主要功能', kind: 'text', terms: ['软件的主要功能', '主要功能'], props: ['mainFunctions', 'mainFunction'] },
  'work.featureTags': { zh: '技术特点类别', kind: 'multi', terms: ['软件的技术特点', '技术特点'], props: ['techTags', 'featureTags'] },
  'work.technicalFeatures': { zh: '软件的技术特点', kind: 'text', terms: ['软件的技术特点', '技术特点'], props: ['techFeatures', 'technicalFeatures'] },

  'owner.kind': { zh: '用户类型', kind: 'choice', terms: ['用户类型', '账号类型', '注册类型'], props: ['userType', 'accountType'] },
  'owner.account': { zh: '登录账号', kind: 'text', terms: ['账号', '登录账号', '用户账号'], props: ['userName', 'account', 'loginName'], not: ['密码', '验证码'] },
  'owner.account.username': { zh: '用户名', kind: 'text', terms: ['用户名', '登录名'], props: ['userName', 'username', 'loginName'], not: ['真实姓名', '密码'] },
  'owner.account.phone': { zh: '手机号码', kind: 'text', terms: ['手机号码', '手机号', '手机'], props: ['phone', 'mobile'], not: ['验证码', '固定'] },
  'owner.account.email': { zh: '电子邮箱', kind: 'text', terms: ['电子邮箱', '邮箱', '电子邮件'], props: ['email', 'mail'] },
  'owner.category': { zh: '著作权人类别', kind: 'choice', terms: ['著作权人类别', '机构类别', '单位类别', '机构类型', '类别'], props: ['category', 'ownerType', 'orgType'] },
  'owner.name': { zh: '名称（姓名）', kind: 'text', terms: ['著作权人名称', '著作权人姓名', '姓名或名称', '机构名称', '单位名称', '企业名称', '名称', '姓名'], props: ['name', 'orgName', 'realName', 'ownerName'], not: OWNER_NOT },
  'owner.idType': { zh: '证件类型', kind: 'choice', terms: ['著作权人证件类型', '证件类型'], props: ['idType', 'certType', 'certificateType'], not: OWNER_NOT },
  'owner.idNumber': { zh: '证件号码', kind: 'text', terms: ['著作权人证件号码', '证件号码', '身份证号码', '身份证号', '统一社会信用代码'], props: ['idNumber', 'certNo', 'certificateNo', 'idNo'], not: OWNER_NOT },
  'owner.country': { zh: '国籍', kind: 'choice', terms: ['国籍', '国家'], props: ['country', 'nationality'] },
  'owner.province': { zh: '省份', kind: 'choice', terms: ['省份', '所在省份', '省'], props: ['province'] },
  'owner.city': { zh: '城市', kind: 'text', terms: ['城市', '所在城市', '市'], props: ['city'] },
  'owner.address': { zh: '详细地址', kind: 'text', terms: ['详细地址', '通讯地址', '地址'], props: ['address'], not: ['邮箱', '电子邮件'] },
  'owner.postcode': { zh: '邮政编码', kind: 'text', terms: ['邮政编码', '邮编'], props: ['postcode', 'zipCode', 'postCode'] },
  'owner.phone': { zh: '手机号码', kind: 'text', terms: ['联系人手机', '手机号码', '联系电话', '手机号', '手机'], props: ['phone', 'mobile', 'contactPhone'], not: ['固定', '验证码'] },
  'owner.landline': { zh: '固定电话', kind: 'text', terms: ['固定电话', '座机'], props: ['landline', 'telephone', 'tel'] },
  'owner.email': { zh: '电子邮箱', kind: 'text', terms: ['电子邮箱', '邮箱', '电子邮件'], props: ['email', 'mail'] },
  'owner.contactName': { zh: '联系人', kind: 'text', terms: ['联系人姓名', '联系人'], props: ['contactName', 'linkman'], not: ['电话', '手机', '邮箱'] },
} as const satisfies Record<string, KeySpec>;

export type SingleKey = keyof typeof KEY_SPECS;
/** A key as it appears in plans and reports; owner rows are `owners.<i>.<Owner key>`. */
export type FieldKey = SingleKey | `owners.${number}.${string}`;

const ROW_KEY = /^owners\.(\d+)\.(.+)$/;

/** The row index and owner field of a row key, or null. */
export function rowKey(key: string): { index: number; field: string } | null {
  const m = ROW_KEY.exec(key);
  return m ? { index: Number(m[1]), field: m[2] } : null;
}

/** The spec of a key; a row key shares the spec of the owner field it names. */
export function specOf(key: string): KeySpec | undefined {
  const row = rowKey(key);
  const single = row ? `owner.${row.field}` : key;
  return (KEY_SPECS as Record<string, KeySpec>)[single];
}
