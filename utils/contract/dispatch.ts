import { failure, FailureReason, MESSAGES, type Failure, type Message, type MessageType, type Party, type ResponseOf, type TypesTo } from './messages';

/**
 * Receiving a message (pure, free of `browser`, so tests drive it with a fake sender): the table
 * decides whether the sender may send it and parses it; the handler answers; anything thrown
 * becomes a Failure. A message that is not for this receiver, not from an allowed sender or not a
 * message at all gets `undefined`, which leaves it to other listeners (and tells nothing to a
 * sender that has no business asking).
 */

export interface Sender {
  party: Party;
  /** The tab of a content script, or of an extension page opened in a tab. */
  tabId?: number;
  /** The frame of a content script (0: the tab's top frame). */
  frameId?: number;
  url?: string;
}

export type Handler<T extends MessageType> = (message: Message<T>, sender: Sender) => Promise<ResponseOf<T> | Failure> | ResponseOf<T> | Failure;
export type Handlers<P extends Party> = { [T in TypesTo<P>]: Handler<T> };

/** An error that knows which failure it is (a locked store, a wrong passphrase, an invalid record …). */
export interface ReasonedError extends Error {
  readonly reason: FailureReason;
}

/** Thrown by a handler that refuses for a reason the user should read (the page is not one we know …). */
export class Refusal extends Error implements ReasonedError {
  constructor(
    readonly reason: FailureReason,
    message: string,
  ) {
    super(message);
  }
}

/** The Failure of a thrown value; errors without a reason of their own are `error`. */
export function failureOf(e: unknown): Failure {
  const reason = FailureReason.safeParse((e as Partial<ReasonedError> | null)?.reason);
  const message = e instanceof Error ? e.message : String(e);
  return failure(reason.success ? reason.data : 'error', message);
}

export function dispatch<P extends Party>(receiver: P, handlers: Handlers<P>, message: unknown, sender: Sender | null): Promise<unknown> | undefined {
  if (!sender || !message || typeof message !== 'object') return undefined;
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(MESSAGES, type)) return undefined;
  const spec = MESSAGES[type as MessageType];
  if (spec.to !== receiver || !(spec.from as readonly Party[]).includes(sender.party)) return undefined;
  const handler = (handlers as unknown as Record<string, Handler<MessageType>>)[type];
  if (!handler) return undefined;
  const parsed = spec.request.safeParse(message);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(message)').join(', ');
    return Promise.resolve(failure('invalid', `消息格式不符（${where}） / malformed request (${where})`));
  }
  return (async () => {
    try {
      return await handler({ ...(parsed.data as object), type } as Message<MessageType>, sender);
    } catch (e) {
      return failureOf(e);
    }
  })();
}
