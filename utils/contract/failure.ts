import type { Failure } from './messages';

/**
 * Whether an answer is the one Failure shape (`failure()` in messages.ts builds every one from the
 * schema's type). A structural check rather than the schema's parse: senders run it on every
 * answer, the content script's loader among them, and the loader carries no zod
 * (docs/ARCHITECTURE.md, "The content script: a loader and an engine").
 */
export function isFailure(v: unknown): v is Failure {
  if (!v || typeof v !== 'object') return false;
  const f = v as Partial<Failure>;
  return f.failed === true && typeof f.reason === 'string' && typeof f.error === 'string';
}
