import type { Bilingual } from './status';
import type { Block, Guide, Line, Section } from './guidance';

/**
 * Renders a Guide with plain DOM into the panel's container (inside a shadow root). Every text
 * from the page or a profile goes in through textContent, never as HTML.
 */

export interface PanelActions {
  recheck(): void;
  toggle(): void;
}

type Child = Node | string | null | undefined | false;

function el(tag: string, className: string | null, ...children: Child[]): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

/** Chinese, then the English in a muted span. */
const both = (tag: string, className: string | null, b: Bilingual) => el(tag, className, b.zh, el('span', 'en', b.en));
const lineEl = (l: Line) => both('li', `tone-${l.tone}`, l);

function sectionEl(s: Section): HTMLElement {
  const box = el('section', `part part-${s.kind}`, both('h4', null, s.title));
  if (s.kind === 'lines') box.append(el('ul', 'lines', ...s.lines.map(lineEl)));
  if (s.kind === 'checklist') box.append(el('ul', 'checklist', ...s.items.map((i) => both('li', null, i))));
  if (s.kind === 'reasons') {
    if (s.note) box.append(el('ul', 'lines', lineEl(s.note)));
    box.append(
      el(
        'ol',
        'reasons',
        ...s.items.map((r) => {
          const concerns = r.fields.map((f) =>
            el('li', 'field', f.name.zh, el('span', 'en', f.name.en), f.filled === null ? null : el('span', 'value', f.filled ? '资料中已填写，请核对' : '资料中未填写')),
          );
          const materials = r.materials.map((m) => el('li', 'material', `${m}（材料）`, el('span', 'en', 'material')));
          const none = !concerns.length && !materials.length ? [both('li', 'none', { zh: '没有对应的资料字段', en: 'no profile field matches this reason' })] : [];
          return el('li', 'reason', el('div', 'reason-text', r.text), el('ul', 'concerns', ...concerns, ...materials, ...none));
        }),
      ),
    );
  }
  return box;
}

function blockEl(b: Block<string>, itemLabel: string): HTMLElement {
  const box = el('article', 'block');
  box.dataset.stage = b.stage ?? 'unknown';
  box.append(el('h3', null, `状态：${b.status}`, el('span', 'en', `Status: ${b.name.en}`)));
  if (b.orders.length) box.append(el('p', 'orders', `${itemLabel}：${b.orders.join('；')}`));
  box.append(both('p', 'meaning', b.meaning));
  if (b.steps.length) box.append(both('h4', null, { zh: '下一步', en: 'Next steps' }), el('ol', 'steps', ...b.steps.map((s) => both('li', null, s))));
  box.append(...b.sections.map(sectionEl));
  return box;
}

/** The console's panel, the one that came first. */
const ORDER_GUIDE: Bilingual = { zh: '订单状态说明', en: 'order status guide' };

/** Replaces the container's content with the guide. `collapsed` keeps only the header; without `recheck`, no 重新核对. */
export function renderGuide(container: HTMLElement, guide: Guide<string>, collapsed: boolean, actions: Partial<PanelActions> & Pick<PanelActions, 'toggle'>): void {
  const title = guide.title ?? ORDER_GUIDE;
  const toggle = el('button', 'toggle', collapsed ? '展开' : '收起');
  toggle.setAttribute('type', 'button');
  toggle.setAttribute('aria-expanded', String(!collapsed));
  toggle.addEventListener('click', () => actions.toggle());
  const header = el('header', null, el('strong', null, `软著助手 · ${title.zh}`), el('span', 'en', `Ruanzhu Assistant · ${title.en}`), toggle);
  const panel = el('section', 'guide', header);
  panel.setAttribute('aria-label', `软著助手 · ${title.zh}`);
  if (!collapsed) {
    panel.append(el('ul', 'lines', lineEl(guide.profile)), ...guide.blocks.map((b) => blockEl(b, guide.itemLabel ?? '订单')));
    if (actions.recheck) {
      const recheck = el('button', 'recheck', '重新核对', el('span', 'en', 'Check again'));
      recheck.setAttribute('type', 'button');
      recheck.addEventListener('click', () => actions.recheck!());
      panel.append(el('footer', null, recheck));
    }
  }
  container.replaceChildren(panel);
}

/** The panel's look, scoped by its shadow root. */
export const GUIDE_CSS = `
/* Bottom left: the readiness findings panel takes the right edge first, and the console's own buttons sit in its content area. */
:host { position: fixed; left: 16px; bottom: 16px; z-index: 2147483000; }
.guide { box-sizing: border-box; width: 420px; max-width: calc(100vw - 32px); max-height: 70vh; overflow: auto;
  font: 13px/1.55 -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328;
  background: #fff; border: 1px solid #d0d7de; border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.15); padding: 10px 14px; }
header { display: flex; align-items: baseline; gap: 6px; }
header .toggle { margin-left: auto; }
.en { color: #656d76; font-size: 12px; margin-left: 6px; }
h3 { font-size: 14px; margin: 12px 0 4px; }
h4 { font-size: 13px; margin: 8px 0 2px; }
p { margin: 4px 0; }
ul, ol { margin: 2px 0; padding-left: 20px; }
.lines { list-style: none; padding-left: 0; }
.tone-ok { color: #1a7f37; } .tone-ok::before { content: "✓ "; }
.tone-warning { color: #9a6700; } .tone-warning::before { content: "! "; }
.tone-error { color: #b3261e; } .tone-error::before { content: "✗ "; }
.tone-info { color: #1f2328; }
.block { border-top: 1px solid #eaeef2; margin-top: 8px; }
.reason-text { font-weight: 600; }
.concerns { color: #424a53; }
.value { display: block; color: #656d76; }
button { font: inherit; padding: 2px 10px; border: 1px solid #d0d7de; background: #f6f8fa; border-radius: 6px; cursor: pointer; }
footer { margin-top: 10px; }
`;
