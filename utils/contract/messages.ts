import { z } from 'zod';
import { Owner } from '@/utils/schema/owner';
import { Work } from '@/utils/schema/work';

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
  /** Also replace values the user typed (off by default: the user's text is kept and reported). */
  overwrite: z.boolean().optional(),
  /** Add copyright-owner rows through the page's own 添加 button when the work has more owners. */
  addOwnerRows: z.boolean().optional(),
});
/**
 * Runs the readiness checks on the page against the chosen owner and work (the popup sends the
 * tab's choice); without an owner, what the page shows is checked alone.
 */
export const CheckRequest = z.object({
  type: z.literal('ruanzhu:check'),
  ownerId: z.string().min(1).optional(),
  workId: z.string().min(1).optional(),
});
/** Restores the values from before the last fill on the tab's current page. */
export const UndoRequest = z.object({ type: z.literal('ruanzhu:undo') });
/** Scrolls to a field of the last report and focuses it, so the user can see it. */
export const FocusRequest = z.object({ type: z.literal('ruanzhu:focus'), key: z.string().min(1) });
export const ContentRequest = z.discriminatedUnion('type', [DetectRequest, FillRequest, CheckRequest, UndoRequest, FocusRequest]);
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
  /** Why nothing could be filled at all (page not recognised, owner not found). */
  error: z.string().optional(),
});
export type FillResponse = z.infer<typeof FillResponse>;

export const UndoResponse = z.object({
  results: z.array(z.object({ key: z.string(), status: z.enum(['restored', 'skipped', 'failed']), reason: z.string().optional() })),
});
export type UndoResponse = z.infer<typeof UndoResponse>;

export const Severity = z.enum(['error', 'warning', 'info']);
export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  key: z.string().optional(),
  message: z.string(),
});
export type Finding = z.infer<typeof Finding>;
export const CheckResponse = z.object({
  findings: z.array(Finding),
  /** Why the chosen profiles could not be used (a locked store, a deleted owner): the page was checked alone. */
  error: z.string().optional(),
});
export type CheckResponse = z.infer<typeof CheckResponse>;

// ── to the background (browser.runtime.sendMessage) ──
/**
 * A material PDF chosen on a portal page, read with pdf.js in the background: pdf.js stays out of
 * the content script and off the page's main thread, and the bytes are checked and dropped, never
 * stored. From content scripts and extension pages; utils/checks/file-service.ts answers.
 */
export const InspectMaterialRequest = z.object({
  type: z.literal('ruanzhu:inspect-material'),
  /** The PDF's bytes in base64: Chrome passes extension messages as JSON. */
  data: z.string(),
  material: z.enum(['source', 'doc']),
  /** What the form says, for the headers: the work's names, version and source lines. */
  work: z.object({ fullName: z.string(), shortName: z.string(), version: z.string(), sourceLines: z.number() }).partial(),
  /** The upload's limit as the page states it. */
  sizeLimitBytes: z.number().positive().optional(),
  /** The key the findings carry (the upload the file was chosen in). */
  key: z.string().optional(),
});
export type InspectMaterialRequest = z.infer<typeof InspectMaterialRequest>;
export const InspectMaterialResponse = z.object({
  findings: z.array(Finding),
  /** The page count, when pdf.js could read the file. */
  pages: z.number().optional(),
});
export type InspectMaterialResponse = z.infer<typeof InspectMaterialResponse>;

export const ImportRequest = z.object({
  type: z.literal('ruanzhu:import'),
  bundle: z.unknown(),
  /** For a bundle exported with a passphrase of its own. */
  passphrase: z.string().optional(),
});
export const ExportRequest = z.object({
  type: z.literal('ruanzhu:export'),
  /** Seal the exported file with this passphrase (separate from the lock's). */
  passphrase: z.string().min(8).optional(),
});
/** From a content script: the owner and work a fill needs, and nothing else. */
export const PlanValuesRequest = z.object({
  type: z.literal('ruanzhu:plan-values'),
  ownerId: z.string().min(1),
  workId: z.string().min(1).optional(),
  /** The page kind asking: the answer holds only the fields that page fills or checks. */
  page: z.string(),
});
export const PlanValuesResponse = z.object({
  owner: Owner.nullable(),
  work: Work.nullable(),
  coOwners: z.array(Owner),
});
export type PlanValuesResponse = z.infer<typeof PlanValuesResponse>;

const OwnerQuery = z.object({ text: z.string().optional(), tag: z.string().optional(), limit: z.number().int().positive().optional() });
const WorkQuery = OwnerQuery.extend({ ownerId: z.string().optional() });
/** The requests of a message type that has several operations, told apart by `op`. */
const operations =
  <Type extends string>(type: Type) =>
  <Op extends string, Shape extends z.ZodRawShape>(op: Op, shape: Shape) =>
    z.object({ type: z.literal(type), op: z.literal(op), ...shape });
const store = operations('ruanzhu:store');
/**
 * Profile reads and writes for the extension's own pages. The background owns the database, so a
 * passphrase key never has to leave it; pages hear `ruanzhu:changed` after every write.
 */
export const StoreRequest = z.discriminatedUnion('op', [
  store('owners', { query: OwnerQuery.default({}) }),
  store('works', { query: WorkQuery.default({}) }),
  store('owner', { id: z.string() }),
  store('tags', {}),
  store('count', {}),
  store('backup', {}),
  store('linked-works', { ownerId: z.string() }),
  store('save-owner', { record: z.record(z.string(), z.unknown()) }),
  store('save-work', { record: z.record(z.string(), z.unknown()) }),
  store('delete-owner', { id: z.string() }),
  store('delete-work', { id: z.string() }),
]);
export type StoreRequest = z.infer<typeof StoreRequest>;
export type SaveResult<T> = { ok: true; record: T } | { ok: false; error: string };
export const CHANGED = { type: 'ruanzhu:changed' } as const;

const lock = operations('ruanzhu:lock');
/** The optional passphrase lock (SECURITY.md): answered with `{ ok, status }` or `{ ok: false, error }`. */
export const LockRequest = z.discriminatedUnion('op', [
  lock('status', {}),
  lock('unlock', { passphrase: z.string() }),
  lock('lock', {}),
  lock('enable', { passphrase: z.string() }),
  lock('change', { current: z.string(), next: z.string() }),
  lock('disable', { passphrase: z.string() }),
  lock('auto-lock', { minutes: z.number() }),
]);
export type LockRequest = z.infer<typeof LockRequest>;
export type LockAnswer = { ok: true; status: { enabled: boolean; locked: boolean; autoLockMinutes: number } } | { ok: false; error: string };

/** What the background answers when a request cannot be served at all (e.g. the store is locked). */
export type Failure = { failed: true; locked: boolean; error: string };
export const isFailure = (v: unknown): v is Failure => !!v && typeof v === 'object' && (v as Failure).failed === true;

export const BackgroundRequest = z.union([ImportRequest, ExportRequest, PlanValuesRequest, StoreRequest, LockRequest]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;

/** Which callers may send a background message: extension pages only, or also content scripts. */
export const FROM_CONTENT_SCRIPTS: ReadonlySet<BackgroundRequest['type']> = new Set(['ruanzhu:plan-values']);
