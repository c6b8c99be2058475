import type { FieldWhy, FillResponse, PlannedField, PlanValues, UndoResponse } from '@/utils/contract/messages';
import { rowKey, specOf, type ControlKind } from '@/utils/fields/catalogue';
import { ownersInOrder } from '@/utils/fields/values';
import type { PageAdapter } from '@/utils/pages/adapters/toolkit';
import { normalizeText } from '@/utils/text/normalize';
import { sameOption } from '@/utils/text/options';
import { collect, isEnabled, type Collected, type FillMarks } from './collect';
import { plannedFields } from './preview';
import { isVisible } from '@/utils/content/visibility';
import { familiesOf } from './components';
import { DRIVERS, shownValue } from './drivers';
import { click, tick, waitedMs, waitFor, type DriverResult } from './drivers/events';
import { markFilled, reveal, unmark } from './marks';
import { matchScoped, rowsOf, scopedRules } from './page-match';
import { planFill, type PlanItem, type PlanOptions } from './plan';

/** Timings to 0.1 ms: finer says nothing on a shared machine. */
const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * One page's fill pipeline: collect → match → plan → execute → verify, with the marks that tell our
 * values from the user's, what the user touched, and the undo snapshots, kept per page kind for the
 * life of the tab.
 */

export type FieldReport = FillResponse['results'][number];
export type UndoReport = UndoResponse['results'][number];

export interface FillOptions extends PlanOptions {
  /** Add owner rows through the page's own 添加 button until every owner of the work has one. */
  addOwnerRows?: boolean;
  /** Keys the user unticked in the plan: never matched for, never driven, reported `skipped`. */
  skip?: readonly string[];
}

interface UndoEntry {
  key: string;
  kind: ControlKind;
  el: Element;
  before: string | string[];
  after: string;
}

/**
 * Choices reshape the page: 已发表 reveals its date, a country enables the area, an area reloads
 * the identity types, a type the documents, and each clears what follows it. After one, the page
 * is collected again before anything else is decided.
 */
const SHAPE_CHANGING: ReadonlySet<ControlKind> = new Set(['select', 'cascader', 'radio', 'checkbox']);
/** Buttons the engine never clicks, whatever else their text says. */
const FORBIDDEN = /保存|提交|下一步|上一步|同意|确认|上传|删除|登录|注册/;

/** Shown values compare as the page's text, not byte for byte (NFKC, spacing). */
const sameShown = (a: string, b: string) => normalizeText(a) === normalizeText(b);

/** A field whose element the page removed while it was filled: what it holds cannot be read back. */
const GONE = '填写后页面已变化，无法确认';

/** A driver run that cannot throw: a page that changed under it means the field is gone, not a crash. */
async function drive(kind: ControlKind, el: Element, value: string | string[]): Promise<DriverResult> {
  try {
    return await DRIVERS[kind].fill(el, value);
  } catch (err) {
    return { ok: false, status: 'not-found', reason: `页面已变化：${err instanceof Error ? err.message : String(err)}` };
  }
}

const asText = (v: string | string[]) => (Array.isArray(v) ? v.join('、') : v);

/** The match's signal on a report, where there is one. */
const withWhy = (why: FieldWhy | undefined) => (why ? { why } : {});

/** The report of a key that is not executed; a key the page does not show and the profile lacks has none. */
function report(item: Exclude<PlanItem, { action: 'fill' | 'part' }>): FieldReport | null {
  if (item.action === 'no-value' && item.ref === undefined) return null;
  const value = item.value === undefined ? {} : { value: asText(item.value) };
  // A field that already shows the profile's value was left as it was: kept, with the reason.
  return { key: item.key, status: item.action === 'same' ? 'kept' : item.action, ...value, reason: item.reason, ...withWhy(item.why) };
}

const SAVED_ROW = '该著作权人已保存；如需修改，请先点“编辑”';
const SKIPPED = '您在填写计划中取消了该字段，未填写';

