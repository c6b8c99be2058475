// Where Debian's Chromium lives and how it must be started here (see docs/TOOLCHAIN.md).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p)) ?? null;
export const EXTENSION_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.output', 'chrome-mv3');

/** The browser's UI language (and so chrome.i18n's): zh-CN as most users have it, or en. */
const LANGUAGES = {
  'zh-CN': { env: { LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8' }, lang: 'zh-CN', accept: 'zh-CN,zh,en' },
  en: { env: { LANGUAGE: 'en', LANG: 'en_US.UTF-8' }, lang: 'en-US', accept: 'en-US,en' },
};

/** Launch options for chromium.launchPersistentContext with the built extension loaded. */
export function extensionLaunchOptions({ headless = true, language = 'zh-CN' } = {}) {
  const ui = LANGUAGES[language];
  if (!ui) throw new Error(`No UI language ${language}: one of ${Object.keys(LANGUAGES).join(', ')}`);
  if (!CHROMIUM) throw new Error('Chromium not found: apt-get install -y chromium / 未找到 Chromium');
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('The extension is not built: run `npm run build` first / 扩展尚未构建');
  }
  return {
    executablePath: CHROMIUM,
    headless,
    // On Linux Chromium takes its UI language (and so chrome.i18n's) from the environment.
    env: { ...process.env, ...ui.env },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The UI is zh-CN first; tests and the demo see it as most users do unless told otherwise.
      `--lang=${ui.lang}`,
      `--accept-lang=${ui.accept}`,
    ],
  };
}
