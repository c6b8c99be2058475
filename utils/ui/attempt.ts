/** An action's outcome for a page to show: its value, or the bilingual error it failed with. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Runs an action of the user's and never rejects: a failure (a locked store, a record the store
 * refused, a tab that navigated away) becomes the message to show, not an unhandled rejection.
 */
export async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
