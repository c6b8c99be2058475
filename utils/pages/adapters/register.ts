import { field, type PageAdapter } from './toolkit';

/**
 * /register.html: the account's phone (and email, where asked). The agreement, the account type
 * (个人 / 机构, fixed once chosen), the SMS code and the password are the user's alone and have no key.
 */
export const register: PageAdapter = {
  fields: [field('owner.account.phone', ['手机号码', '手机号']), field('owner.account.email', ['电子邮箱', '邮箱'])],
};
