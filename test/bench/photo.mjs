// The identity-photo check on 12-megapixel files: the time from choosing the file to the verdict,
// the long tasks (main thread blocked ≥ 50 ms) meanwhile, and the longest task of the main thread
// (from a Chromium trace); each against its floor, measured in the same page right after: the browser's own
// createImageBitmap decode of the same file at the check's working size (512 px), timed alone.
//
// Two paths. When the content script answers a file choice on the real-name replica, that real
// path is measured: setInputFiles, until its verdict (in a closed shadow root, read through CDP in
// a world of the bench's own) says done. measurePhoto() (utils/platform/photo-decode.ts) is also
// bundled with esbuild into a page of the bench's own and run on the `change` of an
// <input type=file>; it is the headline figure when there is no real path.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../machine.mjs';
import { BENCH_HOST, HOST, waitForMarker } from './browser.mjs';
import { summarize } from './stats.mjs';

const REALNAME_URL = `${HOST}/account.html?current=certification#/person`;

const PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>photo check bench</title>
<label>上传证件照正面 <input type="file" id="photo" accept=".jpg,.jpeg,.png"></label>
<p id="verdict"></p><script src="/photo-check.js"></script></html>`;

const ENTRY = `import { measurePhoto } from ${JSON.stringify(join(ROOT, 'utils/platform/photo-decode.ts'))};
const input = document.getElementById('photo');
input.addEventListener('change', async () => {
  const file = input.files[0];
  if (!file) return;
  const t0 = performance.now();
  const m = await measurePhoto(file);
  document.getElementById('verdict').textContent = m.findings.length ? m.findings.map((f) => f.severity + ' ' + f.message).join('；') : '照片可用';
  window.__photoResult = { t0, t1: performance.now(), format: m.format, width: m.width, height: m.height, metrics: m.metrics, findings: m.findings.map((f) => f.rule + ':' + f.severity) };
});`;

/** In the page (main world), the floor: the browser's decode of the input's file at the check's working size, alone. */
function pageTools() {
  window.__floorDecode = async (selector) => {
    const file = document.querySelector(selector).files[0];
    const t0 = performance.now();
    const bitmap = await createImageBitmap(file, { resizeWidth: 512, resizeQuality: 'medium' });
    const t1 = performance.now();
    bitmap.close();
    return { ms: t1 - t0 };
  };
}

/**
 * Runs `action` under a Chromium trace and returns its result with the longest task (RunTask) of
 * the page's main thread meanwhile: a long-task observer sees only tasks of 50 ms and more.
 */
async function withLongestTask(browser, page, action) {
  const chromium = browser.context.browser();
  await chromium.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  let result;
  let trace;
  try {
    result = await action();
  } finally {
    trace = JSON.parse((await chromium.stopTracing()).toString());
  }
  const events = trace.traceEvents ?? trace;
  const url = page.url().split('#')[0];
  const frames = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames ?? [];
  const pid = frames.find((f) => f.url?.split('#')[0] === url)?.processId;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === pid && e.tid === main?.tid);
  return { result, longestTaskMs: tasks.length ? Math.max(...tasks.map((t) => t.dur)) / 1000 : null };
}

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

/** The long tasks of the page's probe that overlap [from, to]. */
const tasksBetween = (longtasks, from, to) => (longtasks ?? []).filter((t) => t.start + t.duration > from && t.start < to).map((t) => ({ ...t, fromChange: t.start - from }));

async function fallbackOnce(browser, file) {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(pageTools);
    await page.goto(`${BENCH_HOST}/photo.html`);
    const { longestTaskMs } = await withLongestTask(browser, page, async () => {
      await page.setInputFiles('#photo', file.path);
      await page.waitForFunction(() => window.__photoResult, null, { timeout: 60_000 });
    });
    const { result, longtasks, verdict } = await page.evaluate(() => ({ result: window.__photoResult, longtasks: window.__bench.longtasks, verdict: document.getElementById('verdict').textContent }));
    const floor = await withLongestTask(browser, page, () => page.evaluate(() => window.__floorDecode('#photo')));
    return { ms: result.t1 - result.t0, longestTaskMs, floor: { ms: floor.result.ms, longestTaskMs: floor.longestTaskMs }, tasks: tasksBetween(longtasks, result.t0, result.t1), verdict, result };
  } finally {
    await page.close();
  }
}

/**
 * Watches the verdict's closed shadow root from a world of the bench's own (CDP: DOM.getDocument
 * with pierce lists closed roots): every render's time, state, worst severity and head line.
 * Null while the page has no verdict host.
 */
async function watchVerdict(page) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  let shadow = null;
  for (const pending = [root]; pending.length && !shadow; ) {
    const node = pending.pop();
    if (node.localName === 'ruanzhu-file-verdict' && node.shadowRoots?.length) shadow = node.shadowRoots[0];
    pending.push(...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : []));
  }
  if (!shadow) return null;
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'ruanzhu-bench' });
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId, executionContextId });
  await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: `function () {
      const records = (globalThis.__verdicts = []);
      new MutationObserver(() => {
        const box = this.querySelector('[role=status]');
        if (box) records.push({ t: performance.now(), state: box.dataset.state, worst: box.dataset.worst ?? null, head: box.querySelector('.rz-v-head')?.textContent ?? '' });
      }).observe(this, { subtree: true, childList: true });
    }`,
  });
  return async () => (await cdp.send('Runtime.evaluate', { expression: 'globalThis.__verdicts', contextId: executionContextId, returnByValue: true })).result.value;
}

async function realOnce(browser, file, primer) {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(pageTools);
    await page.goto(REALNAME_URL);
    await waitForMarker(page, 'ccopyright.realname.person');
    const upload = page.locator('input[type=file]').first();
    // A first choice makes the verdict's host (a text file named .jpg: judged by its bytes, nothing
    // decoded, so the photo's check still runs cold), and the bench watches it from the start.
    await upload.setInputFiles(primer);
    let verdicts = null;
    for (const until = Date.now() + 5000; !verdicts && Date.now() < until; await page.waitForTimeout(50)) verdicts = await watchVerdict(page);
    if (!verdicts) return { ms: null, tasks: [], verdict: null };
    let change = null;
    let records = [];
    const { longestTaskMs } = await withLongestTask(browser, page, async () => {
      await upload.setInputFiles(file.path);
      for (const until = Date.now() + 15_000; Date.now() < until; await page.waitForTimeout(50)) {
        change = await page.evaluate(() => (window.__bench.changes.length >= 2 ? window.__bench.changes.at(-1) : null));
        records = change ? (await verdicts()).filter((r) => r.t >= change.t) : [];
        if (records.some((r) => r.state !== 'checking')) break;
      }
    });
    const final = records.find((r) => r.state !== 'checking');
    if (!final) return { ms: null, tasks: [], verdict: null };
    // The first render that already names a finding while the check goes on (the header's verdict).
    const early = records.find((r) => r.state === 'checking' && r.worst);
    const longtasks = await page.evaluate(() => window.__bench.longtasks);
    const floor = await withLongestTask(browser, page, () => page.evaluate(() => window.__floorDecode('input[type=file]')));
    return {
      ms: final.t - change.t,
      firstFeedbackMs: records[0].t - change.t,
      ...(early ? { headerVerdictMs: early.t - change.t, headerVerdict: early.head } : {}),
      longestTaskMs,
      floor: { ms: floor.result.ms, longestTaskMs: floor.longestTaskMs },
      tasks: tasksBetween(longtasks, change.t, final.t),
      verdict: `${final.state}: ${final.head}`,
    };
  } finally {
    await page.close();
  }
}

function summarizeFile(file, samples) {
  const tasks = samples.flatMap((s) => s.tasks);
  const some = (key) => (samples.some((s) => s[key] !== undefined) ? { [key]: summarize(samples.map((s) => s[key])) } : {});
  return {
    format: file.format,
    width: file.width,
    height: file.height,
    bytes: file.bytes,
    ms: summarize(samples.map((s) => s.ms)),
    ...some('firstFeedbackMs'),
    ...some('headerVerdictMs'),
    headerVerdict: samples.find((s) => s.headerVerdict)?.headerVerdict ?? null,
    longestTaskMs: summarize(samples.map((s) => s.longestTaskMs)),
    floor: {
      is: 'createImageBitmap(file, { resizeWidth: 512, resizeQuality: "medium" }) alone, in the same page right after the check',
      ms: summarize(samples.map((s) => s.floor.ms)),
      longestTaskMs: summarize(samples.map((s) => s.floor.longestTaskMs)),
    },
    longTasks: {
      ...blocking(tasks),
      perRun: summarize(samples.map((s) => s.tasks.length), { digits: 0 }),
      // Each long task: when it started relative to the change event (negative: the task that dispatched it) and how long it ran.
      all: samples.map((s) => s.tasks.map((t) => ({ fromChangeMs: Math.round(t.fromChange), ms: Math.round(t.duration) }))),
    },
    verdict: samples.at(-1)?.verdict ?? null,
    findings: samples.at(-1)?.result?.findings ?? null,
  };
}

async function measure(once, browser, files, runs, warmup, log, label, ...rest) {
  const out = [];
  for (const file of files) {
    const samples = [];
    for (let i = 0; i < warmup + runs; i++) {
      const s = await once(browser, file, ...rest);
      if (i >= warmup) samples.push(s);
    }
    out.push(summarizeFile(file, samples));
    const r = out.at(-1);
    log(`  ${label}: ${file.format} ${(file.bytes / 2 ** 20).toFixed(1)} MB: ${r.ms.median} ms (floor ${r.floor.ms.median} ms), longest task ${r.longestTaskMs.median} ms (floor ${r.floor.longestTaskMs.median} ms), ${r.longTasks.count} long tasks in ${samples.length} runs (longest ${r.longTasks.maxMs} ms)`);
  }
  return out;
}

export async function benchPhoto(browser, { dir, files, runs, warmup = 1, log = () => {} }) {
  const primer = join(dir, 'not-a-photo.jpg');
  writeFileSync(primer, 'not a photo\n');
  // Does the content script answer a file choice on the real-name page? One try decides.
  const probe = await realOnce(browser, files[0], primer);
  const real = probe.ms !== null;
  log(real ? `  the content script shows a verdict: measuring the real path` : '  no verdict from the content script after a file choice: measuring measurePhoto in a bench page');
  await serveFallbackPage(browser, dir);
  const bundled = await measure(fallbackOnce, browser, files, runs, warmup, log, 'measurePhoto');
  const result = {
    path: real ? 'content script on the real-name replica' : 'measurePhoto bundled into a bench page',
    note: real
      ? `setInputFiles on the first input[type=file] of ${REALNAME_URL} (after a first choice of a text file named .jpg, which makes the verdict's host); time from the change event to the verdict's render with state done, read in its closed shadow root through CDP`
      : `the content script showed no verdict after a file choice on ${REALNAME_URL}: utils/platform/photo-decode.ts measurePhoto() bundled with esbuild, run on the change of an <input type=file> in a page of the bench (same renderer, same main thread as a content script)`,
    longestTask: 'the longest RunTask of the page\'s main thread in a Chromium trace (devtools.timeline) from the file choice to the verdict; the floor\'s, in a trace of the bare decode',
    files: real ? await measure(realOnce, browser, files, runs, 0, log, 'content script', primer) : bundled,
  };
  // measurePhoto alone in a bench page: the check without the page and the verdict's rendering.
  if (real) result.measurePhotoAlone = bundled;
  return result;
}
