import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageName } from '@/utils/pages/registry';
import { t } from '@/utils/platform/i18n';
import type { Finding } from '@/utils/schema/finding';
import type { Counts, FindingGroup } from '@/utils/findings/groups';
import css from './panel.css?inline';
import { placePanel, type Rect } from './placement';
import { mountClosedUi, type ClosedUi } from '@/utils/content/shadow-ui';

/*
 * The findings panel on a portal page: vanilla DOM in a closed shadow root (the content script
 * carries no React; the page's scripts cannot read it), every text set through textContent, never
 * as HTML — messages quote what the page shows.
 */

const SEVERITY_TEXT: Record<Finding['severity'], () => string> = {
  error: () => t('severityError'),
  warning: () => t('severityWarning'),
  info: () => t('severityInfo'),
};

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function groupTitle(g: FindingGroup): string {
  if (g.step === null) return t('panelProfiles');
  const name = pageName(g.step);
  return g.current ? `${t('panelThisPage')} · ${name}` : name;
}

/** The counts line ("错误 2 · 警告 1 · 提示 0"). */
export function countsText(counts: Counts): string {
  return t('findingCounts', [counts.error, counts.warning, counts.info]);
}

/**
 * The panel's body: one section per step, one item per finding; a finding whose field the page
 * shows has a button that calls `onFocus(key)`.
 */
export function renderGroups(doc: Document, groups: readonly FindingGroup[], onFocus: (key: string) => void): HTMLElement {
  const body = el(doc, 'div', 'rz-body');
  if (!groups.length) body.append(el(doc, 'p', 'rz-none', t('findingsNone')));
  for (const g of groups) {
    const section = el(doc, 'section', 'rz-group');
    section.dataset.step = g.step ?? '';
    const list = el(doc, 'ul', '');
    for (const { finding, label, linkable } of g.rows) {
      const item = el(doc, 'li', `rz-item ${finding.severity}`);
      item.dataset.rule = finding.rule;
      if (finding.key) item.dataset.findingKey = finding.key;
      item.append(el(doc, 'span', 'rz-sev', SEVERITY_TEXT[finding.severity]()));
      if (label) {
        if (linkable && finding.key) {
          const link = el(doc, 'button', 'rz-link', label);
          link.type = 'button';
          link.title = t('focusField');
          const key = finding.key;
          link.addEventListener('click', () => onFocus(key));
          item.append(link);
        } else item.append(el(doc, 'span', 'rz-field', label));
      }
      item.append(el(doc, 'p', 'rz-msg', finding.message));
      list.append(item);
    }
    section.append(el(doc, 'h3', '', groupTitle(g)), list);
    body.append(section);
  }
  return body;
}

/** What a panel can be asked to show. */
export interface PanelContent {
  groups: FindingGroup[];
  counts: Counts;
}

/** What the panel must leave uncovered: the page's own controls, and the vendor console's status guide (utils/aliyun). */
const PAGE_BUTTONS = 'button, a[href], [role="button"], input[type="button"], input[type="submit"], input[type="reset"], .el-button, ruanzhu-guide';
/** Heights tried for an open panel when its full height covers a button: shares of the viewport. */
const SHRINK = [1, 0.45, 0.25];

function visibleRects(doc: Document, selector: string): Rect[] {
  const view = doc.defaultView!;
  const out: Rect[] = [];
  for (const b of doc.querySelectorAll(selector)) {
    const r = b.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0 || r.bottom < 0 || r.top > view.innerHeight || r.right < 0 || r.left > view.innerWidth) continue;
    if (view.getComputedStyle(b).visibility === 'hidden') continue;
    out.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return out;
}

/**
 * The panel itself: created in a shadow root on first use, collapsible, closable until the next
 * check the user asks for, and kept where it covers none of the page's buttons (re-placed on
 * scrolling, resizing and every update). An open panel that fits nowhere is shortened, then
 * collapsed to its header.
 */
