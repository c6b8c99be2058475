// @vitest-environment node
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The layers of docs/ARCHITECTURE.md, enforced: where a file runs decides what it may import.
// Pure shared code sits at the bottom; the content script, the background and the extension pages
// sit above it and never import each other; entrypoints only wire their own runtime.

const ROOT = resolve(__dirname, '../..');

type Layer = 'shared' | 'platform' | 'content' | 'background' | 'ui' | 'components' | 'entry-content' | 'entry-background' | 'entry-pages';

/** The content script's two entries: the loader every portal page evaluates, the engine injected when needed. */
const CONTENT_ENTRIES = ['portal.content.ts', 'portal-engine.ts'];

/** The layer of a source file, by its path; null for files outside the layered code (tests, config). */
function layerOf(file: string): Layer | null {
  const [top, second] = file.split('/');
  if (top === 'components') return 'components';
  if (top === 'entrypoints') return CONTENT_ENTRIES.includes(second) ? 'entry-content' : second === 'background.ts' ? 'entry-background' : 'entry-pages';
  if (top !== 'utils') return null;
  if (second === 'platform' || second === 'content' || second === 'background' || second === 'ui') return second;
  return 'shared';
}

/** What each layer may import (itself included where listed). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  shared: ['shared'],
  platform: ['shared', 'platform'],
  content: ['shared', 'platform', 'content'],
  background: ['shared', 'platform', 'background'],
  ui: ['shared', 'platform', 'ui', 'components'],
  components: ['shared', 'components'],
  'entry-content': ['shared', 'platform', 'content'],
  'entry-background': ['shared', 'platform', 'background'],
  'entry-pages': ['shared', 'platform', 'ui', 'components', 'entry-pages'],
};

/** Packages a layer must not use: pure code has no browser or framework, a content script no database, React or pdf.js. */
const FORBIDDEN_PACKAGES: Partial<Record<Layer, RegExp>> = {
  shared: /^(wxt\/browser|webextension-polyfill|react|react-dom|dexie|wxt\/utils)/,
  content: /^(react|react-dom|dexie|pdfjs-dist|exceljs|docx|jszip|papaparse)/,
  background: /^(react|react-dom|exceljs|docx|papaparse)/,
  components: /^(wxt|webextension-polyfill|dexie)/,
};

/** Globals that only exist in a browser context: pure shared code must not touch them. */
const BROWSER_GLOBALS = new Set(['document', 'window', 'navigator', 'location', 'browser', 'chrome', 'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'createImageBitmap', 'OffscreenCanvas', 'indexedDB', 'localStorage']);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    if (path.startsWith('test/fixtures') || path.startsWith('test/.reports')) return [];
    return /\.(ts|tsx|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const FILES = ['utils', 'components', 'entrypoints'].flatMap(sources).filter((f) => !f.endsWith('.mjs'));
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** A specifier resolved to a repository file, or the package name for a bare import. */
function resolveImport(from: string, spec: string): { file: string } | { pkg: string } | null {
  const bare = spec.split('?')[0];
  let base: string;
  if (bare.startsWith('@/')) base = bare.slice(2);
  else if (bare.startsWith('.')) base = relative(ROOT, resolve(ROOT, dirname(from), bare));
  else return { pkg: bare };
  for (const ext of EXTENSIONS) {
    try {
      if (statSync(join(ROOT, base + ext)).isFile()) return { file: base + ext };
    } catch {
      // try the next extension
    }
  }
  return null;
}

interface Parsed {
  /** `typeOnly`: erased when compiled (`import type`, or every name imported is a type). */
  imports: { spec: string; target: { file: string } | { pkg: string } | null; typeOnly: boolean }[];
  globals: Set<string>;
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) return node.isTypeOnly;
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

function parse(file: string): Parsed {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const imports: Parsed['imports'] = [];
  const globals = new Set<string>();
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ spec: node.moduleSpecifier.text, target: resolveImport(file, node.moduleSpecifier.text), typeOnly: isTypeOnly(node) });
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])) {
      imports.push({ spec: node.arguments[0].text, target: resolveImport(file, node.arguments[0].text), typeOnly: false });
    }
    // A free identifier (not a property name, not a declaration) that names a browser global.
    if (ts.isIdentifier(node) && BROWSER_GLOBALS.has(node.text)) {
      const p = node.parent;
      const isProperty = (ts.isPropertyAccessExpression(p) && p.name === node) || ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isBindingElement(p) || ts.isParameter(p) || ts.isVariableDeclaration(p);
      if (!isProperty) globals.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, globals };
}

