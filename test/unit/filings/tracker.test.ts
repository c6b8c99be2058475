import { describe, expect, it } from 'vitest';
import { addDays, correctionDeadline, daysUntil, nearestReminder, REMIND_WITHIN_DAYS } from '@/utils/filings/deadline';
import { applyPatch, linkFiling, mergeCopies, mergeReading, worksOf } from '@/utils/filings/merge';
import { FILING_STAGES, filingStageOf, type FilingStage } from '@/utils/filings/stages';
import { Filing, type FilingReading } from '@/utils/schema/filing';
import { Work } from '@/utils/schema/work';

// The tracker's pure parts: the next-step table, the 补正 deadline, and how readings of the center's
// pages become a filing with its status history and its link to a stored work.

const T1 = '2026-11-01T02:00:00.000Z';
const T2 = '2026-11-05T02:00:00.000Z';
const T3 = '2026-11-21T02:00:00.000Z';
const row = (over: Partial<FilingReading> = {}): FilingReading => ({ flowNumber: '2026R11L0108874', softwareName: '云帆协同办公平台', version: 'V2.0', status: '待审查', ...over });
const work = (id: string, fullName: string, version: string, ownerIds = ['o-yunfan']) => Work.parse({ id, fullName, version, ownerIds });

describe('the next-step table', () => {
  it.each<[string, FilingStage | null]>([
    ['草稿', 'draft'],
    ['草稿箱', 'draft'],
    ['待提交', 'to-submit'],
    ['待上传签章页', 'signature'],
    ['待受理', 'acceptance'],
    ['待审查', 'review'],
    ['审查中', 'review'],
    ['待补正', 'correction'],
    ['待发放', 'issue'],
    ['已发放', 'issued'],
    [' 待补正 ', 'correction'],
    // A 补正 already answered and under review again is under review, not due.
    ['补正审查中', 'review'],
    ['不予登记', null],
    ['已撤回', null],
    ['', null],
  ])('%j → %s', (status, stage) => expect(filingStageOf(status)).toBe(stage));

  it('gives every status its meaning, next steps and how long it takes, each line marked with its source', () => {
    for (const [stage, guide] of Object.entries(FILING_STAGES)) {
      const lines = [guide.meaning, guide.duration, ...guide.steps];
      expect(guide.steps.length, stage).toBeGreaterThan(0);
      for (const l of lines) {
        expect(['seen', 'single', 'seed', 'guess', 'ours'], `${stage}: ${l.zh}`).toContain(l.mark);
        expect(l.zh, stage).toMatch(/\p{Script=Han}/u);
        expect(l.en, stage).toMatch(/^[A-Z]/);
        // A fact names where it comes from; only our own advice and guesses may stand alone.
        if (l.mark === 'seen' || l.mark === 'seed') expect(l.source, `${stage}: ${l.zh}`).toBeTruthy();
      }
    }
  });

  it('says what the portal hides: a 签章页 goes up as a PDF; a 补正 is due in 30 days', () => {
    expect(FILING_STAGES.signature.steps.map((s) => s.zh).join('')).toMatch(/打印签章页[\s\S]*签字[\s\S]*盖章[\s\S]*扫描成 PDF[\s\S]*JPG[\s\S]*上传签章页[\s\S]*确认提交/);
    expect(FILING_STAGES.correction.duration).toMatchObject({ mark: 'seen', source: '登记办法第二十二条' });
    expect(FILING_STAGES.correction.duration.zh).toContain('30 日');
    expect(FILING_STAGES.review.duration.zh).toContain('60 日');
  });
});

