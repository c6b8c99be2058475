import type { Work } from '@/utils/schema/work';

export interface FieldLimit {
  /** Most characters the page accepts. */
  max: number;
  /** Fewest characters the page accepts. */
  min?: number;
}

export type FieldLimits = Partial<Record<keyof Work & string, FieldLimit>>;

/**
 * work.lengths: the limits of the 软件功能与特点 fields (docs/PORTALS.md, one public tool's table), keyed
 * by Work field key. The one table for the rules, the options page's counters and the fill
 * engine. A page that shows its own counter wins: pass what it reads to `checkWork(…, limits)`.
 * 软件的主要功能 is 500–1300 (docs/RULES.md work.lengths: every bot and generator says so).
 */
export const FIELD_LIMITS = {
  devHardware: { max: 50 },
  runHardware: { max: 50 },
  devOs: { max: 50 },
  devTools: { max: 50 },
  runPlatform: { max: 50 },
  runSupport: { max: 50 },
  languages: { max: 120 },
  purpose: { max: 50 },
  domain: { max: 50 },
  mainFunctions: { min: 500, max: 1300 },
  technicalFeatures: { max: 100 },
} as const satisfies FieldLimits;

/**
 * Characters as the page counts them: UTF-16 code units (what `maxlength` and `value.length`
 * count), with a Windows line break counted once, as a textarea's value holds it.
 */
export function countChars(text: string): number {
  return text.replace(/\r\n/g, '\n').length;
}
