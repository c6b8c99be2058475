// Page detection as a user meets it: from DOMContentLoaded (and from the moment the replica
// rendered its content) until the content script marks <html data-ruanzhu-page>. Seen from the
// page (an init script's MutationObserver), without instrumenting the extension.
import { ALIYUN, HOST, openR11Step, probeOf, waitForMarker } from './browser.mjs';
import { FLOOR_MARK } from './floor-extension.mjs';
import { summarize } from './stats.mjs';

const ORDER = 'swcopyright_swRegNormal_public_cn-7k2m9q1';
/** Every page kind the replicas have, at its real URL. */
export const PAGE_KINDS = [
  [`${HOST}/login.html`, 'ccopyright.login'],
  [`${HOST}/register.html`, 'ccopyright.register'],
  // Real-name authentication at this replica's unannounced URL (docs/PORTALS.md: its real URL is not known).
  [`${HOST}/account.html?current=certification#/person`, 'ccopyright.realname.person'],
  [`${HOST}/account.html?current=certification#/organization`, 'ccopyright.realname.org'],
  [`${HOST}/account.html?current=soft_register`, 'ccopyright.filings'],
  [`${HOST}/accountDetails.html?flowNumber=2026R11L0108874&current=soft_register`, 'ccopyright.filings.detail'],
  [`${HOST}/registration.html#/registerSoft`, 'ccopyright.registration'],
  // A fresh visit of r11.html shows the identity chooser whatever the hash says [seen]: the other
  // steps are measured as the user reaches them, by hash change (below).
  [`${HOST}/r11.html#/identity`, 'ccopyright.r11.identity'],
  [`${ALIYUN}/#/order/list`, 'aliyun.orders'],
  [`${ALIYUN}/#/order/${ORDER}`, 'aliyun.order'],
  [`${ALIYUN}/#/apply/${ORDER}`, 'aliyun.apply'],
];
/** The pages whose content script start-up is traced: the login and the R11 identity chooser. */
const TRACED = PAGE_KINDS.filter(([, kind]) => kind === 'ccopyright.login' || kind === 'ccopyright.r11.identity');
const R11_STEPS = ['application', 'development', 'features', 'confirm'];

/**
 * Makes the replica render synchronously while it parses (the kit's `HD.later` without its delay),
 * so its content is there at DOMContentLoaded: what is left is the content script's own start.
 */
function renderAtOnce() {
  let hd;
  Object.defineProperty(window, 'HD', {
    configurable: true,
    get: () => hd,
    set(value) {
      hd = { ...value, later: (_ms, fn) => fn() };
    },
  });
}

async function loadOnce(browser, url, kind, { instant = false } = {}) {
  const page = await browser.context.newPage();
  try {
    if (instant) await page.addInitScript(renderAtOnce);
    await page.goto(url);
    await waitForMarker(page, kind);
    // The marker may be set before the observer's callback ran: give it a tick.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    const probe = await probeOf(page);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return n ? { dcl: n.domContentLoadedEventStart, load: n.loadEventEnd } : null;
    });
    const dcl = nav?.dcl ?? probe.dcl;
    const mark = probe.marks.find((m) => m.kind === kind);
    const render = probe.renders[0]?.t ?? null;
    return {
      afterDcl: mark ? mark.t - dcl : null,
      afterRender: mark && render !== null ? mark.t - render : null,
      renderAfterDcl: render !== null ? render - dcl : null,
      longTasks: (probe.longtasks ?? []).filter((t) => t.start >= dcl),
    };
  } finally {
    await page.close();
  }
}

/**
 * Where the time between DOMContentLoaded and the first chance to detect goes, from Chromium's own
 * trace (no instrumentation of the extension): when the content script is injected, and how long
 * V8 compiles and runs its top level (one task: a long task when ≥ 50 ms).
 */
async function traceStartup(browser, url, kind) {
  const page = await browser.context.newPage();
  const chromium = browser.context.browser();
  try {
    await chromium.startTracing(page, { categories: ['devtools.timeline', 'v8', 'loading'] });
    await page.goto(url);
    await waitForMarker(page, kind);
    const raw = JSON.parse((await chromium.stopTracing()).toString());
    const events = raw.traceEvents ?? raw;
    const isContentScript = (e) => /^chrome-extension:\/\/[^/]+\/content-scripts\//.test(e.args?.data?.url ?? e.args?.fileName ?? '');
    const evaluate = events.find((e) => e.name === 'EvaluateScript' && e.ph === 'X' && isContentScript(e));
    if (!evaluate) return null;
    const frame = evaluate.args.data.frame;
    const dcl = events.find((e) => e.name === 'MarkDOMContent' && e.args?.data?.frame === frame);
    const compile = events.find((e) => e.name === 'v8.compile' && e.ph === 'X' && isContentScript(e) && e.ts >= evaluate.ts);
    const run = events.find((e) => e.name === 'v8.run' && e.ph === 'X' && isContentScript(e) && e.ts >= evaluate.ts);
    return {
      injectedAfterDcl: dcl ? (evaluate.ts - dcl.ts) / 1000 : null,
      evaluateMs: evaluate.dur / 1000,
      compileMs: compile ? compile.dur / 1000 : null,
      runMs: run ? run.dur / 1000 : null,
    };
  } finally {
    await page.close();
  }
}

/**
 * The floor of each page's detection, in a browser with the floor extension (floor-extension.mjs):
 * its empty content script's marker after DOMContentLoaded, for the replica as is and with its
 * content there at once, and its start-up traced like ours.
 */
