/**
 * A spreadsheet grid: rows AND columns virtualized with @tanstack/react-virtual (3,000 rows × 31
 * days stay smooth, see docs/decisions/004-grid-library.md), frozen left columns and a frozen
 * header (CSS `position: sticky`), keyboard navigation, type-to-edit, block paste from Excel,
 * copy, fill-down, clear and undo. It owns only the cursor (selection and the cell being edited);
 * the data and the unsaved edits belong to the caller, who gets every change as one step through
 * `onWrite` and decides what is valid.
 */
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  type RefObject,
} from 'react';
import { isBlock, parseClipboardTable, toClipboardTable } from './clipboard';
import type { WriteKind } from './draft-edits';
import { clampAddress, moveSelection, rangeOf, singleCell, tabFrom, type CellAddress, type Direction, type Selection } from './selection';
import { planClear, planFillDown, planPaste, type CellWrite, type WritePlan, type Writability } from './write-plans';
import './grid.css';

export interface GridColumn {
  readonly key: string;
  readonly width: number;
  readonly header: ReactNode;
  /** Frozen columns come first and stay visible while scrolling sideways. */
  readonly frozen?: boolean;
  readonly align?: 'start' | 'end';
  readonly headerClassName?: string;
}

export interface SpreadsheetGridHandle {
  focus(): void;
  scrollToCell(address: CellAddress): void;
  select(address: CellAddress): void;
}

export interface SpreadsheetGridProps {
  readonly rowCount: number;
  readonly columns: readonly GridColumn[];
  readonly rowHeight?: number;
  readonly headerHeight?: number;
  readonly height: number | string;
  readonly ariaLabel: string;
  readonly testId?: string;
  readonly rowClassName?: (row: number) => string | undefined;
  /** Writability of rows (subtotal rows are not) and cells (locked days, read-only columns are not). */
  readonly writability: Writability;
  /** Text shown in the editor and copied to the clipboard. */
  readonly textAt: (row: number, col: number) => string;
  readonly renderCell: (row: number, col: number) => ReactNode;
  readonly cellClassName?: (row: number, col: number) => string | undefined;
  readonly cellTestId?: (row: number, col: number) => string | undefined;
  readonly cellTitle?: (row: number, col: number) => string | undefined;
  /** One user step (typed cell, paste, fill-down, clear) with the cells it refused (locked). */
  readonly onWrite: (writes: CellWrite[], kind: WriteKind, plan: WritePlan) => void;
  readonly onUndo?: () => void;
  readonly onSave?: () => void;
  readonly onActiveCellChange?: (address: CellAddress) => void;
  /** Text typed in the open editor, for live previews (KPIs); `null` when the editor closes. */
  readonly onEditorInput?: (address: CellAddress, text: string | null) => void;
  /** Bumped by the caller when data changes, so memoised parts re-render. */
  readonly dataVersion?: unknown;
  readonly ref?: Ref<SpreadsheetGridHandle>;
}

interface Editor {
  readonly address: CellAddress;
  readonly text: string;
  /** Started by typing: arrows commit and move. Started with F2/Enter/double-click: arrows move the caret. */
  readonly quick: boolean;
}

