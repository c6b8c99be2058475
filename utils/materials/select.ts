import ignore, { type Ignore } from 'ignore';
import { decodeSource, printingLines, type TextEncoding } from './decode';
import { embeddedLanguages, extensionOf, languageOf, settleHeaders } from './languages';

/*
 * Which files of a chosen folder make the program: the folder's .gitignore files, then defaults
 * that leave out what the user did not write (dependencies, build output, vendored and generated
 * code, lock files, minified bundles, binaries, images, fonts …), each decision with its reason
 * so that a UI can show the tree and let the user override it.
 */

export interface SourceFile {
  /** Relative to the chosen folder, `/`-separated (a `\` is read as `/`). */
  path: string;
  bytes: Uint8Array;
}

export type FileReason =
  | 'source'
  | 'included-by-user'
  | 'excluded-by-user'
  | 'gitignore'
  | 'pattern'
  | 'dependency-dir'
  | 'build-dir'
  | 'tool-dir'
  | 'lock-file'
  | 'minified'
  | 'vendored'
  | 'generated'
  | 'asset'
  | 'not-source'
  | 'binary'
  | 'undecodable'
  | 'empty'
  | 'duplicate'
  | 'bad-path';

export interface FileDecision {
  path: string;
  included: boolean;
  reason: FileReason;
  /** The reason for the user: Chinese / English. */
  note: string;
  /** The file's language (PORTAL_LANGUAGES spelling where the page has it), or null. */
  language: string | null;
  /** Languages embedded in it (a Vue file's script and style), for the 编程语言 declaration. */
  embedded: string[];
  encoding: TextEncoding | null;
  /** Lines that print (blank lines removed), 0 when the file was not read. */
  lines: number;
  size: number;
}

export interface SelectionOptions {
  /** Paths (files or folders) to include whatever the defaults say; a binary file still cannot be. */
  include?: readonly string[];
  /** Paths (files or folders) to leave out. */
  exclude?: readonly string[];
  /** More rules in .gitignore syntax, relative to the chosen folder. */
  ignorePatterns?: readonly string[];
  /** Read the folder's .gitignore files (default true). */
  gitignore?: boolean;
  /** Paths to print first, in this order; the other files follow in the default order. */
  order?: readonly string[];
  /** Columns per tab stop (default 4). */
  tabWidth?: number;
}

/** An included file, decoded, with its printing lines. */
export interface SelectedFile {
  path: string;
  language: string | null;
  text: string;
  /** The non-blank lines, cleaned (cleanLine), with their 1-based line numbers in the file. */
  lines: { no: number; text: string }[];
}

const DEPENDENCY_DIRS = new Set(['node_modules', 'bower_components', 'jspm_packages', 'vendor', 'vendors', 'third_party', 'third-party', 'thirdparty', '3rdparty', 'pods', 'carthage', 'site-packages', '.venv', 'venv', 'virtualenv', 'miniprogram_npm', 'uni_modules', '.pnpm-store', 'elm-stuff', 'deps']);
const BUILD_DIRS = new Set(['dist', 'build', 'out', 'target', 'obj', '.next', '.nuxt', '.output', '.wxt', '.svelte-kit', '.angular', '.expo', 'coverage', '.nyc_output', '__pycache__', '.gradle', 'deriveddata', '.dart_tool', 'unpackage', '.turbo', '.parcel-cache', '.cache', '.vite', 'storybook-static', '.pytest_cache', '.mypy_cache', '.tox', '.eggs']);
const TOOL_DIRS = new Set(['.git', '.svn', '.hg', '.idea', '.vscode', '.vs', '.settings', '.history', '.husky', '.github', '.gitlab', '.circleci']);

const ASSETS: [RegExp, string, string][] = [
  [/^(?:png|jpe?g|gif|bmp|ico|icns|webp|tiff?|psd|ai|sketch|fig|svg|heic|avif|cur)$/, '图片', 'an image'],
  [/^(?:ttf|otf|woff2?|eot|fon|ttc)$/, '字体', 'a font'],
  [/^(?:mp3|mp4|wav|ogg|flac|aac|m4a|avi|mov|mkv|webm|flv|wmv|amr|silk)$/, '音视频', 'audio or video'],
  [/^(?:zip|rar|7z|tar|gz|tgz|bz2|xz|jar|war|aar|apk|aab|ipa|dmg|iso|msi|deb|rpm|whl|nupkg|hap)$/, '压缩包或安装包', 'an archive or a package'],
  [/^(?:pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|wps|et|dps|chm|epub)$/, '文档', 'a document'],
  [/^(?:exe|dll|so|dylib|a|lib|o|obj|class|pyc|pyo|pyd|wasm|bin|dat|db|sqlite3?|mdb|accdb|pdb|ilk|exp|dex|node|beam)$/, '二进制文件', 'a binary'],
  [/^(?:pem|key|p12|pfx|crt|cer|der|jks|keystore|p8|mobileprovision|gpg|asc)$/, '证书或密钥', 'a certificate or key'],
  [/^(?:map)$/, 'Source map', 'a source map'],
];

