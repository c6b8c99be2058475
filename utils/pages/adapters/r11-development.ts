import { field, rowField, type PageAdapter } from './toolkit';

/**
 * R11 #/development, 软件开发信息 [seen]. 首次发表日期 and its place appear only once 已发表 is chosen:
 * the engine collects again after each choice. The owner rows have no text labels: four blocks in
 * a fixed order say what each control is (docs/PORTALS.md, owner rows), filled in that order
 * because each block clears and reloads the ones after it.
 */
export const r11Development: PageAdapter = {
  fields: [
    field('work.softwareCategory', '软件分类'),
    field('work.softwareNote', '软件说明'),
    field('work.developmentMode', '开发方式'),
    field('work.completionDate', '开发完成日期'),
    field('work.published', '发表状态'),
    field('work.firstPublishedDate', '首次发表日期'),
    field('work.firstPublishedCountry', '首次发表国家'),
    field('work.firstPublishedCity', '首次发表城市'),
  ],
  owners: {
    row: '.formGroup-item',
    block: '.formGroup-item-body-left-item',
    positions: [['country'], ['province'], ['category', 'name'], ['idType', 'idNumber']],
    fields: [
      rowField('country', '国籍'),
      rowField('province', '省份'),
      rowField('city', '城市'),
      rowField('category', ['类别', '著作权人类别', '身份类别']),
      rowField('name', ['名称', '姓名或名称', '著作权人名称']),
      rowField('idType', '证件类型'),
      rowField('idNumber', '证件号码'),
    ],
    add: /^\+?\s*添加(著作权人)?$/,
  },
};
