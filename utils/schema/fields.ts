import { ID_TYPES, OWNER_CATEGORIES } from './owner';
import { DEVELOPMENT_MODES, RIGHTS_ACQUISITIONS, RIGHTS_SCOPES, SOFTWARE_CATEGORIES, SOFTWARE_NOTES } from './work';

/** How a field is edited; the forms and the spreadsheet import both read this. */
export type FieldInput = 'text' | 'textarea' | 'select' | 'date' | 'number' | 'boolean' | 'tags' | 'owners';

export interface FieldSpec {
  /** Dotted key into the record (`account.phone`). */
  key: string;
  /** The portal's own words first, English second. */
  zh: string;
  en: string;
  input: FieldInput;
  /** Choices for selects; `free` allows other text too (the portal's list may be longer). */
  options?: readonly string[];
  free?: boolean;
  /** Display text for options whose stored value is a code (`person` → 自然人 / person). */
  optionLabels?: Readonly<Record<string, string>>;
  /** Other column titles a spreadsheet may use for this field. */
  aliases?: readonly string[];
}

export const OWNER_FIELDS: readonly FieldSpec[] = [
  { key: 'kind', zh: '主体类型', en: 'Kind', input: 'select', options: ['person', 'organization'], optionLabels: { person: '个人 / person', organization: '机构 / organization' } },
  { key: 'category', zh: '著作权人类别', en: 'Owner category', input: 'select', options: OWNER_CATEGORIES, free: true, aliases: ['类别'] },
  { key: 'name', zh: '名称（姓名）', en: 'Name', input: 'text', aliases: ['姓名', '名称', '著作权人', '著作权人名称', '公司名称', '企业名称'] },
  { key: 'idType', zh: '证件类型', en: 'ID type', input: 'select', options: ID_TYPES, free: true },
  { key: 'idNumber', zh: '证件号码', en: 'ID number', input: 'text', aliases: ['身份证号', '身份证号码', '统一社会信用代码', '信用代码'] },
  { key: 'country', zh: '国籍', en: 'Country', input: 'text', aliases: ['国家'] },
  { key: 'province', zh: '省份', en: 'Province', input: 'text', aliases: ['省', '所在省份'] },
  { key: 'city', zh: '城市', en: 'City', input: 'text', aliases: ['市', '所在城市'] },
  { key: 'address', zh: '详细地址', en: 'Address', input: 'text', aliases: ['地址', '通讯地址'] },
  { key: 'postcode', zh: '邮政编码', en: 'Postcode', input: 'text', aliases: ['邮编'] },
  { key: 'phone', zh: '手机号码', en: 'Mobile phone', input: 'text', aliases: ['手机', '手机号', '电话', '联系电话'] },
  { key: 'email', zh: '电子邮箱', en: 'Email', input: 'text', aliases: ['邮箱', 'e-mail'] },
  { key: 'contactName', zh: '联系人', en: 'Contact person', input: 'text', aliases: ['联系人姓名'] },
  { key: 'landline', zh: '固定电话', en: 'Landline', input: 'text', aliases: ['座机'] },
  { key: 'account.username', zh: '登记系统用户名', en: 'Portal username', input: 'text' },
  { key: 'account.phone', zh: '登记系统手机号', en: 'Portal account phone', input: 'text' },
  { key: 'account.email', zh: '登记系统邮箱', en: 'Portal account email', input: 'text' },
  { key: 'realName.status', zh: '实名认证状态', en: 'Real-name status', input: 'select', options: ['none', 'pending', 'verified'], optionLabels: { none: '未认证 / not yet', pending: '审核中 / pending', verified: '已认证 / verified' } },
  { key: 'realName.name', zh: '实名认证的名称', en: 'Authenticated name', input: 'text' },
  { key: 'realName.idNumber', zh: '实名认证的证件号码', en: 'Authenticated ID number', input: 'text' },
  { key: 'tags', zh: '标签', en: 'Tags', input: 'tags' },
  { key: 'notes', zh: '备注', en: 'Notes', input: 'textarea' },
];

