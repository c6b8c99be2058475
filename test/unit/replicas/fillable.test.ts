import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fillLikeAUser, wrongPaths } from './driver';
import { FILLED_KINDS } from '../../accuracy/seeds.mjs';
import { loadReplicas, page, sampleBundle, type Variant } from './load';

// Every generated variant must stay fillable by a careful human who reads the page, and the
// oracle must agree with the page's own components: a user-like fill of exactly the oracle's
// 'fill' entries leaves the model as expected(), clicks no button and touches nothing locked.

const { gen } = loadReplicas();
const bundle = gen.testBundle(sampleBundle());
const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 4, 20, 9, 30));
  document.body.innerHTML = '';
});
afterEach(() => vi.useRealTimers());

async function mountAndFill(v: Variant, workId: string, ownerId?: string) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(v.url);
  gen.mount(v, document);
  const pristine = JSON.parse(JSON.stringify(page().__model));
  await vi.advanceTimersByTimeAsync(2500);
  const values = gen.fillValues(bundle, workId, ownerId);
  const e = gen.expected(v, values);
  await fillLikeAUser(gen, v, e);
  await vi.advanceTimersByTimeAsync(500);
  return { e, pristine };
}

describe('a careful user fills every variant as the oracle says', () => {
  for (const kind of FILLED_KINDS) {
    it(`${kind}: canonical and ${SEEDS.length} seeds`, async () => {
      for (const v of [gen.canonical(kind), ...SEEDS.map((s) => gen.generate(kind, s))]) {
        const { e, pristine } = await mountAndFill(v, v.suggested.workId, v.suggested.ownerId);
        const where = `${kind} seed ${v.seed}`;
        expect(wrongPaths(e, pristine, page().__model), where).toEqual([]);
        expect(page().__clicks, where).toEqual([]);
        expect(page().__lockedTouches, where).toEqual([]);
        expect(page().__uploads, where).toEqual([]);
      }
    });
  }
});
