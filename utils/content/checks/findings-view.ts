import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { FieldOutlines, type OutlineSeverity } from './outlines';
import { countFindings, groupFindings } from '@/utils/findings/groups';
import type { CheckResult, FindingsView } from './page-checks';
import { FindingsPanel } from './panel';

/**
 * The page side of a check: the panel, and an outline on each field of the current page with an
 * error or a warning (the worse one). Closing the panel takes the outlines away with it.
 */
export class PageFindingsView implements FindingsView {
  private readonly panel: FindingsPanel;
  private readonly outlines: FieldOutlines;

  constructor(ctx: ContentScriptContext, focus: (key: string) => void) {
    this.outlines = new FieldOutlines(ctx);
    this.panel = new FindingsPanel(ctx, focus, () => this.outlines.show(new Map()));
  }

  get active(): boolean {
    return this.panel.isOpen;
  }

  clear(): void {
    this.panel.remove();
    this.outlines.show(new Map());
  }

  show(result: CheckResult, requested: boolean): void {
    if (!requested && !this.panel.isOpen) return;
    const onPage = (key: string) => result.elements.has(key);
    void this.panel.show({ groups: groupFindings(result.findings, result.page, onPage), counts: countFindings(result.findings) }, requested);
    const marks = new Map<Element, OutlineSeverity>();
    for (const f of result.findings) {
      const el = f.key === undefined ? undefined : result.elements.get(f.key);
      if (!el || f.severity === 'info' || marks.get(el) === 'error') continue;
      marks.set(el, f.severity);
    }
    this.outlines.show(marks);
  }
}
