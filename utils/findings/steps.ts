import { rowKey } from '@/utils/fields/catalogue';
import { adapterFor } from '@/utils/pages/adapters';

/*
 * Where each finding belongs: the page (step) that shows its field. The panel groups findings by
 * it and links only the ones whose field the current page shows.
 */

/** The R11 steps in the order the user walks them; findings are grouped in this order. */
export const R11_STEPS = ['ccopyright.r11.application', 'ccopyright.r11.development', 'ccopyright.r11.features', 'ccopyright.r11.confirm'] as const;

/** A key for an upload control on the current page (`upload.上传证件照正面`): its label is the caption. */
export const UPLOAD_PREFIX = 'upload.';

/** The step names used inside a sentence ("“软件申请信息”页的版本号 …"). */
export const STEP_WHERE: Record<string, string> = {
  'ccopyright.r11.application': '“软件申请信息”页',
  'ccopyright.r11.development': '“软件开发信息”页',
  'ccopyright.r11.features': '“软件功能与特点”页',
  'ccopyright.r11.confirm': '“信息确认”页',
  'aliyun.apply': '阿里云“填写资料”页',
};
/** The profile, as a place a value was seen. */
export const PROFILE_WHERE = '资料';

/**
 * Whether the page is part of an application form — an R11 step, or a form whose adapter asks for
 * the work or for owner rows (the vendor console's 填写资料) — where owners are rows
 * (`owners.<i>.<field>`), the work is checked, and every owner must be authenticated.
 */
export function isApplicationForm(page: string | null): boolean {
  if (!page) return false;
  if (page.startsWith('ccopyright.r11.')) return true;
  const adapter = adapterFor(page);
  return !!adapter && (!!adapter.owners || adapter.fields.some((f) => f.key.startsWith('work.')));
}

/**
 * The page kind where the field of `key` is entered: the current page for its own keys and uploads,
 * else the R11 step whose adapter declares it, or null when no page has it (a profile-only field,
 * such as a postcode during R11). The confirm step only repeats values: they belong to their step.
 */
export function stepOf(key: string, current: string | null): string | null {
  if (key.startsWith(UPLOAD_PREFIX)) return current;
  const row = rowKey(key);
  // The center's R11 steps are where a key belongs on the center's pages; another site's form is its own.
  const r11 = !current || current.startsWith('ccopyright.') ? R11_STEPS : [];
  for (const page of [...(current ? [current] : []), ...r11]) {
    const adapter = adapterFor(page);
    if (!adapter) continue;
    if (row ? adapter.owners?.fields.some((f) => f.field === row.field) : adapter.fields.some((f) => f.key === key)) return page;
  }
  return null;
}

/** The order of the groups: the current page first, then the R11 steps, then the rest, the profile last. */
export function stepOrder(step: string | null, current: string | null): number {
  if (step === null) return 1000;
  if (step === current) return -1;
  const i = (R11_STEPS as readonly string[]).indexOf(step);
  return i >= 0 ? i : 100;
}