export class FillSession {
  private readonly marks: FillMarks = new WeakMap();
  /** Controls the user clicked or typed in on this page: a choice there is theirs, not the site's preset. */
  private readonly touched = new WeakSet<Element>();
  private readonly undoStacks = new Map<string, UndoEntry[][]>();

  /** `signal` ends the watch of the user's touches (trusted events only; ours are not trusted). */
  constructor(
    private readonly doc: Document,
    signal?: AbortSignal,
  ) {
    if (signal) this.watchTouches(signal);
  }

  private watchTouches(signal: AbortSignal): void {
    for (const type of ['pointerdown', 'keydown', 'input']) {
      this.doc.addEventListener(
        type,
        (e) => {
          if (!e.isTrusted || !(e.target instanceof Element)) return;
          const control = e.target.closest(familiesOf(this.doc).anyComposite) ?? (e.target.matches('input, textarea') ? e.target : null);
          if (control) this.touched.add(control);
        },
        { capture: true, signal },
      );
    }
  }

  private collect(adapter: PageAdapter): Collected {
    return collect(this.doc.body, { rows: adapter.owners, marks: this.marks, touched: this.touched });
  }

  /** The adapter's fields as the page offers them now (owner rows: the rows present). */
  detect(adapter: PageAdapter): { key: string; found: boolean }[] {
    const rows = rowsOf(this.doc, adapter);
    return matchScoped(this.collect(adapter), scopedRules(adapter, rows)).map((m) => ({ key: m.key, found: m.status === 'matched' }));
  }

  /** The page's own 添加 button for owner rows, visible and enabled, and nothing that saves or submits. */
  private addButton(adapter: PageAdapter): Element | null {
    const add = adapter.owners?.add;
    if (!add) return null;
    const buttons = [...this.doc.querySelectorAll('button, a, [role=button], .hd-button')];
    const hits = buttons.filter((b) => {
      const t = normalizeText(b.textContent ?? '');
      return add.test(t) && !FORBIDDEN.test(t) && isVisible(b) && isEnabled(b);
    });
    return hits.length === 1 ? hits[0] : null;
  }

  private async ensureRows(adapter: PageAdapter, wanted: number): Promise<void> {
    while (rowsOf(this.doc, adapter) < wanted) {
      const button = this.addButton(adapter);
      if (!button) return;
      const before = rowsOf(this.doc, adapter);
      click(button);
      if (!(await waitFor(() => rowsOf(this.doc, adapter) > before))) return;
    }
  }

