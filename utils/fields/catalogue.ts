import {
  ACCOUNT_KIND_OPTIONS,
  COUNTRY_OPTIONS,
  DEVELOPMENT_MODE_OPTIONS,
  DOCUMENT_OPTIONS,
  FEATURE_TAGS,
  OWNER_CATEGORY_OPTIONS,
  PORTAL_LANGUAGES,
  PUBLICATION_OPTIONS,
  RIGHTS_ACQUISITION_OPTIONS,
  RIGHTS_SCOPE_OPTIONS,
  SOFTWARE_CATEGORY_OPTIONS,
  SOFTWARE_NOTE_OPTIONS,
} from './portal-options';

/**
 * The canonical field keys a page can ask for, with the zh-CN words the heuristic matcher looks for.
 * Keys name the profile field they come from: `work.<Work key>`, `owner.<Owner key>` for the owner
 * being filled, `owners.<i>.<Owner key>` for the i-th copyright owner row (work.ownerIds order).
 */

/** The kinds of page controls the engine reads and drives. */
export type ControlKind = 'text' | 'date' | 'select' | 'cascader' | 'radio' | 'checkbox';

/** What a key's value is, and so which controls can take it. */
/** `area` a province with what it holds (a cascader's path); `place` a place's name, typed or chosen. */
export type ValueKind = 'text' | 'date' | 'choice' | 'multi' | 'area' | 'place';

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
  /** The options a control of this field offers (portal-options.ts): a group offering them is this field. */
  options?: readonly string[];
  /** The key whose area control (province → city → district) also holds this one. */
  partOf?: string;
  /** A section titled with one of these is someone else's: none of its controls takes the key. */
  notUnder?: readonly string[];
  /** The key whose choice makes the page show this field (已发表 shows the publication's date and place). */
  revealedBy?: string;
}

/** Sections about another party than the owner: the order's 经办人, an agent. */
const SOMEONE_ELSE = ['经办人', '代理人'];
const OWNER_NOT = ['联系人', '法定代表人', '法人代表', '代理人', '经办人', '用户名', '软件', '紧急', '收件'];
/** Words of a field in another language or a note about a field: never the field itself. */
const NOT_THE_FIELD = ['英文', '说明', '备注', '描述'];

