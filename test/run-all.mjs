// `npm test`: type check, unit tests, both builds and their zips, web-ext lint, e2e tests; ends with one line "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureChromium, ensureDependencies, run } from './machine.mjs';
import { summarise } from './summary.mjs';
import { lintFirefox } from './firefox-lint.mjs';
import { checkZips } from './zip-contents.mjs';

const REPORTS = join(ROOT, 'test', '.reports');
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

ensureDependencies();
const haveChromium = ensureChromium();
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const steps = [];
const step = (name, ok, suite) => {
  steps.push({ name, ok, suite });
  if (!ok) console.error(`✗ ${name}`);
};

// Regenerates WXT's types (e.g. the message keys of public/_locales) before the type check.
step('wxt prepare', run(bin('wxt'), ['prepare']) === 0);
step('type check (tsc)', run(bin('tsc'), ['--noEmit']) === 0);
step('unit tests (vitest)', run(bin('vitest'), ['run', '--config', 'test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${join(REPORTS, 'unit.json')}`]) === 0, 'unit');
// `wxt zip` builds and then packs what `npm run zip` ships, so the builds the e2e tests load and
// the zips checked are the same.
step('build + zip chrome-mv3', run(bin('wxt'), ['zip']) === 0);
step('build + zip firefox (and sources)', run(bin('wxt'), ['zip', '-b', 'firefox']) === 0);
step('zip contents', await checkZips());
step('web-ext lint firefox', lintFirefox());
if (haveChromium) step('e2e tests (playwright)', run(bin('playwright'), ['test', '-c', 'test/playwright.config.ts']) === 0, 'e2e');
else step('e2e tests (playwright): Chromium missing', false);

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const unit = readJson(join(REPORTS, 'unit.json'));
const e2e = readJson(join(REPORTS, 'e2e.json'));
const summary = summarise({ unit, e2e, steps });

const brokenSteps = steps.filter((s) => !s.ok);
if (brokenSteps.length) console.error(`Failed steps (each counted as a failure): ${brokenSteps.map((s) => s.name).join('; ')}`);
if (summary.passed === 0) console.error('No test ran.');
console.log(summary.line);
process.exit(summary.ok ? 0 : 1);