  async fill(pageKey: string, adapter: PageAdapter, values: PlanValues, opts: FillOptions = {}): Promise<FieldReport[]> {
    const owners = ownersInOrder(values);
    if (adapter.owners && opts.addOwnerRows) await this.ensureRows(adapter, owners.length);

    // Decided keys; a skip stays open (a later choice may reveal, enable or clear its field) until the end.
    // What the user unticked is decided before anything runs: it is never matched for nor driven.
    const done = new Map<string, FieldReport>((opts.skip ?? []).map((key) => [key, { key, status: 'skipped', reason: SKIPPED }]));
    const open = new Map<string, PlanItem>();
    const executed: { key: string; kind: ControlKind; el: Element; shown: string; entry: UndoEntry }[] = [];
    const undo: UndoEntry[] = [];
    const groups = () => scopedRules(adapter, rowsOf(this.doc, adapter), owners.length);
    const order = groups().flatMap((g) => g.rules.map((r) => r.key));

    // Each pass fills up to the first choice that reshapes the page; each key is filled at most once.
    for (let pass = 0; pass <= order.length; pass++) {
      const col = this.collect(adapter);
      const pending = new Set(order.filter((k) => !done.has(k)));
      const plan = planFill(matchScoped(col, groups(), pending), col.controls, values, opts);
      let reshaped = false;
      // Document order: a country before the area it enables, a category before its documents.
      for (const item of [...plan].sort((a, b) => (a.ref ?? Infinity) - (b.ref ?? Infinity))) {
        // A host matched again for its part (省份 for 城市) was decided in an earlier pass.
        if (done.has(item.key)) continue;
        if (item.action !== 'fill') {
          open.set(item.key, item);
          continue;
        }
        const el = col.elements[item.ref];
        // The page replaced what was collected (a step rendered anew): collect again, never drive a detached element.
        if (!el.isConnected) {
          reshaped = true;
          break;
        }
        open.delete(item.key);
        const kind = col.controls[item.ref].kind;
        const before = DRIVERS[kind].read(el);
        const beforeShown = shownValue(kind, el);
        const [started, waitedBefore] = [performance.now(), waitedMs()];
        const result = await drive(kind, el, item.value);
        const timing = { ms: round(performance.now() - started), waitedMs: round(waitedMs() - waitedBefore) };
        if (!el.isConnected) {
          done.set(item.key, { key: item.key, status: 'not-found', reason: GONE, timing, ...withWhy(item.why) });
          reshaped = true;
          break;
        }
        const shown = shownValue(kind, el);
        if (!sameShown(shown, beforeShown)) {
          // Changed by us, even when the page then showed something else: undo can restore it.
          const entry: UndoEntry = { key: item.key, kind, el, before, after: shown };
          undo.push(entry);
          if (result.ok) executed.push({ key: item.key, kind, el, shown, entry });
        }
        if (!result.ok) done.set(item.key, { key: item.key, status: result.status, ...(shown !== beforeShown ? { value: shown } : {}), reason: result.reason, timing, ...withWhy(item.why) });
        else {
          this.marks.set(el, normalizeText(shown));
          // A choice the page does not offer, filed as another (护照 → 其他有效证件), says so.
          const filedAs = Array.isArray(item.value) && kind === 'select' && !sameOption(shown, item.value[0]) ? `“${item.value[0]}”按“${shown}”填写` : undefined;
          const note = item.note ?? filedAs;
          done.set(item.key, { key: item.key, status: 'filled', value: shown, ...(note ? { reason: note } : {}), timing, ...withWhy(item.why) });
        }
        if (SHAPE_CHANGING.has(kind)) {
          reshaped = true;
          break;
        }
      }
      if (!reshaped) break;
    }

    // A row the page shows saved (text, no controls) holds the user's owner: it is theirs until they edit it.
    const savedRows = this.savedRows(this.collect(adapter), adapter);
    // A part of an area (城市 in the 省份 cascader) ends as its host did.
    for (const key of order) {
      if (done.has(key)) continue;
      const item = open.get(key);
      if (!item) continue;
      if (item.action === 'part') {
        const host = done.get(item.host);
        if (host) done.set(key, { key, status: host.status, reason: `与“${specOf(item.host)?.zh ?? item.host}”在同一个选择框中`, ...withWhy(item.why) });
        continue;
      }
      if (item.action === 'fill') continue;
      const row = rowKey(key);
      if (row && savedRows.has(row.index)) {
        done.set(key, { key, status: 'kept', reason: SAVED_ROW, ...withWhy(item.why) });
        continue;
      }
      const r = report(item);
      if (r) done.set(key, r);
    }

    // Verify after a tick: a component may reformat or reject what it was given.
    await tick();
    for (const x of executed) {
      if (!x.el.isConnected) {
        done.set(x.key, { ...done.get(x.key)!, status: 'not-found', value: undefined, reason: GONE });
        continue;
      }
      const now = shownValue(x.kind, x.el);
      if (sameShown(now, x.shown)) markFilled(x.el, x.key);
      else {
        x.entry.after = now;
        done.set(x.key, { ...done.get(x.key)!, status: 'rejected', value: now, reason: `页面显示为“${now}”` });
      }
    }
    if (undo.length) this.undoStacks.set(pageKey, [...(this.undoStacks.get(pageKey) ?? []), undo]);

    return [...order.flatMap((k) => done.get(k) ?? []), ...this.ownersWithoutRow(adapter, values)];
  }