export const KEY_SPECS = {
  'work.fullName': { zh: '软件全称', kind: 'text', terms: ['软件全称', '软件名称（全称）', '软件名称', '全称'], props: ['softwareName', 'fullName', 'softwareFullName'], not: ['简称', '原', ...NOT_THE_FIELD] },
  'work.shortName': { zh: '软件简称', kind: 'text', terms: ['软件简称', '简称'], props: ['softwareShortName', 'shortName'], not: ['全称', ...NOT_THE_FIELD] },
  'work.version': { zh: '版本号', kind: 'text', terms: ['版本号', '软件版本号', '软件版本', '版本'], props: ['versionNumber', 'version'], not: NOT_THE_FIELD },
  'work.rightsAcquisition': { zh: '权利取得方式', kind: 'choice', terms: ['权利取得方式', '著作权取得方式', '取得方式'], props: ['rightsAcquisition', 'obtainWay'], not: ['继受取得方式'], options: RIGHTS_ACQUISITION_OPTIONS },
  'work.rightsScope': { zh: '权利范围', kind: 'choice', terms: ['权利范围'], props: ['rightsScope', 'rightScope'], not: NOT_THE_FIELD, options: RIGHTS_SCOPE_OPTIONS },
  'work.softwareCategory': { zh: '软件分类', kind: 'choice', terms: ['软件分类', '软件类别', '软件类型'], props: ['softwareCategory', 'softwareType'], options: SOFTWARE_CATEGORY_OPTIONS },
  'work.softwareNote': { zh: '软件说明', kind: 'choice', terms: ['软件说明', '软件作品说明', '作品说明'], props: ['softwareNote', 'softwareDesc'], not: ['修改说明'], options: SOFTWARE_NOTE_OPTIONS },
  'work.developmentMode': { zh: '开发方式', kind: 'choice', terms: ['开发方式', '软件开发方式'], props: ['developmentMode', 'devMode', 'developWay'], not: ['证明'], options: DEVELOPMENT_MODE_OPTIONS },
  'work.completionDate': { zh: '开发完成日期', kind: 'date', terms: ['开发完成日期', '完成日期', '完成时间'], props: ['completionDate', 'finishDate', 'completeDate'], not: ['发表'] },
  'work.published': { zh: '发表状态', kind: 'choice', terms: ['发表状态', '是否发表', '发表情况'], props: ['publishStatus', 'published', 'isPublished'], options: PUBLICATION_OPTIONS },
  'work.firstPublishedDate': { zh: '首次发表日期', kind: 'date', terms: ['首次发表日期', '首次发表时间', '发表日期', '发表时间'], props: ['firstPublishDate', 'firstPublishedDate', 'publishDate'], not: ['完成'], revealedBy: 'work.published' },
  'work.firstPublishedCountry': { zh: '首次发表国家', kind: 'choice', terms: ['首次发表国家', '首次发表地点（国家）', '发表国家', '首次发表地点'], props: ['publishCountry', 'firstPublishedCountry'], not: ['城市'], options: COUNTRY_OPTIONS, revealedBy: 'work.published' },
  'work.firstPublishedCity': { zh: '首次发表城市', kind: 'place', terms: ['首次发表城市', '首次发表地点（城市）', '发表城市'], props: ['publishCity', 'firstPublishedCity'], not: ['国家'], revealedBy: 'work.published' },
  'work.devHardware': { zh: '开发的硬件环境', kind: 'text', terms: ['开发的硬件环境', '开发硬件环境'], props: ['devHardware'], not: ['运行'] },
  'work.runHardware': { zh: '运行的硬件环境', kind: 'text', terms: ['运行的硬件环境', '运行硬件环境'], props: ['runHardware'], not: ['开发'] },
  'work.devOs': { zh: '开发该软件的操作系统', kind: 'text', terms: ['开发该软件的操作系统', '开发操作系统', '开发的操作系统'], props: ['devOs'], not: ['运行'] },
  'work.devTools': { zh: '软件开发环境/开发工具', kind: 'text', terms: ['软件开发环境/开发工具', '开发环境/开发工具', '软件开发环境', '开发工具', '开发环境'], props: ['devTools', 'devEnv'], not: ['运行', '硬件'] },
  'work.runPlatform': { zh: '该软件的运行平台/操作系统', kind: 'text', terms: ['该软件的运行平台/操作系统', '运行平台/操作系统', '运行平台', '运行的操作系统'], props: ['runPlatform'], not: ['开发', '支撑'] },
  'work.runSupport': { zh: '软件运行支撑环境/支持软件', kind: 'text', terms: ['软件运行支撑环境/支持软件', '运行支撑环境/支持软件', '运行支撑环境', '支撑环境', '支持软件'], props: ['runSupport'], not: ['开发', '硬件'] },
  'work.languages': { zh: '编程语言', kind: 'multi', terms: ['编程语言', '程序设计语言', '开发语言'], props: ['languages', 'programLanguage'], options: PORTAL_LANGUAGES },
  'work.languagesOther': { zh: '编程语言（其他）', kind: 'text', terms: ['其他编程语言', '其他语言', '编程语言', '程序设计语言', '开发语言'], props: ['languagesOther', 'otherLanguage'] },
  'work.sourceLines': { zh: '源程序量', kind: 'text', terms: ['源程序量', '源程序行数', '源代码行数', '代码行数', '程序量'], props: ['sourceLines', 'codeLines'] },
  'work.purpose': { zh: '开发目的', kind: 'text', terms: ['开发目的', '软件开发目的'], props: ['purpose', 'devPurpose'] },
  'work.domain': { zh: '面向领域/行业', kind: 'text', terms: ['面向领域/行业', '面向领域', '面向行业', '应用领域', '所属行业'], props: ['domain', 'industry'] },
  'work.mainFunctions': { zh: '软件的主要功能', kind: 'text', terms: ['软件的主要功能', '软件主要功能', '主要功能'], props: ['mainFunctions', 'mainFunction'], not: NOT_THE_FIELD.filter((w) => w !== '描述') },
  'work.featureTags': { zh: '技术特点类别', kind: 'multi', terms: ['软件的技术特点', '技术特点'], props: ['techTags', 'featureTags'], options: FEATURE_TAGS },
  'work.technicalFeatures': { zh: '软件的技术特点', kind: 'text', terms: ['软件的技术特点', '技术特点说明', '技术特点'], props: ['techFeatures', 'technicalFeatures'], not: ['英文'] },

  'owner.kind': { zh: '用户类型', kind: 'choice', terms: ['用户类型', '账号类型', '注册类型', '登录方式'], props: ['userType', 'accountType', 'loginType'], options: ACCOUNT_KIND_OPTIONS },
  'owner.account': { zh: '登录账号', kind: 'text', terms: ['账号', '登录账号', '用户账号', '用户名/手机号/邮箱', '用户名'], props: ['userName', 'username', 'account', 'loginName'], not: ['密码', '验证码'] },
  'owner.account.username': { zh: '用户名', kind: 'text', terms: ['用户名', '登录名'], props: ['userName', 'username', 'loginName'], not: ['真实姓名', '密码'] },
  'owner.account.phone': { zh: '手机号码', kind: 'text', terms: ['手机号码', '手机号', '手机'], props: ['phone', 'mobile'], not: ['验证码', '固定'] },
  'owner.account.email': { zh: '电子邮箱', kind: 'text', terms: ['电子邮箱', '邮箱', '电子邮件'], props: ['email', 'mail'] },
  'owner.category': { zh: '著作权人类别', kind: 'choice', terms: ['著作权人类别', '身份类别', '机构类别', '单位类别', '机构类型', '单位类型', '主体类型', '类别'], props: ['category', 'ownerType', 'orgType'], not: OWNER_NOT, options: OWNER_CATEGORY_OPTIONS, notUnder: SOMEONE_ELSE },
  // A picker of the service's saved owner records (著作权人 / 著作权人2): the whole record, not one of its fields.
  'owner.record': { zh: '著作权人', kind: 'choice', terms: ['选择著作权人', '著作权人'], not: ['类型', '类别', '名称', '姓名', '证件', '国籍', '国家', '地区', '省', '市', '地址', '联系', '电话', '手机', '邮箱', '信息'], notUnder: SOMEONE_ELSE },
  'owner.name': { zh: '名称（姓名）', kind: 'text', terms: ['著作权人名称', '著作权人姓名', '姓名或名称', '机构名称', '单位名称', '企业名称', '真实姓名', '名称', '姓名'], props: ['name', 'orgName', 'realName', 'ownerName'], not: [...OWNER_NOT, '英文'], notUnder: SOMEONE_ELSE },
  'owner.idType': { zh: '证件类型', kind: 'choice', terms: ['著作权人证件类型', '证件类型', '证件种类'], props: ['idType', 'certType', 'certificateType'], not: OWNER_NOT, options: DOCUMENT_OPTIONS, notUnder: SOMEONE_ELSE },
  'owner.idNumber': { zh: '证件号码', kind: 'text', terms: ['著作权人证件号码', '证件号码', '身份证号码', '身份证号', '统一社会信用代码', '证件号'], props: ['idNumber', 'certNo', 'certificateNo', 'idNo'], not: [...OWNER_NOT, '有效期'], notUnder: SOMEONE_ELSE },
  'owner.country': { zh: '国籍', kind: 'choice', terms: ['国籍', '国家', '国家/地区', '所在国家'], props: ['country', 'nationality'], not: ['发表'], options: COUNTRY_OPTIONS, notUnder: SOMEONE_ELSE },
  'owner.province': { zh: '省份', kind: 'area', terms: ['省份', '所在省份', '所在地区', '地区', '省/市', '所在地', '省'], props: ['province', 'area'], not: ['发表'], notUnder: SOMEONE_ELSE },
  'owner.city': { zh: '城市', kind: 'place', terms: ['城市', '所在城市', '市'], props: ['city'], not: ['发表'], partOf: 'owner.province', notUnder: SOMEONE_ELSE },
  'owner.address': { zh: '详细地址', kind: 'text', terms: ['详细地址', '通讯地址', '联系地址', '地址'], props: ['address'], not: ['邮箱', '电子邮件', '收件'], notUnder: SOMEONE_ELSE },
  'owner.postcode': { zh: '邮政编码', kind: 'text', terms: ['邮政编码', '邮编'], props: ['postcode', 'zipCode', 'postCode'], notUnder: SOMEONE_ELSE },
  'owner.phone': { zh: '手机号码', kind: 'text', terms: ['联系人手机', '联系人手机号', '手机号码', '联系电话', '手机号', '手机'], props: ['phone', 'mobile', 'contactPhone', 'contactMobile'], not: ['固定', '验证码', '紧急'], notUnder: SOMEONE_ELSE },
  'owner.landline': { zh: '固定电话', kind: 'text', terms: ['固定电话', '座机', '办公电话', '区号'], props: ['landline', 'telephone', 'tel'], not: ['紧急'], notUnder: SOMEONE_ELSE },
  'owner.email': { zh: '电子邮箱', kind: 'text', terms: ['电子邮箱', '邮箱', '电子邮件'], props: ['email', 'mail'], notUnder: SOMEONE_ELSE },
  'owner.contactName': { zh: '联系人', kind: 'text', terms: ['联系人姓名', '联系人'], props: ['contactName', 'linkman'], not: ['电话', '手机', '邮箱', '紧急'], notUnder: SOMEONE_ELSE },

  // The certificate address (#/confirm, +新增联系地址): the chosen owner as the recipient.
  'address.recipient': { zh: '收件人', kind: 'text', terms: ['收件人', '收件人姓名', '联系人'], props: ['receiver', 'recipient'], not: ['电话', '手机', '单位'] },
  'address.unit': { zh: '收件单位', kind: 'text', terms: ['收件单位', '单位名称', '工作单位'], props: ['receiveUnit', 'unit'] },
  'address.country': { zh: '国家', kind: 'choice', terms: ['国家', '国家/地区', '国籍'], props: ['country'], options: COUNTRY_OPTIONS },
  'address.province': { zh: '所在地区', kind: 'area', terms: ['所在地区', '地区', '省/市/区', '省份', '所在地'], props: ['province', 'area'] },
  'address.city': { zh: '城市', kind: 'place', terms: ['城市', '市'], props: ['city'], partOf: 'address.province' },
  'address.district': { zh: '区县', kind: 'place', terms: ['区县', '区/县', '区'], props: ['district', 'county'], partOf: 'address.province' },
  'address.detail': { zh: '详细地址', kind: 'text', terms: ['详细地址', '街道地址', '地址'], props: ['address', 'detail'] },
  'address.postcode': { zh: '邮政编码', kind: 'text', terms: ['邮政编码', '邮编'], props: ['postcode', 'zipCode'] },
  // Which saved address receives the certificate: the user's choice, read by the checks, never filled.
  'address.chosen': { zh: '证书领取地址', kind: 'choice', terms: ['证书领取地址', '领取地址'] },
  'address.phone': { zh: '联系电话', kind: 'text', terms: ['联系电话', '手机号码', '收件人电话', '电话', '手机'], props: ['phone', 'mobile'] },
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

/** The key whose control also holds this one (城市 → 省份 of the same row), if any. */
export function hostKey(key: string): string | undefined {
  const owner = specOf(key)?.partOf;
  if (!owner) return undefined;
  const row = rowKey(key);
  return row ? `owners.${row.index}.${owner.split('.').at(-1)}` : owner;
}

/** The control kinds a value kind fits; an area also fits a plain select or text box for its first level. */
export const FITS: Record<ValueKind, readonly ControlKind[]> = {
  text: ['text'],
  date: ['date'],
  choice: ['select', 'radio'],
  multi: ['checkbox'],
  area: ['cascader', 'select', 'text'],
  place: ['text', 'select'],
};

/** The spec of a key; a row key shares the spec of the owner field it names. */
export function specOf(key: string): KeySpec | undefined {
  const row = rowKey(key);
  const single = row ? `owner.${row.field}` : key;
  return (KEY_SPECS as Record<string, KeySpec>)[single];
}