describe('the 补正 deadline', () => {
  const inCorrection = (correction: Filing['correction']) => ({ status: '待补正', correction });

  it('counts 30 days from the notice, whole days across months and years', () => {
    expect(addDays('2026-11-20', 30)).toBe('2026-12-20');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2028-02-01', 30)).toBe('2028-03-02');
    expect(daysUntil('2026-12-20', '2026-12-02')).toBe(18);
    expect(daysUntil('2026-12-01', '2026-12-02')).toBe(-1);
  });

  it('the user’s notice date wins, then the page’s deadline, then its notice date, then the day first seen', () => {
    const since = T3;
    expect(correctionDeadline(inCorrection({ since, reasons: [], userNoticeDate: '2026-11-18', pageNoticeDate: '2026-11-20', pageDeadline: '2026-12-19' }))).toEqual({ date: '2026-12-18', basis: 'user-notice', noticeDate: '2026-11-18' });
    expect(correctionDeadline(inCorrection({ since, reasons: [], pageNoticeDate: '2026-11-20', pageDeadline: '2026-12-19' }))).toEqual({ date: '2026-12-19', basis: 'page-deadline', noticeDate: '2026-11-20' });
    expect(correctionDeadline(inCorrection({ since, reasons: [], pageNoticeDate: '2026-11-20' }))).toEqual({ date: '2026-12-20', basis: 'page-notice', noticeDate: '2026-11-20' });
    expect(correctionDeadline(inCorrection({ since, reasons: [] }))).toEqual({ date: '2026-12-21', basis: 'first-seen' });
  });

  it('applies only while the filing is in 补正', () => {
    expect(correctionDeadline({ status: '待审查', correction: { since: T3, reasons: [], pageNoticeDate: '2026-11-20' } })).toBeNull();
    expect(correctionDeadline({ status: '待补正' })).toBeNull();
  });

  it('reminds of the most urgent open 补正 from 10 days before its deadline, and after it', () => {
    const f = (flowNumber: string, notice: string, status = '待补正') =>
      Filing.parse({ ...row({ flowNumber, status }), history: [{ status, seenAt: T3 }], firstSeenAt: T3, updatedAt: T3, correction: { since: T3, pageNoticeDate: notice } });
    const filings = [f('2026R11L0000001', '2026-11-20'), f('2026R11L0000002', '2026-11-10'), f('2026R11L0000003', '2026-10-01', '待审查')];
    expect(REMIND_WITHIN_DAYS).toBe(10);
    expect(nearestReminder(filings, '2026-11-29')).toBeNull();
    expect(nearestReminder(filings, '2026-11-30')).toMatchObject({ flowNumber: '2026R11L0000002', daysLeft: 10 });
    expect(nearestReminder(filings, '2026-12-12')).toMatchObject({ flowNumber: '2026R11L0000002', daysLeft: -2 });
  });
});

