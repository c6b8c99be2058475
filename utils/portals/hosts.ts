/**
 * The official hosts, the only places the extension runs or fills. Adding one widens the
 * manifest's host permissions: test/unit/manifest.test.ts pins this list on purpose.
 */
export const PORTAL_HOSTS = ['register.ccopyright.com.cn'] as const;

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