const PARSED = new Map(FILES.map((f) => [f, parse(f)]));

describe('layers by runtime (docs/ARCHITECTURE.md)', () => {
  it('finds the code it judges', () => {
    expect(FILES.length).toBeGreaterThan(100);
    for (const layer of ['shared', 'platform', 'content', 'background', 'ui', 'components'] as const) expect(FILES.some((f) => layerOf(f) === layer), layer).toBe(true);
  });

  it('every import resolves and goes the way the layers allow', () => {
    const wrong: string[] = [];
    for (const [file, { imports }] of PARSED) {
      const layer = layerOf(file)!;
      for (const { spec, target } of imports) {
        if (!target) wrong.push(`${file}: ${spec} does not resolve`);
        else if ('file' in target) {
          const to = layerOf(target.file);
          if (to && !MAY_IMPORT[layer].includes(to)) wrong.push(`${file} (${layer}) imports ${target.file} (${to})`);
        } else if (FORBIDDEN_PACKAGES[layer]?.test(target.pkg)) wrong.push(`${file} (${layer}) uses the package ${target.pkg}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('pure shared code touches no browser global', () => {
    const wrong = [...PARSED].filter(([f, p]) => layerOf(f) === 'shared' && p.globals.size).map(([f, p]) => `${f}: ${[...p.globals].join(', ')}`);
    expect(wrong).toEqual([]);
  });

  it('no two folders import each other, directly or in a ring', () => {
    // A folder is a file's directory; a ring of folders means two jobs that cannot be understood apart.
    const edges = new Map<string, Set<string>>();
    for (const [file, { imports }] of PARSED) {
      for (const { target } of imports) {
        if (!target || !('file' in target)) continue;
        const [a, b] = [dirname(file), dirname(target.file)];
        if (a === b || b.startsWith(`${a}/`)) continue;
        edges.set(a, (edges.get(a) ?? new Set()).add(b));
      }
    }
    const rings: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (folder: string, path: string[]) => {
      if (state.get(folder) === 'done') return;
      if (state.get(folder) === 'open') {
        rings.push([...path.slice(path.indexOf(folder)), folder].join(' → '));
        return;
      }
      state.set(folder, 'open');
      for (const next of edges.get(folder) ?? []) walk(next, [...path, folder]);
      state.set(folder, 'done');
    };
    for (const folder of edges.keys()) walk(folder, []);
    expect(rings).toEqual([]);
  });

  it('every document the code cites is in the repository', () => {
    const code = [...FILES, ...['test'].flatMap(sources)];
    const missing = code.flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/[A-Za-z0-9_/-][\w./-]*\.md\b/g)].map((m) => m[0]).filter((cited) => !existsSync(join(ROOT, cited))).map((cited) => `${file}: ${cited}`),
    );
    expect(missing).toEqual([]);
  });

  it('carries no lint directives: the project has no linter, so they would only be noise', () => {
    const code = [...FILES, ...['test'].flatMap(sources)];
    expect(code.filter((file) => /eslint-(disable|enable)/.test(readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('entrypoints only wire: no other file imports them', () => {
    const wrong = [...PARSED].flatMap(([file, { imports }]) =>
      imports.filter(({ target }) => target && 'file' in target && target.file.startsWith('entrypoints/') && !file.startsWith('entrypoints/')).map(({ spec }) => `${file} imports ${spec}`),
    );
    expect(wrong).toEqual([]);
  });

  it('the loader, which every portal page evaluates, carries no zod and none of the engine (docs/ARCHITECTURE.md, "The content script")', () => {
    // Its imports followed to the end, as the bundler does (type-only imports are erased).
    const reached = new Set<string>();
    const packages = new Set<string>();
    const follow = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const { target, typeOnly } of PARSED.get(file)?.imports ?? []) {
        if (typeOnly || !target) continue;
        if ('pkg' in target) packages.add(target.pkg);
        else follow(target.file);
      }
    };
    follow('entrypoints/portal.content.ts');
    expect([...packages].filter((p) => /^zod/.test(p))).toEqual([]);
    const engine = /^utils\/(contract\/(messages|dispatch)|content\/(fill\/(session|collect|match|plan|page-match|drivers)|checks|status-guide|service|profiles)|rules|findings|fields|schema)/;
    expect([...reached].filter((f) => engine.test(f))).toEqual([]);
    // It still is the loader: it detects.
    expect(reached).toContain('utils/content/detect/detect.ts');
  });
});