describe('a filing from the pages’ readings', () => {
  it('a first reading makes a filing with its first status', () => {
    expect(mergeReading(undefined, row({ appliedOn: '2026-10-12' }), T1)).toEqual({
      flowNumber: '2026R11L0108874', softwareName: '云帆协同办公平台', version: 'V2.0', status: '待审查', appliedOn: '2026-10-12', ownerIds: [],
      history: [{ status: '待审查', seenAt: T1 }], firstSeenAt: T1, updatedAt: T1,
    });
  });

  it('adds a status to the history only when it changes; the same reading changes nothing', () => {
    const a = mergeReading(undefined, row({ status: '待受理' }), T1);
    expect(mergeReading(a, row({ status: '待受理' }), T2)).toEqual(a);
    const b = mergeReading(a, row(), T2);
    expect(b.history).toEqual([{ status: '待受理', seenAt: T1 }, { status: '待审查', seenAt: T2 }]);
    expect(b.updatedAt).toBe(T2);
  });

  it('keeps what only the detail shows (the progress) while the status stays, drops it when the status moves on', () => {
    const progress = [{ step: '提交' as const, done: true, date: '2026-10-12' }, { step: '受理' as const, done: false }, { step: '审查' as const, done: false }, { step: '发放' as const, done: false }];
    const detail = mergeReading(undefined, row({ status: '待受理', progress }), T1);
    expect(mergeReading(detail, row({ status: '待受理' }), T2).progress).toEqual(progress);
    expect(mergeReading(detail, row(), T2).progress).toBeUndefined();
  });

  it('a 补正 opens with the page’s notice; a second 补正 starts afresh, without the first one’s dates', () => {
    const first = mergeReading(mergeReading(undefined, row(), T1), row({ status: '待补正', correction: { noticeDate: '2026-11-03', reasons: ['软件名称不一致'] } }), T2);
    expect(first.correction).toEqual({ since: T2, pageNoticeDate: '2026-11-03', reasons: ['软件名称不一致'] });
    const entered = applyPatch(first, { userNoticeDate: '2026-11-02' }, T2);
    // The list shows no notice: what the detail and the user said stays.
    expect(mergeReading(entered, row({ status: '待补正' }), T3).correction).toEqual({ since: T2, pageNoticeDate: '2026-11-03', userNoticeDate: '2026-11-02', reasons: ['软件名称不一致'] });
    const answered = mergeReading(entered, row({ status: '待审查' }), T3);
    expect(answered.correction?.userNoticeDate).toBe('2026-11-02');
    const again = mergeReading(answered, row({ status: '待补正' }), '2026-12-01T00:00:00.000Z');
    expect(again.correction).toEqual({ since: '2026-12-01T00:00:00.000Z', reasons: [] });
    expect(again.history.map((h) => h.status)).toEqual(['待审查', '待补正', '待审查', '待补正']);
  });

  it('links the one stored work of the same name and version, with its owners', () => {
    const works = [work('w-1', '云帆协同办公平台', 'v2.0', ['o-yunfan', 'o-zhang-san']), work('w-2', '云帆协同办公平台', 'V1.0'), work('w-3', '别的软件', 'V2.0')];
    const f = mergeReading(undefined, row(), T1);
    expect(worksOf(f, works).map((w) => w.id)).toEqual(['w-1']);
    expect(linkFiling(f, works)).toMatchObject({ workId: 'w-1', linkedBy: 'name', ownerIds: ['o-yunfan', 'o-zhang-san'] });
    // Two works of that name and version: which one is the user's to say.
    expect(linkFiling(f, [...works, work('w-4', ' 云帆协同办公平台 ', 'V2.0')])).not.toHaveProperty('workId');
    // The work deleted: the link goes.
    expect(linkFiling(linkFiling(f, works), works.slice(1))).toMatchObject({ ownerIds: [] });
    expect(linkFiling(linkFiling(f, works), works.slice(1))).not.toHaveProperty('workId');
  });

  it('the user’s link wins over the name, and the user’s “none” stays none', () => {
    const works = [work('w-1', '云帆协同办公平台', 'V2.0'), work('w-3', '别的软件', 'V2.0', ['o-zhang-san'])];
    const f = linkFiling(mergeReading(undefined, row(), T1), works);
    const chosen = linkFiling(applyPatch(f, { workId: 'w-3' }, T2), works);
    expect(chosen).toMatchObject({ workId: 'w-3', linkedBy: 'user', ownerIds: ['o-zhang-san'], updatedAt: T2 });
    const none = linkFiling(applyPatch(chosen, { workId: null }, T3), works);
    expect(none).toMatchObject({ linkedBy: 'user', ownerIds: [] });
    expect(none).not.toHaveProperty('workId');
  });

  it('two copies of a filing join their histories; the later copy gives the values', () => {
    const mine = mergeReading(mergeReading(undefined, row({ status: '待受理' }), T1), row(), T2);
    const theirs = Filing.parse({ ...mergeReading(undefined, row({ status: '待受理' }), T1), history: [{ status: '待受理', seenAt: T1 }, { status: '待补正', seenAt: T3 }], status: '待补正', updatedAt: T3 });
    const joined = mergeCopies(mine, theirs);
    expect(joined.status).toBe('待补正');
    expect(joined.history).toEqual([{ status: '待受理', seenAt: T1 }, { status: '待审查', seenAt: T2 }, { status: '待补正', seenAt: T3 }]);
    expect(mergeCopies(theirs, mine)).toEqual(joined);
  });
});