  /**
   * What `fill` would do on the page as it is now, written nowhere: one pass of collect → match →
   * plan. A field a choice reveals (已发表's date) is planned once the choice is on the page.
   */
  plan(adapter: PageAdapter, values: PlanValues, opts: FillOptions = {}): PlannedField[] {
    const col = this.collect(adapter);
    const groups = scopedRules(adapter, rowsOf(this.doc, adapter), ownersInOrder(values).length);
    const items = planFill(matchScoped(col, groups), col.controls, values, opts);
    const saved = this.savedRows(col, adapter);
    // As the fill reports them: a saved row's fields are kept, not filled.
    const settled = items.map((item): PlanItem => {
      const row = rowKey(item.key);
      return item.action !== 'fill' && item.action !== 'part' && row && saved.has(row.index) ? { ...item, action: 'kept', value: undefined, reason: SAVED_ROW } : item;
    });
    const extra = this.ownersWithoutRow(adapter, values).map((r): PlanItem => ({ key: r.key, action: 'not-found', value: r.value, reason: opts.addOwnerRows ? '填写时将先用页面的添加按钮增加一行' : r.reason }));
    return plannedFields([...settled, ...extra], col.controls, values);
  }

  /** Owner rows the page shows saved (text, no controls): their owners are the user's until they edit them. */
  private savedRows(col: Collected, adapter: PageAdapter): Set<number> {
    return new Set([...this.doc.querySelectorAll(adapter.owners?.row ?? ':not(*)')].flatMap((_, i) => (col.controls.some((c) => c.scope === i) ? [] : [i])));
  }

  /** The work's owners beyond the page's rows, reported on the first field of the row they lack. */
  private ownersWithoutRow(adapter: PageAdapter, values: PlanValues): FieldReport[] {
    const owners = ownersInOrder(values);
    const rows = rowsOf(this.doc, adapter);
    if (!adapter.owners || owners.length <= rows) return [];
    return owners.slice(rows).map((o, i) => ({
      key: `owners.${rows + i}.name`,
      status: 'not-found' as const,
      value: o.name,
      reason: `页面上只有 ${rows} 行著作权人；可选择自动添加行后再填写`,
    }));
  }

  /**
   * Restores the values from before the last fill on this page kind. A field the user changed
   * since is left alone; a field whose element was replaced (the step re-rendered) is found again
   * through the adapter.
   */
  async undo(pageKey: string, adapter: PageAdapter): Promise<UndoReport[]> {
    const entries = this.undoStacks.get(pageKey)?.pop();
    if (!entries) return [];
    const out: UndoReport[] = [];
    for (const e of [...entries].reverse()) {
      const el = e.el.isConnected ? e.el : this.locate(adapter, e.key);
      if (!el) {
        out.push({ key: e.key, status: 'failed', reason: '页面已变化，找不到该字段' });
        continue;
      }
      const shown = shownValue(e.kind, el);
      if (!sameShown(shown, e.after)) {
        out.push({ key: e.key, status: 'skipped', reason: `填写后已改为“${shown}”，未撤销` });
        continue;
      }
      const result = await drive(e.kind, el, e.before);
      this.marks.delete(el);
      unmark(el);
      out.push(result.ok ? { key: e.key, status: 'restored' } : { key: e.key, status: 'failed', reason: result.reason });
    }
    return out.reverse();
  }

  /** Scrolls to the field of a key and focuses it; false when the page does not show it. */
  focus(adapter: PageAdapter, key: string): boolean {
    const el = this.locate(adapter, key);
    if (el) reveal(el);
    return !!el;
  }

  private locate(adapter: PageAdapter, key: string): Element | null {
    const col = this.collect(adapter);
    const m = matchScoped(col, scopedRules(adapter, rowsOf(this.doc, adapter)), new Set([key]))[0];
    return m?.status === 'matched' ? col.elements[m.ref] : null;
  }
}
