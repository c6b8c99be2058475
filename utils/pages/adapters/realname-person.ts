import { field, type PageAdapter } from './toolkit';

/**
 * Personal real-name authentication: the identity as on the ID card, then the account details.
 * The photo uploads are never touched; the account's own phone is shown disabled.
 */
export const realnamePerson: PageAdapter = {
  fields: [
    field('owner.name', ['姓名', '真实姓名'], 'name'),
    field('owner.idType', '证件类型', 'idType'),
    field('owner.idNumber', ['证件号码', '身份证号码'], 'idNumber'),
    field('owner.country', '国籍', 'country'),
    field('owner.province', '省份', 'province'),
    field('owner.city', '城市', 'city'),
    field('owner.address', ['详细地址', '通讯地址'], 'address'),
    field('owner.postcode', '邮政编码', 'postcode'),
    field('owner.phone', '手机号码', 'phone'),
    field('owner.email', '电子邮箱', 'email'),
  ],
};
