/*
 * Where the findings panel may sit (pure): at the viewport's right or left edge, at the first height
 * where it covers none of the page's own buttons. The page stays usable with the panel open.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Area of the page's buttons the panel covers there: 0 unless no free place exists. */
  covered: number;
}

/** Distance from the viewport's edges. */
export const EDGE_MARGIN = 12;
/** Step between the heights tried along an edge. */
const STEP = 8;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The first place, trying the right edge from the bottom up and then the left edge, where a panel of
 * `size` covers no obstacle; else the place that covers the least. Coordinates are the viewport's.
 */
export function placePanel(size: Size, viewport: Size, obstacles: readonly Rect[]): Placement {
  const width = Math.min(size.width, viewport.width - 2 * EDGE_MARGIN);
  const height = Math.min(size.height, viewport.height - 2 * EDGE_MARGIN);
  const lowest = Math.max(EDGE_MARGIN, viewport.height - EDGE_MARGIN - height);
  let best: Placement | null = null;
  for (const left of [Math.max(EDGE_MARGIN, viewport.width - EDGE_MARGIN - width), EDGE_MARGIN]) {
    for (let top = lowest; top >= EDGE_MARGIN; top -= STEP) {
      const here = { left, top, width, height };
      const covered = obstacles.reduce((sum, o) => sum + overlap(here, o), 0);
      if (covered === 0) return { left, top, covered };
      if (!best || covered < best.covered) best = { left, top, covered };
    }
  }
  return best ?? { left: EDGE_MARGIN, top: EDGE_MARGIN, covered: 0 };
}
