// The printed summary (Markdown tables, so they paste into BENCHMARKS.md) and its rows in the JSON.

// The targets of the issue "Light on every page, fast at agency scale".
export const TARGETS = {
  detectMs: 20,
  fillMs: 300,
  photoMs: 250,
  longTaskMs: 50,
  contentScriptGzipKB: 25,
  contentTopLevelMs: 10,
  importMs: 2500,
  searchMs: 20,
  firstRowsMs: 200,
  materialMs: 3000,
};

const KB = 1024;
const kb = (b) => (b === null || b === undefined ? '–' : `${(b / KB).toFixed(1)} KB`);
const ms = (x) => (x === null || x === undefined ? '–' : `${x} ms`);
const range = (s) => (s && s.runs ? `${s.min}–${s.max}` : '–');
const status = (value, target) => (value === null || value === undefined ? 'not measured' : value < target ? 'met' : 'MISSED');

/**
 * The ratio of a figure to its physical floor measured in the same run (an empty content script's
 * injection, a bare bulkPut, a plain filter …): what BENCHMARKS.md compares from run to run, since
 * absolute times move with the machine's load.
 */
const ratioTo = (value, floor) => (value === null || value === undefined || !floor ? null : Math.round((value / floor) * 10) / 10);

/**
 * One row per headline figure: { figure, median, min, max, runs, target, status, floor?, ratio? }.
 * `extra.floor` is the floor's summary and `extra.floorIs` what it is; a p95 row is compared at p95.
 */
