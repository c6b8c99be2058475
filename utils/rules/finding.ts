import type { Finding } from '@/utils/schema/finding';
import { RULES, type RuleId, type Severity } from './catalogue';

/**
 * Builds a finding. The message is Chinese first, then " / ", then English: the contract says the
 * message is Chinese (docs/ARCHITECTURE.md, contract 2) and the English half helps non-Chinese readers.
 * The severity defaults to the rule's own (catalogue.ts) so that the two cannot drift apart.
 */
export function finding(
  rule: RuleId,
  key: string | undefined,
  zh: string,
  en: string,
  severity: Severity = RULES[rule].severity,
): Finding {
  const message = `${zh} / ${en}`;
  return key === undefined ? { rule, severity, message } : { rule, severity, key, message };
}
