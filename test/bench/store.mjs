// 10 000 owners + 10 000 works: import as the options page sends a file (its bytes transferred to
// the service worker; contract 2's `ruanzhu:import` message alongside), search through the messages the
// extension pages use, the first rows of the popup and the options page, and the background service
// worker's heap after the import. Each run starts a fresh browser (a fresh profile, so an empty
// database). Messages are sent from the built manifest.json shown as a page (extension origin, no UI
// code): the popup would reload its list after every import and compete with the figures. Each
// figure's floor is measured in the same browser (floors.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUIET_SENDER, launchBrowser } from './browser.mjs';
import { generateBundle, searchQueries } from './data.mjs';
import { firstRows, importFloor, searchFloor } from './floors.mjs';
import { summarize } from './stats.mjs';

const MB = 2 ** 20;
/** The page of rows the lists ask for (the popup and the options tabs show the first 50 rows). */
const PAGE = 50;
const SEARCH = {
  owners: (text) => ({ type: 'ruanzhu:owner-rows', query: { text }, limit: PAGE }),
  works: (text) => ({ type: 'ruanzhu:work-rows', query: { text }, limit: PAGE }),
};
const heapFigures = (h) => ({ usedMB: Math.round((h.usedSize / MB) * 10) / 10, totalMB: Math.round((h.totalSize / MB) * 10) / 10, embedderMB: h.embedderHeapUsedSize !== undefined ? Math.round((h.embedderHeapUsedSize / MB) * 10) / 10 : null });

async function timed(sender, message) {
  return sender.evaluate(async (m) => {
    const t0 = performance.now();
    const res = await chrome.runtime.sendMessage(m);
    const ms = performance.now() - t0;
    const rows = Array.isArray(res) ? res : res?.rows;
    return { ms, count: Array.isArray(rows) ? (res.total ?? rows.length) : null, ok: res?.ok ?? null, summary: Array.isArray(rows) ? null : JSON.stringify(res).slice(0, 300) };
  }, message);
}

async function storeRun(ext, bundleText, queries, { log }) {
  const browser = await launchBrowser(ext);
  try {
    const sender = await browser.getSender(QUIET_SENDER);
    // The service worker answers once before anything is timed (its start-up is not the import).
    await timed(sender, { type: 'ruanzhu:count' });
    const heapBefore = await browser.heapUsage({ gc: true }).catch((e) => ({ error: e.message }));
    // The file's text is in the page before the clock starts, as after the user chose it.
    await sender.evaluate((text) => (window.__benchBundle = text), bundleText);
    const imp = await sender.evaluate(async () => {
      // As the options page imports a file (utils/platform/bundle-transfer.ts): its text's bytes
      // transferred to the service worker, read and imported there, answered on a port.
      const worker = (await navigator.serviceWorker.ready).active;
      const byTransfer = async (text) => {
        const bytes = new TextEncoder().encode(text).buffer;
        const { port1, port2 } = new MessageChannel();
        const reply = new Promise((resolve) => (port1.onmessage = (e) => resolve(e.data)));
        worker.postMessage({ type: 'ruanzhu:import-bytes', bytes }, [port2, bytes]);
        return reply;
      };
      const t0 = performance.now();
      const res = await byTransfer(window.__benchBundle);
      const t1 = performance.now();
      const again = await byTransfer(window.__benchBundle);
      const t2 = performance.now();
      // Contract 2's plain message with the parsed bundle, for comparison (a third import: all updates).
      const bundle = JSON.parse(window.__benchBundle);
      const t3 = performance.now();
      const byMessage = await chrome.runtime.sendMessage({ type: 'ruanzhu:import', bundle });
      const t4 = performance.now();
      delete window.__benchBundle;
      return { importMs: t1 - t0, reimportMs: t2 - t1, parseMs: t3 - t2, reimportByMessageMs: t4 - t3, res, again: { ok: again?.ok, updated: again?.updated }, byMessage: { ok: byMessage?.ok } };
    });
    if (!imp.res?.ok) throw new Error(`import failed: ${JSON.stringify(imp.res).slice(0, 300)}`);
    const heapAfter = await browser.heapUsage().catch((e) => ({ error: e.message }));
    const heapAfterGc = await browser.heapUsage({ gc: true }).catch((e) => ({ error: e.message }));

    const owners = [];
    const works = [];
    const all = { owners: [], works: [] };
    // The first query after the import builds what the background searches (timed apart), then
    // every query once, owners and works interleaved, each asking for a page as the lists do.
    const firstSearch = { owners: await timed(sender, SEARCH.owners(queries.owners[0])), works: await timed(sender, SEARCH.works(queries.works[0])) };
    for (let i = 0; i < queries.owners.length; i++) {
      owners.push(await timed(sender, SEARCH.owners(queries.owners[i])));
      works.push(await timed(sender, SEARCH.works(queries.works[i])));
    }
    // The first page of everything, as the popup and the options tabs ask when they open (empty query).
    for (let i = 0; i < 3; i++) {
      all.owners.push(await timed(sender, SEARCH.owners('')));
      all.works.push(await timed(sender, SEARCH.works('')));
    }
    const heapAfterSearch = await browser.heapUsage().catch((e) => ({ error: e.message }));
    const floors = { import: await importFloor(sender, bundleText), search: await searchFloor(sender, bundleText, queries) };
    const rows = await firstRows(browser);
    const run = { import: imp, heapBefore, heapAfter, heapAfterGc, heapAfterSearch, firstSearch, owners, works, all, floors, rows };
    log(`  import ${Math.round(imp.importMs)} ms (re-import ${Math.round(imp.reimportMs)} ms; bare bulkPut ${Math.round(floors.import.importMs)} / ${Math.round(floors.import.reimportMs)} ms), owner search median ${summarize(owners.map((q) => q.ms)).median} ms, first rows popup ${rows.popup.rowsMs} ms / options ${rows.options.rowsMs} ms, heap after import ${heapAfter.usedSize ? Math.round(heapAfter.usedSize / MB) : '?'} MB (${heapAfterGc.usedSize ? Math.round(heapAfterGc.usedSize / MB) : '?'} MB after GC)`);
    return run;
  } finally {
    await browser.close();
  }
}

