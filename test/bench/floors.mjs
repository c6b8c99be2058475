// The physical floor of each store figure, measured in the same browser as the figure, and the
// first rows of the extension's lists. The floors run in the sender page (the extension's origin):
//   import: the same parsed records put in one IndexedDB transaction of a scratch database, in a
//           storage bucket of its own as the store's databases are, with the store's keys and
//           indexes (owners: id; works: id, *ownerIds), no validation, no messaging;
//   search: the same queries as a plain Array.filter over the same plain objects in the page.

const FLOOR_DB = 'bench-floor';

/** Bare writes: the import, then the same records again over them (every put an update). */
export function importFloor(sender, bundleText) {
  return sender.evaluate(
    async ({ text, name }) => {
      const { owners, works } = JSON.parse(text);
      const bucket = navigator.storageBuckets ? await navigator.storageBuckets.open(name) : null;
      const factory = bucket?.indexedDB ?? indexedDB;
      const done = (request) => new Promise((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
      const open = factory.open(name, 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('owners', { keyPath: 'id' });
        open.result.createObjectStore('works', { keyPath: 'id' }).createIndex('ownerIds', 'ownerIds', { multiEntry: true });
      };
      const db = await done(open);
      const putAll = async () => {
        const t0 = performance.now();
        const tx = db.transaction(['owners', 'works'], 'readwrite');
        const ownerStore = tx.objectStore('owners');
        const workStore = tx.objectStore('works');
        for (const o of owners) ownerStore.put(o);
        for (const w of works) workStore.put(w);
        await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error)), (tx.onabort = () => reject(tx.error))));
        return performance.now() - t0;
      };
      const importMs = await putAll();
      const reimportMs = await putAll();
      db.close();
      if (bucket) await navigator.storageBuckets.delete(name);
      else await done(factory.deleteDatabase(name));
      return { importMs, reimportMs, inBucket: !!bucket };
    },
    { text: bundleText, name: FLOOR_DB },
  );
}

/** The same queries as a plain filter over the same fields, without Unicode folding: ms per query. */
export function searchFloor(sender, bundleText, queries) {
  return sender.evaluate(
    ({ text, queries }) => {
      const { owners, works } = JSON.parse(text);
      const has = (s, q) => typeof s === 'string' && s.includes(q);
      const ownerHit = (q) => (o) => has(o.name, q) || has(o.idNumber, q) || has(o.phone, q) || o.tags.some((t) => has(t, q));
      const workHit = (q) => (w) => has(w.fullName, q) || has(w.shortName, q) || has(w.version, q) || w.tags.some((t) => has(t, q));
      const time = (list, hit, texts) =>
        texts.map((q) => {
          const t0 = performance.now();
          list.filter(hit(q)).slice(0, 50);
          return performance.now() - t0;
        });
      // One warm-up pass each, as the figures have their warm-up query.
      time(owners, ownerHit, queries.owners);
      time(works, workHit, queries.works);
      return { owners: time(owners, ownerHit, queries.owners), works: time(works, workHit, queries.works) };
    },
    { text: bundleText, queries },
  );
}

/** Where each page shows its first list row, and what its first React render shows (the floor). */
const PAGES = {
  popup: { path: 'popup.html?tab=none', row: '#owner option:not([value=""])', shell: 'h1' },
  options: { path: 'options.html#owners', row: '.records .list li button', shell: 'h1' },
};

/** Records, from navigation start, when the first element matching each selector enters the DOM. */
function watchFor(selectors) {
  const seen = (window.__benchSeen = {});
  const check = () => {
    for (const [key, sel] of Object.entries(selectors)) if (seen[key] === undefined && document.querySelector(sel)) seen[key] = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
}

/** Opens `p` in a new tab and times its first rows and its first render from navigation start. */
async function timeRows(browser, p) {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript(watchFor, { row: p.row, shell: p.shell });
    await page.goto(`chrome-extension://${browser.extensionId}/${p.path}`);
    await page.waitForFunction(() => window.__benchSeen?.row !== undefined && window.__benchSeen?.shell !== undefined, null, { timeout: 60_000 });
    const seen = await page.evaluate((sel) => ({ ...window.__benchSeen, rowsInDom: document.querySelectorAll(sel).length }), p.row);
    return { rowsMs: Math.round(seen.row), shellMs: Math.round(seen.shell), rowsInDom: seen.rowsInDom };
  } finally {
    await page.close();
  }
}

/**
 * The popup and the options page opened in new tabs with the store filled: with the service worker
 * warm (its index built by the searches before), then the popup again after the browser stopped
 * the service worker, as it does after 30 s idle (the first rows then wait for the index's build).
 */
export async function firstRows(browser) {
  const out = {};
  for (const [name, p] of Object.entries(PAGES)) out[name] = await timeRows(browser, p);
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.close();
  out.popupColdWorker = await timeRows(browser, PAGES.popup);
  return out;
}
