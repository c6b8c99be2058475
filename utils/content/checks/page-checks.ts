import { waitFor } from '@/utils/content/fill/drivers/events';
import { reveal } from '@/utils/content/fill/marks';
import type { PlanValues } from '@/utils/contract/messages';
import type { Finding } from '@/utils/schema/finding';
import { adapterFor } from '@/utils/pages/registry';
import type { PageWatcher } from '@/utils/content/detect/watch';
import type { Work } from '@/utils/schema/work';
import { checkApplication, type PageObservation } from '@/utils/findings/application';
import { redactForPage } from '@/utils/findings/redact';
import { readPage, summaryRules, type PageReading } from './page-read';

/**
 * The readiness checks in the content script: reads the page, remembers what each page of the tab
 * showed (the R11 steps are one page: name and version typed on one step are compared on the
 * next), and judges it all, with the profiles the caller fetched, by the rules. Free of `browser`
 * and of the UI, which it reaches through `view`, so tests drive it on a plain DOM.
 */

export interface CheckResult {
  page: string | null;
  findings: Finding[];
  /** The current page's element for each key a finding may carry (fields, uploads). */
  elements: ReadonlyMap<string, Element>;
}

/** Where results are shown (the panel and the field marks). */
export interface FindingsView {
  /** `requested`: the user asked for this check (a closed panel opens again). */
  show(result: CheckResult, requested: boolean): void;
  /** Whether a re-check after navigation or an edit should be shown at all. */
  readonly active: boolean;
  /** Takes the findings and the outlines off the page. */
  clear(): void;
}

/** The findings of the files chosen on the page (photos, materials), with their upload controls. */
export interface FileFindings {
  findings(): Finding[];
  elements(): ReadonlyMap<string, Element>;
}

export interface PageChecksDeps {
  doc: Document;
  watcher: PageWatcher;
  view?: FindingsView;
  files?: FileFindings;
}

/** How long a re-check waits for the next step to render after a hash change. */
const RENDER_WAIT_MS = 3000;

export class PageChecks {
  /** Pages read in this tab by kind, least recent first (re-inserted on every read). */
  private readonly observed = new Map<string, PageObservation>();
  /** The profiles of the last check or fill; undefined until one ran. */
  private values: PlanValues | null | undefined;

  constructor(private readonly deps: PageChecksDeps) {}

  /** Reads the current page into the tab's memory; null when the page is not one we know. */
  observe(): { page: string; reading: PageReading } | null {
    const d = this.deps.watcher.refresh();
    if (!d) return null;
    const reading = readPage(this.deps.doc, adapterFor(d.page), summaryRules(d.page));
    this.observed.delete(d.page);
    this.observed.set(d.page, { page: d.page, fields: reading.fields });
    return { page: d.page, reading };
  }

  /**
   * A check against these profiles (null: the page alone), shown in the view; `requested` when the
   * user asked for it (a check, a fill), so a closed panel opens again.
   */
  evaluate(values: PlanValues | null, requested = true): Finding[] {
    this.values = values;
    const seen = this.observe();
    const elements = new Map(seen?.reading.elements ?? []);
    const files = this.deps.files;
    for (const [key, el] of files?.elements() ?? []) elements.set(key, el);
    const observed = [...this.observed.values()].reverse();
    const findings = this.redact([...checkApplication({ values, observed, current: seen?.page ?? null }), ...(files?.findings() ?? [])]);
    this.deps.view?.show({ page: seen?.page ?? null, findings, elements }, requested);
    return findings;
  }

  /** The lock locked: the profiles are gone, and so is what the page was shown of them. */
  forget(): void {
    this.values = undefined;
    this.deps.view?.clear();
  }

  /** Findings as the page may show them: what the tab's pages showed may be quoted, no other profile text. */
  redact(findings: readonly Finding[]): Finding[] {
    const shown = [...this.observed.values()].flatMap((o) => Object.values(o.fields).flatMap((f) => [f.value, ...(f.checked ?? [])]));
    return redactForPage(findings, this.values ?? null, shown);
  }

  /**
   * The last check again with the same profiles, once the current step has rendered: after a hash
   * change or the user's edit, while the panel is shown. Remembers the page either way.
   */
  async recheck(): Promise<void> {
    if (this.values === undefined || !this.deps.view?.active) {
      this.observe();
      return;
    }
    await waitFor(() => this.deps.watcher.refresh(), RENDER_WAIT_MS);
    this.evaluate(this.values, false);
  }

  /**
   * What the form says a material's headers must carry: the name and version the pages showed (the
   * R11 steps read in this tab), else the chosen work's; the source lines likewise.
   */
  materialWork(): Partial<Pick<Work, 'fullName' | 'shortName' | 'version' | 'sourceLines'>> {
    const shown = (key: string) => {
      for (const o of [...this.observed.values()].reverse()) {
        const v = o.fields[key]?.value.trim();
        if (v) return v;
      }
      return undefined;
    };
    const work = this.values?.work;
    const lines = shown('work.sourceLines');
    const out = {
      fullName: shown('work.fullName') ?? work?.fullName,
      shortName: shown('work.shortName') ?? work?.shortName,
      version: shown('work.version') ?? work?.version,
      sourceLines: lines && /^\d+$/.test(lines) ? Number(lines) : work?.sourceLines,
    };
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined && v !== ''));
  }

  /** Scrolls to the field or upload of a key on the current page and focuses it; false when the page does not show it. */
  focus(key: string): boolean {
    const el = this.observe()?.reading.elements.get(key) ?? this.deps.files?.elements().get(key);
    if (el) reveal(el);
    return !!el;
  }
}
