import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBundle, importBundle } from '@/utils/background/store/bundle-io';
import { recordFilings } from '@/utils/background/store/filings';
import { BUNDLE_MIGRATIONS, BUNDLE_VERSION, parseBundle } from '@/utils/schema/bundle';
import type { FilingReading } from '@/utils/schema/filing';
import { freshDb } from '../helpers';

// Bundle version 2 carries the tracked filings; version-1 files (test/fixtures/bundles/) upgrade
// step by step and stay importable.

const v1 = () => JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/bundles/v1.ruanzhu.json'), 'utf8'));
const reading = (over: Partial<FilingReading> = {}): FilingReading => ({ flowNumber: '2026R11L0125852', softwareName: '云帆客户关系管理系统', version: 'V1.0', status: '待受理', ...over });

describe('bundle version 2', () => {
  it('upgrades a version-1 file: the same owners and works, no filings', () => {
    const file = v1();
    expect(file.version).toBe(1);
    expect(BUNDLE_VERSION).toBe(2);
    expect(BUNDLE_MIGRATIONS[1](file)).toMatchObject({ version: 2, filings: [] });
    const r = parseBundle(file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.version).toBe(2);
    expect(r.value.filings).toEqual([]);
    expect(r.value.owners.map((o) => o.name)).toEqual(file.owners.map((o: { name: string }) => o.name));
    expect(r.value.works.map((w) => [w.fullName, w.version, w.ownerIds])).toEqual(file.works.map((w: { fullName: string; version: string; ownerIds: string[] }) => [w.fullName, w.version, w.ownerIds]));
  });

  it('imports a version-1 file and exports version 2 with the filings tracked since', async () => {
    const { db } = freshDb();
    expect(await importBundle(db, v1())).toMatchObject({ ok: true, owners: 2, works: 1, filings: 0 });
    await recordFilings(db, [reading()], new Date('2026-11-01T00:00:00Z'));
    const out = await exportBundle(db, new Date('2026-11-23T00:00:00Z'));
    expect(out.version).toBe(2);
    expect(out.filings).toEqual([expect.objectContaining({ flowNumber: '2026R11L0125852', status: '待受理', workId: 'w-yunfan-crm', ownerIds: ['o-yunfan'] })]);
  });

  it('round-trips filings: export → another store → export is equal', async () => {
    const { db } = freshDb();
    await importBundle(db, v1());
    await recordFilings(db, [reading()], new Date('2026-11-01T00:00:00Z'));
    await recordFilings(db, [reading({ status: '待补正', correction: { noticeDate: '2026-11-20', reasons: ['软件名称不一致'] } })], new Date('2026-11-21T00:00:00Z'));
    const first = await exportBundle(db, new Date('2026-11-23T00:00:00Z'));
    const { db: other } = freshDb();
    expect(await importBundle(other, JSON.parse(JSON.stringify(first)))).toMatchObject({ ok: true, filings: 1, created: 4 });
    expect(await exportBundle(other, new Date('2026-11-23T00:00:00Z'))).toEqual(first);
  });

  it('joins the histories of a filing the store already tracks', async () => {
    const { db } = freshDb();
    await importBundle(db, v1());
    await recordFilings(db, [reading()], new Date('2026-11-01T00:00:00Z'));
    const colleague = await exportBundle(db);
    colleague.filings[0] = { ...colleague.filings[0], status: '待审查', history: [...colleague.filings[0].history, { status: '待审查', seenAt: '2026-11-10T00:00:00.000Z' }], updatedAt: '2026-11-10T00:00:00.000Z' };
    await recordFilings(db, [reading({ status: '待补正' })], new Date('2026-11-05T00:00:00Z'));
    expect(await importBundle(db, colleague)).toMatchObject({ ok: true, updated: 4 });
    const f = (await db.filings.get('2026R11L0125852'))!;
    expect(f.history.map((h) => h.status)).toEqual(['待受理', '待补正', '待审查']);
    expect(f.status).toBe('待审查');
  });

  it('rejects, writing nothing, a filing naming a work or owner that is nowhere, and duplicate 流水号', async () => {
    const { db } = freshDb();
    await importBundle(db, v1());
    await recordFilings(db, [reading()], new Date('2026-11-01T00:00:00Z'));
    const bundle = await exportBundle(db);
    await db.filings.clear();
    const bad = { ...bundle, filings: [{ ...bundle.filings[0], workId: 'w-ghost', ownerIds: ['o-ghost'] }] };
    const r = await importBundle(db, bad);
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.record])).toEqual([
      ['filings[0].workId', 'filings[0]（流水号 2026R11L0125852）'],
      ['filings[0].ownerIds[0]', 'filings[0]（流水号 2026R11L0125852）'],
    ]);
    expect(r.ok ? '' : r.errors[0].message).toContain('w-ghost');
    expect(await db.filings.count()).toBe(0);
    const twice = parseBundle({ ...bundle, filings: [bundle.filings[0], bundle.filings[0]] });
    expect(twice.ok ? [] : twice.errors.map((e) => e.path)).toEqual(['filings[1].flowNumber']);
    const future = parseBundle({ ...bundle, version: 3 });
    expect(future.ok ? '' : future.errors[0].message).toMatch(/更新版本/);
  });
});