const LOCK_FILES = new Set(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'npm-shrinkwrap.json', 'cargo.lock', 'gemfile.lock', 'composer.lock', 'poetry.lock', 'pipfile.lock', 'go.sum', 'podfile.lock', 'pubspec.lock', 'mix.lock', 'packages.lock.json', 'gradle.lockfile', 'flake.lock', 'uv.lock', 'deno.lock']);
const MINIFIED_NAME = /[.-]min\.(?:js|mjs|css)$|\.(?:bundle|chunk)\.(?:js|css)$|\.prod\.js$/i;
const VENDORED_NAME = /^(?:jquery|bootstrap|vue|vuex|vue-router|react|react-dom|angular|echarts|lodash|underscore|moment|axios|layui|layer|element-ui|d3|three|swiper|zepto|require|sea|fastclick|html2canvas|jspdf|xlsx|pdf|pdf\.worker|chart|highcharts|dayjs|crypto-js|md5|sha1|base64|qrcode|ueditor\.all|ckeditor|tinymce|wangeditor|mui|vant|iview|antd|weui|uview|polyfill|babel-polyfill|core-js|regenerator-runtime|tslib|modernizr|respond|html5shiv|es5-shim|es6-shim|socket\.io|sockjs|stomp|mock|mockjs|marked|highlight|prism)(?:[.-]v?\d[\w.-]*)?\.(?:js|css)$/i;
const GENERATED_NAME = /\.pb\.(?:go|cc|h|swift|dart)$|_pb2(?:_grpc)?\.py$|\.pb\.gw\.go$|\.g\.dart$|\.freezed\.dart$|\.designer\.cs$|\.generated\.\w+$|_generated\.\w+$|^r\.java$|^buildconfig\.java$|\.d\.ts\.map$/i;
const GENERATED_MARK = /@generated\b|\bDO NOT EDIT\b|\bauto-?generated\b|\bautomatically generated\b|自动生成[^\n]{0,12}(?:请勿|不要)|请勿(?:手动)?(?:修改|编辑)/i;
/** A library's preserved licence comment (`/*!`, which minifiers keep) with a version number. */
const LIBRARY_BANNER = /^\s*\/\*![\s\S]{0,240}?\bv?\d+\.\d+\.\d+\b[\s\S]{0,240}?(?:@license|license|copyright|\(c\))/i;

const NOTES: Record<FileReason, [string, string]> = {
  source: ['源代码', 'source code'],
  'included-by-user': ['按你的选择包含', 'included as you chose'],
  'excluded-by-user': ['按你的选择排除', 'excluded as you chose'],
  gitignore: ['被 .gitignore 忽略', 'ignored by .gitignore'],
  pattern: ['符合排除规则', 'matches an exclusion rule'],
  'dependency-dir': ['依赖库目录（不是自己写的代码）', 'a dependency folder (not code you wrote)'],
  'build-dir': ['构建输出目录', 'a build output folder'],
  'tool-dir': ['版本控制或开发工具目录', 'a version control or tool folder'],
  'lock-file': ['依赖锁定文件', 'a dependency lock file'],
  minified: ['压缩过的代码（超长行）', 'minified code (very long lines)'],
  vendored: ['第三方库文件', 'a third-party library file'],
  generated: ['自动生成的代码', 'generated code'],
  asset: ['非代码文件', 'not a code file'],
  'not-source': ['配置、数据或文档文件（可手动包含）', 'a configuration, data or text file (include it if it is part of the program)'],
  binary: ['二进制文件', 'a binary file'],
  undecodable: ['无法识别编码（不是 UTF-8、UTF-16 或 GB18030）', 'unknown encoding (not UTF-8, UTF-16 or GB18030)'],
  empty: ['没有非空行', 'no non-blank line'],
  duplicate: ['路径重复', 'a duplicate path'],
  'bad-path': ['路径无效', 'an invalid path'],
};

function note(reason: FileReason, detail?: string): string {
  const [zh, en] = NOTES[reason];
  return detail ? `${zh}：${detail} / ${en}: ${detail}` : `${zh} / ${en}`;
}

