import type { FillResponse, UndoResponse } from '@/utils/contract/messages';
import { rowRules, type FieldRule, type PageAdapter } from '@/utils/pages/adapters/toolkit';
import { collect, isEnabled, isVisible, type Collected, type FillMarks } from './collect';
import type { ControlKind } from '@/utils/fields/catalogue';
import { DRIVERS, shownValue } from '@/utils/content/fill/drivers';
import { click, tick, waitFor, type DriverResult } from '@/utils/content/fill/drivers/events';
import { ownersInOrder } from '@/utils/fields/values';
import type { PlanValues } from '@/utils/contract/messages';
import { markFilled, reveal, unmark } from './marks';
import { matchFields, type MatchResult } from './match';
import { planFill, type PlanItem, type PlanOptions, type PlanSkip } from './plan';
import { normalizeText } from '@/utils/text/normalize';

/**
 * One page's fill pipeline: collect → match → plan → execute → verify, with the marks that tell our
 * values from the user's and the undo snapshots, kept per page kind for the life of the tab.
 */

export type FieldReport = FillResponse['results'][number];
export type UndoReport = UndoResponse['results'][number];

export interface FillOptions extends PlanOptions {
  /** Add owner rows through the page's own 添加 button until every owner of the work has one. */
  addOwnerRows?: boolean;
}

interface UndoEntry {
  key: string;
  kind: ControlKind;
  el: Element;
  before: string | string[];
  after: string | string[];
}

/** Choices can reveal fields (已发表 → 首次发表日期): after one, the page is collected again. */
const SHAPE_CHANGING: ReadonlySet<ControlKind> = new Set(['select', 'radio', 'checkbox']);
const MAX_PASSES = 3;
/** Buttons the engine never clicks, whatever else their text says. */
const FORBIDDEN = /保存|提交|下一步|上一步|同意|确认|上传|删除|登录|注册/;

const asString = (v: string | string[]) => (Array.isArray(v) ? v.join('、') : v);
/** Shown values compare as the page's text, not byte for byte (NFKC, spacing). */
const sameShown = (a: string | string[], b: string | string[]) => normalizeText(asString(a)) === normalizeText(asString(b));

function scopedRules(adapter: PageAdapter, rowCount: number, ownerCount: number): { scope: number | null; rules: FieldRule[] }[] {
  const groups: { scope: number | null; rules: FieldRule[] }[] = [{ scope: null, rules: [...adapter.fields] }];
  if (adapter.owners) for (let i = 0; i < Math.min(rowCount, ownerCount); i++) groups.push({ scope: i, rules: rowRules(adapter.owners, i) });
  return groups;
}

function matchAll(col: Collected, groups: { scope: number | null; rules: FieldRule[] }[], only?: ReadonlySet<string>): MatchResult[] {
  return groups.flatMap(({ scope, rules }) => matchFields(col.controls, only ? rules.filter((r) => only.has(r.key)) : rules, scope));
}

const rowsOf = (doc: Document, adapter: PageAdapter) => (adapter.owners ? doc.querySelectorAll(adapter.owners.row).length : 0);

