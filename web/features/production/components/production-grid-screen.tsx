/**
 * The sábana de producción of one OT family × month × site × layer: header (monthly report
 * status, evidence folder, KPIs), toolbar (save with the unsaved count, undo, export, planned and
 * chart toggles), the spreadsheet, invalid cells and conflicts, and the planned-vs-executed chart.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../../../app/errors';
import { formatWindow, formatYearMonth } from '../../../app/format';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button, DownloadLink } from '../../../components/ui/button';
import { useConfirm } from '../../../components/ui/confirm-dialog';
import type { WriteKind } from '../../../components/ui/grid/draft-edits';
import type { SpreadsheetGridHandle } from '../../../components/ui/grid/spreadsheet-grid';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { isHttpUrl } from '../../../../domain/evidence-link';
import { gridXlsxUrl, type GridParams } from '../api/production-api';
import { useLeaveGuard } from '../hooks/use-leave-guard';
import { useProductionGrid } from '../hooks/use-production-grid';
import { cellKey, displayRows } from '../model/grid-model';
import { ConflictPanel } from './conflict-panel';
import { GridKpisPanel } from './grid-kpis-panel';
import { ProductionSheet } from './production-sheet';
import '../production.css';

const PlannedChart = lazy(() => import('./planned-chart'));

const STATUS: Readonly<Record<string, { key: MessageKey; tone: BadgeTone }>> = {
  abierto: { key: 'prod.status.abierto', tone: 'success' },
  en_revision: { key: 'prod.status.en_revision', tone: 'warning' },
  cerrado: { key: 'prod.status.cerrado', tone: 'muted' },
  facturado: { key: 'prod.status.facturado', tone: 'info' },
};

type Message = { tone: 'success' | 'danger' | 'info'; text: string };

export function ProductionGridScreen({ params }: { params: GridParams }) {
  const { t, locale } = useI18n();
  const grid = useProductionGrid(params);
  const { data, live, drafts } = grid;
  const { confirm, dialog } = useConfirm();
  const gridRef = useRef<SpreadsheetGridHandle>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [showPlanned, setShowPlanned] = useState(true);
  const [showChart, setShowChart] = useState(false);
  const [activeRow, setActiveRow] = useState<number | null>(null);
  const dirty = drafts.size > 0;

  useLeaveGuard(dirty, confirm, {
    title: t('prod.leave.title'),
    message: t('prod.leave.body', { count: drafts.size }),
    confirmLabel: t('prod.leave.confirm'),
    tone: 'danger',
  });

  const paramsKey = `${params.workOrderId}-${params.siteId}-${params.year}-${params.month}-${params.layer}`;
  const { discard } = grid;
  useEffect(() => {
    discard();
    setMessage(null);
    setActiveRow(null);
  }, [paramsKey, discard]);

  const rows = useMemo(() => (data ? displayRows(data) : []), [data]);
  const conflictKeys = useMemo(
    () => new Set(grid.conflicts.map((c) => cellKey(c.lineItemId, Number(c.date.slice(8, 10))))),
    [grid.conflicts],
  );

  async function save() {
    if (grid.saving) return;
    const invalid = live?.invalid.length ?? 0;
    const outcome = await grid.save();
    switch (outcome.kind) {
      case 'nothing':
        setMessage({
          tone: invalid > 0 ? 'danger' : 'info',
          text: invalid > 0 ? t('prod.save.onlyInvalid', { count: invalid }) : t('prod.save.nothing'),
        });
        break;
      case 'saved':
        setMessage({
          tone: outcome.skippedInvalid > 0 ? 'danger' : 'success',
          text:
            t('prod.save.done', { count: outcome.written }) +
            (outcome.excessChanged > 0 ? ` ${t('prod.save.excessChanged', { count: outcome.excessChanged })}` : '') +
            (outcome.skippedInvalid > 0 ? ` ${t('prod.save.invalidKept', { count: outcome.skippedInvalid })}` : ''),
        });
        break;
      case 'stale':
        setMessage({ tone: 'danger', text: t('prod.save.stale', { count: outcome.cells.length }) });
        break;
      case 'refused':
        setMessage({ tone: 'danger', text: describeError(outcome.error, t, locale) });
        break;
    }
  }

  function onWrite(writes: { key: string; text: string }[], kind: WriteKind, refused: number) {
    grid.write(writes, kind);
    if (refused > 0) setMessage({ tone: 'danger', text: t('prod.write.refused', { count: refused }) });
    else if (kind === 'paste') setMessage({ tone: 'info', text: t('prod.write.pasted', { count: writes.length }) });
    else if (message?.tone === 'danger' && kind === 'edit') setMessage(null);
  }

  function undo() {
    const undone = grid.undo();
    setMessage({ tone: 'info', text: undone ? t(`prod.undo.${undone}`) : t('prod.undo.nothing') });
  }

  function showCell(lineItemId: number, day: number) {
    const r = rows.findIndex((d) => d.kind === 'item' && data?.rows[d.index]?.lineItemId === lineItemId);
    if (r >= 0) {
      gridRef.current?.select({ row: r, col: 4 + day });
      gridRef.current?.focus();
    }
  }

  if (grid.query.isPending) return <LoadingState />;
  if (grid.query.isError || !data || !live)
    return <ErrorState message={describeError(grid.query.error, t, locale)} onRetry={() => void grid.query.refetch()} />;

  const status = data.monthlyReport ? STATUS[data.monthlyReport.status] : undefined;
  const evidence = data.monthlyReport?.evidenceUrl;
  const lockedDays = data.days.filter((d) => d.lockedReason).length;

  return (
    <div className="pg" data-testid="production-grid-screen">
      {dialog}
      <header className="pg-head">
        <div className="pg-title">
          <h2>
            {data.folio} · {data.siteName} · {formatYearMonth(data.year, data.month, locale)} ·{' '}
            <span className={`pg-layer pg-layer-${data.layer}`}>{data.layer}</span>
          </h2>
          <div className="pg-meta">
            <span data-testid="monthly-status">
              {status ? <Badge tone={status.tone}>{t(status.key)}</Badge> : <Badge tone="muted">{t('prod.status.none')}</Badge>}
            </span>
            <span>
              {t('prod.evidence')}:{' '}
              {evidence && isHttpUrl(evidence) ? (
                <a href={evidence} target="_blank" rel="noopener noreferrer" data-testid="evidence-link">
                  {t('prod.evidenceOpen')}
                </a>
              ) : (
                <span className="muted" data-testid="evidence-link-missing">
                  {t('prod.evidenceMissing')}
                </span>
              )}
            </span>
            <span>
              {t('prod.window')}: {formatWindow(data.window.start, data.window.end)}
            </span>
            {lockedDays > 0 && <span className="muted">{t('prod.lockedDays', { count: lockedDays })}</span>}
            {!data.abilities.edit && <Badge tone="muted">{t('prod.readOnly')}</Badge>}
          </div>
        </div>
        <GridKpisPanel kpis={live.kpis} />
      </header>

      <div className="pg-toolbar">
        <Button
          variant="primary"
          onClick={() => void save()}
          loading={grid.saving}
          disabled={!dirty || !data.abilities.edit}
          data-testid="grid-save"
          title="Ctrl+S"
        >
          {t('prod.save.button')}
        </Button>
        {dirty && (
          <Badge tone="warning" testId="unsaved-badge">
            {t('prod.unsaved', { count: drafts.size })}
          </Badge>
        )}
        {live.invalid.length > 0 && (
          <Badge tone="danger" testId="invalid-badge">
            {t('prod.invalidCount', { count: live.invalid.length })}
          </Badge>
        )}
        <Button size="sm" variant="ghost" onClick={undo} disabled={!grid.canUndo} data-testid="grid-undo" title="Ctrl+Z">
          {t('prod.undo.button')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={!dirty}
          data-testid="grid-discard"
          onClick={() =>
            void confirm({ message: t('prod.discard.confirm', { count: drafts.size }), tone: 'danger' }).then((ok) => ok && grid.discard())
          }
        >
          {t('prod.discard.button')}
        </Button>
        <span className="pg-toolbar-spacer" />
        <label className="pg-toggle">
          <input type="checkbox" checked={showPlanned} onChange={(e) => setShowPlanned(e.target.checked)} data-testid="toggle-planned" />{' '}
          {t('prod.showPlanned')}
        </label>
        <label className="pg-toggle">
          <input type="checkbox" checked={showChart} onChange={(e) => setShowChart(e.target.checked)} data-testid="toggle-chart" />{' '}
          {t('prod.showChart')}
        </label>
        <DownloadLink size="sm" href={gridXlsxUrl(params)} data-testid="grid-export">
          {t('common.exportXlsx')}
        </DownloadLink>
      </div>

      {message && (
        <div
          className={`pg-message pg-message-${message.tone}`}
          role={message.tone === 'danger' ? 'alert' : 'status'}
          data-testid="grid-message"
        >
          {message.text}
        </div>
      )}
      {grid.conflicts.length > 0 && (
        <ConflictPanel
          data={data}
          cells={grid.conflicts}
          drafts={drafts}
          busy={grid.query.isFetching}
          onReload={(keep) => void grid.reloadAfterConflict(keep)}
          onShow={showCell}
        />
      )}
      {live.invalid.length > 0 && (
        <ul className="pg-invalid-list" data-testid="invalid-cells">
          {live.invalid.slice(0, 8).map((c) => {
            const row = data.rows[c.rowIndex];
            return (
              <li key={c.key}>
                <button type="button" className="link-button" onClick={() => row && showCell(row.lineItemId, c.day)}>
                  {row?.code} · {t('prod.day', { day: c.day })}
                </button>
                : {c.reason}
              </li>
            );
          })}
          {live.invalid.length > 8 && <li>{t('prod.moreInvalid', { count: live.invalid.length - 8 })}</li>}
        </ul>
      )}

      {rows.length === 0 ? (
        <p className="pg-empty" data-testid="grid-empty">
          {t('prod.empty')}
        </p>
      ) : (
        <ProductionSheet
          ref={gridRef}
          data={data}
          rows={rows}
          live={live}
          drafts={drafts}
          conflictKeys={conflictKeys}
          showPlanned={showPlanned}
          height="calc(100vh - 330px)"
          onWrite={onWrite}
          onUndo={undo}
          onSave={() => void save()}
          onActiveRow={setActiveRow}
          onEditorInput={(key, text) => grid.setTyping(key !== null && text !== null ? { key, text } : null)}
        />
      )}
      <p className="pg-help">{t('prod.help')}</p>
      {showChart && (
        <Suspense fallback={<LoadingState />}>
          <PlannedChart data={data} live={live} rowIndex={activeRow} />
        </Suspense>
      )}
    </div>
  );
}
