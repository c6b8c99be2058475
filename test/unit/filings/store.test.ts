import { describe, expect, it } from 'vitest';
import { createBackgroundContext, backgroundHandlers, type BackgroundContext } from '@/utils/background/service';
import { updateDeadlineBadge } from '@/utils/background/filings/deadline-badge';
import { importBundle } from '@/utils/background/store/bundle-io';
import { listFilings, recordFilings } from '@/utils/background/store/filings';
import { dispatch } from '@/utils/contract/dispatch';
import { isFailure } from '@/utils/contract/failure';
import { MESSAGES } from '@/utils/contract/messages';
import type { FilingReading } from '@/utils/schema/filing';
import { askBackground, freshStore, sampleBundle } from '../helpers';

// The tracker's storage in the background: recording what the center's pages show, links to the
// stored works, the user's entries, and the toolbar badge that reminds of a 补正 deadline.

const LIST = 'https://register.ccopyright.com.cn/account.html?current=soft_register';
const DETAIL = 'https://register.ccopyright.com.cn/accountDetails.html?flowNumber=2026R11L0108874&current=soft_register';
const reading = (over: Partial<FilingReading> = {}): FilingReading => ({ flowNumber: '2026R11L0125852', softwareName: '云帆客户关系管理系统', version: 'V1.0', status: '待上传签章页', ...over });

function harness() {
  const { store, db } = freshStore();
  const events: string[] = [];
  const ctx: BackgroundContext = { ...createBackgroundContext(store, () => events.push('changed')), onFilingsChange: () => events.push('filings') };
  /** `ruanzhu:record-filings` from a content script on `url`. */
  const record = async (filings: FilingReading[], url = LIST) => {
    const answer = await dispatch('background', backgroundHandlers(ctx), { type: 'ruanzhu:record-filings', filings }, { party: 'content-script', tabId: 1, url });
    if (!isFailure(answer)) MESSAGES['ruanzhu:record-filings'].response.parse(answer);
    return answer as { recorded: number; changed: number };
  };
  return { store, db, ctx, events, record };
}

