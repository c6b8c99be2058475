import { describe, expect, it } from 'vitest';
import { backgroundHandlers, classifySender, createBackgroundContext } from '@/utils/background/service';
import { dispatch } from '@/utils/contract/dispatch';
import { importBundle } from '@/utils/background/store/bundle-io';
import type { ProfileStore } from '@/utils/background/store/profile-store';
import { askBackground, freshStore, sampleBundle } from './helpers';

const ctx = (store: ProfileStore, onChange = () => {}) => createBackgroundContext(store, onChange);

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('classifySender', () => {
  it.each([
    ['our options page', { id: ID, url: `${ORIGIN}options.html` }, 'extension-page'],
    ['our options page opened in a tab', { id: ID, url: `${ORIGIN}options.html`, tab: { id: 3 } }, 'extension-page'],
    ['our content script on the portal', { id: ID, url: 'https://register.ccopyright.com.cn/r11.html#/features', tab: { id: 3 } }, 'content-script'],
    ['our content script in a frame of the portal', { id: ID, url: 'https://register.ccopyright.com.cn/r11.html', tab: { id: 3 }, frameId: 5 }, 'content-script'],
    ['our content script on plain http', { id: ID, url: 'http://register.ccopyright.com.cn/r11.html', tab: { id: 3 } }, null],
    ['a look-alike host', { id: ID, url: 'https://register.ccopyright.com.cn.evil.example/', tab: { id: 3 } }, null],
    ['another extension', { id: 'zzzz', url: 'chrome-extension://zzzz/x.html' }, null],
    ['no id at all (a web page)', { url: 'https://example.com/' }, null],
  ])('%s', (_name, sender, expected) => {
    expect(classifySender(sender as never, ID, ORIGIN)?.party ?? null).toBe(expected);
  });
});

