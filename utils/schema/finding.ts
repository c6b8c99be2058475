import { z } from 'zod';

/** What a check says about one field (docs/ARCHITECTURE.md contract 2): a rule id, how bad, where, what. */
export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  /** The fill key of the field it concerns (`work.version`, `owners.1.idNumber`, `upload.…`). */
  key: z.string().optional(),
  /** Chinese first, then " / " and English. */
  message: z.string(),
});
export type Finding = z.infer<typeof Finding>;
