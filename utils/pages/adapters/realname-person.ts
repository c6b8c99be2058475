import { field, type PageAdapter } from './toolkit';

/**
 * Personal real-name authentication: the identity as on the ID card, then the account details.
 * The photo uploads are never touched; the account's own phone is shown disabled.
 */
export const realnamePerson: PageAdapter = {
  fields: [
    field('owner.name', ['姓名', '真实姓名']),
    field('owner.idType', '证件类型'),
    field('owner.idNumber', ['证件号码', '身份证号码']),
    field('owner.country', ['国籍', '国家/地区']),
    field('owner.province', ['省份', '所在地区']),
    field('owner.city', '城市'),
    field('owner.address', ['详细地址', '通讯地址']),
    field('owner.postcode', '邮政编码'),
    field('owner.phone', '手机号码'),
    field('owner.email', '电子邮箱'),
  ],
};