export async function benchDetectionFloor(browser, { runs, warmup = 1, log = () => {} }) {
  const pages = {};
  for (const [url, kind] of PAGE_KINDS) {
    const asIs = [];
    const atOnce = [];
    for (let i = 0; i < warmup + runs; i++) {
      const s = await loadOnce(browser, url, FLOOR_MARK);
      const t = url.startsWith(HOST) ? await loadOnce(browser, url, FLOOR_MARK, { instant: true }) : null;
      if (i >= warmup) asIs.push(s.afterDcl), t && atOnce.push(t.afterDcl);
    }
    pages[kind] = { afterDcl: summarize(asIs), afterDclContentAtOnce: summarize(atOnce) };
  }
  const traced = [];
  for (const [url] of TRACED) {
    for (let i = 0; i < warmup + runs; i++) {
      const t = await traceStartup(browser, url, FLOOR_MARK);
      if (i >= warmup && t) traced.push(t);
    }
  }
  const startup = { injectedAfterDcl: summarize(traced.map((t) => t.injectedAfterDcl)), evaluateMs: summarize(traced.map((t) => t.evaluateMs)) };
  log(`  floor (an empty content script): ${Object.entries(pages).map(([k, p]) => `${k.split('.').slice(1).join('.')} ${p.afterDclContentAtOnce.median ?? p.afterDcl.median} ms`).join(', ')}; injected ${startup.injectedAfterDcl.median} ms after DOMContentLoaded`);
  return { method: 'an extension whose content script only sets the marker, same matches and run_at as ours, alone in a browser of its own, same pages', pages, contentScriptStartup: startup };
}

export async function benchDetection(browser, { runs, warmup = 1, log = () => {} }) {
  const pages = [];
  for (const [url, kind] of PAGE_KINDS) {
    const samples = [];
    const instant = [];
    // The console replica renders through its own createRoot, not Kit.renderLate: no at-once variant.
    const canRenderAtOnce = url.startsWith(HOST);
    // Alternate the two page variants so that load on the machine hits both alike.
    for (let i = 0; i < warmup + runs; i++) {
      const s = await loadOnce(browser, url, kind);
      const t = canRenderAtOnce ? await loadOnce(browser, url, kind, { instant: true }) : null;
      if (i >= warmup) samples.push(s), t && instant.push(t);
    }
    const longTasks = samples.flatMap((s) => s.longTasks);
    pages.push({
      kind,
      url,
      // The replica as it is: content rendered late (120 ms after its scripts ran; the console 150 ms).
      afterDcl: summarize(samples.map((s) => s.afterDcl)),
      afterRender: summarize(samples.map((s) => s.afterRender)),
      replicaRenderAfterDcl: summarize(samples.map((s) => s.renderAfterDcl)),
      // The same page with its content already there at DOMContentLoaded.
      afterDclContentAtOnce: summarize(instant.map((s) => s.afterDcl)),
      longTasksAfterDcl: { count: longTasks.length, maxMs: longTasks.length ? Math.round(Math.max(...longTasks.map((t) => t.duration))) : 0 },
    });
    const p = pages.at(-1);
    const atOnce = p.afterDclContentAtOnce.runs ? `; ${p.afterDclContentAtOnce.median} ms after DOMContentLoaded with the content there at once` : '';
    log(`  ${kind}: ${p.afterRender.median} ms after the replica rendered (${p.afterDcl.median} ms after DOMContentLoaded)${atOnce}`);
  }

  // Moving between R11 steps without a reload: the hash changes, the step renders late, the marker follows.
  const hashChange = Object.fromEntries(R11_STEPS.map((s) => [s, { afterHashChange: [], afterRender: [] }]));
  const page = await browser.context.newPage();
  try {
    await openR11Step(page, 'confirm');
    for (let i = 0; i < warmup + runs; i++) {
      for (const step of R11_STEPS) {
        const kind = `ccopyright.r11.${step}`;
        const t0 = await page.evaluate((s) => {
          const t = performance.now();
          location.hash = `#/${s}`;
          return t;
        }, step);
        await waitForMarker(page, kind);
        await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
        const probe = await probeOf(page);
        const mark = probe.marks.find((m) => m.t >= t0 && m.kind === kind);
        const render = probe.renders.find((r) => r.t >= t0);
        if (i < warmup) continue;
        hashChange[step].afterHashChange.push(mark ? mark.t - t0 : null);
        hashChange[step].afterRender.push(mark && render ? mark.t - render.t : null);
      }
    }
  } finally {
    await page.close();
  }
  const steps = R11_STEPS.map((step) => ({
    kind: `ccopyright.r11.${step}`,
    afterHashChange: summarize(hashChange[step].afterHashChange),
    afterRender: summarize(hashChange[step].afterRender),
  }));
  log(`  R11 step changes: ${steps.map((s) => `${s.kind.split('.').pop()} ${s.afterRender.median} ms`).join(', ')} after render`);

  // The content script's start-up, traced on two pages (tracing slows things a little).
  const traced = [];
  for (const [url, kind] of TRACED) {
    for (let i = 0; i < warmup + runs; i++) {
      const t = await traceStartup(browser, url, kind);
      if (i >= warmup && t) traced.push(t);
    }
  }
  const startup = {
    method: 'Chromium trace (devtools.timeline, v8) of page loads of login.html and r11.html#/identity: the content script\'s EvaluateScript relative to MarkDOMContent',
    injectedAfterDcl: summarize(traced.map((t) => t.injectedAfterDcl)),
    evaluateMs: summarize(traced.map((t) => t.evaluateMs)),
    compileMs: summarize(traced.map((t) => t.compileMs)),
    runMs: summarize(traced.map((t) => t.runMs)),
  };
  log(`  content script start-up: injected ${startup.injectedAfterDcl.median} ms after DOMContentLoaded, evaluated in ${startup.evaluateMs.median} ms (compile ${startup.compileMs.median}, run ${startup.runMs.median})`);
  return { pages, hashChange: steps, contentScriptStartup: startup };
}