const ARROWS: Readonly<Record<string, Direction>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export function SpreadsheetGrid(props: SpreadsheetGridProps) {
  const { rowCount, columns, writability, textAt, onWrite } = props;
  const rowHeight = props.rowHeight ?? 32;
  const headerHeight = props.headerHeight ?? 44;
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const frozen = useMemo(() => columns.filter((c) => c.frozen), [columns]);
  const scrolling = useMemo(() => columns.filter((c) => !c.frozen), [columns]);
  const frozenWidth = useMemo(() => frozen.reduce((w, c) => w + c.width, 0), [frozen]);
  const firstEditableCol = frozen.length;
  const bounds = useMemo(() => ({ rowCount, colCount: columns.length }), [rowCount, columns.length]);

  const [selection, setSelection] = useState<Selection>(() => singleCell({ row: 0, col: firstEditableCol }));
  const [editor, setEditor] = useState<Editor | null>(null);

  // Stable option functions: the virtualizers recompute every item's offset when they change,
  // which at 3,000 rows must not happen on every scroll frame.
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const rowSize = useCallback(() => rowHeight, [rowHeight]);
  const colSize = useCallback((i: number) => scrolling[i]?.width ?? 80, [scrolling]);
  const rows = useVirtualizer({
    count: rowCount,
    getScrollElement,
    estimateSize: rowSize,
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
    overscan: 4,
  });
  const cols = useVirtualizer({
    horizontal: true,
    count: scrolling.length,
    getScrollElement,
    estimateSize: colSize,
    paddingStart: frozenWidth,
    scrollPaddingStart: frozenWidth,
    overscan: 2,
  });

  // Both totals include the padding (frozen columns, header), as do the items' start offsets.
  const totalWidth = cols.getTotalSize();
  const totalHeight = rows.getTotalSize();

  const scrollToCell = useCallback(
    (address: CellAddress) => {
      rows.scrollToIndex(address.row, { align: 'auto' });
      if (address.col >= frozen.length) cols.scrollToIndex(address.col - frozen.length, { align: 'auto' });
    },
    [rows, cols, frozen.length],
  );

  const select = useCallback(
    (next: Selection) => {
      setSelection(next);
      scrollToCell(next.focus);
      props.onActiveCellChange?.(next.focus);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scrollToCell, props.onActiveCellChange],
  );

  useImperativeHandle(
    props.ref,
    () => ({
      focus: () => scrollRef.current?.focus({ preventScroll: true }),
      scrollToCell,
      select: (address) => select(singleCell(clampAddress(address, bounds))),
    }),
    [scrollToCell, select, bounds],
  );

  // Keep the cursor inside the grid when the data shrinks (another filter, a reload).
  useEffect(() => {
    if (rowCount === 0) return;
    const f = selection.focus;
    if (f.row >= rowCount || f.col >= columns.length) setSelection(singleCell(clampAddress(f, bounds)));
  }, [rowCount, columns.length, selection.focus, bounds]);

  const apply = useCallback(
    (plan: WritePlan, kind: WriteKind) => {
      onWrite(plan.writes, kind, plan);
    },
    [onWrite],
  );

  const openEditor = useCallback(
    (address: CellAddress, text: string, quick: boolean) => {
      if (!writability.isCellWritable(address.row, address.col)) return false;
      setEditor({ address, text, quick });
      props.onEditorInput?.(address, text);
      return true;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [writability, props.onEditorInput],
  );

  const closeEditor = useCallback(
    (commit: boolean, move?: Direction | 'tab' | 'backtab') => {
      if (!editor) return;
      if (commit) apply({ writes: [{ ...editor.address, text: editor.text }], refused: [], clipped: 0 }, 'edit');
      setEditor(null);
      props.onEditorInput?.(editor.address, null);
      const from = editor.address;
      if (move === 'tab' || move === 'backtab') select(singleCell(tabFrom(from, move === 'backtab', bounds, firstEditableCol)));
      else if (move) select(moveSelection(singleCell(from), move, bounds, false));
      scrollRef.current?.focus({ preventScroll: true });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor, apply, select, bounds, firstEditableCol, props.onEditorInput],
  );

  useEffect(() => {
    if (editor) inputRef.current?.focus({ preventScroll: true });
  }, [editor?.address.row, editor?.address.col, editor !== null]); // eslint-disable-line react-hooks/exhaustive-deps

  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / rowHeight) - 2);

  function onGridKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (editor || event.target !== scrollRef.current) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key;
    const range = rangeOf(selection);
    const arrow = ARROWS[key];
    if (arrow) {
      event.preventDefault();
      select(moveSelection(selection, arrow, bounds, event.shiftKey, ctrl ? Math.max(rowCount, columns.length) : 1));
    } else if (key === 'PageDown' || key === 'PageUp') {
      event.preventDefault();
      select(moveSelection(selection, key === 'PageDown' ? 'down' : 'up', bounds, event.shiftKey, pageRows));
    } else if (key === 'Home' || key === 'End') {
      event.preventDefault();
      const col = key === 'Home' ? firstEditableCol : columns.length - 1;
      select(singleCell({ row: ctrl ? (key === 'Home' ? 0 : rowCount - 1) : selection.focus.row, col }));
    } else if (key === 'Tab') {
      event.preventDefault();
      select(singleCell(tabFrom(selection.focus, event.shiftKey, bounds, firstEditableCol)));
    } else if (key === 'Enter' || key === 'F2') {
      event.preventDefault();
      if (!openEditor(selection.focus, textAt(selection.focus.row, selection.focus.col), false) && key === 'Enter') {
        select(moveSelection(selection, event.shiftKey ? 'up' : 'down', bounds, false));
      }
    } else if (key === 'Delete' || key === 'Backspace') {
      event.preventDefault();
      apply(planClear(range, writability), 'clear');
    } else if (ctrl && (key === 'd' || key === 'D')) {
      event.preventDefault();
      apply(planFillDown(range, bounds, writability, textAt), 'fill');
    } else if (ctrl && (key === 'z' || key === 'Z')) {
      event.preventDefault();
      props.onUndo?.();
    } else if (ctrl && (key === 's' || key === 'S')) {
      event.preventDefault();
      props.onSave?.();
    } else if (ctrl && (key === 'a' || key === 'A')) {
      event.preventDefault();
      setSelection({ anchor: { row: 0, col: firstEditableCol }, focus: { row: rowCount - 1, col: columns.length - 1 } });
    } else if (!ctrl && !event.altKey && key.length === 1) {
      // Type to edit: the keystroke replaces the cell's content, as in a spreadsheet.
      if (openEditor(selection.focus, key, true)) event.preventDefault();
    }
  }

  function onEditorKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const key = event.key;
    if (key === 'Escape') {
      event.preventDefault();
      closeEditor(false);
    } else if (key === 'Enter') {
      event.preventDefault();
      closeEditor(true, event.shiftKey ? 'up' : 'down');
    } else if (key === 'Tab') {
      event.preventDefault();
      closeEditor(true, event.shiftKey ? 'backtab' : 'tab');
    } else if (editor?.quick && ARROWS[key]) {
      event.preventDefault();
      closeEditor(true, ARROWS[key]);
    } else if ((event.ctrlKey || event.metaKey) && (key === 's' || key === 'S')) {
      event.preventDefault();
      closeEditor(true);
      props.onSave?.();
    }
  }

  function onPaste(event: ClipboardEvent<HTMLDivElement>) {
    const text = event.clipboardData.getData('text/plain');
    // Inside an open editor a single value is ordinary text input; a block always goes to the grid.
    if (editor && !isBlock(text)) return;
    event.preventDefault();
    if (editor) {
      setEditor(null);
      props.onEditorInput?.(editor.address, null);
    }
    const block = parseClipboardTable(text);
    const target = editor
      ? { top: editor.address.row, left: editor.address.col, bottom: editor.address.row, right: editor.address.col }
      : rangeOf(selection);
    const plan = planPaste(block, target, bounds, writability);
    apply(plan, 'paste');
    // Select what was pasted, so the block is visible and can be filled or cleared right away.
    const last = plan.writes[plan.writes.length - 1];
    if (last && block.length * (block[0]?.length ?? 0) > 1)
      setSelection({ anchor: { row: target.top, col: target.left }, focus: { row: last.row, col: last.col } });
    scrollRef.current?.focus({ preventScroll: true });
  }

  function onCopy(event: ClipboardEvent<HTMLDivElement>) {
    if (editor) return;
    event.preventDefault();
    const r = rangeOf(selection);
    const out: string[][] = [];
    for (let row = r.top; row <= r.bottom; row += 1) {
      const line: string[] = [];
      for (let col = r.left; col <= r.right; col += 1) line.push(textAt(row, col));
      out.push(line);
    }
    event.clipboardData.setData('text/plain', toClipboardTable(out));
  }

  const mouseAnchor = useRef<CellAddress | null>(null);
  function onCellMouseDown(event: React.MouseEvent, address: CellAddress) {
    if (editor && (editor.address.row !== address.row || editor.address.col !== address.col)) closeEditor(true);
    if (event.button !== 0) return;
    event.preventDefault();
    scrollRef.current?.focus({ preventScroll: true });
    if (event.shiftKey) setSelection({ anchor: selection.anchor, focus: address });
    else {
      setSelection(singleCell(address));
      props.onActiveCellChange?.(address);
    }
    mouseAnchor.current = event.shiftKey ? selection.anchor : address;
  }
  function onCellMouseEnter(event: React.MouseEvent, address: CellAddress) {
    if (mouseAnchor.current && event.buttons === 1) setSelection({ anchor: mouseAnchor.current, focus: address });
  }
  useEffect(() => {
    const up = () => (mouseAnchor.current = null);
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  // Cells call back through a ref, so memoised rows keep their props stable while scrolling.
  const handlers = useRef({
    onCellMouseDown,
    onCellMouseEnter,
    openEditor,
    onEditorKeyDown,
    setEditorText: (_: string) => {},
    closeEditor,
  });
  handlers.current = {
    onCellMouseDown,
    onCellMouseEnter,
    openEditor,
    onEditorKeyDown,
    setEditorText: (text: string) => {
      if (!editor) return;
      setEditor({ ...editor, text });
      props.onEditorInput?.(editor.address, text);
    },
    closeEditor,
  };
  const cellApi = useMemo<CellApi>(
    () => ({
      mouseDown: (e, a) => handlers.current.onCellMouseDown(e, a),
      mouseEnter: (e, a) => handlers.current.onCellMouseEnter(e, a),
      doubleClick: (a) => handlers.current.openEditor(a, textAt(a.row, a.col), false),
      editorKeyDown: (e) => handlers.current.onEditorKeyDown(e),
      editorChange: (text) => handlers.current.setEditorText(text),
      editorBlur: () => handlers.current.closeEditor(true),
    }),
    // textAt changes with the data; the rest goes through the ref.
    [textAt],
  );

  const range = rangeOf(selection);
  const focus = selection.focus;
  const virtualRows = rows.getVirtualItems();
  const virtualCols = cols.getVirtualItems();
  const shared: SharedRowProps = {
    frozen,
    scrolling,
    frozenWidth,
    width: totalWidth,
    virtualCols,
    renderCell: props.renderCell,
    cellClassName: props.cellClassName,
    cellTestId: props.cellTestId,
    cellTitle: props.cellTitle,
    api: cellApi,
    inputRef,
  };

  return (
    <div
      ref={scrollRef}
      className="sg"
      role="grid"
      aria-label={props.ariaLabel}
      aria-rowcount={rowCount}
      aria-colcount={columns.length}
      tabIndex={0}
      data-testid={props.testId}
      style={{ height: props.height }}
      onKeyDown={onGridKeyDown}
      onPaste={onPaste}
      onCopy={onCopy}
    >
      <div className="sg-canvas" style={{ width: totalWidth, height: totalHeight }}>
        <div className="sg-header" role="row" style={{ height: headerHeight, width: totalWidth }}>
          <div className="sg-frozen" style={{ width: frozenWidth }}>
            {frozen.map((c) => (
              <div key={c.key} role="columnheader" className={`sg-hcell ${c.headerClassName ?? ''}`} style={{ width: c.width }}>
                {c.header}
              </div>
            ))}
          </div>
          {virtualCols.map((vc) => {
            const c = scrolling[vc.index];
            if (!c) return null;
            return (
              <div
                key={c.key}
                role="columnheader"
                className={`sg-hcell sg-abs ${c.headerClassName ?? ''}`}
                style={{ left: vc.start, width: vc.size }}
              >
                {c.header}
              </div>
            );
          })}
        </div>
        {virtualRows.map((vr) => {
          const row = vr.index;
          const inSelection = row >= range.top && row <= range.bottom;
          return (
            <GridRowView
              key={row}
              row={row}
              top={vr.start}
              height={vr.size}
              className={props.rowClassName?.(row)}
              selLeft={inSelection ? range.left : -1}
              selRight={inSelection ? range.right : -1}
              focusCol={focus.row === row ? focus.col : -1}
              editor={editor && editor.address.row === row ? editor : null}
              shared={shared}
            />
          );
        })}
      </div>
    </div>
  );
}

interface CellApi {
  mouseDown(event: React.MouseEvent, address: CellAddress): void;
  mouseEnter(event: React.MouseEvent, address: CellAddress): void;
  doubleClick(address: CellAddress): void;
  editorKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
  editorChange(text: string): void;
  editorBlur(): void;
}

interface SharedRowProps {
  frozen: readonly GridColumn[];
  scrolling: readonly GridColumn[];
  frozenWidth: number;
  width: number;
  virtualCols: readonly VirtualItem[];
  renderCell: SpreadsheetGridProps['renderCell'];
  cellClassName: SpreadsheetGridProps['cellClassName'];
  cellTestId: SpreadsheetGridProps['cellTestId'];
  cellTitle: SpreadsheetGridProps['cellTitle'];
  api: CellApi;
  inputRef: RefObject<HTMLInputElement | null>;
}

interface RowViewProps {
  row: number;
  top: number;
  height: number;
  className: string | undefined;
  /** Selected columns of this row (-1 when the row is outside the selection). */
  selLeft: number;
  selRight: number;
  /** Active column when the active cell is in this row, else -1. */
  focusCol: number;
  editor: Editor | null;
  shared: SharedRowProps;
}

function sameRow(a: RowViewProps, b: RowViewProps): boolean {
  const sa = a.shared;
  const sb = b.shared;
  return (
    a.row === b.row &&
    a.top === b.top &&
    a.height === b.height &&
    a.className === b.className &&
    a.selLeft === b.selLeft &&
    a.selRight === b.selRight &&
    a.focusCol === b.focusCol &&
    a.editor === b.editor &&
    sa.virtualCols === sb.virtualCols &&
    sa.width === sb.width &&
    sa.frozen === sb.frozen &&
    sa.scrolling === sb.scrolling &&
    sa.renderCell === sb.renderCell &&
    sa.cellClassName === sb.cellClassName &&
    sa.cellTestId === sb.cellTestId &&
    sa.cellTitle === sb.cellTitle &&
    sa.api === sb.api
  );
}

/** One row: re-renders only when its own selection, editor, columns or the data change. */
const GridRowView = memo(function GridRowView({ row, top, height, className, selLeft, selRight, focusCol, editor, shared }: RowViewProps) {
  const { frozen, scrolling, frozenWidth, width, virtualCols, api } = shared;
  function cell(col: number, column: GridColumn, style: CSSProperties) {
    const active = focusCol === col;
    const selected = col >= selLeft && col <= selRight;
    const editing = editor !== null && editor.address.col === col;
    const classes = [
      'sg-cell',
      column.align === 'end' ? 'sg-end' : '',
      selected ? 'sg-selected' : '',
      active ? 'sg-active' : '',
      shared.cellClassName?.(row, col) ?? '',
    ];
    return (
      <div
        key={column.key}
        role="gridcell"
        aria-selected={selected}
        className={classes.join(' ')}
        style={style}
        data-testid={shared.cellTestId?.(row, col)}
        title={shared.cellTitle?.(row, col)}
        onMouseDown={(e) => api.mouseDown(e, { row, col })}
        onMouseEnter={(e) => api.mouseEnter(e, { row, col })}
        onDoubleClick={() => api.doubleClick({ row, col })}
      >
        {editing ? (
          <input
            ref={shared.inputRef}
            className="sg-editor"
            data-testid="grid-editor"
            value={editor.text}
            inputMode="decimal"
            onChange={(e) => api.editorChange(e.target.value)}
            onKeyDown={(e) => api.editorKeyDown(e)}
            onBlur={() => api.editorBlur()}
          />
        ) : (
          shared.renderCell(row, col)
        )}
      </div>
    );
  }
  return (
    <div role="row" aria-rowindex={row + 1} className={`sg-row ${className ?? ''}`} style={{ top, height, width }}>
      <div className="sg-frozen" style={{ width: frozenWidth }}>
        {frozen.map((c, i) => cell(i, c, { width: c.width }))}
      </div>
      {virtualCols.map((vc) => {
        const c = scrolling[vc.index];
        return c
          ? cell(vc.index + frozen.length, c, { position: 'absolute', top: 0, left: vc.start, width: vc.size, height: '100%' })
          : null;
      })}
    </div>
  );
}, sameRow);
