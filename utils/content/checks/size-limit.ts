import { normalizeText } from '@/utils/text/normalize';

/*
 * The upload size limit a page states next to its upload control (大小不超过2M, 文件小于 5MB,
 * 不得超过10M, 最大 20MB, 2M以内, ≤2MB …), in bytes. Pages count in binary megabytes.
 */

const UNITS: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 };
const AMOUNT = String.raw`(\d+(?:\.\d+)?)\s*([KMG])(?:B|b|字节)?`;
/** "(不)超过 2M", "请勿超过2M", "小于2MB", "大于2M的无法上传", "≤ 2M", "最大2M", "上限2M", "限制为2M", "2M以内", "2M 以下". */
const PATTERNS = [
  new RegExp(String.raw`(?:超过|大于|小于|低于|最大|上限|限制为?|限|<=|≤|<|max(?:imum)?)\s*(?:为|是)?\s*${AMOUNT}`, 'i'),
  new RegExp(String.raw`${AMOUNT}\s*(?:以内|以下|之内)`, 'i'),
];

/** The smallest limit the text states (a page may state one per file type), or null. */
export function statedSizeLimit(text: string): number | null {
  // NFKC: full-width digits and letters (２Ｍ) read like half-width ones.
  const t = normalizeText(text);
  let best: number | null = null;
  for (const p of PATTERNS) {
    for (const m of t.matchAll(new RegExp(p, 'gi'))) {
      const bytes = Math.round(Number(m[1]) * UNITS[m[2].toUpperCase()]);
      if (bytes > 0 && (best === null || bytes < best)) best = bytes;
    }
  }
  return best;
}
