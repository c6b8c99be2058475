import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The replicas' framework imitation (test/fixtures/portals/_kit/kit.js), as its pages use it. */
export interface Kit {
  h(tag: string, attrs?: Record<string, unknown>, ...children: unknown[]): HTMLElement;
  bind<T extends object>(obj: T, key: keyof T): unknown;
  text(o: { model: unknown; commit?: 'input' | 'blur'; maxlength?: number; textarea?: boolean; counter?: boolean; placeholder?: string }): HTMLElement;
  select(o: { model: unknown; options: string[] | (() => string[]); clearable?: boolean }): HTMLElement;
  date(o: { model: unknown; readonly?: boolean; placeholder?: string }): HTMLElement;
  radios(o: { model: unknown; options: string[] }): HTMLElement;
  checkboxes(o: { model: unknown; options: string[] }): HTMLElement;
  formItem(label: string, prop: string, control: HTMLElement, o?: { required?: boolean; hidden?: boolean }): HTMLElement;
  fillinItem(title: string, ...content: HTMLElement[]): HTMLElement;
  PROVINCES: string[];
}

let kit: Kit | undefined;

/** Runs kit.js in this test file's window once (it installs one document-level click listener). */
export function loadKit(): Kit {
  if (!kit) {
    window.eval(readFileSync(resolve(__dirname, '../../fixtures/portals/_kit/kit.js'), 'utf8'));
    kit = (window as unknown as { Kit: Kit }).Kit;
  }
  return kit;
}
