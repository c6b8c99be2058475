import { labelText } from '@/utils/text/normalize';

/**
 * The 智能识别 Word template of Alibaba Cloud's 软著 service: a document of label | value tables in
 * the order of the manual form's four parts [guide]: 软件基本信息, 软件技术特点, 著作权人信息 (one
 * table per owner, in the work's order) and 软件鉴别材料 (PDF uploads in the console: no rows).
 * The service's own template is not public; the order and the labels are a [guess] modelled on
 * the form (utils/pages/adapters/README.md), so import reads rows by their label wherever they are.
 */

/** How a cell's text maps to a profile value: the field's key and its kind. */
export interface TemplateRow<K extends string = string> {
  label: string;
  key: K;
  kind?: 'text' | 'date' | 'published' | 'lines' | 'list';
  /** Other labels a filled template may use for the row. */
  aliases?: readonly string[];
}

export const WORK_ROWS = [
  { label: '软件全称', key: 'fullName' },
  { label: '软件简称', key: 'shortName' },
  { label: '版本号', key: 'version' },
  { label: '软件分类', key: 'softwareCategory' },
  { label: '软件说明', key: 'softwareNote' },
  { label: '开发方式', key: 'developmentMode' },
  { label: '开发完成日期', key: 'completionDate', kind: 'date' },
  { label: '发表状态', key: 'published', kind: 'published' },
  { label: '首次发表日期', key: 'firstPublishedDate', kind: 'date' },
  { label: '首次发表国家', key: 'firstPublishedCountry' },
  { label: '首次发表城市', key: 'firstPublishedCity' },
  { label: '权利取得方式', key: 'rightsAcquisition' },
  { label: '权利范围', key: 'rightsScope' },
  { label: '开发的硬件环境', key: 'devHardware' },
  { label: '运行的硬件环境', key: 'runHardware' },
  { label: '开发该软件的操作系统', key: 'devOs' },
  { label: '软件开发环境/开发工具', key: 'devTools' },
  { label: '该软件的运行平台/操作系统', key: 'runPlatform' },
  { label: '软件运行支撑环境/支持软件', key: 'runSupport' },
  { label: '编程语言', key: 'languages' },
  { label: '源程序量（行）', key: 'sourceLines', kind: 'lines', aliases: ['源程序量'] },
  { label: '开发目的', key: 'purpose' },
  { label: '面向领域/行业', key: 'domain' },
  { label: '软件的主要功能', key: 'mainFunctions' },
  { label: '技术特点类别', key: 'featureTags', kind: 'list' },
  { label: '软件的技术特点', key: 'technicalFeatures' },
] as const satisfies readonly TemplateRow[];

export const OWNER_ROWS = [
  { label: '著作权人类别', key: 'category' },
  { label: '姓名或名称', key: 'name', aliases: ['著作权人名称', '名称', '姓名'] },
  { label: '证件类型', key: 'idType' },
  { label: '证件号码', key: 'idNumber' },
  { label: '国籍', key: 'country' },
  { label: '省份', key: 'province' },
  { label: '城市', key: 'city' },
  { label: '详细地址', key: 'address' },
  { label: '邮政编码', key: 'postcode' },
  { label: '联系人', key: 'contactName' },
  { label: '手机号码', key: 'phone' },
  { label: '固定电话', key: 'landline' },
  { label: '电子邮箱', key: 'email' },
] as const satisfies readonly TemplateRow[];

export type WorkRow = (typeof WORK_ROWS)[number];
export type OwnerRow = (typeof OWNER_ROWS)[number];

/** The section titles, as the template writes them. */
export const SECTIONS = {
  basic: '一、软件基本信息',
  tech: '二、软件技术特点',
  owner: (n: number) => `三、著作权人信息（第 ${n} 著作权人）`,
  materials: '四、软件鉴别材料',
} as const;
/** What starts an owner's rows in a filled template. */
export const OWNER_SECTION = /著作权人信息/;
/** The basic part ends where the technical one starts (a row's place in the work's table). */
export const TECH_FROM: WorkRow['key'] = 'devHardware';

const byLabel = <R extends TemplateRow>(rows: readonly R[]) => {
  const map = new Map<string, R>();
  for (const r of rows) for (const l of [r.label, ...(r.aliases ?? [])]) map.set(labelText(l), r);
  return map;
};
const WORK_BY_LABEL = byLabel<WorkRow>(WORK_ROWS);
const OWNER_BY_LABEL = byLabel<OwnerRow>(OWNER_ROWS);

/** The template row a label names (after normalisation: 软件全称： and ＊软件全称 count). */
export function rowFor(label: string): { part: 'work'; row: WorkRow } | { part: 'owner'; row: OwnerRow } | null {
  const l = labelText(label);
  const work = WORK_BY_LABEL.get(l);
  if (work) return { part: 'work', row: work };
  const owner = OWNER_BY_LABEL.get(l);
  return owner ? { part: 'owner', row: owner } : null;
}
