import { ANT_SELECT } from '@/utils/content/fill/collect';
import type { ControlKind } from '@/utils/fields/catalogue';
import { antSelectDriver } from './ant-select';
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
  // Both read the shown choice with selectText; Ant's select is driven its own way.
  select: { read: selectDriver.read, fill: (el, v) => (el.matches(ANT_SELECT) ? antSelectDriver : selectDriver).fill(el, asString(v)) },
  radio: { read: radioDriver.read, fill: (el, v) => radioDriver.fill(el, asString(v)) },
  checkbox: checkboxDriver,
};

/** A control's shown value as one comparable string (checkbox groups joined by 、). */
export function shownValue(kind: ControlKind, el: Element): string {
  return asString(DRIVERS[kind].read(el));
}
