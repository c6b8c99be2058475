import { vi } from 'vitest';
import { at, blur, type Expectation, type Generator, type Option, type Variant, type } from './load';

/**
 * A careful user for the replicas, for tests only: it fills what the oracle says by driving each
 * control the way a person does (typing, clicking options, the calendar, the cascader), found
 * through the page's test registry `window.__replicaControls[path]`. It proves every variant is
 * fillable and that the oracle agrees with what the page's components do. It is not a filler
 * for the engine to learn from: it knows the model paths, which no engine does.
 */

type Ctl = { id: string; path?: string; paths?: string[]; type: string; options?: Option[]; regionNames?: string; levels?: number };
type Spec = { sections: { controls: Ctl[] }[] };
type Facts = { COUNTRIES: Option[]; CATEGORIES: Option[]; PERSON_DOCS: Option[]; ORG_DOCS: Option[]; REGIONS: Region[] };
type Region = {
  code: string;
  short: string;
  full: string;
  cities: { code: string; short: string; full: string; districts: { code: string; full: string }[] }[];
};

const advance = (ms = 900) => vi.advanceTimersByTimeAsync(ms);
const controls = () => (window as unknown as { __replicaControls: Record<string, HTMLElement> }).__replicaControls;
const text = (el: Element) => (el.textContent ?? '').trim();

/** Every page spec of a variant whose controls the driver may meet. */
function specs(v: Variant): Spec[] {
  const r11 = v.r11 as { steps: Record<string, Spec & { dialog?: Spec }> } | undefined;
  if (r11) return [r11.steps.application, r11.steps.development, r11.steps.features, r11.steps.confirm.dialog as Spec];
  return v.realname ? [v.realname as Spec] : [];
}
const allControls = (v: Variant) => specs(v).flatMap((s) => s.sections.flatMap((x) => x.controls));

/** The option text a model value stands for, at a path (owner rows use the portal's fixed lists). */
function labelFor(v: Variant, facts: Facts, path: string, value: unknown): string {
  const ctl = allControls(v).find((c) => c.path === path);
  if (ctl?.options) return ctl.options.find((o) => o.value === value)!.label;
  const field = path.split('.').pop()!;
  const lists: Record<string, Option[]> = {
    country: facts.COUNTRIES,
    gj: facts.COUNTRIES,
    identityType: facts.CATEGORIES,
    sflb: facts.CATEGORIES,
    certType: [...facts.PERSON_DOCS, ...facts.ORG_DOCS],
    zjlx: [...facts.PERSON_DOCS, ...facts.ORG_DOCS],
  };
  const hit = lists[field]?.find((o) => o.value === value);
  if (!hit) throw new Error(`no option label for ${path}=${String(value)}`);
  return hit.label;
}

/** Region labels for codes in a naming style (the cascader's own words). */
function regionLabels(facts: Facts, style: string, codes: string[]): string[] {
  const p = facts.REGIONS.find((r) => r.code === codes[0])!;
  const c = p.cities.find((x) => x.code === codes[1])!;
  const name = (x: { short: string; full: string }) => (style === 'full' ? x.full : x.short);
  const out = [name(p), name(c)];
  if (codes[2]) out.push(c.districts.find((d) => d.code === codes[2])!.full);
  return out;
}

async function pickSelect(root: HTMLElement, label: string) {
  (root.querySelector('.box') as HTMLElement).click();
  await advance();
  const inside = root.querySelector('.dropdown');
  const list = inside ?? document.body.querySelector('.hd-select-popper');
  const option = [...list!.querySelectorAll('.hd-option')].find((o) => text(o) === label) as HTMLElement | undefined;
  if (!option) throw new Error(`option ${label} not in the list`);
  option.click();
  await advance(50);
}

