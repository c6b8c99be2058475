/**
 * Length limits of the R11 软件功能与特点 fields, in characters (PORTALS.md; one public tool's table).
 * TEMPORARY: utils/rules is about to export FIELD_LIMITS, the project's one table; this copy goes
 * when it lands. The fill engine prefers what the page itself says (maxlength, its `n/max`
 * counter) and falls back to this table only when the page says nothing.
 */
export const FEATURE_LIMITS: Readonly<Record<string, number>> = {
  'work.devHardware': 50,
  'work.runHardware': 50,
  'work.devOs': 50,
  'work.devTools': 50,
  'work.runPlatform': 50,
  'work.runSupport': 50,
  'work.languagesOther': 120,
  'work.purpose': 50,
  'work.domain': 50,
  // 500–1000 in the table; some guides say 1300. Only the upper bound stops a fill, and the page's
  // own counter overrides it.
  'work.mainFunctions': 1000,
  'work.technicalFeatures': 100,
};
