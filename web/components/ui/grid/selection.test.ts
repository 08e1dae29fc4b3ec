import { describe, expect, it } from 'vitest';
import { inRange, moveSelection, rangeOf, singleCell, step, tabFrom } from './selection';

const bounds = { rowCount: 5, colCount: 4 };

describe('selection', () => {
  it('moves with the arrows and stops at the edges', () => {
    expect(step({ row: 0, col: 0 }, 'up', bounds)).toEqual({ row: 0, col: 0 });
    expect(step({ row: 4, col: 3 }, 'right', bounds)).toEqual({ row: 4, col: 3 });
    expect(step({ row: 1, col: 1 }, 'down', bounds, 10)).toEqual({ row: 4, col: 1 });
  });

  it('extends with Shift and collapses without it', () => {
    const start = singleCell({ row: 1, col: 1 });
    const extended = moveSelection(moveSelection(start, 'down', bounds, true), 'right', bounds, true);
    expect(rangeOf(extended)).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(moveSelection(extended, 'left', bounds, false)).toEqual(singleCell({ row: 2, col: 1 }));
  });

  it('normalises a selection dragged up-left', () => {
    const r = rangeOf({ anchor: { row: 3, col: 3 }, focus: { row: 1, col: 0 } });
    expect(r).toEqual({ top: 1, left: 0, bottom: 3, right: 3 });
    expect(inRange(r, 2, 2)).toBe(true);
    expect(inRange(r, 4, 2)).toBe(false);
  });

  it('tabs right, wraps to the next row at the first editable column, and back', () => {
    expect(tabFrom({ row: 0, col: 2 }, false, bounds, 1)).toEqual({ row: 0, col: 3 });
    expect(tabFrom({ row: 0, col: 3 }, false, bounds, 1)).toEqual({ row: 1, col: 1 });
    expect(tabFrom({ row: 1, col: 1 }, true, bounds, 1)).toEqual({ row: 0, col: 3 });
    expect(tabFrom({ row: 4, col: 3 }, false, bounds, 1)).toEqual({ row: 4, col: 3 });
  });
});
