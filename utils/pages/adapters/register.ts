import { field, type PageAdapter } from './toolkit';

/**
 * /register.html: the account type and the account's handles. The password, the SMS code and the
 * user agreement are the user's alone and have no key at all.
 */
export const register: PageAdapter = {
  fields: [
    field('owner.kind', ['用户类型', '注册类型'], 'userType'),
    field('owner.account.username', '用户名', 'userName'),
    field('owner.account.phone', ['手机号码', '手机号'], 'phone'),
    field('owner.account.email', ['电子邮箱', '邮箱'], 'email'),
  ],
};
