import { browser } from 'wxt/browser';

/** A key of the messages.json files in public/_locales; WXT generates the union from them. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** A UI string in the browser's language (zh_CN by default). `$1`… take `subs`. */
export function t(key: MessageKey, subs?: (string | number)[]): string {
  return browser.i18n.getMessage(key, subs?.map(String)) || key;
}

/**
 * Marks the extension page with the language its strings are in (the locale chrome.i18n chose,
 * not navigator.language, which can differ), so screen readers pronounce them right.
 */
export function markPageLanguage(): void {
  document.documentElement.lang = t('uiLang');
}
