import { isComposing } from '@/utils/content/fill/composition';
import { normalizeText } from '@/utils/text/normalize';
import { focusIn, focusOut, rejected, tick, type DriverResult } from './events';

type TextField = HTMLInputElement | HTMLTextAreaElement;

/**
 * Sets the value the way typing does. The prototype's setter bypasses the value tracker that
 * Vue's and React's inputs install on the element itself: a plain `el.value = x` would be recorded
 * as already seen and the following `input` event dropped. (A content script's isolated world does
 * not see a tracker installed by the page's scripts; the setter keeps this right in any world, and
 * the unit tests run it in the same world as the replica's tracker.)
 */
export function setNativeValue(el: TextField, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
}

/** Focus, set, input, change, then blur and focusout by hand (the commit), and read back. */
export async function typeInto(el: TextField, value: string): Promise<void> {
  focusIn(el);
  setNativeValue(el, value);
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  focusOut(el);
  await tick();
}

export const textDriver = {
  /** The exact text: undo restores it as it was. */
  read: (el: Element): string => (el as TextField).value,
  async fill(el: Element, value: string): Promise<DriverResult> {
    const field = el as TextField;
    if (isComposing(field)) return rejected('用户正在输入（输入法），未填写');
    await typeInto(field, value);
    return normalizeText(field.value) === normalizeText(value) ? { ok: true, value } : rejected(`页面显示为“${field.value}”`);
  },
};
