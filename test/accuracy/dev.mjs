// The development runner: fills seeded replica variants with the engine injected as a page script
// (no extension build) and prints what each variant missed or got wrong, by the oracle.
//
//   npm run accuracy                                  every filled kind × DEV_SEEDS
//   npm run accuracy -- ccopyright.r11.development    one kind × DEV_SEEDS
//   npm run accuracy -- ccopyright.r11.features@12 --explain
//   npm run accuracy -- aliyun.apply                  the vendor console's form
//
// Tune only against DEV_SEEDS: the held-out seeds judge the engine in npm test.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from '../chromium.mjs';
import { aliyunVariants, ccopyrightVariants } from '../fixtures/portals/variants.mjs';
import { routeReplicas, FIXTURE_ROOT } from '../portal-router.mjs';
import { addScore, emptyTotals, pageSettled, replicaState, scoreFill, summary } from './score.mjs';
import { CONSOLE_HELD_OUT_SEEDS, DEV_SEEDS, FILLED_KINDS, HELD_OUT_SEEDS } from './seeds.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const explain = args.includes('--explain');
const targets = args.filter((a) => !a.startsWith('--'));
const sample = JSON.parse(readFileSync(join(root, 'test/fixtures/sample.ruanzhu.json'), 'utf8'));
/** Each site's generator, the profiles its variants are made for, and the shell that mounts one. */
const SITES = Object.fromEntries(
  [
    ['ccopyright', ccopyrightVariants(), 'variant-shell.html'],
    ['aliyun', aliyunVariants(), 'variant-shell-aliyun.html'],
  ].map(([site, gen, shell]) => [site, { gen, bundle: gen.testBundle(sample), shell: join(FIXTURE_ROOT, '_kit', shell) }]),
);
const siteOf = (kind) => SITES[kind.split('.')[0]];
const HELD_OUT = new Set([...HELD_OUT_SEEDS, ...CONSOLE_HELD_OUT_SEEDS]);

const runs = (targets.length ? targets : FILLED_KINDS).flatMap((t) => {
  const [kind, seed] = t.split('@');
  if (seed === undefined) return DEV_SEEDS.map((s) => [kind, s]);
  if (HELD_OUT.has(Number(seed))) throw new Error(`seed ${seed} is held out: develop against DEV_SEEDS only`);
  return [[kind, seed === 'c' ? 'c' : Number(seed)]];
});

const bundled = join(tmpdir(), 'ruanzhu-engine-page.js');
execFileSync(join(root, 'node_modules/.bin/esbuild'), [join(root, 'test/accuracy/engine-page.ts'), '--bundle', '--format=iife', `--alias:@=${root}`, `--outfile=${bundled}`, '--log-level=warning']);
const engine = readFileSync(bundled, 'utf8');

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
const context = await browser.newContext();
await routeReplicas(context);
let current = '';
let shell = '';
await context.route(
  (url) => current !== '' && url.href.split('#')[0] === current,
  (route) => route.fulfill({ path: shell, headers: { 'content-type': 'text/html; charset=utf-8' } }),
);

const total = emptyTotals();
for (const [kind, seed] of runs) {
  const { gen, bundle, shell: siteShell } = siteOf(kind);
  const v = seed === 'c' ? gen.canonical(kind) : gen.generate(kind, seed);
  current = v.url.split('#')[0];
  shell = siteShell;
  const page = await context.newPage();
  await page.addInitScript((variant) => (window.__variant = variant), v);
  await page.goto(v.url);
  await page.evaluate(pageSettled);
  const pristine = await page.evaluate(() => structuredClone(window.__model));
  await page.addScriptTag({ content: engine });
  const detected = await page.evaluate(() => window.__engine.detect());
  const values = gen.fillValues(bundle, v.suggested.workId, v.suggested.ownerId);
  const report = await page.evaluate(([k, vals]) => window.__engine.fill(k, vals), [kind, values]);
  const state = await page.evaluate(replicaState);
  const score = scoreFill(gen.expected(v, values), pristine, state.model, state.records);
  addScore(total, score);
  const bad = score.misses.length + score.wrong.length;
  console.log(`${bad ? '✗' : '✓'} ${kind}@${seed} ${v.layout ?? ''} ${score.right}/${score.total}${detected === kind ? '' : ` detected as ${detected}`}`);
  const why = (key) => report.find((r) => r.key === key);
  for (const m of score.misses) console.log(`    miss  ${m.key} (${m.expect}) want ${JSON.stringify(m.want)}: ${JSON.stringify(why(m.key) ?? 'no report')}`);
  for (const w of score.wrong) console.log(`    WRONG ${w.key ?? w.path} (${w.expect}) want ${JSON.stringify(w.want)} got ${JSON.stringify(w.got)}`);
  if (explain) console.log(JSON.stringify(await page.evaluate((k) => window.__engine.explain(k), kind), null, 1));
  await page.close();
}
console.log(summary('development', total));
await browser.close();
