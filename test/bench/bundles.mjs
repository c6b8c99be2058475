// Bundle sizes of the built extension, raw and gzipped: what each entry loads before it runs
// (its file, the chunks it imports statically, its styles) and what it may load later.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** zlib's default level (6), as servers and the store's zip use; level 9 saves about 1 %. */
const gz = (buf) => gzipSync(buf).length;

function fileSizes(ext, file) {
  const buf = readFileSync(join(ext, file));
  return { file, raw: buf.length, gzip: gz(buf) };
}

/** Relative module specifiers in a built chunk: static imports and dynamic import() calls. */
function importsOf(ext, file) {
  const code = readFileSync(join(ext, file), 'utf8');
  const resolve = (spec) => (spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(file), spec));
  const staticImports = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]/g)].map((m) => resolve(m[1]));
  const dynamicImports = [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]\s*\)/g)].map((m) => resolve(m[1]));
  return { staticImports, dynamicImports };
}

/** Every file an entry loads up front (static closure), and the chunks it can load lazily. */
function closure(ext, roots) {
  const eager = new Set();
  const lazy = new Set();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.shift();
    if (eager.has(file) || !existsSync(join(ext, file))) continue;
    eager.add(file);
    if (!file.endsWith('.js')) continue;
    const { staticImports, dynamicImports } = importsOf(ext, file);
    queue.push(...staticImports);
    dynamicImports.forEach((d) => lazy.add(d));
  }
  // A lazily imported chunk's own static imports are lazy too, unless already eager.
  const lazyQueue = [...lazy];
  const lazyAll = new Set();
  while (lazyQueue.length) {
    const file = lazyQueue.shift();
    if (eager.has(file) || lazyAll.has(file) || !existsSync(join(ext, file))) continue;
    lazyAll.add(file);
    if (file.endsWith('.js')) lazyQueue.push(...Object.values(importsOf(ext, file)).flat());
  }
  return { eager: [...eager], lazy: [...lazyAll] };
}

function total(ext, files) {
  const list = files.map((f) => fileSizes(ext, f));
  return { raw: list.reduce((s, f) => s + f.raw, 0), gzip: list.reduce((s, f) => s + f.gzip, 0), files: list };
}

/** The scripts and styles an HTML page of the build names. */
function pageAssets(ext, html) {
  const text = readFileSync(join(ext, html), 'utf8');
  return [...text.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/([^"]+)"[^>]*>/g)].map((m) => m[1]);
}

function allFiles(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? allFiles(p, base) : [relative(base, p)];
  });
}

export function measureBundles(ext) {
  const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
  const entries = {};
  (manifest.content_scripts ?? []).forEach((cs, i) => {
    const name = (cs.js?.[0] ?? `content-script-${i}`).replace(/^content-scripts\//, '').replace(/\.js$/, '');
    const { eager, lazy } = closure(ext, [...(cs.js ?? []), ...(cs.css ?? [])]);
    entries[`content script (${name})`] = { kind: 'content-script', ...total(ext, eager), lazy: lazy.length ? total(ext, lazy) : null };
  });
  // Scripts at the build's root besides the background are injected by the background when needed
  // (the content script's engine, portal-engine.js): each is evaluated after the loader, on demand.
  const named = new Set([manifest.background?.service_worker, ...(manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? [])]);
  for (const file of readdirSync(ext).filter((f) => f.endsWith('.js') && !named.has(f))) {
    const { eager, lazy } = closure(ext, [file]);
    entries[`content script, injected on demand (${file.replace(/\.js$/, '')})`] = { kind: 'injected', ...total(ext, eager), lazy: lazy.length ? total(ext, lazy) : null };
  }
  for (const page of ['popup.html', 'options.html']) {
    if (!existsSync(join(ext, page))) continue;
    const { eager, lazy } = closure(ext, [page, ...pageAssets(ext, page)]);
    entries[page.replace('.html', '')] = { kind: 'page', ...total(ext, eager), lazy: lazy.length ? total(ext, lazy) : null };
  }
  if (manifest.background?.service_worker) {
    const { eager, lazy } = closure(ext, [manifest.background.service_worker]);
    entries['background'] = { kind: 'service-worker', ...total(ext, eager), lazy: lazy.length ? total(ext, lazy) : null };
  }
  const everything = total(ext, allFiles(ext).map((f) => f.split('\\').join('/')));
  // Files any site may load (none: the engine is injected, not fetched by the page).
  const webAccessible = (manifest.web_accessible_resources ?? []).flatMap((w) => (typeof w === 'string' ? [w] : w.resources ?? []));
  return { entries, webAccessible, permissions: manifest.permissions ?? [], wholeExtension: { raw: everything.raw, gzip: everything.gzip, files: everything.files.length } };
}

