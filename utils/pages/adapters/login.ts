import { field, type PageAdapter } from './toolkit';

/** /login.html: only the account name. The password and the slider captcha are the user's. */
export const login: PageAdapter = {
  fields: [field('owner.account', ['账号', '用户名', '手机号/邮箱/用户名'], 'userName')],
};
