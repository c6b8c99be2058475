import { z } from 'zod';
import { Bundle } from '@/utils/schema/bundle';
import { EncryptedBundle } from '@/utils/schema/encrypted';
import { DataError } from '@/utils/schema/errors';
import { Filing, FilingPatch, FilingReading, FlowNumber } from '@/utils/schema/filing';
import { Finding } from '@/utils/schema/finding';
import { Owner } from '@/utils/schema/owner';
import { PageReport } from '@/utils/schema/page-report';
import { OwnerRow, RowPage, WorkRow } from '@/utils/schema/summary';
import { Work } from '@/utils/schema/work';
import { PlanValues } from '@/utils/schema/plan-values';
import { SITES } from '@/utils/pages/registry';

/**
 * The one table of messages (docs/ARCHITECTURE.md, "Messages"; docs/ARCHITECTURE.md contract 2 fixes
 * the shapes outside scripts rely on). Each entry says who receives it, who may send it, the
 * request's fields besides `type` and the response. On the wire a message is `{ type, ...fields }`.
 * The receiver parses every request with its schema and drops anything else (dispatch.ts); an
 * answer that cannot be given is a `Failure`, the one failure shape.
 */

/** The contexts that send and receive: our own pages, our content script on an official host, the background. */
export type Party = 'extension-page' | 'content-script' | 'background';

const PAGES_AND_BACKGROUND = ['extension-page', 'background'] as const satisfies readonly Party[];
const PAGES = ['extension-page'] as const satisfies readonly Party[];
const CONTENT_SCRIPTS = ['content-script'] as const satisfies readonly Party[];

interface Spec<To extends Party, Shape extends z.ZodRawShape, Response extends z.ZodType> {
  to: To;
  from: readonly Party[];
  request: z.ZodObject<Shape>;
  response: Response;
}
const spec = <To extends Party, Shape extends z.ZodRawShape, Response extends z.ZodType>(to: To, from: readonly Party[], request: Shape, response: Response): Spec<To, Shape, Response> => ({
  to,
  from,
  request: z.object(request),
  response,
});

// ── shapes used by several messages ──

export const FailureReason = z.enum(['locked', 'wrong-passphrase', 'invalid', 'not-found', 'page-unknown', 'nothing-to-fill', 'storage', 'error']);
export type FailureReason = z.infer<typeof FailureReason>;
/** The one shape of "this request could not be served", with a bilingual `error` for the user. */
export const Failure = z.object({ failed: z.literal(true), reason: FailureReason, error: z.string() });
export type Failure = z.infer<typeof Failure>;
export const failure = (reason: FailureReason, error: string): Failure => ({ failed: true, reason, error });

const id = z.string().min(1);
export const Site = z.enum(Object.keys(SITES) as [keyof typeof SITES, ...(keyof typeof SITES)[]]);

/** Where a control's label signal comes from (utils/content/fill/signals.ts reads them; the report's "why" names them). */
export const SignalSource = z.enum([
  /** label[for] at the control, or a wrapping label. */
  'label',
  /** A form item's own label (Element's .el-form-item__label, Fusion's form-item-label). */
  'form-label',
  /** The table cell to the left of (or above) the control's cell. */
  'cell',
  /** The nearest heading before the control in its section. */
  'title',
  /** The same, where the section holds other controls too: it names the group, not this control. */
  'shared-title',
  /** A short line right above the control in its block (p.fillin_info_title: 是否多个著作权人共同享有…). */
  'caption',
  'placeholder',
  'aria',
  /** A model property or name attribute (label[for] of Element, name=, id=). */
  'prop',
  'name',
  'prev-text',
  /** Text right after the control (源程序量 ____ 行). */
  'suffix',
  /** The options it offers: a group of 原始取得 / 继受取得 says what it is without a label. */
  'options',
  /** The place inside a repeated block the page describes by position (an owner row's blocks). */
  'position',
]);
export type SignalSource = z.infer<typeof SignalSource>;

/**
 * Why a control was taken for a field, or why none was: the signal the matcher used
 * (utils/content/fill/match.ts). `rule`: the page adapter's exact rule (a label, a model property,
 * a row position); `words`: the catalogue's words scored best on that signal with a margin;
 * `part`: held by another key's control (城市 in the 省份 cascader); `ambiguous`: several controls
 * fit (`between: 'fields'`: one label fits several fields); `none`: no visible control has the
 * field's words (`hidden`: a hidden one has).
 */
