import { vi } from 'vitest';
import type { PlanValues } from '@/utils/contract/messages';
import { PlanValues as PlanValuesSchema } from '@/utils/schema/plan-values';
import { kitSource, loadReplicas, sampleBundle, type HD as BaseHD, type Option, type Variant } from '../replicas/load';

/*
 * The engine's unit tests on the center's own components: the hd-* imitation (hd.js, as the e2e
 * pages run it) and the variant generator, in happy-dom with fake timers.
 */

/** hd.js's builders besides the controls (a section, a link) that the tests use. */
export interface HD extends BaseHD {
  fillinItem(o: { title?: string; required?: boolean; span?: boolean }, ...bodies: Node[]): HTMLElement;
  link(text: string, onClick?: (e: Event) => void, cls?: string): HTMLElement;
}

const loaded = loadReplicas();
export const HD = loaded.HD as HD;
export const gen = loaded.gen;

/** Options with codes 1, 2, … as the page's models hold them. */
export const opts = (...labels: string[]): Option[] => labels.map((label, i) => ({ value: String(i + 1), label }));
/** Options whose value is their text (checkbox groups keep the texts). */
export const texts = (...labels: string[]): Option[] => labels.map((label) => ({ value: label, label }));

export const mount = <T extends Node>(node: T): T => (document.body.append(node), node);

/** hd.css in the document: the calendar's panel and menus hidden until opened, as on the page. */
export function useStyles(): void {
  if (document.head.querySelector('style[data-hd]')) return;
  const style = document.createElement('style');
  style.dataset.hd = '';
  style.textContent = kitSource('hd.css');
  document.head.append(style);
}

/** A fresh page: empty body, empty records, today fixed (fake timers). */
export function freshPage(): void {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(2026, 4, 20, 9, 30));
  document.body.innerHTML = '';
  Object.assign(window, { __clicks: [], __uploads: [], __lockedTouches: [], __messages: [] });
}

/**
 * Awaits an engine promise while fake time runs: the engine waits on MutationObservers, its own
 * MessageChannel ticks and setTimeout fallbacks, the page on its load delays. Fails after `maxMs`
 * of fake time rather than hanging.
 */
export async function drive<T>(p: Promise<T>, maxMs = 60_000): Promise<T> {
  let settled = false;
  p.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let t = 0; t < maxMs && !settled; t += 50) await vi.advanceTimersByTimeAsync(50);
  if (!settled) throw new Error(`the engine did not finish within ${maxMs} ms of page time`);
  return p;
}

/** Mounts a generated variant at its URL and lets it render (steps, sections and options load late). */
export async function mountVariant(v: Variant): Promise<void> {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(v.url);
  gen.mount(v, document);
  await vi.advanceTimersByTimeAsync(2500);
}

const bundle = gen.testBundle(sampleBundle());
/** The generator's FillValues for a work (and owner), as the engine's PlanValues. */
export function valuesFor(workId: string, ownerId?: string): { raw: unknown; values: PlanValues } {
  const raw = gen.fillValues(bundle, workId, ownerId);
  return { raw, values: PlanValuesSchema.parse(raw) };
}

/**
 * An R11 owner row as docs/PORTALS.md describes it (r11Development's layout): `.formGroup-item`
 * with four unlabelled blocks — country; area; identity type + name; document type + number.
 */
export function ownerRow(o: { name?: string; idNumber?: string; locked?: boolean } = {}): HTMLElement {
  const { h } = HD;
  const st = HD.store({ country: '', province: '', city: '', type: '', name: o.name ?? '', doc: '', number: o.idNumber ?? '' });
  const locked = o.locked ? 'disabled' : undefined;
  const block = (...children: Node[]) => h('div', { class: 'formGroup-item-body-left-item' }, ...children);
  return h(
    'div',
    { class: `formGroup-item${o.locked ? ' is-locked' : ''}` },
    h(
      'div',
      { class: 'formGroup-item-body-left' },
      block(h('div', { class: 'country_select' }, HD.select({ ref: st.ref('country'), placeholder: '请选择国家', options: opts('中国'), locked }))),
      block(HD.cascader({ refs: [st.ref('province'), st.ref('city')], tree: [], locked })),
      block(HD.select({ ref: st.ref('type'), placeholder: '请选择身份类别', options: [], locked }), HD.input({ ref: st.ref('name'), placeholder: '姓名或名称，与身份证明文件保持一致', locked })),
      block(HD.select({ ref: st.ref('doc'), placeholder: '请选择证件类型', options: [], locked }), HD.input({ ref: st.ref('number'), placeholder: '请输入证件号码', locked })),
    ),
    h('div', { class: 'formGroup-item-body-right' }, o.locked ? h('span', {}, '当前账号') : HD.link('保存')),
  );
}

/** The reports by key. */
export const byKey = <T extends { key: string }>(rs: readonly T[]): Record<string, T> => Object.fromEntries(rs.map((r) => [r.key, r]));
