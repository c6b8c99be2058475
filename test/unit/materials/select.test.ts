// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cleanLine, decodeSource, printingLines, splitLines } from '@/utils/materials/decode';
import { embeddedLanguages, languageOf, PORTAL_LANGUAGES, sortLanguages } from '@/utils/materials/languages';
import { languageLines, normalisePath, pathExclusion, printOrder, selectFiles, type FileDecision, type SourceFile } from '@/utils/materials/select';
import { utf8 } from './fixtures';

const file = (path: string, text: string | Uint8Array): SourceFile => ({ path, bytes: typeof text === 'string' ? utf8(text) : text });
/** Decisions by path (the first, where a path repeats). */
const byPath = (decisions: FileDecision[]) => Object.fromEntries([...decisions].reverse().map((d) => [d.path, d]));
const code = 'function main() {\n  return 1;\n}\n';

describe('decodeSource', () => {
  it.each<[string, Uint8Array, string, string]>([
    ['UTF-8', utf8('// 中文\n'), 'utf-8', '// 中文\n'],
    ['UTF-8 with a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('// 中文\n')]), 'utf-8-bom', '// 中文\n'],
    // 中文注释 in GBK, as a Chinese Windows editor saves it.
    ['GB18030 (GBK)', Uint8Array.from([0x2f, 0x2f, 0x20, 0xd6, 0xd0, 0xce, 0xc4, 0xd7, 0xa2, 0xca, 0xcd, 0x0a]), 'gb18030', '// 中文注释\n'],
    ['UTF-16 LE with a BOM', Uint8Array.from([0xff, 0xfe, 0x2f, 0, 0x2f, 0, 0x2d, 0x4e, 0x0a, 0]), 'utf-16le', '//中\n'],
  ])('reads %s', (_name, bytes, encoding, text) => {
    expect(decodeSource(bytes)).toEqual({ ok: true, encoding, text });
  });

  it('calls bytes with NUL or many control characters binary, and bytes no decoder takes undecodable', () => {
    expect(decodeSource(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]))).toEqual({ ok: false, problem: 'binary' });
    expect(decodeSource(utf8('\u0001\u0002\u0003\u0004abc'))).toEqual({ ok: false, problem: 'binary' });
    // 0x80 and 0xFF start no sequence in UTF-8 or GB18030.
    expect(decodeSource(Uint8Array.from([0x61, 0x80, 0x62, 0xff, 0x0a]))).toEqual({ ok: false, problem: 'undecodable' });
  });
});

