import { describe, expect, it } from 'vitest';
import { EDGE_MARGIN, placePanel, type Rect } from '@/utils/content/checks/placement';

// The panel's place: the right edge from the bottom up, then the left edge, never over a button.

const viewport = { width: 1000, height: 800 };
const panel = { width: 360, height: 300 };
const intersects = (a: Rect, b: Rect) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('placePanel', () => {
  it('sits in the bottom-right corner when nothing is there', () => {
    expect(placePanel(panel, viewport, [])).toEqual({ left: 1000 - EDGE_MARGIN - 360, top: 800 - EDGE_MARGIN - 300, covered: 0 });
  });

  it('moves up past a footer of buttons on the right', () => {
    const footer: Rect[] = [{ left: 700, top: 740, width: 80, height: 32 }, { left: 800, top: 740, width: 80, height: 32 }];
    const p = placePanel(panel, viewport, footer);
    expect(p.covered).toBe(0);
    expect(p.left).toBe(628);
    for (const b of footer) expect(intersects({ ...p, ...panel }, b)).toBe(false);
    expect(p.top + panel.height).toBeLessThanOrEqual(740);
  });

  it('goes to the left edge when the right edge has buttons all the way up', () => {
    const column: Rect[] = Array.from({ length: 10 }, (_, i) => ({ left: 900, top: i * 80, width: 60, height: 60 }));
    const p = placePanel(panel, viewport, column);
    expect([p.left, p.covered]).toEqual([EDGE_MARGIN, 0]);
  });

  it('covers as little as it can when every place has a button, and says how much', () => {
    const everywhere: Rect[] = [{ left: 0, top: 0, width: 1000, height: 800 }];
    const p = placePanel(panel, viewport, everywhere);
    expect(p.covered).toBe(360 * 300);
  });

  it('fits a panel larger than a small viewport inside it', () => {
    const p = placePanel({ width: 500, height: 900 }, { width: 400, height: 600 }, []);
    expect([p.left, p.top]).toEqual([EDGE_MARGIN, EDGE_MARGIN]);
  });
});
