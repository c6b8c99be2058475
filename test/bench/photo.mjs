// The identity-photo check on 12-megapixel files: the time from choosing the file to the verdict,
// and the long tasks (main thread blocked ≥ 50 ms) meanwhile.
//
// Two paths. When the content script answers a file choice on the real-name replica (a `change`
// listener on its file inputs showing a verdict), that real path is measured: setInputFiles, until
// the DOM changes the check causes have settled. measurePhoto() (utils/platform/photo-decode.ts) is
// also bundled with esbuild into a page of the bench's own and run on the `change` of an
// <input type=file>, its steps timed one by one; it is the headline figure when there is no real path.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../machine.mjs';
import { BENCH_HOST, HOST, waitForMarker } from './browser.mjs';
import { summarize } from './stats.mjs';

const REALNAME_URL = `${HOST}/account.html?current=certification#/person`;
/** After the last DOM change caused by the file choice, this long without another means done. */
const QUIET_MS = 1000;

const PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>photo check bench</title>
<label>上传证件照正面 <input type="file" id="photo" accept=".jpg,.jpeg,.png"></label>
<p id="verdict"></p><script src="/photo-check.js"></script></html>`;

const ENTRY = `import { measurePhoto } from ${JSON.stringify(join(ROOT, 'utils/platform/photo-decode.ts'))};
import { analysePixels, checkPhoto, readImageSize, sniffImageFormat, WORK_SIZE } from ${JSON.stringify(join(ROOT, 'utils/rules/photo.ts'))};
const input = document.getElementById('photo');
input.addEventListener('change', async () => {
  const file = input.files[0];
  if (!file) return;
  const t0 = performance.now();
  const m = await measurePhoto(file);
  document.getElementById('verdict').textContent = m.findings.length ? m.findings.map((f) => f.severity + ' ' + f.message).join('；') : '照片可用';
  window.__photoResult = { t0, t1: performance.now(), format: m.format, width: m.width, height: m.height, metrics: m.metrics, findings: m.findings.map((f) => f.rule + ':' + f.severity) };
});
// Diagnostic only: measurePhoto's steps one by one (photo-decode.ts, same functions and options),
// to see which step takes the time and which blocks the main thread.
window.__photoPhases = async () => {
  const file = input.files[0];
  const phases = [];
  let t = performance.now();
  const step = (name) => { const now = performance.now(); phases.push({ name, start: t, ms: now - t }); t = now; };
  const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  const format = sniffImageFormat(head);
  const size = readImageSize(head);
  step('read the first 256 KB, sniff, size (async)');
  const resize = size.width >= size.height ? { resizeWidth: WORK_SIZE } : { resizeHeight: WORK_SIZE };
  const bitmap = await createImageBitmap(file, { ...resize, resizeQuality: 'medium' });
  step('createImageBitmap: decode and scale to 512 px (async)');
  const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
  ctx.drawImage(bitmap, 0, 0, bitmap.width, bitmap.height);
  const pixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  bitmap.close();
  step('drawImage + getImageData of the 512 px copy (sync)');
  const metrics = analysePixels(pixels);
  step('analysePixels (sync)');
  checkPhoto({ fileName: file.name, fileSize: file.size, head, width: size.width, height: size.height, metrics });
  step('checkPhoto (sync)');
  return { format, phases };
};`;

/** Routes the bench's own photo page (and its bundled measurePhoto) on the browser context. */
async function serveFallbackPage(browser, dir) {
  const outfile = join(dir, 'photo-check.js');
  await build({ stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'js' }, bundle: true, format: 'iife', target: 'chrome120', outfile, alias: { '@': ROOT }, logLevel: 'silent' });
  const script = readFileSync(outfile);
  await browser.context.route(`${BENCH_HOST}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/photo-check.js') return route.fulfill({ status: 200, body: script, headers: { 'content-type': 'text/javascript' } });
    return route.fulfill({ status: 200, body: PAGE, headers: { 'content-type': 'text/html; charset=utf-8' } });
  });
}

const blocking = (tasks) => ({
  count: tasks.length,
  maxMs: tasks.length ? Math.round(Math.max(...tasks.map((t) => t.duration))) : 0,
  // Total blocking time: what each long task spent beyond 50 ms.
  blockingMs: Math.round(tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0)),
});

