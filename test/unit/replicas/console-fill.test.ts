import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { detectPage } from '@/utils/content/detect/detect';
import { FillSession } from '@/utils/content/fill/session';
import { PlanValues } from '@/utils/contract/messages';
import { adapterFor } from '@/utils/pages/registry';
import { scopeValues } from '@/utils/pages/scope';
import { scoreFill } from '../../accuracy/score.mjs';
import { DEV_SEEDS } from '../../accuracy/seeds.mjs';
import { advance, loadConsole, page, sampleBundle } from './console-kit';

// The property on the vendor console's 填写资料 form, in happy-dom: every development variant is
// recognised by its content and filled through the real session with no wrong fill — nothing the
// oracle leaves alone is changed, no button clicked, nothing locked touched — whatever the class
// prefix, owner layout, dialog or date picker. (happy-dom sees no geometry: twins hidden off-screen
// stay ambiguous here, which is a miss, never a wrong fill; the e2e judgement sees them.)

const { gen } = loadConsole();
/** A share of the development seeds keeps this under half a minute; the dev runner takes them all. */
const SEEDS = DEV_SEEDS.slice(0, 16);
const bundle = gen.testBundle(sampleBundle());
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 8, 20, 9, 30));
});
afterEach(() => vi.useRealTimers());

it('aliyun.apply: the first 16 development variants recognised and filled without a wrong fill', async () => {
  const wrong: string[] = [];
  let right = 0;
  let total = 0;
  for (const seed of SEEDS) {
    document.body.innerHTML = '';
    Object.assign(window, { __clicks: [], __uploads: [], __lockedTouches: [], __messages: [] });
    const v = gen.generate('aliyun.apply', seed);
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(v.url);
    gen.mount(v, document);
    await advance(3000);
    if (detectPage(location.href, document)?.page !== 'aliyun.apply') wrong.push(`${seed}: not recognised`);
    const pristine = JSON.parse(JSON.stringify(page().__model));
    const raw = gen.fillValues(bundle, v.suggested.workId, v.suggested.ownerId);
    let done = false;
    void new FillSession(document).fill('aliyun.apply', adapterFor('aliyun.apply')!, scopeValues('aliyun.apply', PlanValues.parse(raw))).finally(() => (done = true));
    for (let i = 0; i < 600 && !done; i++) await advance(100);
    await advance(500);
    const w = window as unknown as Record<string, unknown[]>;
    const score = scoreFill(gen.expected(v, raw), pristine, page().__model, { clicks: w.__clicks, locked: w.__lockedTouches, uploads: w.__uploads });
    right += score.right;
    total += score.total;
    for (const x of score.wrong) wrong.push(`${seed} ${x.key ?? x.path}: want ${JSON.stringify(x.want)}, got ${JSON.stringify(x.got)}`);
  }
  expect(wrong).toEqual([]);
  // Most of it is filled even here (the rest: twins only geometry tells apart, and misses when fake
  // time outruns the engine's real MessageChannel ticks on a loaded machine); accuracy is the e2e judgement's.
  expect(right / total).toBeGreaterThan(0.8);
}, 300_000);