describe('recording filings', () => {
  it('records what the list shows, linked to the stored work of that name and version, and says only how many', async () => {
    const { store, ctx, events, record } = harness();
    await store.use((db) => importBundle(db, sampleBundle()));
    expect(await record([reading(), reading({ flowNumber: '2026R11L0119307', softwareName: '灵犀笔记APP', version: 'V2.1.3', status: '待受理' })])).toEqual({ recorded: 2, changed: 2 });
    expect(events).toEqual(['changed', 'filings']);
    const [crm] = await askBackground(ctx, { type: 'ruanzhu:filings', workId: 'w-yunfan-crm' });
    expect(crm).toMatchObject({ flowNumber: '2026R11L0125852', status: '待上传签章页', workId: 'w-yunfan-crm', linkedBy: 'name', ownerIds: ['o-yunfan'] });
    expect(await askBackground(ctx, { type: 'ruanzhu:filings' })).toHaveLength(2);
    // The same page again: nothing new, nothing written, nobody told.
    expect(await record([reading()])).toEqual({ recorded: 1, changed: 0 });
    expect(events).toEqual(['changed', 'filings']);
  });

  it('only from the filing list and detail pages of the center', async () => {
    const { record, db } = harness();
    expect(await record([reading()], 'https://register.ccopyright.com.cn/r11.html#/confirm')).toMatchObject({ failed: true, reason: 'page-unknown' });
    expect(await record([reading()], 'https://copyright.console.aliyun.com/#/order/list')).toMatchObject({ failed: true, reason: 'page-unknown' });
    expect(await record([reading()], DETAIL)).toEqual({ recorded: 1, changed: 1 });
    expect(await (await db()).filings.count()).toBe(1);
  });

  it('refuses readings that are no filings (a made-up 流水号, a novel for a name) and pages may not list or change them', async () => {
    const { ctx, record } = harness();
    expect(await record([reading({ flowNumber: 'R11-1' })])).toMatchObject({ failed: true, reason: 'invalid' });
    expect(await record([reading({ softwareName: '字'.repeat(5000) })])).toMatchObject({ failed: true, reason: 'invalid' });
    expect(await record(Array.from({ length: 201 }, () => reading()))).toMatchObject({ failed: true, reason: 'invalid' });
    for (const type of ['ruanzhu:filings', 'ruanzhu:update-filing', 'ruanzhu:delete-filing']) {
      expect(await askBackground(ctx, { type, flowNumber: '2026R11L0125852', patch: {} }, 'content-script'), type).toBeUndefined();
    }
    // Extension pages read the tracker; they do not record pages.
    expect(await askBackground(ctx, { type: 'ruanzhu:record-filings', filings: [reading()] }, 'extension-page')).toBeUndefined();
  });

  it('follows the works: a work saved under the filing’s name links it, a deleted one unlinks it', async () => {
    const { store, ctx, record } = harness();
    await store.use((db) => importBundle(db, sampleBundle()));
    await record([reading({ flowNumber: '2026R11L0108874', softwareName: '云帆协同办公平台', version: 'V2.0', status: '待补正' })]);
    expect((await askBackground(ctx, { type: 'ruanzhu:filings' }))[0]).not.toHaveProperty('workId');
    await askBackground(ctx, { type: 'ruanzhu:save-work', record: { id: 'w-oa', fullName: '云帆协同办公平台', version: 'V2.0', ownerIds: ['o-yunfan', 'o-zhang-san'] } });
    expect((await askBackground(ctx, { type: 'ruanzhu:filings' }))[0]).toMatchObject({ workId: 'w-oa', ownerIds: ['o-yunfan', 'o-zhang-san'] });
    await askBackground(ctx, { type: 'ruanzhu:delete-owner', id: 'o-zhang-san' });
    expect((await askBackground(ctx, { type: 'ruanzhu:filings' }))[0]).toMatchObject({ workId: 'w-oa', ownerIds: ['o-yunfan'] });
    await askBackground(ctx, { type: 'ruanzhu:delete-work', id: 'w-oa' });
    const [f] = await askBackground(ctx, { type: 'ruanzhu:filings' });
    expect(f).not.toHaveProperty('workId');
    expect(f.ownerIds).toEqual([]);
  });

  it('the user enters the notice’s date, links a work by hand and forgets a filing', async () => {
    const { store, ctx, events, record } = harness();
    await store.use((db) => importBundle(db, sampleBundle()));
    await record([reading({ flowNumber: '2026R11L0108874', softwareName: '云帆协同办公平台', version: 'V2.0', status: '待补正' })]);
    events.length = 0;
    const dated = await askBackground(ctx, { type: 'ruanzhu:update-filing', flowNumber: '2026R11L0108874', patch: { userNoticeDate: '2026-11-18', workId: 'w-yunfan-crm' } });
    expect(dated).toMatchObject({ workId: 'w-yunfan-crm', linkedBy: 'user', correction: { userNoticeDate: '2026-11-18' } });
    expect(events).toEqual(['changed', 'filings']);
    expect(await askBackground(ctx, { type: 'ruanzhu:update-filing', flowNumber: '2026R11L0108874', patch: { workId: 'w-ghost' } })).toMatchObject({ failed: true, reason: 'not-found' });
    expect(await askBackground(ctx, { type: 'ruanzhu:update-filing', flowNumber: '2026R11L0108874', patch: { userNoticeDate: '2026-02-30' } })).toMatchObject({ failed: true, reason: 'invalid' });
    expect(await askBackground(ctx, { type: 'ruanzhu:delete-filing', flowNumber: '2026R11L0108874' })).toBeNull();
    expect(await askBackground(ctx, { type: 'ruanzhu:filings' })).toEqual([]);
    expect(await askBackground(ctx, { type: 'ruanzhu:delete-filing', flowNumber: '2026R11L0108874' })).toMatchObject({ failed: true, reason: 'not-found' });
  });

  it('lists open 补正 first, by deadline, then the rest by their last change', async () => {
    const { db } = harness();
    const d = await db();
    await recordFilings(d, [reading({ flowNumber: '2026R11L0000001', status: '待受理' })], new Date('2026-11-01T00:00:00Z'));
    await recordFilings(d, [reading({ flowNumber: '2026R11L0000002', status: '待补正', correction: { noticeDate: '2026-11-25', reasons: [] } })], new Date('2026-11-26T00:00:00Z'));
    await recordFilings(d, [reading({ flowNumber: '2026R11L0000003', status: '待补正', correction: { noticeDate: '2026-11-20', reasons: [] } })], new Date('2026-11-21T00:00:00Z'));
    await recordFilings(d, [reading({ flowNumber: '2026R11L0000004', status: '已发放' })], new Date('2026-11-02T00:00:00Z'));
    expect((await listFilings(d)).map((f) => f.flowNumber)).toEqual(['2026R11L0000003', '2026R11L0000002', '2026R11L0000004', '2026R11L0000001']);
  });

  it('the lock rewriting the database keeps the filings', async () => {
    const { store, ctx, record } = harness();
    const fast = { ...createBackgroundContext(store, () => {}, 1000) };
    await store.use((db) => importBundle(db, sampleBundle()));
    await record([reading()]);
    await askBackground(fast, { type: 'ruanzhu:lock-enable', passphrase: 'correct horse battery' });
    expect(await askBackground(ctx, { type: 'ruanzhu:filings' })).toEqual([expect.objectContaining({ flowNumber: '2026R11L0125852', workId: 'w-yunfan-crm' })]);
  });
});

