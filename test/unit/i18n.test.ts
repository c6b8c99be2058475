import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const load = (locale: string) =>
  JSON.parse(readFileSync(resolve(__dirname, `../../public/_locales/${locale}/messages.json`), 'utf8')) as Record<string, { message: string }>;

describe('locales', () => {
  it('zh_CN and en carry the same keys', () => {
    expect(Object.keys(load('en')).sort()).toEqual(Object.keys(load('zh_CN')).sort());
  });

  it('placeholders agree between languages', () => {
    const zh = load('zh_CN');
    const en = load('en');
    for (const key of Object.keys(zh)) {
      const marks = (s: string) => [...s.matchAll(/\$\d/g)].map((m) => m[0]).sort();
      expect(marks(en[key].message), key).toEqual(marks(zh[key].message));
    }
  });
});
