import { browser } from 'wxt/browser';
import type { Bundle } from '../schema/bundle';
import type { ImportResult } from '../storage/bundle-io';
import type { ContentRequest, DetectResponse } from './contract';

/** Typed senders for the contract, so callers never build message objects by hand. */
export const background = {
  importBundle: (bundle: unknown) => browser.runtime.sendMessage({ type: 'ruanzhu:import', bundle }) as Promise<ImportResult>,
  exportBundle: () => browser.runtime.sendMessage({ type: 'ruanzhu:export' }) as Promise<Bundle>,
};

export function toTab(tabId: number, message: Extract<ContentRequest, { type: 'ruanzhu:detect' }>): Promise<DetectResponse>;
export function toTab(tabId: number, message: ContentRequest): Promise<unknown>;
export function toTab(tabId: number, message: ContentRequest): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message);
}
