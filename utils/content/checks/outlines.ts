import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountClosedUi, type ClosedUi } from '@/utils/content/shadow-ui';

/*
 * The outline around each field with an error or a warning, drawn by us over the page instead of
 * set as an attribute on the page's own element: the page's scripts could read an attribute, and
 * which of its fields disagree with the profile is the profile's to know (SECURITY.md). The layer
 * lets every pointer event through to the page and is re-laid when the page scrolls, resizes or
 * re-renders.
 */

const CSS = `
:host { position: fixed; inset: 0; pointer-events: none; z-index: 2147482000; }
.rz-outline { position: fixed; box-sizing: border-box; pointer-events: none; border-radius: 3px; }
.rz-outline.error { outline: 2px solid rgba(220, 38, 38, 0.9); outline-offset: 1px; }
.rz-outline.warning { outline: 2px dashed rgba(230, 162, 60, 0.9); outline-offset: 1px; }
`;

export type OutlineSeverity = 'error' | 'warning';

export class FieldOutlines {
  private marks = new Map<Element, OutlineSeverity>();
  private ui: Promise<ClosedUi> | null = null;
  private frame = 0;

  constructor(private readonly ctx: ContentScriptContext) {
    const schedule = () => this.schedule();
    ctx.addEventListener(window, 'scroll', schedule, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', schedule);
    const observer = new MutationObserver(schedule);
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    ctx.onInvalidated(() => observer.disconnect());
  }

  /** Outlines exactly these fields (none: every outline goes). */
  show(marks: ReadonlyMap<Element, OutlineSeverity>): void {
    this.marks = new Map(marks);
    if (!this.marks.size && !this.ui) return;
    this.ui ??= mountClosedUi(this.ctx, { name: 'ruanzhu-outlines', css: CSS });
    this.schedule();
  }

  private schedule(): void {
    if (this.frame || !this.ui) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      void this.draw();
    });
  }

  private async draw(): Promise<void> {
    const ui = await this.ui!;
    // Our own layer changing must not schedule another drawing.
    const doc = ui.container.ownerDocument;
    const boxes: HTMLElement[] = [];
    for (const [el, severity] of this.marks) {
      if (!el.isConnected) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) continue;
      const box = doc.createElement('div');
      box.className = `rz-outline ${severity}`;
      box.style.cssText = `left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
      boxes.push(box);
    }
    ui.container.replaceChildren(...boxes);
  }
}
