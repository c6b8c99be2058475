import { field, type PageAdapter } from './toolkit';

/**
 * Organisation real-name authentication. 法定代表人姓名 has no profile field and no rule: it must
 * stay empty, never take the organisation's or the contact's name.
 */
export const realnameOrg: PageAdapter = {
  fields: [
    field('owner.name', ['机构名称', '单位名称']),
    field('owner.category', ['机构类别', '机构类型']),
    field('owner.idType', '证件类型'),
    field('owner.idNumber', ['证件号码', '统一社会信用代码']),
    field('owner.contactName', ['联系人姓名', '联系人']),
    field('owner.phone', ['联系人手机', '手机号码']),
    field('owner.landline', '固定电话'),
    field('owner.email', '电子邮箱'),
    field('owner.country', ['国籍', '国家/地区']),
    field('owner.province', ['省份', '所在地区']),
    field('owner.city', '城市'),
    field('owner.address', ['详细地址', '通讯地址']),
    field('owner.postcode', '邮政编码'),
  ],
};