/** `a\b/./c` → `a/b/c`; null for a path that leaves the folder or names nothing. */
export function normalisePath(path: string): string | null {
  const parts: string[] = [];
  for (const part of String(path).replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return null;
    parts.push(part);
  }
  return parts.length ? parts.join('/') : null;
}

/** The default rule a path falls under before its bytes are read, so that a UI need not read node_modules at all. */
export function pathExclusion(path: string): { reason: FileReason; note: string } | null {
  const parts = path.split('/');
  for (const dir of parts.slice(0, -1)) {
    const d = dir.toLowerCase();
    if (DEPENDENCY_DIRS.has(d)) return { reason: 'dependency-dir', note: note('dependency-dir', `${dir}/`) };
    if (BUILD_DIRS.has(d) || /^cmake-build-/.test(d)) return { reason: 'build-dir', note: note('build-dir', `${dir}/`) };
    if (TOOL_DIRS.has(d)) return { reason: 'tool-dir', note: note('tool-dir', `${dir}/`) };
  }
  const ext = extensionOf(path);
  for (const [re, zh, en] of ASSETS) if (re.test(ext)) return { reason: 'asset', note: `${NOTES.asset[0]}（${zh}） / ${NOTES.asset[1]} (${en})` };
  return null;
}

/** The rule a file's name falls under (lock files, bundles, known libraries, generated sources), or null. */
function nameExclusion(path: string): FileReason | null {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (LOCK_FILES.has(base)) return 'lock-file';
  if (MINIFIED_NAME.test(base)) return 'minified';
  if (VENDORED_NAME.test(base)) return 'vendored';
  if (GENERATED_NAME.test(base)) return 'generated';
  return null;
}

/** What the content shows: generated (a marker in the first lines), minified, a library with its banner. */
function contentExclusion(path: string, text: string, lines: { text: string }[]): FileReason | null {
  const head = text.slice(0, 1200);
  if (GENERATED_MARK.test(head.split(/\r?\n/).slice(0, 8).join('\n'))) return 'generated';
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  if (lines.length && (chars / lines.length > 300 || lines.some((l) => l.text.length > 5000))) return 'minified';
  if (/\.(?:js|css)$/i.test(path) && LIBRARY_BANNER.test(head)) return 'vendored';
  return null;
}

/** The .gitignore files of the tree, each with the folder it governs. */
function gitignores(files: { path: string; bytes: Uint8Array }[]): { dir: string; rules: Ignore }[] {
  const out: { dir: string; rules: Ignore }[] = [];
  for (const f of files) {
    if (f.path !== '.gitignore' && !f.path.endsWith('/.gitignore')) continue;
    const decoded = decodeSource(f.bytes);
    if (!decoded.ok) continue;
    out.push({ dir: f.path.slice(0, -'.gitignore'.length), rules: ignore().add(decoded.text) });
  }
  // Deeper files are read last: their rules win, as in git.
  return out.sort((a, b) => a.dir.split('/').length - b.dir.split('/').length || (a.dir < b.dir ? -1 : 1));
}

function ignoredByGit(path: string, rules: { dir: string; rules: Ignore }[]): string | null {
  let by: string | null = null;
  for (const { dir, rules: r } of rules) {
    if (!path.startsWith(dir)) continue;
    const result = r.test(path.slice(dir.length));
    if (result.ignored) by = `${dir}.gitignore: ${result.rule?.pattern ?? ''}`.trim();
    else if (result.unignored) by = null;
  }
  return by;
}

function underAny(path: string, prefixes: ReadonlySet<string>): boolean {
  if (prefixes.has(path)) return true;
  for (let at = path.indexOf('/'); at > 0; at = path.indexOf('/', at + 1)) if (prefixes.has(path.slice(0, at))) return true;
  return false;
}

const ENTRY_RANK: Record<string, number> = { main: 0, app: 1, application: 1, index: 2, program: 3, startup: 3, server: 4, manage: 4, __main__: 4 };

function entryRank(path: string): number | null {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const stem = (base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base).toLowerCase();
  if (stem in ENTRY_RANK) return ENTRY_RANK[stem];
  return stem.endsWith('application') ? 1 : null;
}