/**
 * Where an import's time goes, in a browser of its own (profiling slows it a little): the same
 * payload sent as a message the background ignores (the cost of messaging alone), then the import
 * with V8's sampling profiler on the service worker: busy JS vs idle (waiting for IndexedDB) vs GC,
 * and the functions with the most self time (minified: shown with a bit of their code).
 */
async function diagnoseImport(ext, bundleText) {
  const browser = await launchBrowser(ext);
  try {
    const sender = await browser.getSender(QUIET_SENDER);
    await sender.evaluate(() => chrome.runtime.sendMessage({ type: 'ruanzhu:count' }));
    await sender.evaluate((text) => (window.__benchBundle = text), bundleText);
    const messagingMs = await sender.evaluate(async () => {
      const bundle = JSON.parse(window.__benchBundle);
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ type: 'bench:ignored', bundle });
      return performance.now() - t0;
    });
    await browser.swCommand('Profiler.enable');
    await browser.swCommand('Profiler.setSamplingInterval', { interval: 500 });
    await browser.swCommand('Profiler.start');
    const importMs = await sender.evaluate(async () => {
      const bundle = JSON.parse(window.__benchBundle);
      const t0 = performance.now();
      const res = await chrome.runtime.sendMessage({ type: 'ruanzhu:import', bundle });
      if (!res?.ok) throw new Error('import failed');
      return performance.now() - t0;
    });
    const { profile } = await browser.swCommand('Profiler.stop');
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
    const buckets = { idle: 0, program: 0, gc: 0, js: 0 };
    const functions = new Map();
    for (const [id, ms] of self) {
      const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
      if (functionName === '(idle)') buckets.idle += ms;
      else if (functionName === '(program)' || functionName === '(root)') buckets.program += ms;
      else if (functionName === '(garbage collector)') buckets.gc += ms;
      else {
        buckets.js += ms;
        const key = `${functionName || '(anonymous)'} ${url.replace(/^chrome-extension:\/\/[^/]+\//, '')}:${lineNumber + 1}:${columnNumber + 1}`;
        functions.set(key, (functions.get(key) ?? 0) + ms);
      }
    }
    const code = (() => {
      try {
        return readFileSync(join(browser.extensionDir, 'background.js'), 'utf8').split('\n');
      } catch {
        return [];
      }
    })();
    const top = [...functions.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([where, ms]) => {
        const m = where.match(/background\.js:(\d+):(\d+)$/);
        const snippet = m ? (code[Number(m[1]) - 1] ?? '').slice(Number(m[2]) - 1, Number(m[2]) + 79) : '';
        return { where, selfMs: Math.round(ms), snippet };
      });
    const r = (x) => Math.round(x);
    return {
      method: 'one import in a fresh browser with V8 sampling (0.5 ms) on the service worker; messaging = the same payload in a message the background ignores',
      messagingOnlyMs: r(messagingMs),
      profiledImportMs: r(importMs),
      serviceWorker: { jsMs: r(buckets.js), gcMs: r(buckets.gc), idleMs: r(buckets.idle), programMs: r(buckets.program) },
      topFunctions: top,
    };
  } finally {
    await browser.close();
  }
}