/** A driver run that cannot throw: a page that changed under it means the field is gone, not a crash. */
async function drive(kind: ControlKind, el: Element, value: string | string[]): Promise<DriverResult> {
  try {
    return await DRIVERS[kind].fill(el, value);
  } catch (err) {
    return { ok: false, status: 'not-found', reason: `页面已变化：${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The report of a planned field that is not executed; a field without a profile value has none. */
function report(item: PlanItem & { action: PlanSkip }): FieldReport | null {
  if (item.action === 'no-value') return null;
  const value = item.value === undefined ? {} : { value: asString(item.value) };
  // A field that already shows the profile's value was left as it was: kept, with the reason.
  return { key: item.key, status: item.action === 'same' ? 'kept' : item.action, ...value, reason: item.reason };
}

export class FillSession {
  private readonly marks: FillMarks = new WeakMap();
  private readonly undoStacks = new Map<string, UndoEntry[][]>();

  constructor(private readonly doc: Document) {}

  private collect(adapter: PageAdapter): Collected {
    return collect(this.doc.body, { rows: adapter.owners?.row, marks: this.marks });
  }

  /** The adapter's fields as the page offers them now (owner rows: the rows present). */
  detect(adapter: PageAdapter): { key: string; found: boolean }[] {
    const col = this.collect(adapter);
    const rows = rowsOf(this.doc, adapter);
    return matchAll(col, scopedRules(adapter, rows, rows)).map((m) => ({ key: m.key, found: m.status === 'matched' }));
  }

  /** The page's own 添加 button for owner rows, visible and enabled, and nothing that saves or submits. */
  private addButton(adapter: PageAdapter): Element | null {
    const add = adapter.owners?.add;
    if (!add) return null;
    const buttons = [...this.doc.querySelectorAll('button, a, [role=button], .el-button')];
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

    const done = new Map<string, FieldReport | null>();
    const executed: { key: string; kind: ControlKind; el: Element; value: string | string[]; entry: UndoEntry }[] = [];
    const undo: UndoEntry[] = [];
    let order: string[] = [];
    // Fields not found in a pass: found in a later one, or reported as not found at the end.
    const deferred = new Map<string, PlanItem & { action: PlanSkip }>();

    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const col = this.collect(adapter);
      const groups = scopedRules(adapter, rowsOf(this.doc, adapter), owners.length);
      if (pass === 0) order = groups.flatMap((g) => g.rules.map((r) => r.key));
      const pending = new Set(order.filter((k) => !done.has(k)));
      const plan = planFill(matchAll(col, groups, pending), col.controls, values, opts);
      let reshaped = false;
      // Document order: a category is chosen before the ID type whose options depend on it.
      for (const item of [...plan].sort((a, b) => (a.ref ?? Infinity) - (b.ref ?? Infinity))) {
        // A field not found yet may appear once a choice is made: decided after the last pass.
        if (item.action === 'not-found' && item.ref === undefined) {
          deferred.set(item.key, item);
          continue;
        }
        if (item.action !== 'fill') {
          done.set(item.key, report(item));
          continue;
        }
        const el = col.elements[item.ref];
        const kind = col.controls[item.ref].kind;
        const before = DRIVERS[kind].read(el);
        const result = await drive(kind, el, item.value);
        if (!result.ok) {
          // A page that took the value and turned it into another one was still changed by us: undo can restore it.
          const shown = el.isConnected ? DRIVERS[kind].read(el) : before;
          const changed = !sameShown(shown, before);
          if (changed) undo.push({ key: item.key, kind, el, before, after: shown });
          done.set(item.key, { key: item.key, status: result.status, ...(changed ? { value: asString(shown) } : {}), reason: result.reason });
          continue;
        }
        this.marks.set(el, normalizeText(asString(result.value)));
        const entry: UndoEntry = { key: item.key, kind, el, before, after: result.value };
        undo.push(entry);
        executed.push({ key: item.key, kind, el, value: result.value, entry });
        done.set(item.key, { key: item.key, status: 'filled', value: asString(result.value) });
        if (SHAPE_CHANGING.has(kind)) reshaped = true;
      }
      if (!reshaped) break;
    }
    for (const key of order) if (!done.has(key)) done.set(key, report(deferred.get(key)!));

    // Verify after a tick: a component may reformat or reject what it was given.
    await tick();
    for (const x of executed) {
      if (!x.el.isConnected) {
        done.set(x.key, { key: x.key, status: 'not-found', reason: '填写后页面已变化，无法确认' });
        continue;
      }
      const shown = shownValue(x.kind, x.el);
      if (sameShown(shown, x.value)) markFilled(x.el, x.key);
      else {
        // Undo compares with what the page showed after our fill, not with what we typed.
        x.entry.after = DRIVERS[x.kind].read(x.el);
        done.set(x.key, { key: x.key, status: 'rejected', value: shown, reason: `页面显示为“${shown}”` });
      }
    }
    const stack = this.undoStacks.get(pageKey) ?? [];
    if (undo.length) this.undoStacks.set(pageKey, [...stack, undo]);

    const missingRows = owners.length - rowsOf(this.doc, adapter);
    const rowsNote: FieldReport[] =
      adapter.owners && missingRows > 0
        ? owners.slice(owners.length - missingRows).map((o, i) => ({
            key: `owners.${owners.length - missingRows + i}.name`,
            status: 'not-found' as const,
            value: o.name,
            reason: `页面上只有 ${owners.length - missingRows} 行著作权人；可选择自动添加行后再填写`,
          }))
        : [];
    return [...order.map((k) => done.get(k)).filter((r): r is FieldReport => !!r), ...rowsNote];
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
    const rows = rowsOf(this.doc, adapter);
    const m = matchAll(col, scopedRules(adapter, rows, rows), new Set([key]))[0];
    return m?.status === 'matched' ? col.elements[m.ref] : null;
  }
}
