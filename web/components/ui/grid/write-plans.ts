/**
 * What a paste, a fill-down or a clear writes, computed without touching any state, so the same
 * plan can be previewed, applied as one undoable step and unit-tested.
 *
 * Rows that are never writable (sub-annex subtotal rows) are skipped when a block is laid onto the
 * grid: a block copied from a workbook has no subtotal rows, so its rows map onto the grid's
 * editable rows in order. Cells that are writable in general but locked now (a signed day, a day
 * outside the window, a closed month) are reported as refused, never silently written.
 */
import { rangeSize, type CellRange, type GridBounds } from './selection';

export interface CellWrite {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export interface WritePlan {
  readonly writes: CellWrite[];
  /** Target cells that are locked: nothing is written there. */
  readonly refused: { row: number; col: number }[];
  /** Block cells that fell outside the grid. */
  readonly clipped: number;
}

export interface Writability {
  /** False for rows nobody can write (subtotal rows): skipped when mapping a block. */
  isRowWritable(row: number): boolean;
  /** False for cells locked now (and for read-only columns such as totals). */
  isCellWritable(row: number, col: number): boolean;
}

/** Writable rows from `from` downwards (at most `count` of them). */
function writableRowsFrom(from: number, count: number, bounds: GridBounds, w: Writability): number[] {
  const rows: number[] = [];
  for (let r = from; r < bounds.rowCount && rows.length < count; r += 1) if (w.isRowWritable(r)) rows.push(r);
  return rows;
}

function writableRowsIn(range: CellRange, w: Writability): number[] {
  const rows: number[] = [];
  for (let r = range.top; r <= range.bottom; r += 1) if (w.isRowWritable(r)) rows.push(r);
  return rows;
}

function planner() {
  const writes: CellWrite[] = [];
  const refused: { row: number; col: number }[] = [];
  return {
    put(row: number, col: number, text: string, w: Writability) {
      if (w.isCellWritable(row, col)) writes.push({ row, col, text });
      else refused.push({ row, col });
    },
    done(clipped: number): WritePlan {
      return { writes, refused, clipped };
    },
  };
}

/**
 * Lays a pasted block onto the grid at the selection's top-left cell. A single value pasted onto
 * a multi-cell selection fills every cell of it (as spreadsheets do).
 */
export function planPaste(block: readonly (readonly string[])[], target: CellRange, bounds: GridBounds, w: Writability): WritePlan {
  const p = planner();
  const height = block.length;
  const width = block[0]?.length ?? 0;
  if (height === 0 || width === 0) return p.done(0);
  const size = rangeSize(target);
  if (height === 1 && width === 1 && (size.rows > 1 || size.cols > 1)) {
    const text = block[0]?.[0] ?? '';
    for (const row of writableRowsIn(target, w)) for (let col = target.left; col <= target.right; col += 1) p.put(row, col, text, w);
    return p.done(0);
  }
  const rows = writableRowsFrom(target.top, height, bounds, w);
  let clipped = (height - rows.length) * width;
  rows.forEach((row, i) => {
    const source = block[i] ?? [];
    for (let j = 0; j < width; j += 1) {
      const col = target.left + j;
      if (col >= bounds.colCount) clipped += 1;
      else p.put(row, col, source[j] ?? '', w);
    }
  });
  return p.done(clipped);
}

/**
 * Ctrl+D: copies the first writable row of the selection into the other rows of it, column by
 * column. With a single row selected it copies the writable row above (as Excel does).
 */
export function planFillDown(
  target: CellRange,
  bounds: GridBounds,
  w: Writability,
  textAt: (row: number, col: number) => string,
): WritePlan {
  const p = planner();
  let source: number | undefined;
  let rows: number[];
  if (target.top === target.bottom) {
    source = undefined;
    for (let r = target.top - 1; r >= 0 && source === undefined; r -= 1) if (w.isRowWritable(r)) source = r;
    rows = w.isRowWritable(target.top) ? [target.top] : [];
  } else {
    const inRange = writableRowsIn(target, w);
    source = inRange[0];
    rows = inRange.slice(1);
  }
  if (source === undefined || target.top >= bounds.rowCount) return p.done(0);
  for (let col = target.left; col <= target.right; col += 1) {
    const text = textAt(source, col);
    for (const row of rows) p.put(row, col, text, w);
  }
  return p.done(0);
}

/** Delete / Backspace on a selection: empties every writable cell of it. */
export function planClear(target: CellRange, w: Writability): WritePlan {
  const p = planner();
  for (const row of writableRowsIn(target, w)) for (let col = target.left; col <= target.right; col += 1) p.put(row, col, '', w);
  return p.done(0);
}
