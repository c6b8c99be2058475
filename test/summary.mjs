// The closing line of `npm test`: tests from vitest's and Playwright's JSON reports, and every step
// that broke (the type check, a build, a suite that could not run) counted as a failure of its own,
// so a broken build never ends with "0 failed".

/**
 * A broken suite step counts only when its report shows no failure of its own (the suite crashed):
 * a suite that failed three tests is three failures, not four.
 * @param {{ unit: any, e2e: any, steps: { name: string, ok: boolean, suite?: 'unit' | 'e2e' }[] }} input
 * @returns {{ passed: number, failed: number, skipped: number, line: string, ok: boolean }}
 */
export function summarise({ unit, e2e, steps }) {
  const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
  const failedTests = { unit: unit?.numFailedTests ?? 0, e2e: e2e?.stats?.unexpected ?? 0 };
  const broken = steps.filter((s) => !s.ok && !(s.suite && failedTests[s.suite] > 0)).length;
  const failed = failedTests.unit + failedTests.e2e + broken;
  const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);
  return { passed, failed, skipped, line: `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`, ok: failed === 0 && passed > 0 };
}
