import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const zh = JSON.parse(readFileSync(resolve(__dirname, '../../../public/_locales/zh_CN/messages.json'), 'utf8')) as Record<string, { message: string }>;

/** browser.i18n in the default locale (fakeBrowser has none): UI strings as a zh-CN user sees them. */
export function useZhMessages(): void {
  beforeEach(() => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      return (zh[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
    }) as typeof fakeBrowser.i18n.getMessage);
  });
}
