import { aliyunApply } from './aliyun-apply';
import { login } from './login';
import { r11Application } from './r11-application';
import { r11Development } from './r11-development';
import { r11Features } from './r11-features';
import { realnameOrg } from './realname-org';
import { realnamePerson } from './realname-person';
import { register } from './register';
import type { PageAdapter } from './toolkit';

const ADAPTERS: readonly PageAdapter[] = [login, register, realnamePerson, realnameOrg, r11Application, r11Development, r11Features, aliyunApply];

/**
 * The adapter of a page kind. Kinds without one have nothing to fill from a profile:
 * ccopyright.registration (a menu), ccopyright.r11.identity (申请人 or 代理人 is the user's choice,
 * not in any profile), ccopyright.r11.confirm (review and the declaration), ccopyright.filings,
 * aliyun.orders and aliyun.order (statuses: the guide in utils/aliyun answers those).
 */
export function adapterFor(page: string): PageAdapter | null {
  return ADAPTERS.find((a) => a.page === page) ?? null;
}
