import { describe, expect, it } from 'vitest';
import { tick, waitedMs, waitFor } from '@/utils/content/fill/drivers/events';

// The per-field timing's split: time waiting for the page against the engine's own work.
describe('the wait clock', () => {
  it('counts the time a wait for the page took, once when waits nest', async () => {
    const before = waitedMs();
    const el = document.body.appendChild(document.createElement('div'));
    // The page reacts 30 ms later; waitFor ticks first (a nested wait), then watches mutations.
    setTimeout(() => el.setAttribute('data-ready', ''), 30);
    const t0 = performance.now();
    expect(await waitFor(() => el.hasAttribute('data-ready'))).toBe(true);
    const elapsed = performance.now() - t0;
    const waited = waitedMs() - before;
    expect(waited).toBeGreaterThan(20);
    expect(waited).toBeLessThanOrEqual(elapsed + 1);
    el.remove();
  });

  it('does not count the engine’s own work between waits', async () => {
    const before = waitedMs();
    const t0 = performance.now();
    await tick();
    const inTick = performance.now() - t0;
    const busyUntil = performance.now() + 25;
    while (performance.now() < busyUntil) {
      // the engine's own work
    }
    expect(waitedMs() - before).toBeLessThanOrEqual(inTick + 0.5);
  });
});
