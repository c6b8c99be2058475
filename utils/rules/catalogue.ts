import type { Finding } from '@/utils/schema/finding';

export type Severity = Finding['severity'];

export interface RuleInfo {
  /** The usual severity; a rule may report some findings lower (e.g. a reminder it cannot verify). */
  severity: Severity;
  zh: string;
  en: string;
}

/**
 * Every rule id this folder implements (ids and severities from docs/RULES.md). `finding()` only
 * accepts these ids, so a finding can never carry a rule the catalogue does not list.
 */
export const RULES = {
  'id.resident': { severity: 'error', zh: '居民身份证号码', en: 'Resident ID number' },
  'id.uscc': { severity: 'error', zh: '统一社会信用代码', en: 'Unified social credit code' },
  'id.type-matches-kind': { severity: 'error', zh: '证件类型与著作权人类别一致', en: 'ID type matches the owner kind' },
  'id.mobile': { severity: 'error', zh: '手机号码与固定电话格式', en: 'Mobile and landline number format' },
  'id.postcode': { severity: 'error', zh: '邮政编码', en: 'Postcode' },
  'id.email': { severity: 'error', zh: '电子邮箱', en: 'Email address' },
  'account.unique-phone': { severity: 'warning', zh: '一个手机号只注册一个账号', en: 'One phone number per account' },
  'account.unique-email': { severity: 'warning', zh: '一个邮箱只注册一个账号', en: 'One email address per account' },
  'realname.match': { severity: 'error', zh: '名称与证件号码同实名认证一致', en: 'Name and ID number match the real-name authentication' },
  'realname.required': { severity: 'error', zh: '每个著作权人都已实名认证', en: 'Every owner is authenticated' },
  'realname.photo.format': { severity: 'error', zh: '证件照格式（按文件内容判断）', en: 'Photo format (judged by its bytes)' },
  'realname.photo.quality': { severity: 'warning', zh: '证件照清晰、无反光、四边完整', en: 'Photo sharp, without glare, edges inside' },
  'realname.photo.size': { severity: 'warning', zh: '证件照文件大小与像素尺寸', en: 'Photo file size and dimensions' },
  'realname.photo.watermark': { severity: 'info', zh: '水印文字', en: 'Watermark wording' },
  'work.fullname': { severity: 'error', zh: '软件全称', en: 'Full name of the software' },
  'work.shortname': { severity: 'warning', zh: '软件简称', en: 'Short name of the software' },
  'work.version': { severity: 'error', zh: '版本号', en: 'Version' },
  'work.dates': { severity: 'error', zh: '开发完成日期与首次发表日期', en: 'Completion and publication dates' },
  'work.development-mode': { severity: 'warning', zh: '开发方式', en: 'Development mode' },
  'work.rights': { severity: 'warning', zh: '权利取得方式与权利范围', en: 'Acquisition and scope of rights' },
  'work.lengths': { severity: 'error', zh: '软件功能与特点的字数', en: 'Lengths of the feature texts' },
  'work.tags': { severity: 'error', zh: '技术特点最多 3 项，且为页面的选项', en: 'At most 3 feature tags, each one the page offers' },
  'work.languages': { severity: 'warning', zh: '程序中的编程语言都已声明', en: 'Every language of the program is declared' },
  'materials.source.pages': { severity: 'error', zh: '程序鉴别材料：PDF，前后各 30 页', en: 'Source material: PDF, first and last 30 pages' },
  'materials.source.lines': { severity: 'warning', zh: '程序鉴别材料每页不少于 50 行', en: 'Source material: at least 50 lines a page' },
  'materials.doc.pages': { severity: 'error', zh: '文档鉴别材料：PDF，前后各 30 页', en: 'Documentation material: PDF, first and last 30 pages' },
  'materials.doc.lines': { severity: 'warning', zh: '文档鉴别材料每页不少于 30 行', en: 'Documentation material: at least 30 lines a page' },
  'materials.header': { severity: 'error', zh: '页眉有软件名称、版本号，并有页码', en: 'Headers carry name, version and page number' },
  'materials.boundaries': { severity: 'info', zh: '第 1 页从一个文件的开头开始，最后一页在一个文件的结尾结束', en: 'Page 1 begins a file and the last page ends one' },
  'materials.content': { severity: 'warning', zh: '无空白页，无个人信息与密钥', en: 'No blank pages, personal data or secrets' },
  'materials.consistency': { severity: 'error', zh: '各处的软件名称与版本号一致', en: 'Name and version agree everywhere' },
  'filing.address': { severity: 'error', zh: '已选择证书领取地址', en: 'A certificate address is selected' },
  'filing.signature-pdf': { severity: 'error', zh: '签章页是 PDF 文件', en: 'The signature page is a PDF' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;
