import { field, rowField, type PageAdapter } from './toolkit';

/**
 * Alibaba Cloud console, 填写资料 → 手动填写 (docs/PORTALS.md, "The vendor console"): Fusion Next
 * form items whose `label[for]` is the field's name; four parts (软件基本信息, 软件技术特点,
 * 著作权人信息, 软件鉴别材料: uploads, never touched). The wording below is the center's, which the
 * service mirrors [guess]; the engine's own terms cover other wordings. While the page's add-owner
 * dialog is open it holds the user (collect keeps to the top modal): its fields are the chosen
 * owner's, keyed `owner.*`. 著作权人信息 is cards, a table of rows or a picker of saved owners
 * [guess]; rows are found by the selector below and their items by label.
 */
export const aliyunApply: PageAdapter = {
  fields: [
    field('work.fullName', '软件全称'),
    field('work.shortName', '软件简称'),
    field('work.version', '版本号'),
    field('work.softwareCategory', '软件分类'),
    field('work.softwareNote', '软件说明'),
    field('work.developmentMode', '开发方式'),
    field('work.completionDate', '开发完成日期'),
    field('work.published', '发表状态'),
    field('work.firstPublishedDate', '首次发表日期'),
    field('work.firstPublishedCountry', '首次发表国家'),
    field('work.firstPublishedCity', '首次发表城市'),
    field('work.rightsAcquisition', '权利取得方式'),
    field('work.rightsScope', '权利范围'),
    field('work.devHardware', '开发的硬件环境'),
    field('work.runHardware', '运行的硬件环境'),
    field('work.devOs', '开发该软件的操作系统'),
    field('work.devTools', '软件开发环境/开发工具'),
    field('work.runPlatform', '该软件的运行平台/操作系统'),
    field('work.runSupport', '软件运行支撑环境/支持软件'),
    // A group of options and a box for the rest, or one box for all: the value kind tells them apart.
    field('work.languages', '编程语言'),
    field('work.languagesOther', ['其他编程语言', '编程语言']),
    field('work.sourceLines', '源程序量'),
    field('work.purpose', '开发目的'),
    field('work.domain', '面向领域/行业'),
    field('work.mainFunctions', '软件的主要功能'),
    field('work.featureTags', '软件的技术特点'),
    field('work.technicalFeatures', ['技术特点说明', '软件的技术特点']),
    // The add-owner dialog: the chosen owner's record as the service keeps it.
    field('owner.category', '著作权人类型'),
    field('owner.name', '著作权人名称'),
    field('owner.idType', '证件类型'),
    field('owner.idNumber', '证件号码'),
    field('owner.country', '国籍'),
    field('owner.province', '省份'),
    field('owner.city', '城市'),
    field('owner.address', '详细地址'),
    field('owner.contactName', '联系人'),
    field('owner.phone', '联系电话'),
    field('owner.email', '电子邮箱'),
  ],
  owners: {
    // One card per owner, one table row per owner, or one picker item per owner [guess].
    row: '.owner-card, [class*="owner"] tbody tr, [class*="owner-pick"] > *',
    // Categories before ID types: the console offers the ID types of the chosen category.
    fields: [
      // A picker row: one of the service's saved owner records.
      rowField('record', '著作权人'),
      rowField('category', '著作权人类型'),
      rowField('name', '著作权人名称'),
      rowField('idType', '证件类型'),
      rowField('idNumber', '证件号码'),
      rowField('country', '国籍'),
      rowField('province', '省份'),
      rowField('city', '城市'),
      rowField('address', '详细地址'),
    ],
    add: /^\+?\s*添加著作权人$/,
  },
};
