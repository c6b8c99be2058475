import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';

/**
 * Loading and driving the Alibaba Cloud console replicas (fusion.js, variants-aliyun.js) in
 * happy-dom, and a careful user for them. The user knows model paths (it drives each control
 * found through the page's test registry `window.__replicaControls[path]`), which no engine does:
 * it proves every variant is fillable and that the oracle agrees with the page's components.
 */

const KIT = resolve(__dirname, '../../fixtures/portals/_kit');
export const kitSource = (file: string) => readFileSync(resolve(KIT, file), 'utf8');

export type Option = { value: string; label: string; children?: Option[] };
export interface Ref<T = unknown> {
  path: string;
  get(): T;
  set(v: T): void;
  watch(fn: (v: T) => void): () => void;
}
export interface Store {
  model: Record<string, unknown>;
  ref<T = unknown>(path: string): Ref<T>;
  read(path: string): unknown;
  lock(path: string): void;
}
type Comp = HTMLElement & { __fusion?: { setDataSource(list: Option[]): void; setDisabled(v: boolean): void; activate(key: string): void; popup: { open: boolean } }; __control?: HTMLInputElement };
/** fusion.js: one kit per prefix and React event system. */
export interface Kit {
  prefix: string;
  h(tag: string, attrs?: Record<string, unknown>, ...children: unknown[]): HTMLElement;
  root(el: HTMLElement): HTMLElement;
  FormItem(o: Record<string, unknown>): HTMLElement & { __check(): boolean };
  Input(o: Record<string, unknown>): Comp;
  TextArea(o: Record<string, unknown>): Comp;
  Select(o: Record<string, unknown>): Comp;
  DatePicker(o: Record<string, unknown>): Comp;
  DatePicker2(o: Record<string, unknown>): Comp;
  RadioGroup(o: Record<string, unknown>): Comp;
  CheckboxGroup(o: Record<string, unknown>): Comp;
  CascaderSelect(o: Record<string, unknown>): Comp;
  Dialog(o: Record<string, unknown>): { open(): void; hide(): void; isOpen: boolean };
  Tab(o: Record<string, unknown>): Comp;
  Upload(o: Record<string, unknown>): Comp;
  Table(o: Record<string, unknown>): HTMLElement;
  Button(o: Record<string, unknown>): HTMLElement;
  Show(refs: Ref[], when: () => boolean, build: () => HTMLElement): DocumentFragment;
  destroy(): void;
}
export interface FusionApi {
  kit(o?: { prefix?: string; react?: 16 | 17; doc?: Document }): Kit;
  store(model: Record<string, unknown>): Store;
  strictDay(s: string): string | null;
  lenientDay(s: string): string | null;
}

export type Expect = 'fill' | 'kept' | 'locked' | 'no-value' | 'too-long' | 'capped';
export interface Expectation {
  fields: { key: string; path: string; value: unknown; expect: Expect }[];
  untouched: string[];
  status?: string;
  reasons?: string[];
  rows?: { orderId: string; software: string; status: string }[];
}
export interface Variant {
  kind: string;
  url: string;
  seed: string | number;
  view: 'apply' | 'list' | 'order' | 'login';
  orderId?: string;
  canonical: boolean;
  suggested: { workId: string; ownerId: string };
  app: { prefix: string; react: 16 | 17; dateVersion: 1 | 2; routes: string; dialect: string; valueStyle: string; cache: boolean; orders: { id: string; statusId: string; statusText: string; software: string; reasons: string[] | null }[] };
  apply?: { mode: string; modeUi: string; partStyle: string; parts: { id: string; title: string; controls: Ctl[] }[] };
  order?: { reasonsUi: string; statusLabel: string; layout: string };
  list?: Record<string, unknown>;
  login?: { where: string };
  [k: string]: unknown;
}
export interface Ctl {
  id: string;
  key: string | null;
  path: string;
  paths?: string[];
  type: string;
  label: string;
  options?: Option[];
  style?: string;
  hidden?: string;
  twinOf?: string;
  locked?: string;
  prefill?: string;
  reveal?: { path: string; values: string[] };
  changeOnSelect?: boolean;
  dialogOpen?: boolean;
  rows?: { kept: boolean }[];
  [k: string]: unknown;
}
/** variants-aliyun.js (window.RuanzhuVariants.aliyun). */
export interface Generator {
  kinds: string[];
  generate(kind: string, seed: string | number): Variant;
  canonical(kind: string, orderId?: string): Variant;
  fromUrl(url: string): Variant | null;
  mount(v: Variant, doc: Document): void;
  expected(v: Variant, values: unknown): Expectation;
  testBundle(sample?: unknown): { owners: { id: string }[]; works: { id: string; ownerIds: string[] }[] };
  fillValues(bundle: unknown, workId: string, ownerId?: string): unknown;
  pristineModel(v: Variant): Record<string, unknown>;
  controlAt(v: Variant, path: string, model?: unknown): Ctl | null;
  routeTo(v: Variant, view: string, id?: string): string;
  facts: Record<string, unknown>;
}

type Win = Window & { Fusion?: FusionApi; RuanzhuVariants?: { aliyun?: Generator } };

/** Runs fusion.js and variants-aliyun.js in this test file's window once. */
export function loadConsole(): { Fusion: FusionApi; gen: Generator } {
  const w = window as unknown as Win;
  if (!w.Fusion) window.eval(kitSource('fusion.js'));
  if (!w.RuanzhuVariants?.aliyun) window.eval(kitSource('variants-aliyun.js'));
  return { Fusion: w.Fusion!, gen: w.RuanzhuVariants!.aliyun! };
}

