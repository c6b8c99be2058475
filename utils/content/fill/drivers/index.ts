import type { ControlKind } from '@/utils/fields/catalogue';
import { cascaderDriver } from './cascader';
import { checkboxDriver } from './checkbox';
import { dateDriver } from './date';
import type { DriverResult } from './events';
import { radioDriver } from './radio';
import { selectDriver } from './select';
import { textDriver } from './text';

export interface Driver {
  /** What the control shows now. */
  read(el: Element): string | string[];
  /** Drives the control to `value` like a user and reads it back. An empty value clears it. */
  fill(el: Element, value: string | string[]): Promise<DriverResult>;
}

const asString = (v: string | string[]) => (Array.isArray(v) ? v.join('、') : v);

/** One driver per control kind. Nothing here uploads, submits, saves, moves on or agrees. */
export const DRIVERS: Record<ControlKind, Driver> = {
  text: { read: textDriver.read, fill: (el, v) => textDriver.fill(el, asString(v)) },
  date: { read: dateDriver.read, fill: (el, v) => dateDriver.fill(el, asString(v)) },
  select: { read: selectDriver.read, fill: (el, v) => selectDriver.fill(el, Array.isArray(v) ? v : [v]) },
  cascader: cascaderDriver,
  radio: { read: radioDriver.read, fill: (el, v) => radioDriver.fill(el, asString(v)) },
  checkbox: checkboxDriver,
};

/** A control's shown value as one comparable string (lists joined by 、, a cascader's path by " / "). */
export function shownValue(kind: ControlKind, el: Element): string {
  const v = DRIVERS[kind].read(el);
  return Array.isArray(v) ? v.join(kind === 'cascader' ? ' / ' : '、') : v;
}
