// `npm run bench`: what users feel, measured on the replicas in Debian's Chromium with the built
// extension. Writes bench-results.json at the repo root and prints a table. Not a test: CI does
// not run it, and nothing fails on a missed target (the exit code is non-zero only when a section
// could not be measured).
//
//   npm run bench                              everything, 7 runs per figure (3 browsers for the store)
//   npm run bench -- --runs=3 --store-runs=1   quicker
//   npm run bench -- --only=detect,fill        some sections: bundles, detect, fill, photo, store, materials
//   npm run bench -- --rebuild                 build even when .output/chrome-mv3 looks fresh
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, ensureChromium, ensureDependencies } from '../machine.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? true];
  }),
);
const RUNS = Number(args.runs ?? 7);
const STORE_RUNS = Number(args['store-runs'] ?? 3);
const SECTIONS = ['bundles', 'detect', 'fill', 'photo', 'store', 'materials'];
const only = args.only ? String(args.only).split(',') : SECTIONS;
const OUT = resolve(ROOT, String(args.out ?? 'bench-results.json'));

// Runs before node_modules may exist: the bench's own modules are imported after the install.
ensureDependencies();
if (!ensureChromium()) process.exit(1);
const { buildIfNeeded, describeCommit, describeMachine, snapshotBuild } = await import('./setup.mjs');
const { launchBrowser } = await import('./browser.mjs');
const { measureBundles } = await import('./bundles.mjs');
const { composition } = await import('./composition.mjs');
const { benchDetection, benchDetectionFloor } = await import('./detect.mjs');
const { writeFloorExtension } = await import('./floor-extension.mjs');
const { benchFill } = await import('./fill.mjs');
const { benchPhoto } = await import('./photo.mjs');
const { generatePhotos } = await import('./photos.mjs');
const { benchStore } = await import('./store.mjs');
const { benchMaterials } = await import('./materials.mjs');
const { printTable, rows } = await import('./table.mjs');

const started = new Date();
const log = (...a) => console.log(...a);
const built = buildIfNeeded({ force: Boolean(args.rebuild) });
const { dir, ext } = snapshotBuild();
const results = {
  format: 'ruanzhu-bench',
  version: 1,
  startedAt: started.toISOString(),
  finishedAt: null,
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  runsPerFigure: RUNS,
  storeRuns: STORE_RUNS,
  machine: describeMachine(),
  build: { ...describeCommit(), rebuilt: built, measuredCopyOf: '.output/chrome-mv3' },
  errors: {},
};

async function section(name, fn) {
  if (!only.includes(name)) return;
  log(`\n▶ ${name}`);
  const t0 = performance.now();
  try {
    results[name] = await fn();
  } catch (e) {
    results.errors[name] = String(e?.stack ?? e);
    console.error(`✗ ${name}: ${e?.message ?? e}`);
  }
  log(`  (${Math.round((performance.now() - t0) / 1000)} s)`);
}

try {
  await section('bundles', async () => {
    const sizes = measureBundles(ext);
    const parts = {};
    for (const [name, entry] of [['content script (portal)', 'entrypoints/portal.content.ts'], ['content script, injected on demand (portal-engine)', 'entrypoints/portal-engine.ts'], ['popup', 'entrypoints/popup/main.tsx'], ['options', 'entrypoints/options/main.tsx'], ['background', 'entrypoints/background.ts']]) {
      if (!sizes.entries[name]) continue;
      try {
        parts[name] = await composition(entry);
      } catch (e) {
        parts[name] = { error: String(e?.message ?? e).replace(/\x1b\[[0-9;]*m/g, '').slice(0, 400) };
      }
    }
    return { ...sizes, gzip: 'zlib default level (6)', composition: parts };
  });

  // Photos are generated before the browser starts: their encoders would compete with it for the CPU.
  let photos = null;
  if (only.includes('photo')) {
    log('\n▶ generating 12-megapixel photos');
    photos = await generatePhotos(dir);
    log(`  ${photos.files.map((f) => `${f.format} ${(f.bytes / 2 ** 20).toFixed(1)} MB`).join(', ')} in ${photos.generatedInMs} ms`);
  }

  if (['detect', 'fill', 'photo'].some((s) => only.includes(s))) {
    const browser = await launchBrowser(ext);
    results.machine.chromiumReported = browser.browserVersion;
    try {
      await section('detect', async () => {
        // The floor in a browser of its own: an empty content script on the same pages.
        const floorBrowser = await launchBrowser(writeFloorExtension(ext, dir));
        let floor;
        try {
          floor = await benchDetectionFloor(floorBrowser, { runs: RUNS, log });
        } finally {
          await floorBrowser.close();
        }
        return { ...(await benchDetection(browser, { runs: RUNS, log })), floor };
      });
      await section('fill', () => benchFill(browser, { runs: RUNS, log }));
      await section('photo', async () => ({ ...(await benchPhoto(browser, { dir, files: photos.files, runs: Math.max(3, Math.ceil(RUNS * 0.7)), log })), generatedInMs: photos.generatedInMs }));
    } finally {
      await browser.close();
    }
  }

  await section('store', () => benchStore(ext, { runs: STORE_RUNS, log }));
  await section('materials', () => benchMaterials({ runs: Math.max(3, Math.ceil(RUNS / 2)), log }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

results.machine.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
results.finishedAt = new Date().toISOString();
results.durationS = Math.round((Date.now() - started.getTime()) / 1000);
results.summary = rows(results);
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
printTable(results);
log(`\nbench-results.json: ${OUT}`);
process.exit(Object.keys(results.errors).length ? 1 : 0);
