import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PdfjsModule } from '@/utils/rules/materials';
import { MATERIAL_FONTS } from '@/utils/materials/fonts';
import type { SourceFile } from '@/utils/materials/select';

/*
 * Shared by the materials tests: the bundled fonts read from public/, pdf.js for Node, and source
 * trees generated from a seed (the same seed, the same tree: the tests are deterministic).
 */

const publicDir = fileURLToPath(new URL('../../../public', import.meta.url));

/** A bundled font file, as the extension serves it at MATERIAL_FONTS' path. */
export function fontFile(which: keyof typeof MATERIAL_FONTS): Uint8Array {
  return new Uint8Array(readFileSync(publicDir + MATERIAL_FONTS[which]));
}

let fontsCache: { mono: Uint8Array; cjk: Uint8Array } | null = null;
export function fonts(): { mono: Uint8Array; cjk: Uint8Array } {
  fontsCache ??= { mono: fontFile('mono'), cjk: fontFile('cjk') };
  return fontsCache;
}

export async function loadPdfjs(): Promise<PdfjsModule> {
  return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsModule;
}

/** Every text item of every page, as pdf.js extracts it, joined per page. */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as {
    getDocument(src: { data: Uint8Array; verbosity: number }): { promise: Promise<{ numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<{ items: { str?: string }[] }> }> }>; destroy(): Promise<void> };
  };
  const task = pdfjs.getDocument({ data: bytes.slice(), verbosity: 0 });
  const doc = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => i.str ?? '').join(''));
  }
  await task.destroy();
  return pages;
}

/** mulberry32: a small seeded generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const encoder = new TextEncoder();
export const utf8 = (text: string) => encoder.encode(text);

export interface TreeSpec {
  seed: number;
  files: number;
  /** Non-blank lines per file. */
  lines: number;
  /** Every how many lines a Chinese comment (0: none). */
  cjkEvery?: number;
  /** Every how many lines a blank line (they do not count). */
  blankEvery?: number;
  /** Every how many lines a line long enough to wrap (0: none). */
  longEvery?: number;
  dir?: string;
}

const WORDS = ['customer', 'order', 'invoice', 'score', 'account', 'report', 'total', 'amount', 'status', 'record'];
const CJK = ['计算客户积分', '校验订单状态', '生成月度报表', '更新账户余额', '读取配置文件', '发送通知消息'];

/** A generated JavaScript tree: `files` files of `lines` non-blank lines each, in `dir`. */
export function sourceTree(spec: TreeSpec): SourceFile[] {
  const rnd = random(spec.seed);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const out: SourceFile[] = [];
  for (let f = 0; f < spec.files; f++) {
    const lines: string[] = [];
    for (let i = 0; i < spec.lines; i++) {
      if (spec.blankEvery && i % spec.blankEvery === spec.blankEvery - 1) lines.push('');
      const indent = '  '.repeat(1 + Math.floor(rnd() * 3));
      if (spec.cjkEvery && i % spec.cjkEvery === 0) lines.push(`${indent}// ${pick(CJK)}：${pick(WORDS)} ${i}`);
      else if (spec.longEvery && i % spec.longEvery === spec.longEvery - 1) lines.push(`${indent}const ${pick(WORDS)}${i} = [${Array.from({ length: 40 }, (_, k) => k * i).join(', ')}];`);
      else lines.push(`${indent}const ${pick(WORDS)}_${f}_${i} = ${pick(WORDS)}(${Math.floor(rnd() * 1000)}, '${pick(WORDS)}');`);
    }
    out.push({ path: `${spec.dir ?? 'src'}/module${String(f).padStart(4, '0')}.js`, bytes: utf8(lines.join('\n') + '\n') });
  }
  return out;
}
