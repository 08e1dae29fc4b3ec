/**
 * State of one production grid: the saved data (loaded once, never refetched behind the
 * person's back, because `previous` values of a save must be what they saw), the unsaved edits
 * with their undo stack, the live figures, saving and conflicts.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { isApiError } from '../../../app/api-client';
import { useI18n } from '../../../app/i18n';
import type { WriteKind } from '../../../components/ui/grid/draft-edits';
import {
  applyDraftWrites,
  dropDrafts,
  EMPTY_DRAFTS,
  undoLastStep,
  type DraftState,
  type DraftWrite,
} from '../../../components/ui/grid/draft-edits';
import { getGrid, productionKeys, saveGrid, type GridParams, type StaleCell } from '../api/production-api';
import { baseKpis, baseSubtotals, cellKey, isSavedText, liveGrid, mergeSaved, parseCellKey, saveCells } from '../model/grid-model';
import type { GridResponse } from '../model/grid-types';

export type SaveOutcome =
  | { kind: 'saved'; written: number; excessChanged: number; skippedInvalid: number }
  | { kind: 'nothing' }
  | { kind: 'stale'; cells: StaleCell[] }
  | { kind: 'refused'; error: unknown };

export function useProductionGrid(params: GridParams | null) {
  const { locale } = useI18n();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: params ? productionKeys.grid(params) : ['production', 'grid', 'none'],
    queryFn: ({ signal }) => getGrid(params as GridParams, signal),
    enabled: params !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const data = query.data;
  const [draftState, setDraftState] = useState<DraftState>(EMPTY_DRAFTS);
  const [saving, setSaving] = useState(false);
  const [conflicts, setConflicts] = useState<StaleCell[]>([]);

  const rowById = useMemo(() => new Map((data?.rows ?? []).map((r) => [r.lineItemId, r])), [data]);
  const base = useMemo(() => (data ? baseSubtotals(data) : []), [data]);
  // The KPIs of the saved rows, once per load; edits then cost only the rows they touch.
  const kpisBase = useMemo(() => (data ? baseKpis(data) : null), [data]);
  // The value being typed counts in the figures and KPIs before it is committed (deferred, so
  // typing never waits for a KPI pass over 3,000 rows).
  const [typing, setTyping] = useState<{ key: string; text: string } | null>(null);
  const effective = useMemo(
    () => (typing ? new Map(draftState.drafts).set(typing.key, typing.text) : draftState.drafts),
    [typing, draftState.drafts],
  );
  const deferred = useDeferredValue(effective);
  const live = useMemo(
    () => (data && kpisBase ? liveGrid(data, base, deferred, locale, kpisBase) : null),
    [data, base, kpisBase, deferred, locale],
  );

  const write = useCallback(
    (writes: readonly DraftWrite[], kind: WriteKind) => {
      setDraftState((s) =>
        applyDraftWrites(s, writes, kind, (key, text) => {
          const { lineItemId, day } = parseCellKey(key);
          return isSavedText(rowById.get(lineItemId), day, text);
        }),
      );
    },
    [rowById],
  );

  const undo = useCallback((): WriteKind | null => {
    const r = undoLastStep(draftState);
    setDraftState(r.state);
    return r.undone;
  }, [draftState]);

  const discard = useCallback(() => {
    setDraftState(EMPTY_DRAFTS);
    setConflicts([]);
  }, []);

  const setData = useCallback(
    (next: GridResponse) => {
      if (params) queryClient.setQueryData(productionKeys.grid(params), next);
    },
    [params, queryClient],
  );

  const save = useCallback(async (): Promise<SaveOutcome> => {
    if (!data || !params) return { kind: 'nothing' };
    // Parsed again from the drafts themselves: the displayed figures may lag a keystroke behind.
    const current = liveGrid(data, base, draftState.drafts, locale, kpisBase ?? undefined);
    const cells = saveCells(data, draftState.drafts, current.parsed);
    if (cells.length === 0) return { kind: 'nothing' };
    setSaving(true);
    try {
      const result = await saveGrid({ ...params, baseRevision: data.revision, cells });
      setData(mergeSaved(data, result.rows, result.revision, result.kpis));
      setDraftState((s) =>
        dropDrafts(
          s,
          cells.map((c) => cellKey(c.lineItemId, Number(c.date.slice(8, 10)))),
        ),
      );
      setConflicts([]);
      return {
        kind: 'saved',
        written: result.inserted + result.updated + result.deleted,
        excessChanged: result.excessChanged,
        skippedInvalid: current.invalid.length,
      };
    } catch (error) {
      if (isApiError(error, 'stale_grid')) {
        const stale = ((error.details as { cells?: StaleCell[] } | undefined)?.cells ?? []).filter(
          (c) => c.siteId === params.siteId && c.layer === params.layer,
        );
        setConflicts(stale);
        return { kind: 'stale', cells: stale };
      }
      return { kind: 'refused', error };
    } finally {
      setSaving(false);
    }
  }, [data, base, kpisBase, locale, params, draftState.drafts, setData]);

  /**
   * After a conflict: reload the grid from the server. `keepMine` false drops the person's edits of
   * the conflicting cells (they take the current values); true keeps them, so the next save
   * deliberately overwrites what the other person saved. Other edits are kept either way.
   */
  const reloadAfterConflict = useCallback(
    async (keepMine: boolean) => {
      const keys = conflicts.map((c) => cellKey(c.lineItemId, Number(c.date.slice(8, 10))));
      await query.refetch();
      setDraftState((s) => (keepMine ? { drafts: s.drafts, undo: [] } : dropDrafts(s, keys)));
      setConflicts([]);
    },
    [conflicts, query],
  );

  return {
    query,
    data,
    live,
    setTyping,
    drafts: draftState.drafts,
    canUndo: draftState.undo.length > 0,
    write,
    undo,
    discard,
    save,
    saving,
    conflicts,
    reloadAfterConflict,
  };
}
