// The materials section: the program material made from a 2 000-file, 200 000-line tree in Node,
// with the same code the options page runs (utils/materials, bundled by esbuild as the dev
// runner bundles the engine), its time and the process's peak memory while it works.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../machine.mjs';
import { summarize } from './stats.mjs';

export const TREE = { files: 2000, linesPerFile: 100 };

/** The tree: TypeScript files of mixed lengths, some long lines and Chinese comments among them. */
function tree() {
  return Array.from({ length: TREE.files }, (_, f) => ({
    path: `src/module${Math.floor(f / 50)}/file${f}.ts`,
    bytes: new TextEncoder().encode(
      Array.from({ length: TREE.linesPerFile }, (_, l) =>
        l % 17 === 0 ? `// 第 ${l} 行：客户资料的处理逻辑 ${'x'.repeat(l % 3 ? 10 : 140)}` : `export const v${f}_${l} = compute(${l}, "value ${f}");`,
      ).join('\n'),
    ),
  }));
}

export async function benchMaterials({ runs, log = () => {} }) {
  const out = join(tmpdir(), 'ruanzhu-bench-materials.mjs');
  execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), [join(ROOT, 'utils/materials/source-document.ts'), '--bundle', '--platform=node', '--format=esm', `--alias:@=${ROOT}`, `--outfile=${out}`, '--log-level=warning']);
  const { buildSourceDocument } = await import(pathToFileURL(out).href);
  const fonts = { mono: new Uint8Array(readFileSync(join(ROOT, 'public/fonts/JetBrainsMono-Regular.ttf'))), cjk: new Uint8Array(readFileSync(join(ROOT, 'public/fonts/NotoSansSC-Regular.ttf'))) };
  const files = tree();
  const times = [];
  let peakRss = 0;
  let result = null;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await buildSourceDocument({
      files,
      work: { fullName: '云帆客户关系管理系统', version: 'V1.0' },
      fonts,
      onProgress: () => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      },
    });
    times.push(Math.round(performance.now() - t0));
    log(`  run ${i + 1}: ${times.at(-1)} ms, ${result.pages} pages`);
  }
  return {
    tree: { ...TREE, lines: TREE.files * TREE.linesPerFile },
    ms: summarize(times),
    pages: result?.pages ?? 0,
    sourceLines: result?.sourceLines ?? 0,
    pdfKB: Math.round((result?.pdf.length ?? 0) / 1024),
    peakRssMB: Math.round(peakRss / 2 ** 20),
  };
}
