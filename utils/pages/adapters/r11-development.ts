import { field, rowField, type PageAdapter } from './toolkit';

/**
 * R11 #/development, 软件开发信息 [seen], with one block per copyright owner (类别, 名称, 证件类型,
 * 证件号码 …). 首次发表日期 only appears once 已发表 is chosen: the engine collects again after choices.
 */
export const r11Development: PageAdapter = {
  fields: [
    field('work.softwareCategory', '软件分类', 'softwareCategory'),
    field('work.softwareNote', '软件说明', 'softwareNote'),
    field('work.developmentMode', '开发方式', 'developmentMode'),
    field('work.completionDate', '开发完成日期', 'completionDate'),
    field('work.published', '发表状态', 'publishStatus'),
    field('work.firstPublishedDate', '首次发表日期', 'firstPublishDate'),
  ],
  owners: {
    row: '.owner-row',
    // Categories before ID types: the page offers the ID types of the chosen category.
    fields: [
      rowField('category', ['类别', '著作权人类别']),
      rowField('name', ['名称', '姓名或名称', '著作权人名称']),
      rowField('idType', '证件类型'),
      rowField('idNumber', '证件号码'),
      rowField('country', '国籍'),
      rowField('province', '省份'),
      rowField('city', '城市'),
    ],
    add: /^\+?\s*添加(著作权人)?$/,
  },
};
