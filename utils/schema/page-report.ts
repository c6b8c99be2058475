import { z } from 'zod';

/**
 * The page-structure report (SECURITY.md, "The page-structure report"): an anonymised outline of a
 * portal page that the user copies or saves for the maintainers when a page is not recognised or a
 * field is not found. It holds the page's own fixed words and its structure, never a value.
 */

export const PAGE_REPORT_FORMAT = 'ruanzhu-page-structure';

/** How large a report may grow, whatever the page: a huge page stays a small file. */
export const PAGE_REPORT_LIMITS = {
  /** Elements listed; the rest are counted in `omitted`. */
  elements: 800,
  /** Characters of one text (a label, an option), the rest cut with "…". */
  text: 80,
  /** Options listed for one control. */
  options: 60,
  /** Class names kept for one element. */
  classes: 8,
  /** Class-bearing ancestors named for a control (where it sits in the page's components). */
  within: 3,
  /** Query keys listed. */
  queryKeys: 20,
} as const;

const text = z.string().max(PAGE_REPORT_LIMITS.text + 1);

/** What an element is in the outline. */
export const ReportNodeKind = z.enum([
  /** A form, fieldset, dialog, table or form item: the outline's branches. */
  'container',
  'heading',
  /** A field's label: label, legend, th, a form item's label. */
  'label',
  /** A short line about a field: a caption, a hint, an upload's tip, a validation message. */
  'caption',
  'button',
  'tab',
  /** A field: a native input, textarea or select, or a component's root (hd-select, Fusion's date picker …). */
  'control',
  /** An option outside a control the outline lists (a menu's item, an open dropdown in <body>). */
  'option',
  /** A character counter (`0/50`): only its limit, the count is the length of what was typed. */
  'counter',
]);
export type ReportNodeKind = z.infer<typeof ReportNodeKind>;

export const ReportNode = z.object({
  /** Kept ancestors above it: the outline's tree, flattened in document order. */
  depth: z.number().int().min(0),
  kind: ReportNodeKind,
  tag: z.string().max(40),
  role: z.string().max(40).optional(),
  /** An input's type attribute. */
  type: z.string().max(40).optional(),
  /** A component control's kind as the fill engine sees it (select, cascader, date, radio, checkbox). */
  control: z.string().max(20).optional(),
  classes: z.array(z.string()).max(PAGE_REPORT_LIMITS.classes).optional(),
  /** The nearest ancestors with classes, innermost first, as `tag.class.class`. */
  within: z.array(z.string()).max(PAGE_REPORT_LIMITS.within).optional(),
  /** The element's own words (a heading, a label, a button, an option), masked. */
  text: text.optional(),
  placeholder: text.optional(),
  /** aria-label of a control or a button: the name the page's author gave it. */
  ariaLabel: text.optional(),
  /** A select's or a group's options, in order (never which one is chosen). */
  options: z.array(text).max(PAGE_REPORT_LIMITS.options).optional(),
  /** Options past the limit. */
  moreOptions: z.number().int().positive().optional(),
  maxLength: z.number().int().optional(),
  /** A counter's limit (`0/50` → 50). */
  limit: z.number().int().optional(),
  required: z.literal(true).optional(),
  disabled: z.literal(true).optional(),
  readOnly: z.literal(true).optional(),
  /** Not visible to a person (SECURITY.md's sense): hidden, transparent, off the page. */
  hidden: z.literal(true).optional(),
});
export type ReportNode = z.infer<typeof ReportNode>;

export const PageReport = z.object({
  format: z.literal(PAGE_REPORT_FORMAT),
  version: z.literal(1),
  /** Where: the query's and the hash route's keys without their values, identifier-like path parts masked. */
  url: z.object({
    origin: z.string(),
    path: z.string(),
    query: z.array(z.string()).max(PAGE_REPORT_LIMITS.queryKeys),
    /** The hash route (`/apply/:id`), or null. */
    route: z.string().nullable(),
    routeQuery: z.array(z.string()).max(PAGE_REPORT_LIMITS.queryKeys),
  }),
  site: z.string().nullable(),
  /** The page kind recognised, or null. */
  page: z.string().nullable(),
  /** The kind's fields and whether the fill engine finds each on the page (none without a kind that fills). */
  fields: z.array(z.object({ key: z.string(), found: z.boolean() })),
  elements: z.array(ReportNode).max(PAGE_REPORT_LIMITS.elements),
  /** Elements past the limit, left out. */
  omitted: z.number().int().min(0),
});
export type PageReport = z.infer<typeof PageReport>;
