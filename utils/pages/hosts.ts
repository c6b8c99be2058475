/**
 * The official hosts, the only places the extension runs or fills. Adding one widens the
 * manifest's host permissions: test/unit/manifest.test.ts pins this list on purpose.
 * - register.ccopyright.com.cn: the copyright center's registration system.
 * - copyright.console.aliyun.com: Alibaba Cloud's 软件著作权登记服务 console (orders, the
 *   application form, statuses); the evidence is in utils/pages/adapters/README.md.
 */
export const PORTAL_HOSTS = ['register.ccopyright.com.cn', 'copyright.console.aliyun.com'] as const;
export type PortalHost = (typeof PORTAL_HOSTS)[number];
export const ALIYUN_CONSOLE_HOST: PortalHost = 'copyright.console.aliyun.com';
export const CCOPYRIGHT_HOST: PortalHost = 'register.ccopyright.com.cn';

/** Match patterns for the manifest and content scripts: https only. */
export const PORTAL_MATCHES = PORTAL_HOSTS.map((h) => `https://${h}/*`);

export function isPortalUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (PORTAL_HOSTS as readonly string[]).includes(u.hostname);
  } catch {
    return false;
  }
}
