import { describe, expect, it } from 'vitest';
import { Owner, Work, parseBundle, parseBundleText, formatDataError } from '@/utils/schema';
import { sampleBundle } from './helpers';

describe('Owner schema', () => {
  it('accepts an incomplete owner and fills defaults (readiness is not shape)', () => {
    const o = Owner.parse({ id: 'o1', kind: 'person' });
    expect(o).toMatchObject({ name: '', country: '中国', tags: [], notes: '' });
  });

  it('rejects a wrong kind and a missing id', () => {
    expect(Owner.safeParse({ id: 'o1', kind: 'robot' }).success).toBe(false);
    expect(Owner.safeParse({ kind: 'person' }).success).toBe(false);
    expect(Owner.safeParse({ id: '  ', kind: 'person' }).success).toBe(false);
  });

  it('keeps unknown keys, also inside nested objects', () => {
    const o = Owner.parse({ id: 'o1', kind: 'person', futureField: 7, realName: { status: 'verified', verifiedAt: 'x' } });
    expect(o).toMatchObject({ futureField: 7, realName: { verifiedAt: 'x' } });
  });
});

describe('Work schema', () => {
  it('accepts the portal words for choices and empty while unchosen', () => {
    expect(Work.parse({ id: 'w', developmentMode: '合作开发' }).developmentMode).toBe('合作开发');
    expect(Work.parse({ id: 'w' }).developmentMode).toBe('');
  });

  it.each([
    ['developmentMode', '独立开发'],
    ['completionDate', '2026/06/30'],
    ['published', 'yes'],
    ['sourceLines', -5],
    ['sourceLines', 1.5],
    ['ownerIds', 'o1'],
  ])('rejects %s = %j', (field, value) => {
    expect(Work.safeParse({ id: 'w', [field]: value }).success).toBe(false);
  });
});

describe('parseBundle', () => {
  it('accepts the sample bundle', () => {
    const r = parseBundle(sampleBundle());
    expect(r.ok).toBe(true);
  });

  it('names the record and the field of a wrong type, in Chinese and English', () => {
    const b = sampleBundle();
    b.owners[1].idNumber = 91110108;
    const r = parseBundle(b);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ path: 'owners[1].idNumber', field: 'idNumber' });
    expect(r.errors[0].record).toContain('北京云帆科技有限公司');
    expect(r.errors[0].message).toMatch(/类型错误.*wrong type/);
    expect(formatDataError(r.errors[0])).toMatch(/^owners\[1\]（北京云帆科技有限公司，id o-yunfan） · idNumber：/);
  });

  it('lists every error, not only the first', () => {
    const b = sampleBundle();
    b.owners[0].kind = 'human';
    b.works[0].developmentMode = '自己写的';
    const r = parseBundle(b);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['owners[0].kind', 'works[0].developmentMode']);
    expect(r.ok ? '' : r.errors[1].message).toContain('单独开发');
  });

  it('rejects duplicate ids within the file', () => {
    const b = sampleBundle();
    b.owners.push({ ...b.owners[0] });
    const r = parseBundle(b);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['owners[2].id']);
  });

  it.each([
    ['not JSON', '{"format": ', /不是有效的 JSON/],
    ['an array', '[]', /JSON 对象/],
    ['another format', '{"format":"other","version":1}', /不是软著助手的数据文件/],
    ['a newer version', '{"format":"ruanzhu-bundle","version":99}', /更新版本/],
    ['a bad version', '{"format":"ruanzhu-bundle","version":"1"}', /正整数/],
  ])('rejects %s with a clear message', (_name, text, message) => {
    const r = parseBundleText(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors[0].message).toMatch(message);
  });

  it('drops prototype-reaching keys instead of copying them', () => {
    const text = JSON.stringify(sampleBundle()).replace('"id":"o-zhang-san"', '"__proto__":{"polluted":true},"id":"o-zhang-san"');
    const r = parseBundleText(text);
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.ok && Object.getPrototypeOf(r.value.owners[0])).toBe(Object.prototype);
  });
});
