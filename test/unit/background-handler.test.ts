import { describe, expect, it } from 'vitest';
import { classifySender, handleBackgroundMessage } from '@/utils/messages/background-handler';
import { importBundle } from '@/utils/storage/bundle-io';
import { freshDb, sampleBundle } from './helpers';

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
    const r = await handleBackgroundMessage(db, { type: 'ruanzhu:import', bundle: sampleBundle() }, 'extension-page');
    expect(r).toMatchObject({ ok: true, owners: 2, works: 1 });
    const exported = (await handleBackgroundMessage(db, { type: 'ruanzhu:export' }, 'extension-page')) as { owners: unknown[] };
    expect(exported.owners).toHaveLength(2);
  });

  it('ignores messages of unknown shape and senders it does not trust', async () => {
    const { db } = freshDb();
    expect(await handleBackgroundMessage(db, { type: 'ruanzhu:export', extra: 1 }, null)).toBeUndefined();
    expect(await handleBackgroundMessage(db, { type: 'ruanzhu:drop-everything' }, 'extension-page')).toBeUndefined();
    expect(await handleBackgroundMessage(db, 'ruanzhu:export', 'extension-page')).toBeUndefined();
  });

  it('a content script may ask for its plan values, but not import or export', async () => {
    const { db } = freshDb();
    await importBundle(db, sampleBundle());
    expect(await handleBackgroundMessage(db, { type: 'ruanzhu:export' }, 'content-script')).toBeUndefined();
    expect(await handleBackgroundMessage(db, { type: 'ruanzhu:import', bundle: sampleBundle() }, 'content-script')).toBeUndefined();
    const values = await handleBackgroundMessage(db, { type: 'ruanzhu:plan-values', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' }, 'content-script');
    expect(values).toMatchObject({ owner: { name: '北京云帆科技有限公司' }, work: { fullName: '云帆客户关系管理系统' }, coOwners: [] });
  });
});
