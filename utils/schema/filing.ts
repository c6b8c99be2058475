import { z } from 'zod';

/*
 * A filing on the copyright center after submission (docs/PORTALS.md "After submission"): what its
 * pages show of it (a reading, sent by the content script) and what the tracker keeps (the stored
 * filing: the latest reading, its status history, its link to a stored work, the 补正 notice).
 * Everything here is the page's own text or the user's entry: no profile value.
 */

/** 流水号 as the center prints it, e.g. 2026R11L0125852 (docs/PORTALS.md "Pages and routes" [seen]). */
export const FLOW_NUMBER = /^20\d{2}R\d{2}L\d+$/;
export const FlowNumber = z.string().max(32).regex(FLOW_NUMBER);

const day = z.iso.date();
const moment = z.iso.datetime({ offset: true });

/** The detail page's progress bar, in its order [seen]. */
export const FILING_STEPS = ['提交', '受理', '审查', '发放'] as const;
export const FilingStep = z.object({ step: z.enum(FILING_STEPS), done: z.boolean(), date: day.optional() });
export type FilingStep = z.infer<typeof FilingStep>;

/** What a 补正 notice on the page says: its date, a deadline where the page states one, the reasons. */
export const CorrectionReading = z.object({
  noticeDate: day.optional(),
  deadline: day.optional(),
  reasons: z.array(z.string().max(500)).max(30),
});
export type CorrectionReading = z.infer<typeof CorrectionReading>;

/**
 * One filing as a page of the center shows it: a row of the filing list or the filing detail.
 * Bounded: it comes from a page, and a page may be anything.
 */
export const FilingReading = z.object({
  flowNumber: FlowNumber,
  softwareName: z.string().max(200),
  version: z.string().max(60),
  /** The status in the page's words (待上传签章页 …): the row's own, never a tab's count. */
  status: z.string().max(60),
  /** 申请日期 on the list. */
  appliedOn: day.optional(),
  progress: z.array(FilingStep).max(FILING_STEPS.length).optional(),
  correction: CorrectionReading.optional(),
});
export type FilingReading = z.infer<typeof FilingReading>;

export const StatusSeen = z.object({ status: z.string(), seenAt: moment });
export type StatusSeen = z.infer<typeof StatusSeen>;

/**
 * A 补正 the filing is (or was) in. The deadline counts from the notice's date: the page's, or the
 * one the user entered (which wins: the user has the notice in hand). A new 补正 starts afresh.
 */
export const Correction = z.looseObject({
  /** When the tracker first saw the filing in this 补正. */
  since: moment,
  pageNoticeDate: day.optional(),
  pageDeadline: day.optional(),
  userNoticeDate: day.optional(),
  reasons: z.array(z.string()).default([]),
});
export type Correction = z.infer<typeof Correction>;

export const Filing = z.looseObject({
  flowNumber: FlowNumber,
  softwareName: z.string(),
  version: z.string(),
  status: z.string(),
  appliedOn: day.optional(),
  progress: z.array(FilingStep).optional(),
  /** The stored work the filing is of: found by name and version (`name`), or chosen by the user. */
  workId: z.string().min(1).optional(),
  linkedBy: z.enum(['name', 'user']).optional(),
  /** The linked work's owners when it was last linked, first owner first. */
  ownerIds: z.array(z.string().min(1)).default([]),
  /** Every status seen, oldest first, with when it was first seen. */
  history: z.array(StatusSeen).min(1),
  correction: Correction.optional(),
  firstSeenAt: moment,
  updatedAt: moment,
});
export type Filing = z.infer<typeof Filing>;

/** A change the user makes in the tracker: the notice's date (null forgets it), the linked work (null unlinks). */
export const FilingPatch = z.object({ userNoticeDate: day.nullable(), workId: z.string().min(1).nullable() }).partial();
export type FilingPatch = z.infer<typeof FilingPatch>;
