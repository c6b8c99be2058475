/**
 * State shared by the two scripts of ours in a portal page's isolated world: the loader (the
 * content script every portal page evaluates) and the engine it injects when the page needs it.
 * Each is bundled on its own, so a module-level value would exist once per script; a property of
 * the isolated world's global exists once for both, and the page's own scripts cannot reach it
 * (they run in another world).
 */
const WORLD = globalThis as typeof globalThis & { ruanzhu?: Record<string, unknown> };

/** The world's one `name`, made by `create` the first time either script asks. */
export function worldShared<T>(name: string, create: () => T): T {
  const all = (WORLD.ruanzhu ??= {});
  return (all[name] ??= create()) as T;
}
