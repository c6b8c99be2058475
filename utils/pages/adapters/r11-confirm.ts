import { field, type PageAdapter } from './toolkit';

/**
 * R11 #/confirm, 确认信息 [seen]: a read-back of every step, then where the certificate goes. Only
 * the new-address dialog (+新增联系地址) takes profile values: the chosen owner as the recipient,
 * the area to the district named in the owner's address. Choosing among saved addresses, the
 * certificate type and both save buttons are the user's.
 */
export const r11Confirm: PageAdapter = {
  fields: [
    field('address.recipient', ['收件人', '收件人姓名']),
    field('address.unit', ['收件单位', '单位名称']),
    field('address.country', ['国家', '国家/地区']),
    field('address.province', ['所在地区', '地区', '省/市/区']),
    field('address.city', '城市'),
    field('address.district', ['区县', '区/县']),
    field('address.detail', '详细地址'),
    field('address.postcode', ['邮编', '邮政编码']),
    field('address.phone', ['联系电话', '手机号码', '电话']),
  ],
};