describe('the 补正 reminder on the toolbar icon', () => {
  const at = (day: string) => new Date(`${day}T09:00:00`);
  async function badge(day: string, filings: Parameters<typeof recordFilings>[1]) {
    const { db } = harness();
    const d = await db();
    await recordFilings(d, filings, new Date('2026-11-21T00:00:00Z'));
    const shown: string[] = [];
    const alarms: boolean[] = [];
    const reminder = await updateDeadlineBadge({ filings: () => listFilings(d), show: async (text, color, title) => void shown.push(`${text}|${color}|${title}`), alarm: async (on) => void alarms.push(on), now: at(day) });
    return { shown, alarms, reminder };
  }
  const correction = reading({ flowNumber: '2026R11L0108874', softwareName: '云帆协同办公平台', status: '待补正', correction: { noticeDate: '2026-11-20', reasons: [] } });

  it('nothing while the deadline is far, but the alarm keeps counting the days', async () => {
    expect(await badge('2026-12-02', [correction])).toEqual({ shown: ['|#9a6700|软著助手'], alarms: [true], reminder: null });
  });

  it('the days left from 10 days before, red in the last three, 逾期 once past', async () => {
    expect((await badge('2026-12-10', [correction])).shown).toEqual(['10天|#9a6700|软著助手 · 补正期限：2026R11L0108874 云帆协同办公平台 须在 2026-12-20 前补正']);
    expect((await badge('2026-12-17', [correction])).shown[0]).toMatch(/^3天\|#b3261e\|/);
    expect((await badge('2026-12-20', [correction])).shown[0]).toMatch(/^今天\|#b3261e\|/);
    expect((await badge('2026-12-21', [correction])).shown[0]).toMatch(/^逾期\|#b3261e\|/);
  });

  it('no 补正 open: no badge and no alarm', async () => {
    expect(await badge('2026-12-19', [reading()])).toEqual({ shown: ['|#9a6700|软著助手'], alarms: [false], reminder: null });
  });
});