describe('cleanLine and splitLines', () => {
  it('expands tabs to stops (a CJK character is two columns), drops invisible characters, cuts trailing blanks', () => {
    expect(cleanLine('\tx\ty', 4)).toBe('    x   y');
    expect(cleanLine('中\tx', 4)).toBe('中  x');
    expect(cleanLine('a\u200bb\u202e\u0007c  \u3000 ', 4)).toBe('abc');
  });

  it('splits on CRLF, CR and LF, a final line break ending the last line', () => {
    expect(splitLines('a\r\nb\rc\nd\n')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the lines that print, numbered as the editor numbers them', () => {
    expect(printingLines('a\n\n \t\n\u3000\n\tb\n', 2)).toEqual([
      { no: 1, text: 'a' },
      { no: 5, text: '  b' },
    ]);
  });
});

describe('languages', () => {
  it('names the portal’s 21 languages as the page spells them', () => {
    expect(PORTAL_LANGUAGES).toHaveLength(21);
    expect(PORTAL_LANGUAGES).toContain('Visual Basic .Net');
    expect(PORTAL_LANGUAGES).toContain('Delphi/Object Pascal');
  });

  it.each<[string, string, string | null]>([
    ['a.java', '', 'Java'],
    ['a.js', '', 'JavaScript'],
    ['a.ts', '', 'TypeScript'],
    ['a.sql', 'select 1 from dual;', 'SQL'],
    ['a.sql', 'CREATE OR REPLACE PACKAGE billing AS\n  v customers%ROWTYPE;', 'PL/SQL'],
    ['a.m', '#import <Foundation/Foundation.h>\n@interface A : NSObject', 'Objective-C'],
    ['a.m', 'function y = f(x)\n  y = x .^ 2;\nend', 'MATLAB'],
    ['a.vb', '', 'Visual Basic .Net'],
    ['a.bas', '', 'Visual Basic'],
    ['a.pas', '', 'Delphi/Object Pascal'],
    ['a.asm', '', 'Assembly language'],
    ['Makefile', '', 'Makefile'],
    ['README.md', '', null],
  ])('%s (%s) is %s', (path, text, language) => {
    expect(languageOf(path, text)).toBe(language);
  });

  it('finds the languages a single-file component embeds', () => {
    expect(embeddedLanguages('Vue', '<template><div/></template>\n<script setup lang="ts">\n</script>\n<style lang="scss" scoped></style>')).toEqual(['HTML', 'TypeScript', 'SCSS']);
    expect(embeddedLanguages('HTML', '<style>a{}</style><script>let a = 1;</script><script src="x.js"></script>')).toEqual(['JavaScript', 'CSS']);
  });

  it('orders the portal’s languages as the page does and the rest by lines', () => {
    expect(sortLanguages(new Map([['SQL', 5], ['Vue', 10], ['Java', 100], ['CSS', 40]]))).toEqual({ portal: ['Java', 'SQL'], other: ['CSS', 'Vue'] });
  });
});

describe('selectFiles', () => {
  it('keeps the source and says why every other file is left out', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const { decisions, selected } = await selectFiles([
      file('src/main.js', code),
      file('node_modules/lodash/index.js', code),
      file('dist/app.js', code),
      file('.git/config', '[core]'),
      file('package-lock.json', '{}'),
      file('package.json', '{"name": "x"}'),
      file('static/jquery-3.6.0.js', code),
      file('static/app.min.js', code),
      file('src/bundle.js', `var a=${'1+'.repeat(4000)}1;`),
      file('src/api.pb.go', 'package api\n'),
      file('src/gen.ts', '// Code generated by protoc. DO NOT EDIT.\nexport const a = 1;\n'),
      file('static/lib.js', '/*! FooLib v3.2.1 | (c) Foo | MIT License */\nvar a = 1;\n'),
      file('src/ours.js', '/**\n * @version 1.0.0\n * Copyright 2024 云帆科技\n */\nvar a = 1;\n'),
      file('assets/logo.png', png),
      file('src/tool.exe.js', Uint8Array.from([0x4d, 0x5a, 0, 0, 0x50, 0x45])),
      file('src/legacy.c', Uint8Array.from([0x61, 0x80, 0xff, 0x0a])),
      file('src/empty.js', '\n\n   \n'),
      file('README.md', '# x'),
      file('../outside.js', code),
      file('src/main.js', code),
    ]);
    const d = byPath(decisions);
    expect(selected.map((s) => s.path)).toEqual(['src/main.js', 'src/ours.js']);
    expect(d['src/main.js']).toMatchObject({ included: true, reason: 'source', language: 'JavaScript', encoding: 'utf-8', lines: 3 });
    expect(d['node_modules/lodash/index.js']).toMatchObject({ included: false, reason: 'dependency-dir' });
    expect(d['node_modules/lodash/index.js'].note).toMatch(/^依赖库目录.*node_modules\/ \/ a dependency folder/);
    expect(d['dist/app.js'].reason).toBe('build-dir');
    expect(d['.git/config'].reason).toBe('tool-dir');
    expect(d['package-lock.json'].reason).toBe('lock-file');
    expect(d['package.json']).toMatchObject({ reason: 'not-source', lines: 1 });
    expect(d['static/jquery-3.6.0.js'].reason).toBe('vendored');
    expect(d['static/app.min.js'].reason).toBe('minified');
    expect(d['src/bundle.js'].reason).toBe('minified');
    expect(d['src/api.pb.go'].reason).toBe('generated');
    expect(d['src/gen.ts'].reason).toBe('generated');
    expect(d['static/lib.js'].reason).toBe('vendored');
    expect(d['assets/logo.png'].reason).toBe('asset');
    expect(d['src/tool.exe.js'].reason).toBe('binary');
    expect(d['src/legacy.c'].reason).toBe('undecodable');
    expect(d['src/empty.js'].reason).toBe('empty');
    expect(d['README.md'].reason).toBe('not-source');
    expect(decisions.find((x) => x.path === '../outside.js')?.reason).toBe('bad-path');
    expect(decisions.filter((x) => x.path === 'src/main.js').map((x) => x.reason)).toEqual(['source', 'duplicate']);
    for (const x of decisions) expect(x.note).toMatch(/\p{Script=Han}.* \/ [a-z]/u);
  });

  it('follows .gitignore files, a deeper one overriding a higher one, and extra patterns', async () => {
    const { decisions } = await selectFiles(
      [
        file('.gitignore', 'secret/\n*.local.js\nconfig/*.js\n!config/keep.js\n'),
        file('secret/key.js', code),
        file('src/dev.local.js', code),
        file('config/drop.js', code),
        file('config/keep.js', code),
        file('pkg/.gitignore', 'build.js\n'),
        file('pkg/build.js', code),
        file('pkg/src/build.js', code),
        file('build.js', code),
        file('src/fixtures/big.js', code),
      ],
      { ignorePatterns: ['fixtures/'] },
    );
    const d = byPath(decisions);
    expect(d['secret/key.js']).toMatchObject({ reason: 'gitignore' });
    expect(d['secret/key.js'].note).toContain('.gitignore: secret/');
    expect(d['src/dev.local.js'].reason).toBe('gitignore');
    expect(d['config/drop.js'].reason).toBe('gitignore');
    expect(d['config/keep.js'].included).toBe(true);
    expect(d['pkg/build.js'].reason).toBe('gitignore');
    expect(d['pkg/src/build.js'].reason).toBe('gitignore');
    expect(d['build.js'].included).toBe(true);
    expect(d['src/fixtures/big.js'].reason).toBe('pattern');
  });

  it('lets the caller include and exclude files and folders, and turn .gitignore off', async () => {
    const files = [file('.gitignore', 'gen/\n'), file('gen/a.js', code), file('vendor/ours/b.js', code), file('src/c.js', code), file('src/d.js', code), file('config.json', '{}')];
    const { decisions } = await selectFiles(files, { include: ['vendor/ours', 'config.json'], exclude: ['src/d.js'] });
    const d = byPath(decisions);
    expect(d['vendor/ours/b.js']).toMatchObject({ included: true, reason: 'included-by-user' });
    expect(d['config.json']).toMatchObject({ included: true, reason: 'included-by-user', language: null });
    expect(d['src/d.js'].reason).toBe('excluded-by-user');
    expect(d['gen/a.js'].reason).toBe('gitignore');
    const without = byPath((await selectFiles(files, { gitignore: false })).decisions);
    expect(without['gen/a.js'].included).toBe(true);
  });

  it('reads GB18030 and UTF-8 files alike, and gives headers the language of the C family around them', async () => {
    const gbk = Uint8Array.from([0x2f, 0x2f, 0x20, 0xd6, 0xd0, 0xce, 0xc4, 0x0a, 0x69, 0x6e, 0x74, 0x20, 0x61, 0x3b, 0x0a]);
    const { decisions, selected } = await selectFiles([file('src/a.cpp', 'int main() {}\n'), file('src/a.h', 'int f();\n'), file('src/b.c', gbk)]);
    const d = byPath(decisions);
    expect(d['src/a.h'].language).toBe('C++');
    expect(d['src/b.c']).toMatchObject({ encoding: 'gb18030', lines: 2 });
    expect(selected.find((s) => s.path === 'src/b.c')!.lines).toEqual([
      { no: 1, text: '// 中文' },
      { no: 2, text: 'int a;' },
    ]);
    expect(Object.fromEntries(languageLines(decisions))).toEqual({ 'C++': 2, C: 2 });
  });

  it('calls its step after each file, so a caller can show progress or cancel', async () => {
    const calls: number[] = [];
    await selectFiles([file('a.js', code), file('b.js', code)], {}, (done) => void calls.push(done));
    expect(calls).toEqual([0, 1]);
  });
});

