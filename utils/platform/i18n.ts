import { browser } from 'wxt/browser';

/** A key of the messages.json files in public/_locales; WXT generates the union from them. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** A UI string in the browser's language (zh_CN by default). `$1`… take `subs`. */
export function t(key: MessageKey, subs?: (string | number)[]): string {
  return browser.i18n.getMessage(key, subs?.map(String)) || key;
}
