import { PORTAL_LANGUAGES } from '../fields/portal-options';
/*
 * Programming languages of a source tree, named as the R11 page's 编程语言 group names them
 * (docs/PORTALS.md #/features: 21 checkboxes, the rest in its "other languages" box). Mind Java ≠
 * JavaScript and SQL ≠ PL/SQL: the page treats them as different choices.
 */

/** The 21 checkboxes of 编程语言, in the page's order and spelling. */
export { PORTAL_LANGUAGES };
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

const PORTAL_SET: ReadonlySet<string> = new Set(PORTAL_LANGUAGES);

/** True when `name` is one of the page's 21 choices (the rest go to its text box). */
export function isPortalLanguage(name: string): name is PortalLanguage {
  return PORTAL_SET.has(name);
}

/** File extension (lower case, without the dot) → language. Ambiguous ones are settled by content below. */
const BY_EXTENSION: Record<string, string> = {
  asm: 'Assembly language', s: 'Assembly language', nasm: 'Assembly language', a51: 'Assembly language',
  c: 'C',
  cs: 'C#',
  cpp: 'C++', cc: 'C++', cxx: 'C++', 'c++': 'C++', hpp: 'C++', hh: 'C++', hxx: 'C++', 'h++': 'C++', ipp: 'C++', inl: 'C++', cu: 'C++',
  pas: 'Delphi/Object Pascal', pp: 'Delphi/Object Pascal', dpr: 'Delphi/Object Pascal', dpk: 'Delphi/Object Pascal', lpr: 'Delphi/Object Pascal', dfm: 'Delphi/Object Pascal',
  go: 'Go',
  html: 'HTML', htm: 'HTML', xhtml: 'HTML',
  java: 'Java',
  js: 'JavaScript', mjs: 'JavaScript', cjs: 'JavaScript', jsx: 'JavaScript',
  mm: 'Objective-C',
  php: 'PHP', phtml: 'PHP',
  pls: 'PL/SQL', plsql: 'PL/SQL', pkb: 'PL/SQL', pks: 'PL/SQL', pck: 'PL/SQL', prc: 'PL/SQL', fnc: 'PL/SQL', trg: 'PL/SQL',
  pl: 'Perl', pm: 'Perl',
  py: 'Python', pyw: 'Python', pyi: 'Python', pyx: 'Python',
  r: 'R',
  rb: 'Ruby', rake: 'Ruby', gemspec: 'Ruby',
  sql: 'SQL',
  swift: 'Swift',
  bas: 'Visual Basic', frm: 'Visual Basic', vbs: 'Visual Basic', ctl: 'Visual Basic',
  vb: 'Visual Basic .Net',
  // Outside the page's 21: written into its "other languages" box.
  ts: 'TypeScript', tsx: 'TypeScript', mts: 'TypeScript', cts: 'TypeScript',
  vue: 'Vue', svelte: 'Svelte', nvue: 'Vue',
  css: 'CSS', scss: 'SCSS', sass: 'Sass', less: 'Less', styl: 'Stylus',
  wxml: 'WXML', wxss: 'WXSS', wxs: 'WXS', axml: 'AXML', acss: 'ACSS',
  ets: 'ArkTS',
  kt: 'Kotlin', kts: 'Kotlin',
  dart: 'Dart', rs: 'Rust', scala: 'Scala', groovy: 'Groovy', gradle: 'Groovy',
  lua: 'Lua', sh: 'Shell', bash: 'Shell', zsh: 'Shell', ps1: 'PowerShell', psm1: 'PowerShell', bat: 'Batch', cmd: 'Batch',
  jsp: 'JSP', asp: 'ASP', aspx: 'ASP.NET', cshtml: 'Razor', erb: 'ERB', ejs: 'EJS', ftl: 'FreeMarker', vm: 'Velocity',
  fs: 'F#', fsx: 'F#', ex: 'Elixir', exs: 'Elixir', erl: 'Erlang', hs: 'Haskell', clj: 'Clojure', cljs: 'ClojureScript',
  jl: 'Julia', f90: 'Fortran', f95: 'Fortran', f: 'Fortran', for: 'Fortran', cob: 'COBOL', cbl: 'COBOL',
  v: 'Verilog', sv: 'SystemVerilog', vhd: 'VHDL', vhdl: 'VHDL', sol: 'Solidity', zig: 'Zig', nim: 'Nim', ml: 'OCaml',
  cr: 'Crystal', tcl: 'Tcl', proto: 'Protocol Buffers', graphql: 'GraphQL', gql: 'GraphQL', thrift: 'Thrift',
  cmake: 'CMake', qml: 'QML', abap: 'ABAP',
};

