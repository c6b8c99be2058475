import { describe, expect, it } from 'vitest';
import { classifySender, createBackgroundContext, handleBackgroundMessage } from '@/utils/background/service';
import { importBundle } from '@/utils/background/store/bundle-io';
import type { RuanzhuDb } from '@/utils/background/store/db';
import { freshDb, sampleBundle } from './helpers';

const ctx = (db: RuanzhuDb, onChange = () => {}) => createBackgroundContext(db, onChange);

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('classifySender', () => {
  it.each([
    ['our options page', { id: ID, url: `${ORIGIN}options.html` }, 'extension-page'],
    ['our options page opened in a tab', { id: ID, url: `${ORIGIN}options.html`, tab: { id: 3 } }, 'extension-page'],
    ['our content script on the portal', { id: ID, url: 'https://register.ccopyright.com.cn/r11.html#/features', tab: { id: 3 } }, 'content-script'],
    ['our content script on plain http', { id: ID, url: 'http://register.ccopyright.com.cn/r11.html', tab: { id: 3 } }, null],
    ['a look-alike host', { id: ID, url: 'https://register.ccopyright.com.cn.evil.example/', tab: { id: 3 } }, null],
    ['another extension', { id: 'zzzz', url: 'chrome-extension://zzzz/x.html' }, null],
    ['no id at all (a web page)', { url: 'https://example.com/' }, null],
  ])('%s', (_name, sender, expected) => {
    expect(classifySender(sender as never, ID, ORIGIN)).toBe(expected);
  });
});

describe('handleBackgroundMessage', () => {
  it('imports and exports for extension pages', async () => {
    const { db } = freshDb();
    const r = await handleBackgroundMessage(ctx(db), { type: 'ruanzhu:import', bundle: sampleBundle() }, 'extension-page');
    expect(r).toMatchObject({ ok: true, owners: 2, works: 1 });
    const exported = (await handleBackgroundMessage(ctx(db), { type: 'ruanzhu:export' }, 'extension-page')) as { owners: unknown[] };
    expect(exported.owners).toHaveLength(2);
  });

  it('ignores messages of unknown shape and senders it does not trust', async () => {
    const { db } = freshDb();
    expect(await handleBackgroundMessage(ctx(db), { type: 'ruanzhu:export', extra: 1 }, null)).toBeUndefined();
    expect(await handleBackgroundMessage(ctx(db), { type: 'ruanzhu:drop-everything' }, 'extension-page')).toBeUndefined();
    expect(await handleBackgroundMessage(ctx(db), 'ruanzhu:export', 'extension-page')).toBeUndefined();
  });

  it('a content script may ask for its plan values, but not import or export', async () => {
    const { db } = freshDb();
    await importBundle(db, sampleBundle());
    expect(await handleBackgroundMessage(ctx(db), { type: 'ruanzhu:export' }, 'content-script')).toBeUndefined();
    expect(await handleBackgroundMessage(ctx(db), { type: 'ruanzhu:import', bundle: sampleBundle() }, 'content-script')).toBeUndefined();
    const values = await handleBackgroundMessage(ctx(db), { type: 'ruanzhu:plan-values', ownerId: 'o-yunfan', workId: 'w-yunfan-crm', page: 'ccopyright.r11.application' }, 'content-script');
    expect(values).toMatchObject({ owner: { name: '北京云帆科技有限公司' }, work: { fullName: '云帆客户关系管理系统' }, coOwners: [] });
  });
});

describe('store messages', () => {
  const ask = (db: RuanzhuDb, op: string, args: object = {}, onChange = () => {}) =>
    handleBackgroundMessage(ctx(db, onChange), { type: 'ruanzhu:store', op, ...args }, 'extension-page');

  it('saves, lists, counts, deletes, and announces each write', async () => {
    const { db } = freshDb();
    let changes = 0;
    const count = () => changes++;
    const saved = (await ask(db, 'save-owner', { record: { kind: 'person', name: '张三', tags: ['个人'] } }, count)) as { ok: true; record: { id: string } };
    expect(saved.ok).toBe(true);
    expect(await ask(db, 'owners', { query: { text: '张' } })).toHaveLength(1);
    expect(await ask(db, 'tags')).toEqual({ owners: ['个人'], works: [] });
    expect(await ask(db, 'count')).toEqual({ owners: 1, works: 0 });
    const work = (await ask(db, 'save-work', { record: { fullName: 'X软件', ownerIds: [saved.record.id] } }, count)) as { ok: true; record: { id: string } };
    expect(await ask(db, 'linked-works', { ownerId: saved.record.id })).toBe(1);
    expect(await ask(db, 'delete-owner', { id: saved.record.id }, count)).toEqual({ ok: true, record: 1 });
    expect(await ask(db, 'delete-work', { id: work.record.id }, count)).toMatchObject({ ok: true });
    expect(changes).toBe(4);
  });

  it('a refused write answers with the reason and announces nothing', async () => {
    const { db } = freshDb();
    let changes = 0;
    const r = await ask(db, 'save-work', { record: { fullName: 'X', ownerIds: ['o-none'] } }, () => changes++);
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('o-none') });
    expect(changes).toBe(0);
  });

  it('content scripts cannot use the store', async () => {
    const { db } = freshDb();
    expect(await handleBackgroundMessage(ctx(db), { type: 'ruanzhu:store', op: 'owners', query: {} }, 'content-script')).toBeUndefined();
  });
});
