import { browser } from 'wxt/browser';
import { isFailure } from '@/utils/contract/failure';
import type { Failure, FailureReason, MessageType, RequestOf, ResponseOf, TypesTo } from '@/utils/contract/messages';

/**
 * The one typed way to send messages in every context (docs/ARCHITECTURE.md, "Messages"): the
 * type names the request's fields and the answer's shape from the table; a Failure answer rejects
 * with a MessageFailure carrying its reason and bilingual text. Receiving is `serve.ts`'s, apart,
 * because it parses with the table's schemas (zod) and the content script's loader only sends.
 */

export class MessageFailure extends Error {
  readonly reason: FailureReason;
  constructor(readonly failure: Failure) {
    super(failure.error);
    this.reason = failure.reason;
  }
}

/** Requests without required fields may leave their fields out. */
type Args<T extends MessageType> = {} extends RequestOf<T> ? [request?: RequestOf<T>] : [request: RequestOf<T>];

function settle<T extends MessageType>(answer: unknown): ResponseOf<T> {
  if (isFailure(answer)) throw new MessageFailure(answer);
  // The receiver answers with the table's response for this type (tested per handler).
  return answer as ResponseOf<T>;
}

/** To the background, from an extension page or a content script. */
export async function toBackground<T extends TypesTo<'background'>>(type: T, ...[request]: Args<T>): Promise<ResponseOf<T>> {
  return settle<T>(await browser.runtime.sendMessage({ ...request, type }));
}

/** To the content script of a tab. No content script (another site) rejects, as the browser does. */
export async function toTab<T extends TypesTo<'content-script'>>(tabId: number, type: T, ...[request]: Args<T>): Promise<ResponseOf<T>> {
  return settle<T>(await browser.tabs.sendMessage(tabId, { ...request, type }));
}

/** From the background to every open extension page; nobody listening is fine. */
export function toPages(type: TypesTo<'extension-page'>): void {
  browser.runtime.sendMessage({ type }).catch(() => undefined);
}