async function pickDate(root: HTMLElement, ts: number) {
  const d = new Date(ts);
  (root.querySelector('.datepicker-input') as HTMLElement).click();
  const [yearText, monthText] = [...root.querySelectorAll('.datePickerSelectText')] as HTMLElement[];
  yearText.click();
  (root.querySelector(`.datePickerSelectMenu .menu[value="${d.getFullYear()}"]`) as HTMLElement).click();
  monthText.click();
  (root.querySelectorAll('.datePickerSelectMenu')[1].querySelector(`.menu[value="${d.getMonth() + 1}"]`) as HTMLElement).click();
  // The grid starts on the Sunday on or before the 1st: the day's cell is found by position.
  const offset = new Date(d.getFullYear(), d.getMonth(), 1).getDay();
  (root.querySelectorAll('.datepicker-body tbody td')[offset + d.getDate() - 1] as HTMLElement).click();
  await advance(50);
}

async function pickCascader(root: HTMLElement, labels: string[]) {
  (root.querySelector('.label') as HTMLElement).click();
  for (let level = 0; level < labels.length; level++) {
    await advance();
    const menu = root.querySelectorAll('.hd-cascader-menu')[level];
    const item = [...menu.querySelectorAll('.hd-cascader-item')].find((li) => text(li) === labels[level]) as HTMLElement | undefined;
    if (!item) throw new Error(`cascader entry ${labels[level]} missing`);
    item.click();
  }
  await advance(50);
}

async function tick(root: HTMLElement, values: string[], options: Option[]) {
  for (const value of values) {
    const label = options.find((o) => o.value === value)!.label;
    const find = () =>
      [...root.querySelectorAll('label.hd-checkbox-button')].find((l) => text(l) === label && (l as HTMLElement).style.display !== 'none') as
        HTMLElement | undefined;
    if (!find()) (root.querySelector('.showMore') as HTMLElement).click();
    find()!.click();
  }
  await advance(50);
}

/** Fills every 'fill' entry of an expectation through the page, in the oracle's order. */
export async function fillLikeAUser(gen: Generator, v: Variant, e: Expectation) {
  const facts = gen.facts as unknown as Facts;
  const done = new Set<string>();
  for (const f of e.fields) {
    if (f.expect !== 'fill' || done.has(f.path)) continue;
    if (f.path === 'loginType') {
      const tab = [...document.querySelectorAll('.login-tabs .tab')].find((t) => text(t) === (f.value === '2' ? '机构' : '个人用户')) as HTMLElement;
      tab.click();
      await advance(50);
      continue;
    }
    const root = controls()[f.path];
    if (!root) throw new Error(`no control registered at ${f.path}`);
    if (root.classList.contains('cascader')) {
      // One cascader holds province, city (and district): drive it once with all its levels.
      const siblings = e.fields.filter((x) => controls()[x.path] === root);
      siblings.forEach((x) => done.add(x.path));
      const codes = siblings.map((x) => x.value as string).filter(Boolean);
      const ctl = allControls(v).find((c) => c.paths?.includes(f.path));
      const style = ctl?.regionNames ?? (v.regionNames as string);
      await pickCascader(root, regionLabels(facts, style, codes));
      continue;
    }
    if (root.classList.contains('hd-select')) await pickSelect(root, labelFor(v, facts, f.path, f.value));
    else if (root.classList.contains('hd-radio-group')) {
      const label = labelFor(v, facts, f.path, f.value);
      ([...root.querySelectorAll('.hd-radio-button')].find((l) => text(l) === label) as HTMLElement).click();
      await advance(50);
    } else if (root.classList.contains('datePicker')) await pickDate(root, f.value as number);
    else if (root.classList.contains('hd-checkbox-group')) await tick(root, f.value as string[], allControls(v).find((c) => c.path === f.path)!.options!);
    else {
      const control = root.querySelector('input, textarea') as HTMLInputElement;
      control.dispatchEvent(new Event('focus'));
      type(control, String(f.value));
      blur(control);
      await advance(50);
    }
  }
}

/** Model paths whose value differs from what the expectation allows (empty = a correct fill). */
export function wrongPaths(e: Expectation, pristine: Record<string, unknown>, model: Record<string, unknown>): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const bad = e.fields.filter((f) => !same(at(model, f.path), f.expect === 'fill' ? f.value : at(pristine, f.path))).map((f) => `${f.path} (${f.expect})`);
  return [...bad, ...e.untouched.filter((p) => !same(at(model, p), at(pristine, p)))];
}