describe('printOrder', () => {
  it('puts the shallowest entry points first (main, then app, then index), then every file by path', () => {
    expect(printOrder(['src/utils/index.ts', 'src/b.ts', 'src/App.vue', 'src/main.ts', 'README.ts', 'src/a/x.ts'])).toEqual([
      'src/main.ts',
      'src/App.vue',
      'README.ts',
      'src/a/x.ts',
      'src/b.ts',
      'src/utils/index.ts',
    ]);
    expect(printOrder(['src/main/java/com/acme/web/Ctl.java', 'src/main/java/com/acme/DemoApplication.java'])[0]).toBe('src/main/java/com/acme/DemoApplication.java');
  });

  it('takes the caller’s order first', () => {
    expect(printOrder(['a.js', 'b.js', 'main.js', 'c.js'], ['c.js', './b.js', 'missing.js'])).toEqual(['c.js', 'b.js', 'main.js', 'a.js']);
  });
});

describe('paths', () => {
  it('normalises separators and refuses paths that leave the folder', () => {
    expect(normalisePath('.\\src\\a.js')).toBe('src/a.js');
    expect(normalisePath('/src//b.js')).toBe('src/b.js');
    expect(normalisePath('src/../../x')).toBeNull();
    expect(normalisePath('')).toBeNull();
  });

  it('tells from the path alone what a UI need not read', () => {
    expect(pathExclusion('web/node_modules/react/index.js')?.reason).toBe('dependency-dir');
    expect(pathExclusion('img/a.PNG')?.reason).toBe('asset');
    expect(pathExclusion('src/a.js')).toBeNull();
  });
});
