import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { dispatch, type Handlers, type Sender } from '@/utils/contract/dispatch';
import type { Party, TypesTo } from '@/utils/contract/messages';

/**
 * Receiving messages in every context (docs/ARCHITECTURE.md, "Messages"): the table's `dispatch`
 * decides who may send what and parses each request; sending is `messaging.ts`'s.
 */

type MessageSender = Runtime.MessageSender;

/**
 * Answers the messages of `party` with `handlers`; `classify` says who a sender is (null: nobody
 * we answer). Returns the function that stops listening.
 */
export function serve<P extends Party>(party: P, handlers: Handlers<P>, classify: (sender: MessageSender) => Sender | null): () => void {
  // Returning undefined lets other listeners answer; a Promise is the response.
  const listener = (message: unknown, sender: MessageSender) => dispatch(party, handlers, message, classify(sender));
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Calls `onMessage` for every message of `type` that reaches this extension page. */
export function listen(type: TypesTo<'extension-page'>, onMessage: () => void): () => void {
  return serve('extension-page', { [type]: () => (onMessage(), null) } as Handlers<'extension-page'>, (sender) => (sender.id === browser.runtime.id ? { party: 'background' } : null));
}
