import type { Owner } from '@/utils/schema/owner';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBundle, parseBundleText } from '@/utils/schema/bundle';
import { BUNDLE_LIMITS } from '@/utils/schema/import-limits';
import { importBundle } from '@/utils/background/store/bundle-io';
import { guessMapping, rowsToOwners } from '@/utils/ui/spreadsheet/owner-mapping';
import { parseCsv, TableReadError } from '@/utils/ui/spreadsheet/table';
import { checkPhoto, readImageSize, sniffImageFormat } from '@/utils/rules/photo';
import { analysePdf } from '@/utils/rules/materials';
import { freshDb, sampleBundle } from './helpers';

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

describe('bundle import under hostile input', () => {
  it('any JSON value is answered with ok or located errors, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseBundle(value);
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('any text is answered without a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(typeof parseBundleText(text).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('a record with a random wrong-typed field is refused naming that field', () => {
    const fields = ['name', 'idNumber', 'phone', 'tags', 'kind'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.object()), (field, value) => {
        const b = sampleBundle();
        b.owners[1][field] = value;
        const r = parseBundle(b);
        expect(r.ok).toBe(false);
        expect(r.ok ? [] : r.errors.map((e) => e.path)).toContain(`owners[1].${field}`);
      }),
      { numRuns: 100 },
    );
  });

  it('prototype-reaching keys anywhere are dropped, and Object.prototype stays clean', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORBIDDEN), fc.constantFrom('top', 'owner', 'nested'), (key, where) => {
        const text = JSON.stringify(sampleBundle());
        const injected = `"${key}":{"polluted":"yes"},`;
        const hostile =
          where === 'top' ? text.replace('{', `{${injected}`) : where === 'owner' ? text.replace('{"id":"o-zhang-san"', `{${injected}"id":"o-zhang-san"`).replace('"id": "o-zhang-san"', `${injected}"id": "o-zhang-san"`) : text.replace('"realName":{', `"realName":{${injected}`);
        const r = parseBundleText(hostile);
        expect(r.ok).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        if (r.ok) expect(JSON.stringify(r.value)).not.toContain('polluted');
      }),
    );
  });

  it('huge strings are kept whole, not truncated or refused', async () => {
    const { db } = freshDb();
    const b = sampleBundle();
    b.owners[0].notes = '备'.repeat(1_000_000);
    const r = await importBundle(db, b);
    expect(r.ok).toBe(true);
    expect(((await db.owners.get('o-zhang-san')) as Owner | undefined)?.notes.length).toBe(1_000_000);
  });

  it('JSON nested far deeper than any bundle is refused with a message, not a stack overflow, and writes nothing', async () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    for (const text of [deep(200_000), JSON.stringify(sampleBundle()).replace('"notes":""', `"notes":"","extra":${deep(200_000)}`)]) {
      const r = parseBundleText(text);
      expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([expect.stringMatching(/嵌套超过 32 层.*nests deeper than 32 levels/)]);
    }
    const { db } = freshDb();
    const hostile = { ...sampleBundle(), extra: JSON.parse(deep(100)) };
    expect(await importBundle(db, hostile)).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('嵌套超过 32 层') }] });
    expect(await db.owners.count()).toBe(0);
    // Unknown keys nested a few levels, as a newer version might write them, still import.
    expect(parseBundle({ ...sampleBundle(), extra: JSON.parse(deep(20)) }).ok).toBe(true);
  });

  it('a text larger than 64 MB is refused before it is parsed', () => {
    const r = parseBundleText(JSON.stringify(sampleBundle()) + ' '.repeat(BUNDLE_LIMITS.maxFileBytes));
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(['数据文件大于 64 MB，未读取 / the bundle file is larger than 64 MB and was not read']);
  });

  it('10 000 owners import in one transaction, and one bad record among them writes nothing', async () => {
    const { db } = freshDb();
    const owners = Array.from({ length: 10_000 }, (_, i) => ({ id: `o-${i}`, kind: 'person', name: `客户${i}` }));
    const bad = { format: 'ruanzhu-bundle', version: 1, exportedAt: '2026-11-23T00:00:00Z', owners: owners.map((o, i) => (i === 9_999 ? { ...o, kind: 42 } : o)), works: [] };
    const refused = await importBundle(db, bad);
    expect(refused.ok ? [] : refused.errors.map((e) => e.path)).toEqual(['owners[9999].kind']);
    expect(await db.owners.count()).toBe(0);
    const good = await importBundle(db, { ...bad, owners });
    expect(good).toMatchObject({ ok: true, owners: 10_000 });
    expect(await db.owners.count()).toBe(10_000);
  });
});

describe('CSV import under hostile input', () => {
  it('any text either parses to a table whose rows become owners or errors, or is refused with a TableReadError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        try {
          const t = parseCsv(text);
          const r = rowsToOwners(t, guessMapping(t.headers), [], () => 'o-x');
          expect(r.owners.length + r.errors.length).toBeGreaterThanOrEqual(0);
        } catch (e) {
          expect(e).toBeInstanceOf(TableReadError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('column titles that are prototype keys do not pollute', () => {
    const t = parseCsv('__proto__,constructor,姓名,证件号码\n{"x":1},y,张三,110105199003072012\n');
    const r = rowsToOwners(t, guessMapping(t.headers), [], () => 'o-x');
    expect(r.owners[0]?.name).toBe('张三');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('photo and PDF checkers under hostile input', () => {
  it('any bytes named .jpg are judged without a throw, and unknown bytes are an error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (head) => {
        const format = sniffImageFormat(head);
        readImageSize(head);
        const findings = checkPhoto({ fileName: 'id.jpg', fileSize: head.length, head, width: 0, height: 0, metrics: null });
        if (format === 'unknown') expect(findings.some((f) => f.severity === 'error')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a PNG header claiming enormous dimensions is read as such and refused as a photo', () => {
    const png = new Uint8Array(33);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 200_000);
    new DataView(png.buffer).setUint32(20, 10);
    expect(readImageSize(png)).toEqual({ width: 200_000, height: 10 });
    const findings = checkPhoto({ fileName: 'id.png', fileSize: 33, head: png, width: 200_000, height: 10, metrics: null });
    expect(findings.map((f) => f.rule)).toContain('realname.photo.size');
  });

  it('zero-byte, truncated and random files give a PDF report that names the problem, never a throw', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const samples = [new Uint8Array(0), new TextEncoder().encode('%PDF-1.7\n1 0 obj'), ...fc.sample(fc.uint8Array({ minLength: 1, maxLength: 300 }), 10)];
    for (const bytes of samples) {
      const report = await analysePdf(bytes, pdfjs as never);
      expect(report.ok).toBe(false);
    }
  });
});
