import { field, type PageAdapter } from './toolkit';

/**
 * /login.html: the tab of the account's type (个人用户 / 机构, which decides the form shown) and the
 * account name. The password and the slider captcha are the user's.
 */
export const login: PageAdapter = {
  fields: [field('owner.kind', ['用户类型', '登录方式']), field('owner.account', ['用户名/手机号/邮箱', '账号', '用户名'])],
};
