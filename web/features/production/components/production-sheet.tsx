/**
 * The production grid itself: the generic spreadsheet grid configured with the sábana's columns
 * (frozen code/concept/sub-annex/unit/authorized, one column per day, month total, amounts MXN
 * and USD, excess), subtotal rows, planned-vs-executed hints, excess marks and locked days.
 */
import { useCallback, useMemo, type Ref } from 'react';
import type { MessageKey } from '../../../app/i18n';
import { useI18n } from '../../../app/i18n';
import { formatAmount, formatVolume, toDec } from '../../../../domain/money';
import type { WriteKind } from '../../../components/ui/grid/draft-edits';
import type { CellAddress } from '../../../components/ui/grid/selection';
import { SpreadsheetGrid, type GridColumn, type SpreadsheetGridHandle } from '../../../components/ui/grid/spreadsheet-grid';
import type { CellWrite, WritePlan } from '../../../components/ui/grid/write-plans';
import type { GridDay } from '../api/production-api';
import { cellKey, type DisplayRow, type LiveGrid } from '../model/grid-model';
import type { GridResponse, GridRow } from '../model/grid-types';

const FROZEN = 5;
const WEEKDAYS_ES = ['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export const LOCK_KEYS: Readonly<Record<NonNullable<GridDay['lockedReason']>, MessageKey>> = {
  outside_window: 'prod.lock.outside_window',
  day_signed: 'prod.lock.day_signed',
  period_closed: 'prod.lock.period_closed',
  period_in_review: 'prod.lock.period_in_review',
};

// Formatting a decimal costs microseconds; a screenful of cells is re-rendered on every scroll
// frame, so formatted texts are cached (volumes repeat a lot; the cache is bounded).
const formatted = new Map<string, string>();
function vol(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = formatted.get(value);
  if (text === undefined) {
    try {
      text = formatVolume(value);
    } catch {
      text = value;
    }
    if (formatted.size > 50_000) formatted.clear();
    formatted.set(value, text);
  }
  return text;
}

/** A canonical decimal string from the API is > 0 when it is not negative and has a non-zero digit. */
function positive(value: string | null | undefined): boolean {
  return value !== null && value !== undefined && !value.startsWith('-') && /[1-9]/.test(value);
}

interface Props {
  data: GridResponse;
  rows: readonly DisplayRow[];
  live: LiveGrid;
  drafts: ReadonlyMap<string, string>;
  conflictKeys: ReadonlySet<string>;
  showPlanned: boolean;
  height: number | string;
  onWrite: (writes: { key: string; text: string }[], kind: WriteKind, refused: number) => void;
  onUndo: () => void;
  onSave: () => void;
  onActiveRow: (rowIndex: number | null) => void;
  onEditorInput: (key: string | null, text: string | null) => void;
  ref?: Ref<SpreadsheetGridHandle>;
}

