/**
 * Cell addresses and rectangular selections of the spreadsheet grid (pure: no React, no DOM).
 * Rows and columns are 0-based indexes into what the grid shows, frozen columns included.
 */

export interface CellAddress {
  readonly row: number;
  readonly col: number;
}

/** A selection: the anchor (where it started) and the focus (the active cell, where it ends). */
export interface Selection {
  readonly anchor: CellAddress;
  readonly focus: CellAddress;
}

/** The rectangle a selection covers, inclusive bounds. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface GridBounds {
  readonly rowCount: number;
  readonly colCount: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

export function clampAddress(address: CellAddress, bounds: GridBounds): CellAddress {
  return {
    row: Math.max(0, Math.min(bounds.rowCount - 1, address.row)),
    col: Math.max(0, Math.min(bounds.colCount - 1, address.col)),
  };
}

export function singleCell(address: CellAddress): Selection {
  return { anchor: address, focus: address };
}

export function rangeOf(selection: Selection): CellRange {
  const { anchor, focus } = selection;
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    right: Math.max(anchor.col, focus.col),
  };
}

export function inRange(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

export function rangeSize(range: CellRange): { rows: number; cols: number } {
  return { rows: range.bottom - range.top + 1, cols: range.right - range.left + 1 };
}

const STEP: Readonly<Record<Direction, CellAddress>> = {
  up: { row: -1, col: 0 },
  down: { row: 1, col: 0 },
  left: { row: 0, col: -1 },
  right: { row: 0, col: 1 },
};

/** The neighbour of `address` in `direction` by `distance` cells (a page for PageUp/PageDown), clamped to the grid. */
export function step(address: CellAddress, direction: Direction, bounds: GridBounds, distance = 1): CellAddress {
  const d = STEP[direction];
  return clampAddress({ row: address.row + d.row * distance, col: address.col + d.col * distance }, bounds);
}

/** Arrow key: moves the active cell and collapses the selection, or extends it with Shift. */
export function moveSelection(selection: Selection, direction: Direction, bounds: GridBounds, extend: boolean, distance = 1): Selection {
  const focus = step(selection.focus, direction, bounds, distance);
  return extend ? { anchor: selection.anchor, focus } : singleCell(focus);
}

/**
 * Tab / Shift+Tab: next cell to the right (left), wrapping to the next (previous) row like a
 * spreadsheet does, never leaving the grid.
 */
export function tabFrom(address: CellAddress, backwards: boolean, bounds: GridBounds, firstCol = 0): CellAddress {
  if (!backwards) {
    if (address.col < bounds.colCount - 1) return { row: address.row, col: address.col + 1 };
    return address.row < bounds.rowCount - 1 ? { row: address.row + 1, col: firstCol } : address;
  }
  if (address.col > firstCol) return { row: address.row, col: address.col - 1 };
  return address.row > 0 ? { row: address.row - 1, col: bounds.colCount - 1 } : address;
}