async function fallbackOnce(browser, file) {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${BENCH_HOST}/photo.html`);
    await page.setInputFiles('#photo', file.path);
    await page.waitForFunction(() => window.__photoResult, null, { timeout: 60_000 });
    const { result, probe, verdict } = await page.evaluate(() => ({ result: window.__photoResult, probe: window.__bench, verdict: document.getElementById('verdict').textContent }));
    const tasks = (probe.longtasks ?? []).filter((t) => t.start + t.duration > result.t0 && t.start < result.t1);
    // Then the same steps one by one, with the long tasks that fall into each.
    await page.waitForTimeout(200);
    const { phases } = await page.evaluate(() => window.__photoPhases());
    await page.waitForTimeout(100);
    const after = (await page.evaluate(() => window.__bench.longtasks)) ?? [];
    // How much of each step fell inside long tasks (main thread busy ≥ 50 ms at a stretch).
    for (const ph of phases) {
      ph.longTaskMs = after.reduce((sum, t) => sum + Math.max(0, Math.min(ph.start + ph.ms, t.start + t.duration) - Math.max(ph.start, t.start)), 0);
    }
    return { ms: result.t1 - result.t0, tasks: tasks.map((t) => ({ ...t, fromChange: t.start - result.t0 })), verdict, result, phases };
  } finally {
    await page.close();
  }
}

async function realOnce(browser, file) {
  const page = await browser.context.newPage();
  try {
    await page.goto(REALNAME_URL);
    await waitForMarker(page, 'ccopyright.realname.person');
    await page.locator('input[type=file]').first().setInputFiles(file.path);
    // Done when something changed after the choice and nothing more for QUIET_MS (or 10 s passed).
    const deadline = Date.now() + 10_000;
    let probe;
    for (;;) {
      probe = await page.evaluate(() => ({ ...window.__bench, now: performance.now() }));
      const last = probe.mutations.at(-1);
      if (last && probe.now - last.t >= QUIET_MS) break;
      if (Date.now() > deadline) break;
      await page.waitForTimeout(100);
    }
    const change = probe.changes[0];
    if (!change || !probe.mutations.length) return { ms: null, tasks: [], verdict: null };
    const first = probe.mutations[0];
    const last = probe.mutations.at(-1);
    const tasks = (probe.longtasks ?? []).filter((t) => t.start + t.duration > change.t && t.start < last.t);
    return {
      ms: last.t - change.t,
      firstFeedbackMs: first.t - change.t,
      tasks: tasks.map((t) => ({ ...t, fromChange: t.start - change.t })),
      verdict: probe.mutations.map((m) => m.what).filter(Boolean).slice(-3).join(' ‖ '),
    };
  } finally {
    await page.close();
  }
}

function summarizeFile(file, samples) {
  const tasks = samples.flatMap((s) => s.tasks);
  const withPhases = samples.filter((x) => x.phases);
  return {
    format: file.format,
    width: file.width,
    height: file.height,
    bytes: file.bytes,
    ms: summarize(samples.map((s) => s.ms)),
    ...(samples.some((s) => s.firstFeedbackMs !== undefined) ? { firstFeedbackMs: summarize(samples.map((s) => s.firstFeedbackMs)) } : {}),
    longTasks: {
      ...blocking(tasks),
      perRun: summarize(samples.map((s) => s.tasks.length), { digits: 0 }),
      // Each long task: when it started relative to the change event (negative: the task that dispatched it) and how long it ran.
      all: samples.map((s) => s.tasks.map((t) => ({ fromChangeMs: Math.round(t.fromChange), ms: Math.round(t.duration) }))),
    },
    verdict: samples.at(-1)?.verdict ?? null,
    findings: samples.at(-1)?.result?.findings ?? null,
    ...(withPhases.length
      ? {
          phases: withPhases[0].phases.map((ph, k) => ({
            step: ph.name,
            ms: summarize(withPhases.map((x) => x.phases[k]?.ms)),
            inLongTasksMs: summarize(withPhases.map((x) => x.phases[k]?.longTaskMs)),
          })),
        }
      : {}),
  };
}

async function measure(once, browser, files, runs, warmup, log, label) {
  const out = [];
  for (const file of files) {
    const samples = [];
    for (let i = 0; i < warmup + runs; i++) {
      const s = await once(browser, file);
      if (i >= warmup) samples.push(s);
    }
    out.push(summarizeFile(file, samples));
    const r = out.at(-1);
    log(`  ${label}: ${file.format} ${(file.bytes / 2 ** 20).toFixed(1)} MB: ${r.ms.median} ms, ${r.longTasks.count} long tasks in ${samples.length} runs (longest ${r.longTasks.maxMs} ms)`);
  }
  return out;
}

export async function benchPhoto(browser, { dir, files, runs, warmup = 1, log = () => {} }) {
  // Does the content script answer a file choice on the real-name page? One try decides.
  const probe = await realOnce(browser, files[0]);
  const real = probe.ms !== null;
  log(real ? `  the content script shows a verdict: measuring the real path` : '  no verdict from the content script after a file choice: measuring measurePhoto in a bench page');
  await serveFallbackPage(browser, dir);
  const bundled = await measure(fallbackOnce, browser, files, runs, warmup, log, 'measurePhoto');
  const result = {
    path: real ? 'content script on the real-name replica' : 'measurePhoto bundled into a bench page',
    note: real
      ? `setInputFiles on the first input[type=file] of ${REALNAME_URL}; time from the change event to the last DOM change it caused (nothing more for ${QUIET_MS} ms after it)`
      : `the content script showed nothing after a file choice on ${REALNAME_URL} (no photo check wired yet): utils/platform/photo-decode.ts measurePhoto() bundled with esbuild, run on the change of an <input type=file> in a page of the bench (same renderer, same main thread as a content script)`,
    files: real ? await measure(realOnce, browser, files, runs, 0, log, 'content script') : bundled,
  };
  // measurePhoto alone, with its steps timed one by one: where the time goes.
  if (real) result.measurePhotoAlone = bundled;
  return result;
}
