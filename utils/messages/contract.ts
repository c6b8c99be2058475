import { z } from 'zod';
import { Owner } from '../schema/owner';
import { Work } from '../schema/work';

/**
 * The typed message contract (ARCHITECTURE.md, contract 2). Every message is parsed with these
 * schemas on receipt; anything that does not parse is ignored.
 */

// ── to the content script of a tab (browser.tabs.sendMessage) ──
export const DetectRequest = z.object({ type: z.literal('ruanzhu:detect') });
export const FillRequest = z.object({
  type: z.literal('ruanzhu:fill'),
  ownerId: z.string().min(1),
  workId: z.string().min(1).optional(),
});
export const CheckRequest = z.object({ type: z.literal('ruanzhu:check') });
export const ContentRequest = z.discriminatedUnion('type', [DetectRequest, FillRequest, CheckRequest]);
export type ContentRequest = z.infer<typeof ContentRequest>;

export const Site = z.enum(['ccopyright', 'aliyun']);
export type Site = z.infer<typeof Site>;

export const DetectResponse = z.object({
  site: Site.nullable(),
  /** Dotted page kind (`ccopyright.r11.application`), or null when the page is not one we know. */
  page: z.string().nullable(),
  fields: z.array(z.object({ key: z.string(), found: z.boolean() })),
});
export type DetectResponse = z.infer<typeof DetectResponse>;

export const FillStatus = z.enum(['filled', 'kept', 'too-long', 'ambiguous', 'not-found', 'rejected']);
export const FillResponse = z.object({
  results: z.array(
    z.object({ key: z.string(), status: FillStatus, value: z.string().optional(), reason: z.string().optional() }),
  ),
});
export type FillResponse = z.infer<typeof FillResponse>;

export const Severity = z.enum(['error', 'warning', 'info']);
export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  key: z.string().optional(),
  message: z.string(),
});
export type Finding = z.infer<typeof Finding>;
export const CheckResponse = z.object({ findings: z.array(Finding) });

// ── to the background (browser.runtime.sendMessage) ──
export const ImportRequest = z.object({ type: z.literal('ruanzhu:import'), bundle: z.unknown() });
export const ExportRequest = z.object({ type: z.literal('ruanzhu:export') });
/** From a content script: the owner and work a fill needs, and nothing else. */
export const PlanValuesRequest = z.object({
  type: z.literal('ruanzhu:plan-values'),
  ownerId: z.string().min(1),
  workId: z.string().min(1).optional(),
});
export const PlanValuesResponse = z.object({
  owner: Owner.nullable(),
  work: Work.nullable(),
  coOwners: z.array(Owner),
});
export type PlanValuesResponse = z.infer<typeof PlanValuesResponse>;

export const BackgroundRequest = z.discriminatedUnion('type', [ImportRequest, ExportRequest, PlanValuesRequest]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;

/** Which callers may send a background message: extension pages only, or also content scripts. */
export const FROM_CONTENT_SCRIPTS: ReadonlySet<BackgroundRequest['type']> = new Set(['ruanzhu:plan-values']);