export const WORK_FIELDS: readonly FieldSpec[] = [
  { key: 'fullName', zh: '软件全称', en: 'Full name', input: 'text' },
  { key: 'shortName', zh: '软件简称', en: 'Short name', input: 'text' },
  { key: 'version', zh: '版本号', en: 'Version', input: 'text' },
  { key: 'ownerIds', zh: '著作权人（按顺序）', en: 'Owners (in order)', input: 'owners' },
  { key: 'rightsAcquisition', zh: '权利取得方式', en: 'How rights were acquired', input: 'select', options: RIGHTS_ACQUISITIONS },
  { key: 'rightsScope', zh: '权利范围', en: 'Scope of rights', input: 'select', options: RIGHTS_SCOPES },
  { key: 'softwareCategory', zh: '软件分类', en: 'Software category', input: 'select', options: SOFTWARE_CATEGORIES, free: true },
  { key: 'softwareNote', zh: '软件说明', en: 'Software note', input: 'select', options: SOFTWARE_NOTES, free: true },
  { key: 'developmentMode', zh: '开发方式', en: 'Development mode', input: 'select', options: DEVELOPMENT_MODES },
  { key: 'completionDate', zh: '开发完成日期', en: 'Completion date', input: 'date' },
  { key: 'published', zh: '已发表', en: 'Published', input: 'boolean' },
  { key: 'firstPublishedDate', zh: '首次发表日期', en: 'First publication date', input: 'date' },
  { key: 'firstPublishedCountry', zh: '首次发表国家', en: 'First publication country', input: 'text' },
  { key: 'firstPublishedCity', zh: '首次发表城市', en: 'First publication city', input: 'text' },
  { key: 'devHardware', zh: '开发的硬件环境', en: 'Development hardware', input: 'text' },
  { key: 'runHardware', zh: '运行的硬件环境', en: 'Runtime hardware', input: 'text' },
  { key: 'devOs', zh: '开发该软件的操作系统', en: 'Development OS', input: 'text' },
  { key: 'devTools', zh: '软件开发环境/开发工具', en: 'Development tools', input: 'text' },
  { key: 'runPlatform', zh: '该软件的运行平台/操作系统', en: 'Runtime platform / OS', input: 'text' },
  { key: 'runSupport', zh: '软件运行支撑环境/支持软件', en: 'Runtime support software', input: 'text' },
  { key: 'languages', zh: '编程语言', en: 'Programming languages', input: 'text' },
  { key: 'sourceLines', zh: '源程序量（行）', en: 'Source lines', input: 'number' },
  { key: 'purpose', zh: '开发目的', en: 'Purpose', input: 'text' },
  { key: 'domain', zh: '面向领域/行业', en: 'Domain / industry', input: 'text' },
  { key: 'mainFunctions', zh: '软件的主要功能', en: 'Main functions', input: 'textarea' },
  { key: 'featureTags', zh: '技术特点类别', en: 'Technical feature categories', input: 'tags' },
  { key: 'technicalFeatures', zh: '软件的技术特点', en: 'Technical features', input: 'textarea' },
  { key: 'tags', zh: '标签', en: 'Tags', input: 'tags' },
  { key: 'notes', zh: '备注', en: 'Notes', input: 'textarea' },
];

/** Reads a dotted key (`account.phone`) from a record. */
export function getField(record: object, key: string): unknown {
  return key.split('.').reduce<unknown>((cur, k) => (cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined), record);
}

/** A copy of `record` with a dotted key set, creating intermediate objects. */
export function setField<T extends object>(record: T, key: string, value: unknown): T {
  const [head, ...rest] = key.split('.');
  const current = (record as Record<string, unknown>)[head];
  const next = rest.length ? setField((current && typeof current === 'object' ? current : {}) as object, rest.join('.'), value) : value;
  return { ...record, [head]: next };
}
