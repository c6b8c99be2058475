// How well one fill did on one replica variant, judged by the variant's oracle (the generator's
// expected()): shared by the held-out e2e harness and the development runner.

const at = (obj, path) => path.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Each oracle field is right when the page's model holds what a correct fill leaves (the value for
 * `fill`, the page's own value for `kept`, `locked`, `no-value`, `too-long`, `capped`). A wrong fill
 * is worse than a miss: a field changed to anything else, a path nobody should touch changed, or a
 * button, a locked control or an upload touched.
 *
 * @typedef {{ key?: string, path: string, expect: string, want?: unknown, got: unknown }} Outcome
 * @returns {{ right: number, total: number, filled: number, toFill: number, misses: Outcome[], wrong: Outcome[] }}
 */
export function scoreFill(expectation, pristine, model, records = {}) {
  const misses = [];
  const wrong = [];
  let right = 0;
  let filled = 0;
  const toFill = expectation.fields.filter((f) => f.expect === 'fill').length;
  for (const f of expectation.fields) {
    const want = f.expect === 'fill' ? f.value : at(pristine, f.path);
    const got = at(model, f.path);
    if (same(got, want)) {
      right++;
      if (f.expect === 'fill') filled++;
    }
    else (same(got, at(pristine, f.path)) ? misses : wrong).push({ key: f.key, path: f.path, expect: f.expect, want, got });
  }
  for (const path of expectation.untouched) {
    if (!same(at(model, path), at(pristine, path))) wrong.push({ path, expect: 'untouched', want: at(pristine, path), got: at(model, path) });
  }
  for (const [what, list] of Object.entries(records)) if (list?.length) wrong.push({ path: what, expect: 'nothing', got: list });
  return { right, total: expectation.fields.length, filled, toFill, misses, wrong };
}

/** A run's totals: every variant's score added in. */
export const emptyTotals = () => ({ right: 0, total: 0, filled: 0, toFill: 0, wrong: 0 });
export function addScore(totals, score) {
  totals.right += score.right;
  totals.total += score.total;
  totals.filled += score.filled;
  totals.toFill += score.toFill;
  totals.wrong += score.wrong.length;
}

/** Runs in the page: the replica's model and what it recorded a filler doing that no user asked for. */
export function replicaState() {
  const w = /** @type {any} */ (window);
  return { model: w.__model, records: { clicks: w.__clicks, locked: w.__lockedTouches, uploads: w.__uploads } };
}

/**
 * The line a run prints: every field the profile speaks to (a field to be left alone counts when it
 * is), the fields to fill among them, and the wrong fills.
 */
export const summary = (set, { right, total, filled, toFill, wrong }) =>
  `${set} fill accuracy ${total ? ((100 * right) / total).toFixed(1) : '0.0'}% (${right}/${total}), wrong fills ${wrong}; filled ${filled} of ${toFill} to fill`;
export const MIN_ACCURACY = 0.99;

/**
 * Runs in the page: resolves once it has stopped changing for longer than any of the replicas'
 * delays (steps, sections and options render up to 800 ms late), as a user waits for a page to
 * settle before filling it.
 */
export function pageSettled() {
  return new Promise((resolve) => {
    let timer;
    const done = () => {
      observer.disconnect();
      resolve();
    };
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, 900);
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    timer = setTimeout(done, 900);
    setTimeout(done, 6000);
  });
}