/** Files known by their whole name rather than an extension. */
const BY_NAME: Record<string, string> = {
  makefile: 'Makefile', gnumakefile: 'Makefile', dockerfile: 'Dockerfile', 'cmakelists.txt': 'CMake', rakefile: 'Ruby', gemfile: 'Ruby', podfile: 'Ruby', jenkinsfile: 'Groovy',
};

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The language a file's name says, before its content is read; `.h` and `.m` are settled later. */
export function languageByName(path: string): string | null {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (BY_NAME[base]) return BY_NAME[base];
  const ext = extensionOf(path);
  if (ext === 'h') return 'C/C++ header';
  if (ext === 'm') return 'Objective-C or MATLAB';
  return BY_EXTENSION[ext] ?? null;
}

const OBJC_MARKERS = /^\s*(?:#import\b|@interface\b|@implementation\b|@property\b|@end\b)|\[\s*\w+\s+alloc\s*\]/m;
const PLSQL_MARKERS = /\bcreate\s+(?:or\s+replace\s+)?package\b|\bdbms_\w+\.|%rowtype\b|%type\b|\bexception\s+when\b|\bpragma\s+autonomous_transaction\b/i;

/**
 * The language of one file with its content: `.m` is Objective-C when it shows Objective-C
 * syntax and MATLAB otherwise, `.sql` is PL/SQL when it shows Oracle's procedural syntax;
 * headers (`.h`) take the project's language (settled in `settleHeaders`).
 */
export function languageOf(path: string, text: string): string | null {
  const byName = languageByName(path);
  if (byName === 'Objective-C or MATLAB') return OBJC_MARKERS.test(text) ? 'Objective-C' : 'MATLAB';
  if (byName === 'SQL' && PLSQL_MARKERS.test(text)) return 'PL/SQL';
  return byName;
}

/** `.h` files belong to the project's C family: Objective-C beside `.m`/`.mm`, C++ beside C++ sources, else C. */
export function settleHeaders(languages: readonly (string | null)[]): string {
  if (languages.includes('Objective-C')) return 'Objective-C';
  if (languages.includes('C++')) return 'C++';
  return 'C';
}

/** Languages embedded in single-file components and pages, for the 编程语言 declaration (work.languages). */
export function embeddedLanguages(language: string, text: string): string[] {
  const out: string[] = [];
  if (language === 'Vue' || language === 'Svelte') {
    if (/<template[\s>]/i.test(text) || language === 'Svelte') out.push('HTML');
    const script = /<script\b([^>]*)>/i.exec(text);
    if (script) out.push(/\blang\s*=\s*["']?(?:ts|typescript)\b/i.test(script[1]) ? 'TypeScript' : 'JavaScript');
    const style = /<style\b([^>]*)>/i.exec(text);
    if (style) {
      const lang = /\blang\s*=\s*["']?(\w+)/i.exec(style[1])?.[1]?.toLowerCase();
      out.push(lang === 'scss' ? 'SCSS' : lang === 'less' ? 'Less' : lang === 'sass' ? 'Sass' : lang === 'stylus' ? 'Stylus' : 'CSS');
    }
  } else if (language === 'HTML') {
    if (/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i.test(text)) out.push('JavaScript');
    if (/<style\b[^>]*>/i.test(text)) out.push('CSS');
  }
  return out.filter((l) => l !== language);
}

/** Languages in the page's order first, then the others by how many lines they hold. */
export function sortLanguages(lines: ReadonlyMap<string, number>): { portal: PortalLanguage[]; other: string[] } {
  const portal = PORTAL_LANGUAGES.filter((l) => lines.has(l));
  const other = [...lines.entries()]
    .filter(([l]) => !isPortalLanguage(l))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([l]) => l);
  return { portal, other };
}