export class FindingsPanel {
  private ui: ClosedUi | null = null;
  private creating: Promise<ClosedUi> | null = null;
  private collapsed = false;
  private closed = false;
  private frame = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly onFocus: (key: string) => void,
    /** Told when the user closes the panel (the page's marks go with it). */
    private readonly onClose: () => void,
  ) {
    const schedule = () => {
      if (this.frame || !this.ui) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.place();
      });
    };
    ctx.addEventListener(window, 'scroll', schedule, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', schedule);
  }

  private panel(): HTMLElement | null {
    return this.ui?.container.querySelector<HTMLElement>('.rz-panel') ?? null;
  }

  private async root(): Promise<ClosedUi> {
    this.creating ??= mountClosedUi(this.ctx, { name: 'ruanzhu-findings', css }).then((ui) => (this.ui = ui));
    return this.creating;
  }

  /** Shows the content; `reopen` undoes a close (a check the user asked for), a re-check after navigation does not. */
  async show(content: PanelContent, reopen: boolean): Promise<void> {
    if (reopen) this.closed = false;
    const ui = await this.root();
    const doc = ui.container.ownerDocument;
    const panel = el(doc, 'section', 'rz-panel');
    panel.setAttribute('role', 'region');
    panel.setAttribute('aria-label', t('panelTitle'));
    panel.hidden = this.closed;

    const head = el(doc, 'div', 'rz-head');
    const toggle = el(doc, 'button', 'rz-toggle');
    toggle.type = 'button';
    const counts = el(doc, 'span', `rz-counts${content.counts.error ? ' has-errors' : ''}`, countsText(content.counts));
    toggle.append(el(doc, 'span', 'rz-title', t('panelTitle')), counts);
    toggle.addEventListener('click', () => {
      this.collapsed = !this.collapsed;
      this.applyState();
      this.place();
    });
    const close = el(doc, 'button', 'rz-close', '×');
    close.type = 'button';
    close.title = t('panelClose');
    close.setAttribute('aria-label', t('panelClose'));
    close.addEventListener('click', () => this.close());
    head.append(toggle, close);
    panel.append(head, renderGroups(doc, content.groups, this.onFocus));
    // An update while the user reads keeps their place in the list.
    const scrolled = this.panel()?.querySelector('.rz-body')?.scrollTop ?? 0;
    ui.container.replaceChildren(panel);
    panel.querySelector('.rz-body')!.scrollTop = scrolled;
    this.applyState();
    this.place();
  }

  /** Takes the panel off the page until the next check the user asks for. */
  remove(): void {
    this.ui?.container.replaceChildren();
    this.closed = true;
  }

  get isOpen(): boolean {
    return !!this.ui && !this.closed;
  }

  private close(): void {
    this.closed = true;
    const panel = this.panel();
    if (panel) panel.hidden = true;
    this.onClose();
  }

  private applyState(): void {
    const panel = this.panel();
    if (!panel) return;
    panel.dataset.state = this.collapsed ? 'collapsed' : 'expanded';
    const toggle = panel.querySelector('.rz-toggle');
    toggle?.setAttribute('aria-expanded', String(!this.collapsed));
    toggle?.setAttribute('title', this.collapsed ? t('panelExpand') : t('panelCollapse'));
  }

  /** Moves the panel to a place that covers none of the page's buttons, shortening or collapsing it if it must. */
  private place(): void {
    const panel = this.panel();
    if (!panel || panel.hidden) return;
    const view = window;
    const viewport = { width: view.innerWidth, height: view.innerHeight };
    const buttons = visibleRects(document, PAGE_BUTTONS);
    const body = panel.querySelector<HTMLElement>('.rz-body');
    const head = panel.querySelector<HTMLElement>('.rz-head')!;
    const apply = (state: 'expanded' | 'collapsed', bodyMax: number | null) => {
      panel.dataset.state = state;
      if (body) body.style.maxHeight = bodyMax === null ? '' : `${Math.max(0, bodyMax)}px`;
    };
    const tryAt = (state: 'expanded' | 'collapsed', bodyMax: number | null) => {
      apply(state, bodyMax);
      const r = panel.getBoundingClientRect();
      return { state, bodyMax, ...placePanel({ width: r.width, height: r.height }, viewport, buttons) };
    };
    const headHeight = head.getBoundingClientRect().height;
    const attempts = this.collapsed
      ? [() => tryAt('collapsed', null)]
      : [...SHRINK.map((share) => () => tryAt('expanded', share * viewport.height - headHeight - 24)), () => tryAt('collapsed', null)];
    let best: ReturnType<typeof tryAt> | null = null;
    for (const attempt of attempts) {
      const a = attempt();
      if (!best || a.covered < best.covered) best = a;
      if (a.covered === 0) break;
    }
    apply(best!.state, best!.bodyMax);
    panel.style.left = `${best!.left}px`;
    panel.style.top = `${best!.top}px`;
  }
}