export const FieldWhy = z.discriminatedUnion('match', [
  z.object({ match: z.literal('rule'), source: SignalSource, text: z.string() }),
  z.object({ match: z.literal('words'), source: SignalSource, text: z.string(), term: z.string() }),
  z.object({ match: z.literal('part'), host: z.string() }),
  z.object({ match: z.literal('ambiguous'), controls: z.number().int(), between: z.enum(['controls', 'fields']) }),
  z.object({ match: z.literal('none'), hidden: z.boolean().optional() }),
]);
export type FieldWhy = z.infer<typeof FieldWhy>;

/**
 * `locked`: the page shows the field but does not let it change; `no-value`: the page has it, the
 * profile does not; `skipped`: the user unticked it in the plan, so it was never driven.
 */
export const FillStatus = z.enum(['filled', 'kept', 'locked', 'no-value', 'too-long', 'ambiguous', 'not-found', 'rejected', 'skipped']);
export type FillStatus = z.infer<typeof FillStatus>;
/** How long driving a field took, and how much of that was waiting for the page (its animations, late options, re-renders). */
export const FieldTiming = z.object({ ms: z.number(), waitedMs: z.number() });
export const FieldResult = z.object({ key: z.string(), status: FillStatus, value: z.string().optional(), reason: z.string().optional(), why: FieldWhy.optional(), timing: FieldTiming.optional() });
export type FieldResult = z.infer<typeof FieldResult>;

export const FillResponse = z.object({
  /** The page kind filled: a report is shown only on a page of that kind (a wizard moves on in the same tab). */
  page: z.string(),
  results: z.array(FieldResult),
  /** The page's check run right after the fill, against the values it used (no second request). */
  findings: z.array(Finding).optional(),
});
export type FillResponse = z.infer<typeof FillResponse>;

/**
 * What a fill would do with a field: `keep` the page's own value (the user's, or already the
 * profile's), `locked` the page does not let it change; the others as the fill's statuses.
 */
export const PlanAction = z.enum(['fill', 'keep', 'locked', 'no-value', 'too-long', 'ambiguous', 'not-found']);
export type PlanAction = z.infer<typeof PlanAction>;
/** Where a value comes from: the chosen owner's, a co-owner's (the work's n-th owner) or the work's profile fields. */
export const ValueSource = z.object({ of: z.enum(['owner', 'co-owner', 'work']), name: z.string().optional(), fields: z.array(z.string()) });
export type ValueSource = z.infer<typeof ValueSource>;
export const PlannedField = z.object({
  key: z.string(),
  /** The field's name for the user (著作权人 2 · 证件号码). */
  name: z.string(),
  action: PlanAction,
  /** `fill`, `too-long`: the profile's value as the page will show it; `keep`, `locked`: what the page shows now. */
  value: z.string().optional(),
  /** Fills along with this key's control (城市 with the 省份 cascader): ticked and unticked with it. */
  partOf: z.string().optional(),
  from: ValueSource.optional(),
  why: FieldWhy.optional(),
  reason: z.string().optional(),
});
export type PlannedField = z.infer<typeof PlannedField>;
/** The plan of a fill on the page as it is now, in page order; nothing was written to the page. */
export const PlanResponse = z.object({ page: z.string(), fields: z.array(PlannedField) });
export type PlanResponse = z.infer<typeof PlanResponse>;

export const CheckResponse = z.object({
  findings: z.array(Finding),
  /** Why the chosen profiles could not be used (a locked store, a deleted owner): the page was checked alone. */
  profileFailure: Failure.optional(),
});
export type CheckResponse = z.infer<typeof CheckResponse>;

export const DetectResponse = z.object({
  site: Site.nullable(),
  /** Dotted page kind (`ccopyright.r11.application`), or null when the page is not one we know. */
  page: z.string().nullable(),
  fields: z.array(z.object({ key: z.string(), found: z.boolean() })),
});
export type DetectResponse = z.infer<typeof DetectResponse>;