const byPath = (a: string, b: string) => {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/**
 * The default print order: the entry points first — main/app/index files at the shallowest depth
 * where any is found (so src/main.ts, not every folder's index.ts) — then every file by path.
 * `order` puts the caller's paths first.
 */
export function printOrder(paths: readonly string[], order: readonly string[] = []): string[] {
  const depth = (p: string) => p.split('/').length;
  const candidates = paths.filter((p) => entryRank(p) !== null);
  const top = Math.min(...candidates.map(depth));
  const entries = candidates.filter((p) => depth(p) === top).sort((a, b) => entryRank(a)! - entryRank(b)! || byPath(a, b));
  const entrySet = new Set(entries);
  const rest = paths.filter((p) => !entrySet.has(p)).sort(byPath);
  const known = new Set(paths);
  const first = [...new Set(order.map((p) => normalisePath(p) ?? '').filter((p) => known.has(p)))];
  const firstSet = new Set(first);
  return [...first, ...[...entries, ...rest].filter((p) => !firstSet.has(p))];
}

/**
 * The decision for every file, and the included files decoded, in print order. `step` is called
 * after each file (for progress, cancelling and letting a page breathe) and awaited.
 */
export async function selectFiles(
  files: readonly SourceFile[],
  options: SelectionOptions = {},
  step?: (done: number, total: number) => void | Promise<void>,
): Promise<{ decisions: FileDecision[]; selected: SelectedFile[] }> {
  const tabWidth = options.tabWidth ?? 4;
  const include = new Set((options.include ?? []).map(normalisePath).filter((p): p is string => !!p));
  const exclude = new Set((options.exclude ?? []).map(normalisePath).filter((p): p is string => !!p));
  const extra = options.ignorePatterns?.length ? ignore().add([...options.ignorePatterns]) : null;
  const normalised = files.map((f) => ({ raw: f.path, path: normalisePath(f.path), bytes: f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(0) }));
  const rules = options.gitignore === false ? [] : gitignores(normalised.filter((f): f is { raw: string; path: string; bytes: Uint8Array } => !!f.path));

  const decisions: FileDecision[] = [];
  const read = new Map<string, SelectedFile>();
  const seen = new Set<string>();
  for (const [index, f] of normalised.entries()) {
    await step?.(index, normalised.length);
    const base = { language: null, embedded: [], encoding: null, lines: 0, size: f.bytes.length };
    const decide = (d: Partial<FileDecision> & { reason: FileReason; included: boolean }, detail?: string) =>
      decisions.push({ ...base, path: f.path ?? String(f.raw), note: note(d.reason, detail), ...d });
    if (!f.path) {
      decide({ reason: 'bad-path', included: false });
      continue;
    }
    if (seen.has(f.path)) {
      decide({ reason: 'duplicate', included: false });
      continue;
    }
    seen.add(f.path);
    const path = f.path;
    if (underAny(path, exclude)) {
      decide({ reason: 'excluded-by-user', included: false });
      continue;
    }
    const forced = underAny(path, include);
    const byPathRule = pathExclusion(path);
    if (!forced) {
      if (byPathRule) {
        decisions.push({ ...base, path, included: false, ...byPathRule });
        continue;
      }
      const git = ignoredByGit(path, rules);
      if (git) {
        decide({ reason: 'gitignore', included: false }, git);
        continue;
      }
      if (extra?.ignores(path)) {
        decide({ reason: 'pattern', included: false });
        continue;
      }
    }

    const decoded = decodeSource(f.bytes);
    if (!decoded.ok) {
      decide({ reason: decoded.problem, included: false });
      continue;
    }
    const lines = printingLines(decoded.text, tabWidth);
    const language = languageOf(path, decoded.text);
    const known = { encoding: decoded.encoding, lines: lines.length, language, embedded: language ? embeddedLanguages(language, decoded.text) : [] };
    const kind = forced ? null : (nameExclusion(path) ?? (language ? null : 'not-source') ?? contentExclusion(path, decoded.text, lines));
    if (kind) {
      decide({ ...known, reason: kind, included: false });
      continue;
    }
    if (!lines.length) {
      decide({ ...known, reason: 'empty', included: false });
      continue;
    }
    decide({ ...known, reason: forced ? 'included-by-user' : 'source', included: true });
    read.set(path, { path, language, text: decoded.text, lines });
  }

  // Headers take the language of the C family around them.
  const headerLanguage = settleHeaders(decisions.filter((d) => d.included).map((d) => d.language));
  for (const d of decisions) {
    if (d.language === 'C/C++ header') {
      d.language = headerLanguage;
      const s = read.get(d.path);
      if (s) s.language = headerLanguage;
    }
  }
  const selected = printOrder([...read.keys()], options.order).map((p) => read.get(p)!);
  return { decisions, selected };
}

/** Lines per language over the included files (embedded languages count as present with 0 lines of their own). */
export function languageLines(decisions: readonly FileDecision[]): Map<string, number> {
  const lines = new Map<string, number>();
  for (const d of decisions) {
    if (!d.included) continue;
    if (d.language) lines.set(d.language, (lines.get(d.language) ?? 0) + d.lines);
    for (const e of d.embedded) if (!lines.has(e)) lines.set(e, 0);
  }
  return lines;
}

