// What a built bundle is made of, approximately: the entry re-bundled and minified with rolldown
// (the bundler of the Vite that WXT builds with; totals land within a few per cent of the real
// file), each output byte attributed to its source through the source map, grouped by package
// or by source folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rolldown } from 'rolldown';
import { ROOT } from '../machine.mjs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = Object.fromEntries([...B64].map((c, i) => [c, i]));

/** Decodes a source map's mappings into [line][{ col, source }] (only what attribution needs). */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segs = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64_INDEX[ch];
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0];
      if (values.length >= 4) {
        source += values[1];
        segs.push({ col, source });
      } else segs.push({ col, source: -1 });
    }
    lines.push(segs);
  }
  return lines;
}

/** node_modules/<pkg> (scoped too) for dependencies, else the first two folders of the source path. */
function groupOf(source) {
  const dep = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dep) return dep[1];
  const rel = source.replace(/^(\.\.\/)+/, '').replace(`${ROOT}/`, '');
  return rel.startsWith('\0') || rel.includes('rolldown') ? '(bundler runtime)' : rel.split('/').slice(0, 2).join('/');
}

/**
 * Vite's `?inline` / `?raw` imports (a file's text as a string) and `?url` (the URL of an emitted
 * file, whose bytes are then not in the bundle), which plain rolldown does not know.
 */
const viteQueries = {
  name: 'bench-vite-queries',
  async resolveId(source, importer) {
    const m = source.match(/^(.*)\?(inline|raw|url)$/);
    if (!m) return null;
    const file = await this.resolve(m[1], importer, { skipSelf: true });
    return file ? { id: `${file.id}?${m[2]}` } : null;
  },
  load(id) {
    const m = id.match(/^(.*)\?(inline|raw|url)$/);
    if (!m) return null;
    const value = m[2] === 'url' ? `/assets/${m[1].split('/').pop()}` : readFileSync(m[1], 'utf8');
    return { code: `export default ${JSON.stringify(value)};`, moduleType: 'js' };
  },
};

export async function composition(entry) {
  const bundle = await rolldown({
    input: join(ROOT, entry),
    cwd: ROOT,
    logLevel: 'silent',
    plugins: [viteQueries],
    resolve: { alias: { '@': ROOT, 'wxt/browser': '@wxt-dev/webextension-polyfill/browser' } },
    moduleTypes: { '.css': 'empty' },
    transform: {
      define: { 'import.meta.env.BROWSER': '"chrome"', 'import.meta.env.MANIFEST_VERSION': '3', 'import.meta.env.DEV': 'false', 'import.meta.env.PROD': 'true', 'import.meta.env.MODE': '"production"', 'process.env.NODE_ENV': '"production"' },
    },
  });
  const { output } = await bundle.generate({ format: 'iife', minify: true, sourcemap: true, name: 'bench' });
  await bundle.close();
  const chunk = output.find((o) => o.type === 'chunk');
  const lines = chunk.code.split('\n');
  const mapped = decodeMappings(chunk.map.mappings);
  const texts = {};
  const add = (group, text) => (texts[group] ??= []).push(text);
  lines.forEach((text, i) => {
    const segs = mapped[i] ?? [];
    if (!segs.length) return add('(unmapped)', `${text}\n`);
    if (segs[0].col > 0) add('(unmapped)', text.slice(0, segs[0].col));
    segs.forEach((seg, k) => {
      const end = k + 1 < segs.length ? segs[k + 1].col : text.length;
      add(seg.source < 0 ? '(unmapped)' : groupOf(chunk.map.sources[seg.source]), text.slice(seg.col, end));
    });
  });
  const totalBytes = Buffer.byteLength(chunk.code);
  const parts = Object.entries(texts)
    .map(([group, list]) => {
      const text = list.join('');
      // Each group's code compressed on its own: a little more than its share of the whole file's gzip.
      return { group, bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).length };
    })
    .sort((a, b) => b.bytes - a.bytes)
    .map((p) => ({ ...p, share: Math.round((p.bytes / totalBytes) * 1000) / 10 }));
  return { method: 'rolldown re-bundle, minified, bytes attributed through the source map (approximate; gzip per group compressed alone)', totalBytes, totalGzipBytes: gzipSync(chunk.code).length, parts };
}
