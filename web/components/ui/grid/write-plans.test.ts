import { describe, expect, it } from 'vitest';
import { planClear, planFillDown, planPaste, type Writability } from './write-plans';

const bounds = { rowCount: 6, colCount: 5 };
// Row 2 is a subtotal row; column 3 is a locked (signed) day; column 0 is a frozen read-only column.
const w: Writability = {
  isRowWritable: (row) => row !== 2,
  isCellWritable: (row, col) => row !== 2 && col !== 3 && col !== 0,
};

describe('planPaste', () => {
  it('lays a block from the top-left cell, skipping subtotal rows and refusing locked cells', () => {
    const plan = planPaste(
      [
        ['1', '2', '3'],
        ['4', '5', '6'],
      ],
      { top: 1, left: 1, bottom: 1, right: 1 },
      bounds,
      w,
    );
    expect(plan.writes).toEqual([
      { row: 1, col: 1, text: '1' },
      { row: 1, col: 2, text: '2' },
      { row: 3, col: 1, text: '4' },
      { row: 3, col: 2, text: '5' },
    ]);
    expect(plan.refused).toEqual([
      { row: 1, col: 3 },
      { row: 3, col: 3 },
    ]);
    expect(plan.clipped).toBe(0);
  });

  it('counts the block cells that fall outside the grid', () => {
    const plan = planPaste([['1', '2', '3']], { top: 5, left: 4, bottom: 5, right: 4 }, bounds, w);
    expect(plan.writes).toEqual([{ row: 5, col: 4, text: '1' }]);
    expect(plan.clipped).toBe(2);
    const tall = planPaste([['1'], ['2'], ['3']], { top: 4, left: 1, bottom: 4, right: 1 }, bounds, w);
    expect(tall.writes).toHaveLength(2);
    expect(tall.clipped).toBe(1);
  });

  it('fills a multi-cell selection with a single pasted value', () => {
    const plan = planPaste([['7']], { top: 0, left: 1, bottom: 2, right: 2 }, bounds, w);
    expect(plan.writes.map((c) => [c.row, c.col])).toEqual([
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
    ]);
  });
});

describe('planFillDown', () => {
  const text = (row: number, col: number) => `r${row}c${col}`;
  it('copies the first row of the selection down its columns, over subtotal rows', () => {
    const plan = planFillDown({ top: 1, left: 1, bottom: 4, right: 2 }, bounds, w, text);
    expect(plan.writes).toEqual([
      { row: 3, col: 1, text: 'r1c1' },
      { row: 4, col: 1, text: 'r1c1' },
      { row: 3, col: 2, text: 'r1c2' },
      { row: 4, col: 2, text: 'r1c2' },
    ]);
  });

  it('with one row selected copies the writable row above', () => {
    expect(planFillDown({ top: 3, left: 1, bottom: 3, right: 1 }, bounds, w, text).writes).toEqual([{ row: 3, col: 1, text: 'r1c1' }]);
    expect(planFillDown({ top: 0, left: 1, bottom: 0, right: 1 }, bounds, w, text).writes).toEqual([]);
  });

  it('refuses locked target cells', () => {
    const plan = planFillDown({ top: 0, left: 3, bottom: 1, right: 3 }, bounds, w, text);
    expect(plan.writes).toEqual([]);
    expect(plan.refused).toEqual([{ row: 1, col: 3 }]);
  });
});

describe('planClear', () => {
  it('empties writable cells only', () => {
    const plan = planClear({ top: 1, left: 2, bottom: 3, right: 3 }, w);
    expect(plan.writes).toEqual([
      { row: 1, col: 2, text: '' },
      { row: 3, col: 2, text: '' },
    ]);
    expect(plan.refused).toHaveLength(2);
  });
});
