import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountClosedUi, type ClosedUi } from '@/utils/content/shadow-ui';
import { t } from '@/utils/platform/i18n';
import type { Finding } from '@/utils/schema/finding';
import type { Verdict, VerdictView } from './uploads';
import css from './verdict.css?inline';

const SEVERITY_TEXT: Record<Finding['severity'], () => string> = {
  error: () => t('severityError'),
  warning: () => t('severityWarning'),
  info: () => t('severityInfo'),
};

/** The verdict's content (textContent only: messages quote file names). */
export function renderVerdict(doc: Document, verdict: Verdict): HTMLElement {
  const box = doc.createElement('div');
  box.className = 'rz-verdict';
  box.setAttribute('role', 'status');
  box.dataset.state = verdict.state;
  const line = (className: string, text: string) => {
    const p = doc.createElement('p');
    p.className = className;
    p.textContent = text;
    return p;
  };
  const counts = (findings: Finding[]) => t('findingCounts', (['error', 'warning', 'info'] as const).map((s) => findings.filter((f) => f.severity === s).length));
  if (verdict.state === 'failed') {
    box.dataset.worst = 'error';
    box.append(line('rz-v-head', t('fileCheckFailed', [verdict.error])));
  } else {
    const findings = verdict.findings ?? [];
    const worst = (['error', 'warning', 'info'] as const).find((s) => findings.some((f) => f.severity === s));
    if (verdict.state === 'checking') {
      if (worst) box.dataset.worst = worst;
      box.append(line('rz-v-head', findings.length ? t('fileCheckingSoFar', [counts(findings)]) : t('fileChecking')));
    } else {
      box.dataset.worst = worst ?? (verdict.note ? 'partial' : 'none');
      // "No problems" only when every check ran.
      const head = findings.length ? counts(findings) : verdict.note ? '' : t('fileOk');
      if (head) box.append(line('rz-v-head', head));
    }
    if (findings.length) {
      const list = doc.createElement('ul');
      list.className = 'rz-v-list';
      for (const f of findings) {
        const item = doc.createElement('li');
        item.className = f.severity;
        item.dataset.rule = f.rule;
        const sev = doc.createElement('span');
        sev.className = 'rz-sev';
        sev.textContent = SEVERITY_TEXT[f.severity]();
        item.append(sev, f.message);
        list.append(item);
      }
      box.append(list);
    }
    if (verdict.details?.length) box.append(line('rz-v-details', verdict.details.join(' · ')));
    if (verdict.note) box.append(line('rz-v-note', verdict.note));
  }
  box.append(line('rz-v-note', t('fileLocalNote')));
  return box;
}

/** One closed shadow-root UI right after each upload control's box, re-rendered per verdict. */
export class VerdictUi implements VerdictView {
  private readonly uis = new WeakMap<Element, Promise<ClosedUi>>();

  constructor(private readonly ctx: ContentScriptContext) {}

  show(anchor: Element, verdict: Verdict): void {
    let ui = this.uis.get(anchor);
    if (!ui) {
      ui = mountClosedUi(this.ctx, { name: 'ruanzhu-file-verdict', css, anchor, after: true });
      this.uis.set(anchor, ui);
    }
    void ui.then((created) => created.container.replaceChildren(renderVerdict(created.container.ownerDocument, verdict)));
  }
}