/** What the page exposes to tests. */
export const page = () =>
  window as unknown as Window & { __model: Record<string, unknown>; __clicks: string[]; __uploads: unknown[]; __lockedTouches: unknown[]; __viewVariant: Variant; __replicaControls: Record<string, Comp> };

export const sampleBundle = () => JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/sample.ruanzhu.json'), 'utf8'));
export const at = (obj: unknown, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o === null || o === undefined ? undefined : (o as Record<string, unknown>)[k]), obj);

/** Typing: the prototype's setter, then a bubbling input event. */
export function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
/** Enter as Fusion reads it: keyCode 13. */
export const enter = (el: Element) => el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true }));
/** A click somewhere else on the page. */
export const clickOutside = () => document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
export const advance = (ms = 900) => vi.advanceTimersByTimeAsync(ms);
const text = (el: Element) => (el.textContent ?? '').trim();

/** The open popup of a kit (the last visible overlay wrapper in <body>). */
export function openOverlay(prefix: string): HTMLElement | null {
  const all = [...document.body.querySelectorAll(`.${prefix}overlay-wrapper`)].filter((w) => (w as HTMLElement).style.display !== 'none') as HTMLElement[];
  return all[all.length - 1] ?? null;
}

async function pickOption(prefix: string, trigger: HTMLElement, label: string) {
  trigger.click();
  for (let i = 0; i < 10; i++) {
    const li = openOverlay(prefix)?.querySelector(`li[role=option][title="${label}"]`) as HTMLElement | null;
    if (li) {
      li.click();
      return;
    }
    await advance(100);
  }
  throw new Error(`option ${label} never appeared`);
}

async function pickPath(prefix: string, trigger: HTMLElement, labels: string[], closeAfter: boolean) {
  trigger.click();
  for (const [level, label] of labels.entries()) {
    let li: HTMLElement | null = null;
    for (let i = 0; i < 10 && !li; i++) {
      const menus = openOverlay(prefix)?.querySelectorAll(`ul.${prefix}cascader-menu`);
      li = (menus?.[level]?.querySelector(`li.${prefix}cascader-menu-item[title="${label}"]`) as HTMLElement | null) ?? null;
      if (!li) await advance(100);
    }
    if (!li) throw new Error(`cascader entry ${label} never appeared`);
    li.click();
  }
  if (closeAfter && openOverlay(prefix)) clickOutside();
}

/** Fills every 'fill' entry of an expectation through the page, in the oracle's order. */
export async function fillLikeAUser(gen: Generator, v: Variant, e: Expectation) {
  const p = v.app.prefix;
  const done = new Set<string>();
  for (const f of e.fields) {
    if (f.expect !== 'fill' || done.has(f.path)) continue;
    const ctl = gen.controlAt(v, f.path, page().__model);
    const el = page().__replicaControls[f.path];
    if (!ctl || !el) throw new Error(`no control at ${f.path}`);
    const labelOf = (value: unknown) => ctl.options!.find((o) => o.value === value)!.label;
    switch (ctl.type) {
      case 'input':
      case 'textarea':
        type(el.querySelector('input, textarea') as HTMLInputElement, String(f.value));
        break;
      case 'select':
        await pickOption(p, el, labelOf(f.value));
        break;
      case 'radio':
        ([...el.querySelectorAll(`label.${p}radio-wrapper`)].find((l) => text(l) === labelOf(f.value)) as HTMLElement).click();
        break;
      case 'checkbox':
        for (const value of f.value as string[]) ([...el.querySelectorAll(`label.${p}checkbox-wrapper`)].find((l) => text(l) === labelOf(value)) as HTMLElement).click();
        break;
      case 'date':
        if (v.app.dateVersion === 2) {
          const input = el.querySelector('input') as HTMLInputElement;
          (el.querySelector('[role=button]') as HTMLElement).click();
          type(input, String(f.value));
          enter(input);
        } else {
          (el.querySelector(`.${p}date-picker-trigger`) as HTMLElement).click();
          const input = openOverlay(p)!.querySelector(`.${p}date-picker-panel-input input`) as HTMLInputElement;
          type(input, String(f.value));
          enter(input);
          clickOutside();
        }
        break;
      case 'cascader': {
        // One cascader holds several paths: pick the whole path the oracle wants at once.
        const wanted = ctl.paths!.map((path) => e.fields.find((x) => x.path === path && x.expect === 'fill')?.value).filter((x) => x !== undefined);
        const labels: string[] = [];
        let level: Option[] | undefined = ctl.options;
        for (const value of wanted) {
          const node: Option = level!.find((o) => o.value === value)!;
          labels.push(node.label);
          level = node.children;
        }
        await pickPath(p, el, labels, true);
        for (const path of ctl.paths!) done.add(path);
        break;
      }
      default:
        throw new Error(`cannot drive ${ctl.type}`);
    }
    done.add(f.path);
    await advance(200);
  }
}

/** Paths whose model value is not what the oracle says (fill → value; others → pristine). */
export function wrongPaths(e: Expectation, pristine: unknown, model: unknown): string[] {
  const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const bad: string[] = [];
  for (const f of e.fields) if (!eq(at(model, f.path), f.expect === 'fill' ? f.value : at(pristine, f.path))) bad.push(`${f.path} (${f.key}, ${f.expect}): ${JSON.stringify(at(model, f.path))}`);
  for (const path of e.untouched) if (!eq(at(model, path), at(pristine, path))) bad.push(`${path} (untouched): ${JSON.stringify(at(model, path))}`);
  return bad;
}