export function rows(r) {
  const out = [];
  const push = (row, floor, floorIs) => {
    const headline = row.p95 ?? row.median;
    const floorValue = floor ? (row.p95 !== undefined ? floor.p95 ?? floor.median : floor.median) : null;
    out.push({ ...row, ...(floor ? { floor: floorValue, floorIs, ratio: ratioTo(headline, floorValue) } : {}) });
  };
  const add = (figure, s, target, unit = 'ms', { floor, floorIs, ...extra } = {}) =>
    push({ figure, median: s?.median ?? null, min: s?.min ?? null, max: s?.max ?? null, runs: s?.runs ?? 0, unit, target: target === null ? null : `< ${target} ${unit}`, status: target === null ? 'info' : status(s?.median, target), ...extra }, floor, floorIs);
  const EMPTY_SCRIPT = 'an empty content script, same page';
  for (const p of r.detect?.pages ?? []) {
    const floor = r.detect.floor?.pages?.[p.kind];
    add(`detect ${p.kind}: after the page rendered`, p.afterRender, TARGETS.detectMs);
    if (p.afterDclContentAtOnce.runs) add(`detect ${p.kind}: after DOMContentLoaded, content there at once`, p.afterDclContentAtOnce, TARGETS.detectMs, 'ms', { floor: floor?.afterDclContentAtOnce, floorIs: floor && EMPTY_SCRIPT });
    add(`detect ${p.kind}: after DOMContentLoaded, replica as is (renders 120–150 ms late)`, p.afterDcl, null, 'ms', { floor: floor?.afterDcl, floorIs: floor && EMPTY_SCRIPT });
  }
  for (const h of r.detect?.hashChange ?? []) add(`re-detect ${h.kind} on hash change: after the step rendered`, h.afterRender, TARGETS.detectMs);
  const startup = r.detect?.contentScriptStartup;
  if (startup) add('content script top level (evaluated, from the trace)', startup.evaluateMs, TARGETS.contentTopLevelMs, 'ms', { floor: r.detect.floor?.contentScriptStartup?.evaluateMs, floorIs: r.detect.floor && 'an empty content script' });
  for (const f of r.fill ?? []) add(`fill ${f.step}`, f.ms, TARGETS.fillMs, 'ms', { fields: f.fields, ownWorkMs: f.ownWorkMs?.median, floor: f.waitingForThePageMs, floorIs: f.waitingForThePageMs && "the page's own waits (widgets, late options)" });
  for (const f of r.photo?.files ?? []) {
    const name = `photo check ${f.format} 12 MP (${(f.bytes / 2 ** 20).toFixed(1)} MB)`;
    const floorIs = 'createImageBitmap at 512 px alone';
    add(`${name}: verdict, ${r.photo.path}`, f.ms, TARGETS.photoMs, 'ms', { longTasks: f.longTasks, floor: f.floor?.ms, floorIs });
    if (f.headerVerdictMs) add(`${name}: the header's finding shown while the quality is checked (${f.headerVerdict})`, f.headerVerdictMs, TARGETS.photoMs);
    add(`${name}: longest main-thread task during the check`, f.longestTaskMs, TARGETS.longTaskMs, 'ms', { floor: f.floor?.longestTaskMs, floorIs: 'the longest task of that bare decode' });
  }
  for (const [name, e] of Object.entries(r.bundles?.entries ?? {})) {
    const target = e.kind === 'content-script' ? TARGETS.contentScriptGzipKB * KB : null;
    out.push({ figure: `bundle ${name}, gzipped (raw ${kb(e.raw)})`, median: e.gzip, min: e.gzip, max: e.gzip, runs: 1, unit: 'B', target: target ? `< ${TARGETS.contentScriptGzipKB} KB` : null, status: target ? status(e.gzip, target) : 'info' });
  }
  if (r.bundles?.webAccessible) {
    const n = r.bundles.webAccessible.length;
    out.push({ figure: `files of ours a site can load (web_accessible_resources); permissions: ${r.bundles.permissions.join(', ')}`, median: n, min: n, max: n, runs: 1, unit: 'files', target: '0 files', status: n === 0 ? 'met' : 'MISSED' });
  }
  if (r.store) {
    const s = r.store;
    const f = s.floors;
    const bulkPut = 'bare bulkPut in one transaction, same indexes';
    add(`import ${s.records.owners} owners + ${s.records.works} works (${s.records.bundleMB} MB), the file's bytes transferred as the options page sends them`, s.import, TARGETS.importMs, 'ms', { floor: f.import, floorIs: bulkPut });
    add('re-import of the same file (all updates)', s.reimport, TARGETS.importMs, 'ms', { floor: f.reimport, floorIs: bulkPut });
    if (s.reimportByMessage?.runs) add("re-import by contract 2's ruanzhu:import message, the bundle parsed in the page (for comparison)", s.reimportByMessage, null, 'ms', { floor: f.reimport, floorIs: bulkPut });
    const search = (what, q, floor) =>
      push({ figure: `search ${what}, p50 / p95 over ${q.runs} queries (pages of 50)`, median: q.p50, min: q.min, max: q.max, p95: q.p95, runs: q.runs, unit: 'ms', target: `< ${TARGETS.searchMs} ms`, status: status(q.p95, TARGETS.searchMs) }, floor, 'Array.filter in the page, p95');
    search('owners', s.search.owners, f.searchOwners);
    search('works', s.search.works, f.searchWorks);
    add('first search after the import (builds what searches read): owners', s.firstSearch.owners, null);
    add('first search after the import: works', s.firstSearch.works, null);
    add('first page of all owners (empty query)', s.listAll.owners, null);
    add('first page of all works (empty query)', s.listAll.works, null);
    add('popup with 10 000 owners: first rows shown', s.firstRows.popup, TARGETS.firstRowsMs, 'ms', { floor: s.firstRows.popupFloor, floorIs: "the popup's first render, no store answer" });
    add('popup, service worker stopped before (builds the index first): first rows shown', s.firstRows.popupColdWorker, TARGETS.firstRowsMs, 'ms', { floor: s.firstRows.popupColdWorkerFloor, floorIs: "the popup's first render (the worker started for the lock's status), no rows" });
    add('options page with 10 000 owners: first rows shown', s.firstRows.options, TARGETS.firstRowsMs, 'ms', { floor: s.firstRows.optionsFloor, floorIs: "the page's first render, no store answer" });
    const m = s.memory;
    if (m.afterImport.usedMB) add('service worker JS heap after import', m.afterImport.usedMB, null, 'MB');
    if (m.afterImportAfterGc.usedMB) add('service worker JS heap after import, after GC', m.afterImportAfterGc.usedMB, null, 'MB');
  }
  if (r.materials) {
    const m = r.materials;
    add(`program material from ${m.tree.files} files, ${m.tree.lines} lines (${m.pages} pages, ${m.pdfKB} KB)`, m.ms, TARGETS.materialMs);
    out.push({ figure: 'program material: peak memory of the process', median: m.peakRssMB, min: m.peakRssMB, max: m.peakRssMB, runs: 1, unit: 'MB', target: null, status: 'info' });
  }
  return out;
}

