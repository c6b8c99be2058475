import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** test/fixtures/portals/_kit/<file>: the replicas' scripts, as the pages load them. */
const KIT = resolve(__dirname, '../../fixtures/portals/_kit');
export const kitSource = (file: string) => readFileSync(resolve(KIT, file), 'utf8');

export interface Ref<T = unknown> {
  path: string;
  get(): T;
  set(v: T): void;
  watch(fn: (v: T) => void): void;
}
export interface Store {
  model: Record<string, unknown>;
  ref<T = unknown>(path: string): Ref<T>;
  read(path: string): unknown;
  lock(path: string): void;
}
export type Option = { value: string; label: string };
/** hd.js (window.HD): the imitation of the center's hd-* components. */
export interface HD {
  h(tag: string, attrs?: Record<string, unknown>, ...children: unknown[]): HTMLElement;
  store(model: Record<string, unknown>): Store;
  input(o: Record<string, unknown>): HTMLElement & { __hd: { validate(): boolean; control: HTMLInputElement } };
  radioGroup(o: Record<string, unknown>): HTMLElement;
  checkboxGroup(o: Record<string, unknown>): HTMLElement;
  select(o: Record<string, unknown>): HTMLElement & { __hd: { reload(options: Option[], delay?: number): void } };
  cascader(o: Record<string, unknown>): HTMLElement;
  datePicker(o: Record<string, unknown>): HTMLElement;
  upload(o: Record<string, unknown>): HTMLElement;
  dayText(ts: number): string;
  YEARS: { first: number; last: number };
}

export interface Variant {
  kind: string;
  url: string;
  seed: string | number;
  suggested: { workId: string; ownerId: string };
  [k: string]: unknown;
}
export type Expect = 'fill' | 'kept' | 'locked' | 'no-value' | 'too-long' | 'capped';
export interface Expectation {
  fields: { key: string; path: string; value: unknown; expect: Expect }[];
  untouched: string[];
}
/** variants-ccopyright.js (window.RuanzhuVariants.ccopyright). */
export interface Generator {
  kinds: string[];
  generate(kind: string, seed: string | number): Variant;
  canonical(kind: string): Variant;
  mount(v: Variant, doc: Document): void;
  expected(v: Variant, values: unknown): Expectation;
  testBundle(sample?: unknown): { owners: { id: string }[]; works: { id: string; ownerIds: string[] }[] };
  fillValues(bundle: unknown, workId: string, ownerId?: string): unknown;
  pristineModel(v: Variant): Record<string, unknown>;
  facts: Record<string, unknown>;
}

type Win = Window & { HD?: HD; RuanzhuVariants?: { ccopyright: Generator } };

/** Runs hd.js and variants-ccopyright.js in this test file's window once. */
export function loadReplicas(): { HD: HD; gen: Generator } {
  const w = window as unknown as Win;
  if (!w.HD) window.eval(kitSource('hd.js'));
  if (!w.RuanzhuVariants?.ccopyright) window.eval(kitSource('variants-ccopyright.js'));
  return { HD: w.HD!, gen: w.RuanzhuVariants!.ccopyright };
}

/** What the page exposes to tests. */
export const page = () =>
  window as unknown as Window & {
    __model: Record<string, unknown>;
    __clicks: string[];
    __uploads: unknown[];
    __lockedTouches: unknown[];
    __messages: string[];
  };

/** The sample bundle of test/fixtures. */
export const sampleBundle = () => JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/sample.ruanzhu.json'), 'utf8'));

/** Reads a dotted path of an object. */
export const at = (obj: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o === null || o === undefined ? undefined : (o as Record<string, unknown>)[k]), obj);

/** Sets a value the way typing does: the prototype setter, then a bubbling input event. */
export function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
export const blur = (el: Element) => el.dispatchEvent(new Event('blur'));
/** Lets microtasks and timers up to `ms` run (real timers; the replicas' delays are short here). */
export const settle = (ms = 0) => new Promise((r) => setTimeout(r, ms));