export const UndoResponse = z.object({
  results: z.array(z.object({ key: z.string(), status: z.enum(['restored', 'skipped', 'failed']), reason: z.string().optional() })),
});
export type UndoResponse = z.infer<typeof UndoResponse>;

export { PlanValues } from '@/utils/schema/plan-values';

export const OwnerQuery = z.object({
  /** Matches name, ID number, phone (digits) or a tag, as a substring. */
  text: z.string().optional(),
  /** Only owners carrying exactly this tag. */
  tag: z.string().optional(),
  /** At most this many, newest first (a picker needs the first screenful, not 10 000). */
  limit: z.number().int().positive().optional(),
  /** The owners chosen lately for a tab lead (the popup's list: an agent's clients in progress first). */
  recentFirst: z.boolean().optional(),
});
export type OwnerQuery = z.infer<typeof OwnerQuery>;
export const WorkQuery = OwnerQuery.extend({
  /** Only works this owner holds a right in. */
  ownerId: z.string().optional(),
});
export type WorkQuery = z.infer<typeof WorkQuery>;

/** Which page of a list: the lists show rows as they scroll, never 10 000 at once. */
const PAGE_OF_ROWS = { offset: z.number().int().nonnegative().default(0), limit: z.number().int().positive().max(500).default(50) };

export const ImportResult = z.union([
  z.object({ ok: z.literal(true), owners: z.number(), works: z.number(), filings: z.number(), created: z.number(), updated: z.number() }),
  z.object({ ok: z.literal(false), errors: z.array(DataError), needsPassphrase: z.boolean().optional() }),
]);
export type ImportResult = z.infer<typeof ImportResult>;

export const LockStatus = z.object({ enabled: z.boolean(), locked: z.boolean(), autoLockMinutes: z.number() });
export type LockStatus = z.infer<typeof LockStatus>;

/** What the extension remembers per tab (session storage, owned by the background). */
export const TabState = z.object({
  ownerId: z.string().optional(),
  workId: z.string().optional(),
  /** The last fill's report, so reopening the popup still shows it. */
  lastFill: FillResponse.optional(),
});
export type TabState = z.infer<typeof TabState>;
/** A change of a tab's state: a field set, or forgotten with null (messages carry no `undefined`). */
export const TabStatePatch = z.object({ ownerId: id.nullable(), workId: id.nullable(), lastFill: FillResponse.nullable() }).partial();
export type TabStatePatch = z.infer<typeof TabStatePatch>;

export const MaterialKind = z.enum(['source', 'doc']);
export const InspectMaterialResponse = z.object({
  findings: z.array(Finding),
  /** The page count, when pdf.js could read the file. */
  pages: z.number().optional(),
});
export type InspectMaterialResponse = z.infer<typeof InspectMaterialResponse>;

const record = z.record(z.string(), z.unknown());
/**
 * The page kind the user saw when they acted (the popup shows it): a page that claims another kind
 * by then gets nothing, so its scope cannot be widened between the look and the click.
 */
const PINNED_PAGE = z.string().optional();
const nothing = z.null();
/** The user's choice for a fill and its plan. */
const FILL_CHOICE = {
  ownerId: id,
  workId: id.optional(),
  /** Also replace values the user typed (off by default: the user's text is kept and reported). */
  overwrite: z.boolean().optional(),
  /** Add copyright-owner rows through the page's own 添加 button when the work has more owners. */
  addOwnerRows: z.boolean().optional(),
  page: PINNED_PAGE,
};

// ── the table ──

