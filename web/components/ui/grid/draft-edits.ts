/**
 * Unsaved edits of a grid, keyed by cell, with an undo stack of whole steps (one typed cell, one
 * paste, one fill-down, one clear). An edit that brings a cell back to its saved value stops
 * being a change, so the unsaved-changes count is always the number of cells a save would send.
 */

export type WriteKind = 'edit' | 'paste' | 'fill' | 'clear';

export interface DraftWrite {
  readonly key: string;
  readonly text: string;
}

interface UndoStep {
  readonly kind: WriteKind;
  /** Draft text of each touched cell before the step (`undefined`: it had no draft). */
  readonly previous: ReadonlyMap<string, string | undefined>;
}

export interface DraftState {
  readonly drafts: ReadonlyMap<string, string>;
  readonly undo: readonly UndoStep[];
}

/** Steps kept for Ctrl+Z. */
export const UNDO_DEPTH = 50;

export const EMPTY_DRAFTS: DraftState = { drafts: new Map(), undo: [] };

/**
 * Applies one step. `isSaved(key, text)` tells whether `text` equals the saved value of the cell
 * (then the draft is dropped instead of kept). A step that changes nothing leaves the state as is.
 */
export function applyDraftWrites(
  state: DraftState,
  writes: readonly DraftWrite[],
  kind: WriteKind,
  isSaved: (key: string, text: string) => boolean,
): DraftState {
  const drafts = new Map(state.drafts);
  const previous = new Map<string, string | undefined>();
  for (const { key, text } of writes) {
    const before = drafts.get(key);
    const after = isSaved(key, text) ? undefined : text;
    if (before === after) continue;
    if (!previous.has(key)) previous.set(key, before);
    if (after === undefined) drafts.delete(key);
    else drafts.set(key, after);
  }
  if (previous.size === 0) return state;
  const undo = [...state.undo, { kind, previous }].slice(-UNDO_DEPTH);
  return { drafts, undo };
}

/** Ctrl+Z: reverts the last step; returns the kind undone (or `null` when there is nothing to undo). */
export function undoLastStep(state: DraftState): { state: DraftState; undone: WriteKind | null; keys: string[] } {
  const last = state.undo[state.undo.length - 1];
  if (!last) return { state, undone: null, keys: [] };
  const drafts = new Map(state.drafts);
  for (const [key, text] of last.previous) {
    if (text === undefined) drafts.delete(key);
    else drafts.set(key, text);
  }
  return { state: { drafts, undo: state.undo.slice(0, -1) }, undone: last.kind, keys: [...last.previous.keys()] };
}

/** Drops the drafts of `keys` (cells just saved, or reloaded after a conflict); the undo history goes with them. */
export function dropDrafts(state: DraftState, keys: Iterable<string>): DraftState {
  const drafts = new Map(state.drafts);
  for (const key of keys) drafts.delete(key);
  return { drafts, undo: [] };
}