describe('background messages', () => {
  it('imports and exports for extension pages', async () => {
    const { store: db } = freshStore();
    const r = await askBackground(ctx(db), { type: 'ruanzhu:import', bundle: sampleBundle() });
    expect(r).toMatchObject({ ok: true, owners: 2, works: 1 });
    const exported = await askBackground(ctx(db), { type: 'ruanzhu:export' });
    expect(exported.owners).toHaveLength(2);
  });

  it('ignores messages of unknown type, senders it does not trust and non-messages', async () => {
    const { store: db } = freshStore();
    expect(await askBackground(ctx(db), { type: 'ruanzhu:export' }, null)).toBeUndefined();
    expect(await askBackground(ctx(db), { type: 'ruanzhu:drop-everything' })).toBeUndefined();
    expect(await askBackground(ctx(db), { type: 'toString' })).toBeUndefined();
    expect(await askBackground(ctx(db), 'ruanzhu:export' as never)).toBeUndefined();
    // A message addressed to content scripts is not the background's to answer.
    expect(await askBackground(ctx(db), { type: 'ruanzhu:fill', ownerId: 'o-zhang-san' }, 'extension-page')).toBeUndefined();
  });

  it('a malformed request of a known type from a trusted sender gets the one failure shape', async () => {
    const { store: db } = freshStore();
    expect(await askBackground(ctx(db), { type: 'ruanzhu:owner', id: 42 })).toEqual({ failed: true, reason: 'invalid', error: expect.stringContaining('id') });
  });

  it('a content script may ask for its plan values and have a material read, but not import, export or list', async () => {
    const { store: db } = freshStore();
    await db.use((d) => importBundle(d, sampleBundle()));
    for (const type of ['ruanzhu:export', 'ruanzhu:owners', 'ruanzhu:lock-status', 'ruanzhu:tab-state']) {
      expect(await askBackground(ctx(db), { type, tabId: 1 }, 'content-script'), type).toBeUndefined();
    }
    expect(await askBackground(ctx(db), { type: 'ruanzhu:import', bundle: sampleBundle() }, 'content-script')).toBeUndefined();
    const values = await askBackground(ctx(db), { type: 'ruanzhu:plan-values', ownerId: 'o-yunfan', workId: 'w-yunfan-crm', page: 'ccopyright.r11.application' }, 'content-script');
    expect(values).toMatchObject({ owner: { name: '北京云帆科技有限公司' }, work: { fullName: '云帆客户关系管理系统' }, coOwners: [] });
    const inspected = await askBackground({ ...ctx(db), inspectMaterial: async () => ({ findings: [], pages: 3 }) }, { type: 'ruanzhu:inspect-material', data: '', material: 'source', work: {} }, 'content-script');
    expect(inspected).toEqual({ findings: [], pages: 3 });
  });

  it('an extension page may not send what only content scripts send', async () => {
    const { store: db } = freshStore();
    expect(await askBackground(ctx(db), { type: 'ruanzhu:inspect-material', data: '', material: 'source', work: {} }, 'extension-page')).toBeUndefined();
    expect(await askBackground(ctx(db), { type: 'ruanzhu:load-engine' }, 'extension-page')).toBeUndefined();
  });

  it('a content script learns the choice made for its own tab (ids only), no other tab’s', async () => {
    const { store: db } = freshStore();
    const handlers = backgroundHandlers(ctx(db));
    const page = { party: 'extension-page' as const, url: 'chrome-extension://x/popup.html' };
    await dispatch('background', handlers, { type: 'ruanzhu:update-tab-state', tabId: 7, patch: { ownerId: 'o-yunfan', workId: 'w-yunfan-crm', lastFill: { page: 'ccopyright.login', results: [{ key: 'owner.account', status: 'filled', value: 'zhangsan' }] } } }, page);
    const asked = (tabId?: number) => dispatch('background', handlers, { type: 'ruanzhu:tab-choice' }, { party: 'content-script', url: 'https://register.ccopyright.com.cn/r11.html', ...(tabId === undefined ? {} : { tabId }) });
    expect(await asked(7)).toEqual({ ownerId: 'o-yunfan', workId: 'w-yunfan-crm' });
    expect(await asked(8)).toBeNull();
    expect(await asked()).toBeNull();
    // An extension page has its own way (ruanzhu:tab-state); this one is the content scripts'.
    expect(await dispatch('background', handlers, { type: 'ruanzhu:tab-choice' }, page)).toBeUndefined();
  });

  it('a content script’s loader gets its engine injected into its own tab and frame, nowhere else', async () => {
    const { store: db } = freshStore();
    const injected: unknown[] = [];
    const withInjection = { ...ctx(db), injectEngine: async (target: unknown) => void injected.push(target) };
    const handlers = backgroundHandlers(withInjection);
    expect(await dispatch('background', handlers, { type: 'ruanzhu:load-engine' }, { party: 'content-script', tabId: 7, frameId: 2, url: 'https://register.ccopyright.com.cn/r11.html' })).toBeNull();
    expect(await dispatch('background', handlers, { type: 'ruanzhu:load-engine' }, { party: 'content-script', tabId: 8, url: 'https://copyright.console.aliyun.com/' })).toBeNull();
    expect(injected).toEqual([{ tabId: 7, frameId: 2 }, { tabId: 8, frameId: 0 }]);
    // Without a tab there is nowhere to inject: the one failure shape, nothing injected.
    expect(await dispatch('background', handlers, { type: 'ruanzhu:load-engine' }, { party: 'content-script' })).toMatchObject({ failed: true, reason: 'page-unknown' });
    expect(injected).toHaveLength(2);
  });
});

describe('store messages', () => {
  const ask = (db: ProfileStore, type: string, args: object = {}, onChange = () => {}) => askBackground(ctx(db, onChange), { type: `ruanzhu:${type}`, ...args });

  it('saves, lists, counts, deletes, and announces each write', async () => {
    const { store: db } = freshStore();
    let changes = 0;
    const count = () => changes++;
    const saved = await ask(db, 'save-owner', { record: { kind: 'person', name: '张三', tags: ['个人'] } }, count);
    expect(saved).toMatchObject({ name: '张三' });
    expect(await ask(db, 'owners', { query: { text: '张' } })).toHaveLength(1);
    expect(await ask(db, 'tags')).toEqual({ owners: ['个人'], works: [] });
    expect(await ask(db, 'count')).toEqual({ owners: 1, works: 0 });
    const work = await ask(db, 'save-work', { record: { fullName: 'X软件', ownerIds: [saved.id] } }, count);
    expect(await ask(db, 'linked-works', { ownerId: saved.id })).toBe(1);
    expect(await ask(db, 'delete-owner', { id: saved.id }, count)).toBe(1);
    expect(await ask(db, 'delete-work', { id: work.id }, count)).toBeNull();
    expect(changes).toBe(4);
  });

  it('a refused write answers with the one failure shape and announces nothing', async () => {
    const { store: db } = freshStore();
    let changes = 0;
    const r = await ask(db, 'save-work', { record: { fullName: 'X', ownerIds: ['o-none'] } }, () => changes++);
    expect(r).toEqual({ failed: true, reason: 'invalid', error: expect.stringContaining('o-none') });
    expect(changes).toBe(0);
  });
});
