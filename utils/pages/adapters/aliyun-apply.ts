import { field, type PageAdapter, type RowRule } from './toolkit';

/** An owner-card field found by its exact label (the console's ids are not known to be stable). */
const ownerField = (name: string, labels: readonly string[]): RowRule => ({ field: name, labels });

/**
 * Alibaba Cloud console, 填写资料 → 手动填写 (utils/pages/adapters/README.md): four parts [guide],
 * 软件基本信息, 软件技术特点, 著作权人信息 (one card per owner, more through 添加著作权人) and
 * 软件鉴别材料 (PDF uploads: no key, never touched). Ant Form items label their controls; the exact
 * words are a [guess] modelled on the center's form. 编程语言 is one text box here: the whole list
 * goes into it (`work.languagesOther` takes what no option took, and there are no options).
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
    field('work.rightsAcquisition', '权利取得方式'),
    field('work.rightsScope', '权利范围'),
    field('work.devHardware', '开发的硬件环境'),
    field('work.runHardware', '运行的硬件环境'),
    field('work.devOs', '开发该软件的操作系统'),
    field('work.devTools', '软件开发环境/开发工具'),
    field('work.runPlatform', '该软件的运行平台/操作系统'),
    field('work.runSupport', '软件运行支撑环境/支持软件'),
    field('work.languagesOther', '编程语言'),
    field('work.sourceLines', '源程序量'),
    field('work.purpose', '开发目的'),
    field('work.domain', '面向领域/行业'),
    field('work.mainFunctions', '软件的主要功能'),
    // The tags and their text have separate items; the value kind keeps them apart either way.
    field('work.featureTags', '软件的技术特点'),
    field('work.technicalFeatures', ['技术特点说明', '软件的技术特点']),
  ],
  owners: {
    row: '.owner-card',
    // Categories before ID types: the console offers the ID types of the chosen category.
    fields: [
      ownerField('category', ['著作权人类别', '类别']),
      ownerField('name', ['姓名或名称', '著作权人名称', '名称']),
      ownerField('idType', ['证件类型']),
      ownerField('idNumber', ['证件号码']),
      ownerField('country', ['国籍']),
      ownerField('province', ['省份']),
      ownerField('city', ['城市']),
    ],
    add: /^\+?\s*添加著作权人$/,
  },
};