export const MESSAGES = {
  // To the content script of a tab (browser.tabs.sendMessage); contract 2.
  'ruanzhu:detect': spec('content-script', PAGES_AND_BACKGROUND, {}, DetectResponse),
  'ruanzhu:fill': spec(
    'content-script',
    PAGES_AND_BACKGROUND,
    {
      ...FILL_CHOICE,
      /** Keys the user unticked in the plan: never driven, reported `skipped`. */
      skip: z.array(z.string().max(100)).max(500).optional(),
    },
    FillResponse,
  ),
  /**
   * What a fill with the same choice would do on the page as it is now, field by field, with the
   * values it would write and why each control was matched; writes nothing to the page. The user
   * opening the plan is the action: one request for the profiles, like a fill.
   */
  'ruanzhu:plan': spec('content-script', PAGES, FILL_CHOICE, PlanResponse),
  /** The readiness checks of the page against the chosen owner and work; without an owner, the page alone. */
  'ruanzhu:check': spec('content-script', PAGES_AND_BACKGROUND, { ownerId: id.optional(), workId: id.optional(), page: PINNED_PAGE }, CheckResponse),
  /** Restores the values from before the last fill on the tab's current page. */
  'ruanzhu:undo': spec('content-script', PAGES_AND_BACKGROUND, {}, UndoResponse),
  /** Scrolls to a field of the last report or check and focuses it, so the user can see it. */
  'ruanzhu:focus': spec('content-script', PAGES_AND_BACKGROUND, { key: z.string().min(1) }, z.object({ found: z.boolean() })),

  /**
   * The page's anonymised structure (utils/schema/page-report.ts), for the user to copy or save and
   * send to the maintainers when a page is not recognised or a field not found: read from the page
   * alone, it carries no value (SECURITY.md, "The page-structure report").
   */
  'ruanzhu:page-structure': spec('content-script', PAGES, {}, PageReport),

  /** The lock locked: forget the profile values received and what the page was shown of them. */
  'ruanzhu:locked': spec('content-script', ['background'], {}, nothing),

  // From a content script to the background.
  /** The owner and work a fill or check needs, cut to what `page` fills or checks. */
  'ruanzhu:plan-values': spec('background', CONTENT_SCRIPTS, { ownerId: id, workId: id.optional(), page: z.string() }, PlanValues),
  /**
   * A material PDF chosen on a portal page, read with pdf.js in the background (pdf.js stays out of
   * the content script and off the page's thread); the bytes are checked and dropped, never stored.
   */
  'ruanzhu:inspect-material': spec(
    'background',
    CONTENT_SCRIPTS,
    {
      /** The PDF's bytes in base64: Chrome passes extension messages as JSON. */
      data: z.string(),
      material: MaterialKind,
      /** What the form says, for the headers: the work's names, version and source lines. */
      work: z.object({ fullName: z.string(), shortName: z.string(), version: z.string(), sourceLines: z.number() }).partial(),
      /** The upload's limit as the page states it. */
      sizeLimitBytes: z.number().positive().optional(),
      /** The key the findings carry (the upload the file was chosen in). */
      key: z.string().optional(),
    },
    InspectMaterialResponse,
  ),

  /**
   * The 签章页 chosen on the center's filing list, read with pdf.js in the background like a
   * material: its page count and the name and 流水号 on it, against what the page shows of the filing.
   */
  'ruanzhu:inspect-signature': spec(
    'background',
    CONTENT_SCRIPTS,
    {
      data: z.string(),
      fileName: z.string().max(260),
      /** What the page shows of the filing the file is for. */
      expected: z.object({ flowNumber: FlowNumber, softwareName: z.string().max(200) }).partial(),
      key: z.string().optional(),
    },
    InspectMaterialResponse,
  ),
  /**
   * What a page of the center's filing list or detail shows (the page's own text, no profile value),
   * sent when the page shows it: the tracker keeps each filing's status history. Answers counts only.
   */
  // The user clicked the offer beside the program-material upload: the options page opens at 材料.
  'ruanzhu:open-materials': spec('background', CONTENT_SCRIPTS, {}, nothing),
  // The content script's loader asks for its engine (utils/content/engine-link.ts).
  'ruanzhu:load-engine': spec('background', CONTENT_SCRIPTS, {}, nothing),
  // The owner and work the user chose for the sender's own tab in the popup: ids only, no profile value.
  'ruanzhu:tab-choice': spec('background', CONTENT_SCRIPTS, {}, z.object({ ownerId: id, workId: id.optional() }).nullable()),
  'ruanzhu:record-filings': spec('background', CONTENT_SCRIPTS, { filings: z.array(FilingReading).max(200) }, z.object({ recorded: z.number(), changed: z.number() })),

  // From the extension's own pages to the background: the profile store (the background owns the database).
  'ruanzhu:import': spec('background', PAGES, { bundle: z.unknown(), /** For a bundle exported with a passphrase of its own. */ passphrase: z.string().optional() }, ImportResult),
  'ruanzhu:export': spec('background', PAGES, { /** Seal the file with this passphrase (separate from the lock's). */ passphrase: z.string().min(8).optional() }, z.union([EncryptedBundle, Bundle])),
  'ruanzhu:owners': spec('background', PAGES, { query: OwnerQuery.default({}) }, z.array(Owner)),
  'ruanzhu:works': spec('background', PAGES, { query: WorkQuery.default({}) }, z.array(Work)),
  'ruanzhu:owner': spec('background', PAGES, { id }, Owner.nullable()),
  /** A page of the matching owners as list rows, newest first, with how many match in all. */
  'ruanzhu:owner-rows': spec('background', PAGES, { query: OwnerQuery.omit({ limit: true }).default({}), ...PAGE_OF_ROWS }, RowPage(OwnerRow)),
  /** A page of the matching works as list rows (their owners named), newest first, with how many match in all. */
  'ruanzhu:work-rows': spec('background', PAGES, { query: WorkQuery.omit({ limit: true }).default({}), ...PAGE_OF_ROWS }, RowPage(WorkRow)),
  'ruanzhu:work': spec('background', PAGES, { id }, Work.nullable()),
  'ruanzhu:tags': spec('background', PAGES, {}, z.object({ owners: z.array(z.string()), works: z.array(z.string()) })),
  'ruanzhu:count': spec('background', PAGES, {}, z.object({ owners: z.number(), works: z.number() })),
  'ruanzhu:backup': spec('background', PAGES, {}, z.object({ overdueSince: z.string().nullable(), lastExportAt: z.string().nullable() })),
  'ruanzhu:linked-works': spec('background', PAGES, { ownerId: id }, z.number()),
  'ruanzhu:save-owner': spec('background', PAGES, { record }, Owner),
  'ruanzhu:save-work': spec('background', PAGES, { record }, Work),
  /** Answers how many works lost the owner. */
  'ruanzhu:delete-owner': spec('background', PAGES, { id }, z.number()),
  'ruanzhu:delete-work': spec('background', PAGES, { id }, nothing),
  /** The filings tracked, most urgent first; `workId`: only that work's. */
  'ruanzhu:filings': spec('background', PAGES, { workId: id.optional() }, z.array(Filing)),
  'ruanzhu:update-filing': spec('background', PAGES, { flowNumber: FlowNumber, patch: FilingPatch }, Filing),
  'ruanzhu:delete-filing': spec('background', PAGES, { flowNumber: FlowNumber }, nothing),

  // The passphrase lock (SECURITY.md); every answer is the new status.
  'ruanzhu:lock-status': spec('background', PAGES, {}, LockStatus),
  'ruanzhu:unlock': spec('background', PAGES, { passphrase: z.string() }, LockStatus),
  'ruanzhu:lock': spec('background', PAGES, {}, LockStatus),
  'ruanzhu:lock-enable': spec('background', PAGES, { passphrase: z.string() }, LockStatus),
  'ruanzhu:lock-change': spec('background', PAGES, { current: z.string(), next: z.string() }, LockStatus),
  'ruanzhu:lock-disable': spec('background', PAGES, { passphrase: z.string() }, LockStatus),
  'ruanzhu:auto-lock': spec('background', PAGES, { minutes: z.number() }, LockStatus),

  // The popup's choice and last report per tab.
  'ruanzhu:tab-state': spec('background', PAGES, { tabId: z.number().int() }, TabState),
  'ruanzhu:update-tab-state': spec('background', PAGES, { tabId: z.number().int(), patch: TabStatePatch }, TabState),

  // From the background to every open extension page: profiles changed, load again.
  'ruanzhu:changed': spec('extension-page', ['background'], {}, nothing),
} as const;

export type MessageType = keyof typeof MESSAGES;
type Table = typeof MESSAGES;
/** The types a party receives. */
export type TypesTo<P extends Party> = { [T in MessageType]: Table[T]['to'] extends P ? T : never }[MessageType];
/** The fields of a request besides `type`, as a sender writes them (defaults may be left out). */
export type RequestOf<T extends MessageType> = z.input<Table[T]['request']>;
/** A request as the receiver holds it after parsing. */
export type Message<T extends MessageType> = { type: T } & z.output<Table[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<Table[T]['response']>;
