// @vitest-environment node
import { bench, describe } from 'vitest';
import { buildSourceDocument, type SourcePhase } from '@/utils/materials/source-document';
import { fonts, sourceTree, utf8 } from './fixtures';

/*
 * Not a test: the time to scan a 2 000-file, 200 000-line tree and print its 60-page material.
 * Run alone on a quiet machine:
 *   npx vitest bench --run --config test/vitest.config.ts test/unit/materials/source-document.bench.ts
 * Each run also prints where its time went, phase by phase.
 */

const tree = [
  ...sourceTree({ seed: 11, files: 2000, lines: 100, cjkEvery: 10, blankEvery: 8, longEvery: 25 }),
  // What a real folder also holds, and the selection leaves out.
  ...Array.from({ length: 300 }, (_, i) => ({ path: `node_modules/dep${i}/index.js`, bytes: utf8('module.exports = 1;\n') })),
  { path: 'package-lock.json', bytes: utf8('{}\n') },
];

describe('buildSourceDocument', () => {
  bench(
    '2 000 files, 200 000 lines → 60 pages',
    async () => {
      const spent = new Map<SourcePhase, number>();
      let phase: SourcePhase | null = null;
      let since = performance.now();
      const start = since;
      const result = await buildSourceDocument({
        files: tree,
        work: { fullName: '云帆客户关系管理系统', version: 'V1.0' },
        fonts: fonts(),
        onProgress: (p) => {
          if (p === phase) return;
          const now = performance.now();
          if (phase) spent.set(phase, (spent.get(phase) ?? 0) + now - since);
          [phase, since] = [p, now];
        },
      });
      if (phase) spent.set(phase, (spent.get(phase) ?? 0) + performance.now() - since);
      const phases = [...spent].map(([p, ms]) => `${p} ${ms.toFixed(0)}`).join(', ');
      console.log(`${(performance.now() - start).toFixed(0)} ms (${phases}); ${result.sourceLines} lines, ${result.programPages} program pages, ${result.pages} pages, ${result.pdf.length} bytes`);
    },
    { iterations: 5, warmupIterations: 1, time: 0, warmupTime: 0 },
  );
});