export function ProductionSheet({
  data,
  rows,
  live,
  drafts,
  conflictKeys,
  showPlanned,
  height,
  onWrite,
  onUndo,
  onSave,
  onActiveRow,
  onEditorInput,
  ref,
}: Props) {
  const { t, locale } = useI18n();
  const dayCount = data.days.length;
  const editable = data.abilities.edit;

  const columns = useMemo<GridColumn[]>(() => {
    const weekdays = locale === 'es' ? WEEKDAYS_ES : WEEKDAYS_EN;
    const frozen: GridColumn[] = [
      { key: 'code', width: 104, header: t('prod.col.code'), frozen: true },
      { key: 'concept', width: 250, header: t('prod.col.concept'), frozen: true },
      { key: 'subAnnex', width: 64, header: t('prod.col.subAnnex'), frozen: true },
      { key: 'unit', width: 56, header: t('prod.col.unit'), frozen: true },
      { key: 'authorized', width: 112, header: t('prod.col.authorized'), frozen: true, align: 'end' },
    ];
    const days: GridColumn[] = data.days.map((d) => {
      const weekday = weekdays[new Date(`${d.date}T12:00:00Z`).getUTCDay()] ?? '';
      return {
        key: `d${d.day}`,
        width: 78,
        align: 'end',
        headerClassName: `pg-dayhead${d.lockedReason ? ` pg-dayhead-locked pg-lock-${d.lockedReason}` : ''}`,
        header: (
          <span
            className="pg-dayhead-text"
            data-testid={`day-header-${d.day}`}
            title={d.lockedReason ? t(LOCK_KEYS[d.lockedReason]) : undefined}
          >
            <b>{d.day}</b> <small>{weekday}</small>
            {d.lockedReason && (
              <svg className="pg-lock-icon" width="9" height="10" viewBox="0 0 9 10" role="img" aria-label={t(LOCK_KEYS[d.lockedReason])}>
                <rect x="0.5" y="4" width="8" height="6" rx="1" fill="currentColor" />
                <path d="M2.2 4V2.8a2.3 2.3 0 0 1 4.6 0V4" fill="none" stroke="currentColor" strokeWidth="1.2" />
              </svg>
            )}
          </span>
        ),
      };
    });
    const tail: GridColumn[] = [
      { key: 'monthTotal', width: 104, header: t('prod.col.monthTotal'), align: 'end' },
      { key: 'amountMxn', width: 128, header: t('prod.col.amountMxn'), align: 'end' },
      { key: 'amountUsd', width: 116, header: t('prod.col.amountUsd'), align: 'end' },
      { key: 'excess', width: 100, header: t('prod.col.excess'), align: 'end' },
    ];
    return [...frozen, ...days, ...tail];
  }, [data.days, t, locale]);

  const dayOf = useCallback(
    (col: number): number | null => (col >= FROZEN && col < FROZEN + dayCount ? col - FROZEN + 1 : null),
    [dayCount],
  );
  const itemAt = useCallback(
    (r: number): { row: GridRow; index: number } | null => {
      const d = rows[r];
      if (!d || d.kind !== 'item') return null;
      const row = data.rows[d.index];
      return row ? { row, index: d.index } : null;
    },
    [rows, data.rows],
  );

  const writability = useMemo(
    () => ({
      isRowWritable: (r: number) => editable && rows[r]?.kind === 'item',
      isCellWritable: (r: number, c: number) => {
        if (!editable || rows[r]?.kind !== 'item') return false;
        const day = c >= FROZEN && c < FROZEN + dayCount ? c - FROZEN + 1 : null;
        return day !== null && data.days[day - 1]?.lockedReason === null;
      },
    }),
    [editable, rows, dayCount, data.days],
  );

  const textAt = useCallback(
    (r: number, c: number): string => {
      const item = itemAt(r);
      const day = dayOf(c);
      if (!item) return '';
      if (day === null) {
        const col = columns[c]?.key;
        if (col === 'code') return item.row.code;
        if (col === 'concept') return item.row.concept;
        if (col === 'subAnnex') return item.row.subAnnex;
        if (col === 'unit') return item.row.unit;
        if (col === 'authorized') return item.row.authorizedVolume;
        if (col === 'monthTotal') return live.rows.get(item.index)?.monthTotal ?? item.row.monthTotal;
        return '';
      }
      return drafts.get(cellKey(item.row.lineItemId, day)) ?? item.row.volumes[day - 1] ?? '';
    },
    [itemAt, dayOf, drafts, live, columns],
  );

  const renderCell = useCallback(
    (r: number, c: number) => {
      const d = rows[r];
      if (!d) return null;
      const key = columns[c]?.key;
      const day = dayOf(c);
      if (d.kind === 'subtotal') {
        const s = data.subtotals[d.subtotal];
        const figures = live.subtotals[d.subtotal];
        if (!s || !figures) return null;
        if (key === 'code') return <b title={t('prod.subtotal')}>{t('prod.subtotal')}</b>;
        if (key === 'concept') return <b>{s.subAnnex}</b>;
        if (key === 'subAnnex') return s.subAnnex;
        if (day !== null) return vol(positive(figures.days[day - 1]) ? figures.days[day - 1] : null);
        if (key === 'monthTotal') return <span data-testid={`subtotal-total-${s.subAnnex}`}>{vol(figures.monthTotal)}</span>;
        if (key === 'amountMxn') return formatAmount(figures.monthMxn);
        if (key === 'amountUsd') return formatAmount(figures.monthUsd);
        return null;
      }
      const row = data.rows[d.index];
      if (!row) return null;
      const liveRow = live.rows.get(d.index);
      switch (key) {
        case 'code':
          return <span className="pg-code">{row.code}</span>;
        case 'concept':
          return row.concept;
        case 'subAnnex':
          return row.subAnnex;
        case 'unit':
          return row.unit;
        case 'authorized':
          return vol(row.authorizedVolume);
        case 'monthTotal':
          return <span data-testid={`total-${row.lineItemId}`}>{vol(liveRow?.monthTotal ?? row.monthTotal)}</span>;
        case 'amountMxn':
          return <span data-testid={`amount-mxn-${row.lineItemId}`}>{formatAmount(liveRow?.amountMxn ?? row.amountMxn)}</span>;
        case 'amountUsd':
          return <span data-testid={`amount-usd-${row.lineItemId}`}>{formatAmount(liveRow?.amountUsd ?? row.amountUsd)}</span>;
        case 'excess':
          return positive(row.excessTotal) ? (
            <span className="pg-excess-badge" data-testid={`excess-${row.lineItemId}`}>
              {vol(row.excessTotal)}
            </span>
          ) : null;
      }
      if (day === null) return null;
      const k = cellKey(row.lineItemId, day);
      const draft = drafts.get(k);
      const parsed = live.parsed.get(k);
      const shown =
        draft === undefined
          ? vol(row.volumes[day - 1])
          : parsed?.kind === 'value'
            ? vol(parsed.value)
            : parsed?.kind === 'empty'
              ? ''
              : draft;
      const planned = row.planned[day - 1];
      return (
        <>
          {showPlanned && planned && <span className="pg-planned">{vol(planned)}</span>}
          <span className="pg-value">{shown}</span>
        </>
      );
    },
    [rows, data, drafts, live, columns, showPlanned, t, dayOf],
  );

  const cellClassName = useCallback(
    (r: number, c: number): string | undefined => {
      const d = rows[r];
      const day = dayOf(c);
      if (!d) return undefined;
      if (d.kind === 'subtotal') return 'pg-subtotal-cell';
      if (day === null) return c < FROZEN ? undefined : 'pg-computed';
      const row = data.rows[d.index];
      if (!row) return undefined;
      const k = cellKey(row.lineItemId, day);
      const classes: string[] = [];
      if (!editable || data.days[day - 1]?.lockedReason) classes.push('pg-locked');
      if (drafts.has(k)) classes.push(live.parsed.get(k)?.kind === 'invalid' ? 'pg-invalid' : 'pg-draft');
      if (conflictKeys.has(k)) classes.push('pg-conflict');
      if (!drafts.has(k) && positive(row.excess[day - 1])) classes.push('pg-excess');
      const planned = row.planned[day - 1];
      const executed = live.rows.get(d.index)?.volumes[day - 1] ?? row.volumes[day - 1];
      if (planned && positive(planned) && executed && toDec(executed).gte(toDec(planned))) classes.push('pg-met');
      return classes.join(' ');
    },
    [rows, data, drafts, live, conflictKeys, editable, dayOf],
  );

  const cellTitle = useCallback(
    (r: number, c: number): string | undefined => {
      const item = itemAt(r);
      const day = dayOf(c);
      if (!item || day === null) return undefined;
      const k = cellKey(item.row.lineItemId, day);
      const parsed = live.parsed.get(k);
      if (parsed?.kind === 'invalid') return parsed.reason;
      const lock = data.days[day - 1]?.lockedReason;
      const parts: string[] = [];
      if (lock) parts.push(t(LOCK_KEYS[lock]));
      if (positive(item.row.excess[day - 1])) parts.push(t('prod.cell.excess', { excess: vol(item.row.excess[day - 1]) }));
      const planned = item.row.planned[day - 1];
      if (planned) parts.push(t('prod.cell.planned', { planned: vol(planned) }));
      const other = item.row.otherLayer[day - 1];
      if (other) parts.push(t('prod.cell.otherLayer', { layer: data.layer === 'TE' ? 'CMA' : 'TE', volume: vol(other) }));
      return parts.length > 0 ? parts.join(' · ') : undefined;
    },
    [itemAt, dayOf, data, live, t],
  );

  const handleWrite = useCallback(
    (writes: CellWrite[], kind: WriteKind, plan: WritePlan) => {
      const mapped: { key: string; text: string }[] = [];
      for (const w of writes) {
        const d = rows[w.row];
        const day = w.col >= FROZEN && w.col < FROZEN + dayCount ? w.col - FROZEN + 1 : null;
        const row = d?.kind === 'item' ? data.rows[d.index] : undefined;
        if (row && day !== null) mapped.push({ key: cellKey(row.lineItemId, day), text: w.text.trim() });
      }
      onWrite(mapped, kind, plan.refused.length);
    },
    [rows, dayCount, data.rows, onWrite],
  );

  const cellTestId = useCallback(
    (r: number, c: number) => {
      const d = rows[r];
      const day = c >= FROZEN && c < FROZEN + dayCount ? c - FROZEN + 1 : null;
      const row = d?.kind === 'item' ? data.rows[d.index] : undefined;
      return row && day !== null ? `cell-${row.lineItemId}-${day}` : undefined;
    },
    [rows, data, dayCount],
  );

  const keyAt = (address: CellAddress): string | null => {
    const d = rows[address.row];
    const day = address.col >= FROZEN && address.col < FROZEN + dayCount ? address.col - FROZEN + 1 : null;
    const row = d?.kind === 'item' ? data.rows[d.index] : undefined;
    return row && day !== null ? cellKey(row.lineItemId, day) : null;
  };

  return (
    <SpreadsheetGrid
      ref={ref}
      testId="production-grid"
      ariaLabel={t('prod.grid.aria')}
      height={height}
      rowCount={rows.length}
      columns={columns}
      rowClassName={(r) => (rows[r]?.kind === 'subtotal' ? 'pg-subtotal' : undefined)}
      writability={writability}
      textAt={textAt}
      renderCell={renderCell}
      cellClassName={cellClassName}
      cellTitle={cellTitle}
      cellTestId={cellTestId}
      onWrite={handleWrite}
      onUndo={onUndo}
      onSave={onSave}
      onActiveCellChange={(a) => {
        const d = rows[a.row];
        onActiveRow(d?.kind === 'item' ? d.index : null);
      }}
      onEditorInput={(a, text) => onEditorInput(keyAt(a), text)}
    />
  );
}
