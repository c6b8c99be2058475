// Summaries of repeated timings: median with min/max and the run count; percentiles by nearest rank.

/** Rounds to `digits` decimals (0.1 ms is below what a shared two-core machine can resolve anyway). */
export const round = (x, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** Nearest-rank percentile of an ascending list (p in 0..100). */
export function percentile(sorted, p) {
  if (!sorted.length) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** { median, min, max, runs } (and p95 with `withP95`) of a list of numbers; nulls are dropped. */
export function summarize(values, { digits = 1, withP95 = false } = {}) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return { median: null, min: null, max: null, runs: 0 };
  const mid = xs.length >> 1;
  const median = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  const out = { median: round(median, digits), min: round(xs[0], digits), max: round(xs[xs.length - 1], digits), runs: xs.length };
  if (withP95) Object.assign(out, { p50: round(percentile(xs, 50), digits), p95: round(percentile(xs, 95), digits) });
  return out;
}
