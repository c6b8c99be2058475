import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { isPortalUrl, PORTAL_HOSTS, PORTAL_MATCHES } from '@/utils/pages/hosts';

/**
 * Pins what the extension may touch. Widening any of this must be a deliberate change of this
 * test, reviewed with SECURITY.md, never a side effect.
 */
describe('manifest permissions', () => {
  const manifest = config.manifest as Record<string, unknown>;

  it('asks only for storage, alarms and scripting (the engine, injected on the official hosts), and host access to the official hosts over https', () => {
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'scripting']);
    expect(manifest.host_permissions).toEqual(PORTAL_MATCHES);
    // Alibaba Cloud's console host only: not *.aliyun.com, not the product pages (nothing to fill there).
    expect(PORTAL_HOSTS).toEqual(['register.ccopyright.com.cn', 'copyright.console.aliyun.com']);
    for (const pattern of PORTAL_MATCHES) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|\*:\/\/\*|http:\/\//);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('declares to Firefox that it collects no data (AMO asks every new extension; nothing optional to ask for later)', () => {
    const gecko = (manifest.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(gecko.strict_min_version).toBe('115.0');
  });

  it('keeps extension pages on a strict CSP: own scripts only, no remote connections', () => {
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });

  it.each([
    ['https://register.ccopyright.com.cn/r11.html', true],
    ['https://copyright.console.aliyun.com/#/order/list', true],
    ['http://copyright.console.aliyun.com/', false],
    ['https://console.aliyun.com/', false],
    ['https://wanwang.aliyun.com/swcopyright/ruanzhu', false],
    ['https://copyright.console.aliyun.com.evil.example/', false],
    ['http://register.ccopyright.com.cn/r11.html', false],
    ['https://register.ccopyright.com.cn.evil.example/', false],
    ['https://evil.example/?https://register.ccopyright.com.cn/', false],
    ['not a url', false],
  ])('isPortalUrl(%s) = %s', (url, expected) => {
    expect(isPortalUrl(url)).toBe(expected);
  });
});
