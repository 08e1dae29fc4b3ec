import { describe, expect, it } from 'vitest';
import { applyDraftWrites, dropDrafts, EMPTY_DRAFTS, UNDO_DEPTH, undoLastStep } from './draft-edits';

const saved = new Map([['a', '1']]);
const isSaved = (key: string, text: string) => (saved.get(key) ?? '') === text;

describe('draft edits', () => {
  it('keeps changed cells and drops a cell brought back to its saved value', () => {
    let s = applyDraftWrites(
      EMPTY_DRAFTS,
      [
        { key: 'a', text: '2' },
        { key: 'b', text: '5' },
      ],
      'paste',
      isSaved,
    );
    expect([...s.drafts]).toEqual([
      ['a', '2'],
      ['b', '5'],
    ]);
    s = applyDraftWrites(s, [{ key: 'a', text: '1' }], 'edit', isSaved);
    expect([...s.drafts.keys()]).toEqual(['b']);
  });

  it('a step that changes nothing adds no undo step', () => {
    const s = applyDraftWrites(EMPTY_DRAFTS, [{ key: 'a', text: '1' }], 'edit', isSaved);
    expect(s).toBe(EMPTY_DRAFTS);
  });

  it('undoes the last paste exactly, leaving earlier edits', () => {
    const typed = applyDraftWrites(EMPTY_DRAFTS, [{ key: 'c', text: '9' }], 'edit', isSaved);
    const pasted = applyDraftWrites(
      typed,
      [
        { key: 'c', text: '3' },
        { key: 'd', text: '4' },
      ],
      'paste',
      isSaved,
    );
    const { state, undone, keys } = undoLastStep(pasted);
    expect(undone).toBe('paste');
    expect(keys.sort()).toEqual(['c', 'd']);
    expect([...state.drafts]).toEqual([['c', '9']]);
    const again = undoLastStep(state);
    expect(again.undone).toBe('edit');
    expect(again.state.drafts.size).toBe(0);
    expect(undoLastStep(again.state).undone).toBeNull();
  });

  it('keeps a bounded undo history', () => {
    let s = EMPTY_DRAFTS;
    for (let i = 0; i < UNDO_DEPTH + 10; i += 1) s = applyDraftWrites(s, [{ key: 'x', text: String(i + 10) }], 'edit', isSaved);
    expect(s.undo).toHaveLength(UNDO_DEPTH);
  });

  it('dropping saved cells clears them and the undo history', () => {
    const s = applyDraftWrites(
      EMPTY_DRAFTS,
      [
        { key: 'b', text: '5' },
        { key: 'c', text: '6' },
      ],
      'paste',
      isSaved,
    );
    const after = dropDrafts(s, ['b']);
    expect([...after.drafts.keys()]).toEqual(['c']);
    expect(after.undo).toEqual([]);
  });
});
