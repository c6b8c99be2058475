import { browser } from 'wxt/browser';
import type { ContentRequest, DetectResponse } from '@/utils/contract/messages';

/** Typed sender to a tab's content script (messages to the background: store-client.ts). */
export function toTab(tabId: number, message: Extract<ContentRequest, { type: 'ruanzhu:detect' }>): Promise<DetectResponse>;
export function toTab(tabId: number, message: ContentRequest): Promise<unknown>;
export function toTab(tabId: number, message: ContentRequest): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message);
}