export async function benchStore(ext, { runs, log = () => {} }) {
  const bundle = generateBundle();
  const text = JSON.stringify(bundle);
  const queries = searchQueries(bundle);
  const list = [];
  for (let i = 0; i < runs; i++) list.push(await storeRun(ext, text, queries, { log }));
  const diagnosis = await diagnoseImport(ext, text).catch((e) => ({ error: String(e?.message ?? e) }));
  if (!diagnosis.error) log(`  diagnosis: messaging alone ${diagnosis.messagingOnlyMs} ms; profiled import ${diagnosis.profiledImportMs} ms: worker JS ${diagnosis.serviceWorker.jsMs} ms, GC ${diagnosis.serviceWorker.gcMs} ms, idle ${diagnosis.serviceWorker.idleMs} ms`);
  const heap = (key) => {
    const ok = list.map((r) => r[key]).filter((h) => h && h.usedSize !== undefined);
    if (!ok.length) return { error: list[0]?.[key]?.error ?? 'not measured' };
    const f = ok.map(heapFigures);
    return { usedMB: summarize(f.map((x) => x.usedMB)), totalMB: summarize(f.map((x) => x.totalMB)), embedderMB: summarize(f.map((x) => x.embedderMB)) };
  };
  const ms = (pick) => list.flatMap(pick).map((q) => q.ms);
  return {
    records: { owners: bundle.owners.length, works: bundle.works.length, bundleMB: Math.round((Buffer.byteLength(text) / MB) * 10) / 10 },
    import: summarize(list.map((r) => r.import.importMs)),
    reimport: summarize(list.map((r) => r.import.reimportMs)),
    reimportByMessage: summarize(list.map((r) => r.import.reimportByMessageMs)),
    parseInPage: summarize(list.map((r) => r.import.parseMs)),
    importAnswer: list[0].import.res,
    search: {
      owners: { ...summarize(ms((r) => r.owners), { withP95: true }), queries: queries.owners.length, matches: summarize(list[0].owners.map((q) => q.count), { digits: 0 }) },
      works: { ...summarize(ms((r) => r.works), { withP95: true }), queries: queries.works.length, matches: summarize(list[0].works.map((q) => q.count), { digits: 0 }) },
      both: summarize([...ms((r) => r.owners), ...ms((r) => r.works)], { withP95: true }),
      // Per query: how many records it returned and its median time over the runs.
      perQuery: ['owners', 'works'].flatMap((op) =>
        queries[op].map((text, i) => ({ op, text, matches: list[0][op][i].count, ms: summarize(list.map((r) => r[op][i].ms)).median })),
      ),
      // A text nothing matches: the cost of reading and filtering every record, without results to send.
      noMatch: {
        owners: summarize(list.flatMap((r) => r.owners.filter((q) => q.count === 0).map((q) => q.ms))),
        works: summarize(list.flatMap((r) => r.works.filter((q) => q.count === 0).map((q) => q.ms))),
      },
      slowest: list
        .flatMap((r) => [...r.owners.map((q, i) => ({ op: 'owners', text: queries.owners[i], ...q })), ...r.works.map((q, i) => ({ op: 'works', text: queries.works[i], ...q }))])
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 3)
        .map((q) => ({ op: q.op, text: q.text, ms: Math.round(q.ms), matches: q.count })),
    },
    firstSearch: { owners: summarize(list.map((r) => r.firstSearch.owners.ms)), works: summarize(list.map((r) => r.firstSearch.works.ms)) },
    listAll: { owners: summarize(ms((r) => r.all.owners)), works: summarize(ms((r) => r.all.works)) },
    floors: {
      method: 'in the sender page (extension origin, same browser, after the store figures): import = one IndexedDB readwrite transaction putting the same parsed records, no validation, in a scratch database in a storage bucket of its own like the store\'s, with the store\'s keys and indexes (owners: id; works: id, *ownerIds), default durability, timed to its complete event; re-import = the same again over it. Search = the same queries as Array.filter over the same plain objects in the page (substring of the same fields, without Unicode folding), p95 of the same count',
      import: summarize(list.map((r) => r.floors.import.importMs)),
      reimport: summarize(list.map((r) => r.floors.import.reimportMs)),
      searchOwners: summarize(list.flatMap((r) => r.floors.search.owners), { withP95: true }),
      searchWorks: summarize(list.flatMap((r) => r.floors.search.works), { withP95: true }),
    },
    firstRows: {
      method: 'a new tab opening the page (popup.html?tab=none, options.html#owners) with the 10 000 owners stored and the service worker warm (then the popup once more after ServiceWorker.stopAllWorkers: cold worker, the index built for the first rows); time from navigation start to the first row in the DOM (MutationObserver in an init script); floor = the same page\'s first React render (its heading in the DOM), before any store answer',
      popup: summarize(list.map((r) => r.rows.popup.rowsMs)),
      popupFloor: summarize(list.map((r) => r.rows.popup.shellMs)),
      popupColdWorker: summarize(list.map((r) => r.rows.popupColdWorker.rowsMs)),
      popupColdWorkerFloor: summarize(list.map((r) => r.rows.popupColdWorker.shellMs)),
      options: summarize(list.map((r) => r.rows.options.rowsMs)),
      optionsFloor: summarize(list.map((r) => r.rows.options.shellMs)),
      rowsInDom: { popup: list[0].rows.popup.rowsInDom, options: list[0].rows.options.rowsInDom },
    },
    importDiagnosis: diagnosis,
    memory: {
      method: 'Runtime.getHeapUsage on the service worker target (browser-level CDP session, Target.attachToTarget); "after GC" follows HeapProfiler.collectGarbage',
      beforeImportAfterGc: heap('heapBefore'),
      afterImport: heap('heapAfter'),
      afterImportAfterGc: heap('heapAfterGc'),
      afterSearches: heap('heapAfterSearch'),
    },
  };
}
