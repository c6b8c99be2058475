import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A state cell of the kit: read and write one key of a model object. */
export interface Cell<T = string> {
  get(): T;
  set(v: T): void;
}

/** The Alibaba Cloud replica's framework imitation (test/fixtures/portals/_kit/react-like.js). */
export interface ReactLike {
  bind<T extends object, K extends keyof T>(obj: T, key: K): Cell<T[K]>;
  createRoot(container: Element): { render(build: () => Node): void };
  Input(o: Cell & { id?: string; placeholder?: string; maxLength?: number; showCount?: boolean; countMax?: number; textarea?: boolean }): HTMLElement;
  Select(o: Cell & { id: string; options: string[] | (() => string[]); placeholder?: string; allowClear?: boolean }): HTMLElement;
  DatePicker(o: Cell & { id: string; placeholder?: string }): HTMLElement;
  RadioGroup(o: Cell & { name: string; options: string[] }): HTMLElement;
  CheckboxGroup(o: Cell<string[]> & { options: string[] }): HTMLElement;
  FormItem(label: string, id: string, control: HTMLElement): HTMLElement;
  h(tag: string, attrs?: Record<string, unknown>, ...children: unknown[]): HTMLElement;
}

let kit: ReactLike | undefined;

/** Runs react-like.js in this test file's window once (it installs one document-level listener). */
export function loadReactLike(): ReactLike {
  if (!kit) {
    window.eval(readFileSync(resolve(__dirname, '../../fixtures/portals/_kit/react-like.js'), 'utf8'));
    kit = (window as unknown as { RL: ReactLike }).RL;
  }
  return kit;
}