function table(header, lines) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const fmt = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

export function printTable(r) {
  const m = r.machine;
  console.log(`\n${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; ${m.chromium ?? m.chromiumReported}; load average ${m.loadAverageAtStart?.join(' ')} → ${m.loadAverageAtEnd?.join(' ')}`);
  console.log(`commit ${r.build.commit?.slice(0, 10)}${r.build.sourcesDirty ? ' (+ uncommitted changes)' : ''}; ${r.runsPerFigure} runs per figure; medians (min–max)\n`);

  if (r.detect) {
    const both = (p) => (p.afterRender.median === null ? null : Math.max(p.afterRender.median, p.afterDclContentAtOnce.median ?? -Infinity));
    const cell = (s) => (s.runs ? `${ms(s.median)} (${range(s)})` : '–');
    // The console replica has no at-once variant: its status speaks for the late-render case only.
    const verdict = (p) => status(both(p), TARGETS.detectMs) + (p.afterDclContentAtOnce.runs ? '' : ' (after render only)');
    // Each DCL figure beside its floor (the empty content script on the same page) and the ratio.
    const withFloor = (s, f) => (s.runs ? `${cell(s)}${f?.runs ? ` · floor ${ms(f.median)} · ${ratioTo(s.median, f.median)}×` : ''}` : '–');
    const floors = r.detect.floor?.pages ?? {};
    const lines = r.detect.pages.map((p) => [p.kind, cell(p.afterRender), withFloor(p.afterDclContentAtOnce, floors[p.kind]?.afterDclContentAtOnce), withFloor(p.afterDcl, floors[p.kind]?.afterDcl), p.afterRender.runs, verdict(p)]);
    for (const h of r.detect.hashChange) lines.push([`${h.kind} (hash change)`, `${ms(h.afterRender.median)} (${range(h.afterRender)})`, '', `${ms(h.afterHashChange.median)} (${range(h.afterHashChange)}) after the hash change`, h.afterRender.runs, status(h.afterRender.median, TARGETS.detectMs)]);
    console.log(`Detection (target < ${TARGETS.detectMs} ms)`);
    console.log(table(['page kind', 'after the page rendered', 'after DCL, content at once', 'after DCL, replica as is', 'runs', 'target'], lines));
    console.log('');
  }
  const main = rows(r).filter((x) => !x.figure.startsWith('detect ') && !x.figure.startsWith('re-detect '));
  const value = (x) => (x.unit === 'B' ? kb(x.median) : x.p95 !== undefined ? `${x.median} / ${x.p95} ${x.unit}` : x.median === null ? '–' : `${x.median} ${x.unit}`);
  const floorCell = (x) => (x.floorIs ? `${x.floor ?? '–'} ${x.unit} (${x.floorIs})` : '');
  const lines = main.map((x) => [x.figure, value(x), x.unit === 'B' ? '' : range(x), x.unit === 'B' ? '' : x.runs, x.target ?? '', x.status === 'info' ? '' : x.status, floorCell(x), x.ratio === undefined || x.ratio === null ? '' : `${x.ratio}×`]);
  console.log(table(['figure', 'median', 'min–max', 'runs', 'target', '', 'floor', 'ratio'], lines));
  if (r.photo) console.log(`\nPhoto path: ${r.photo.path}. Long tasks during the check: ${r.photo.files.map((f) => `${f.format} ${f.longTasks.count} in ${f.longTasks.perRun.runs ?? 0} runs, longest ${f.longTasks.maxMs} ms, blocking ${f.longTasks.blockingMs} ms`).join('; ')}.`);
  if (r.store) console.log(`Service worker memory: ${r.store.memory.method}.`);
  for (const [name, e] of Object.entries(r.errors)) console.log(`\n✗ ${name} not measured: ${e.split('\n')[0]}`);
}
