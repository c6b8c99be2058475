import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

/** The default locale's strings, as the browser would give them (zh_CN): UI tests read what users read. */
const ZH: Record<string, { message: string }> = JSON.parse(readFileSync(resolve(__dirname, '../../public/_locales/zh_CN/messages.json'), 'utf8'));
const getMessage = (key: string, subs?: string | string[]) => {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return (ZH[key]?.message ?? '').replace(/\$(\d)/g, (_m, n) => list[Number(n) - 1] ?? '');
};

const installI18n = () => void (fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage);
// Modules may read their strings as they load, before any test runs.
installI18n();

beforeEach(() => {
  fakeBrowser.reset();
  installI18n();
});
