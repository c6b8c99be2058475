// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { summarise } from '../summary.mjs';

describe('the closing line of npm test', () => {
  const unit = { numPassedTests: 10, numFailedTests: 0, numPendingTests: 1, numTodoTests: 0 };
  const e2e = { stats: { expected: 5, unexpected: 0, flaky: 1, skipped: 0 } };

  it('sums both suites', () => {
    expect(summarise({ unit, e2e, steps: [{ name: 'tsc', ok: true }] })).toMatchObject({ line: '16 passed, 0 failed, 1 skipped', ok: true });
  });

  it('counts a broken step (type check, build) as a failure, never "0 failed"', () => {
    const r = summarise({ unit, e2e, steps: [{ name: 'type check (tsc)', ok: false }, { name: 'build firefox', ok: false }] });
    expect(r).toMatchObject({ failed: 2, line: '16 passed, 2 failed, 1 skipped', ok: false });
  });

  it('a suite that reported its failures is not counted again as a broken step; a crashed one is', () => {
    const failing = { ...unit, numFailedTests: 3 };
    expect(summarise({ unit: failing, e2e, steps: [{ name: 'unit', ok: false, suite: 'unit' }] }).failed).toBe(3);
    expect(summarise({ unit, e2e: null, steps: [{ name: 'e2e', ok: false, suite: 'e2e' }] }).failed).toBe(1);
  });

  it('no test at all is not a success', () => {
    expect(summarise({ unit: null, e2e: null, steps: [] })).toMatchObject({ line: '0 passed, 0 failed', ok: false });
  });
});
