/**
 * Daily reports of one site and month: the site's OTs × days, with operational and signature
 * status per day. Select days (click, Shift+click for a range, Ctrl+click to add, or the whole
 * month), then set or clear them in one step. Days outside the validity window or in a locked
 * month cannot be selected; the server refuses them anyway (422/409).
 */
import { useMemo, useState } from 'react';
import { describeError } from '../../../app/errors';
import { formatWindow, formatYearMonth } from '../../../app/format';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import type { DailyGridParams, DailyGridRow, OperationalStatus } from '../api/daily-reports-api';
import { useBulkDailyReports, useDailyGrid } from '../hooks/use-daily-grid';
import { clickDay, selectAll, type DaySelection } from './day-selection';
import { DayEditor, type DayEditorValues } from './day-editor';
import '../daily-reports.css';

const OPERATIONAL_SHORT: Readonly<Record<OperationalStatus, string>> = {
  productivo: 'P',
  en_espera: 'E',
  suspendido: 'S',
  sin_actividad: 'N',
};

const MONTH_STATUS: Readonly<Record<string, { key: MessageKey; tone: BadgeTone }>> = {
  abierto: { key: 'prod.status.abierto', tone: 'success' },
  en_revision: { key: 'prod.status.en_revision', tone: 'warning' },
  cerrado: { key: 'prod.status.cerrado', tone: 'muted' },
  facturado: { key: 'prod.status.facturado', tone: 'info' },
};

export const LOCK_KEYS: Readonly<Record<string, MessageKey>> = {
  outside_window: 'prod.lock.outside_window',
  period_closed: 'prod.lock.period_closed',
  period_in_review: 'prod.lock.period_in_review',
};

function selectableDay(row: DailyGridRow) {
  return (day: number) => {
    const d = row.days[day - 1];
    return d !== undefined && d.lockedReason === null && row.abilities.capture;
  };
}

export function DailyReportsScreen({ params, onOpenGrid }: { params: DailyGridParams; onOpenGrid?: (familyId: number) => void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const grid = useDailyGrid(params);
  const bulk = useBulkDailyReports();
  const [selection, setSelection] = useState<DaySelection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const paramsKey = `${params.siteId}-${params.year}-${params.month}`;
  const [selectionKey, setSelectionKey] = useState(paramsKey);
  if (selectionKey !== paramsKey) {
    setSelectionKey(paramsKey);
    setSelection(null);
    setError(null);
  }

  const data = grid.data;
  const row = useMemo(() => data?.rows.find((r) => r.familyId === selection?.familyId) ?? null, [data, selection]);
  const dayCount = data?.rows[0]?.days.length ?? 0;

  if (grid.isPending) return <LoadingState />;
  if (grid.isError || !data) return <ErrorState message={describeError(grid.error, t, locale)} onRetry={() => void grid.refetch()} />;

  const selectedDays = selection ? [...selection.days].sort((a, b) => a - b) : [];
  const selectedReports = row ? selectedDays.map((d) => row.days[d - 1]?.report ?? null) : [];
  const single = selectedDays.length === 1 ? (selectedReports[0] ?? null) : null;
  const touchesSigned = selectedReports.some((r) => r?.signatureStatus === 'firmado');

  async function run(body: { clear: boolean; report?: DayEditorValues }) {
    if (!row || !selection) return;
    setError(null);
    const dates = selectedDays.map((d) => row.days[d - 1]?.date).filter((d): d is string => d !== undefined);
    try {
      const result = await bulk.mutateAsync({
        workOrderId: row.familyId,
        siteId: params.siteId,
        dates,
        clear: body.clear,
        ...(body.report ? { report: body.report } : {}),
      });
      toast.success(body.clear ? t('daily.cleared', { count: result.deleted }) : t('daily.saved', { count: result.written }));
      setSelection(null);
    } catch (e) {
      setError(describeError(e, t, locale));
    }
  }

  return (
    <div className="dr" data-testid="daily-reports-screen">
      <p className="dr-help">{t('daily.help')}</p>
      {data.rows.length === 0 ? (
        <p className="dr-empty" data-testid="daily-empty">
          {t('daily.empty', { period: formatYearMonth(params.year, params.month, locale) })}
        </p>
      ) : (
        <div className="dr-scroll">
          <table className="dr-table" data-testid="daily-grid">
            <thead>
              <tr>
                <th className="dr-ot">{t('daily.col.workOrder')}</th>
                {Array.from({ length: dayCount }, (_, i) => (
                  <th key={i} className="dr-dayhead">
                    {i + 1}
                  </th>
                ))}
                <th>{t('daily.col.productive')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => {
                const selectable = selectableDay(r);
                const status = r.monthlyReport ? MONTH_STATUS[r.monthlyReport.status] : undefined;
                return (
                  <tr key={r.familyId} data-testid={`daily-row-${r.familyId}`}>
                    <th scope="row" className="dr-ot">
                      <div className="dr-folio">
                        {onOpenGrid ? (
                          <button type="button" className="link-button" onClick={() => onOpenGrid(r.familyId)} title={t('daily.openGrid')}>
                            {r.folio}
                          </button>
                        ) : (
                          r.folio
                        )}
                        {status && <Badge tone={status.tone}>{t(status.key)}</Badge>}
                      </div>
                      <div className="dr-desc" title={r.description}>
                        {r.description}
                      </div>
                      <div className="dr-window">
                        {t('prod.window')}: {formatWindow(r.window.start, r.window.end)}
                        {r.abilities.capture && (
                          <button
                            type="button"
                            className="link-button"
                            data-testid={`daily-select-month-${r.familyId}`}
                            onClick={() => setSelection(selectAll(r.familyId, r.days.length, selectable))}
                          >
                            {t('daily.selectMonth')}
                          </button>
                        )}
                      </div>
                    </th>
                    {r.days.map((d, i) => {
                      const day = i + 1;
                      const rep = d.report;
                      const selected = selection?.familyId === r.familyId && selection.days.has(day);
                      const locked = !selectable(day);
                      const classes = [
                        'dr-cell',
                        rep ? `dr-op-${rep.operationalStatus} dr-sig-${rep.signatureStatus}` : '',
                        locked ? 'dr-locked' : '',
                        selected ? 'dr-selected' : '',
                      ];
                      const title = [
                        rep
                          ? `${t(`daily.op.${rep.operationalStatus}`)} · ${t(`daily.sig.${rep.signatureStatus}`)}${rep.note ? ` · ${rep.note}` : ''}`
                          : t('daily.noReport'),
                        d.lockedReason ? t(LOCK_KEYS[d.lockedReason] ?? 'prod.lock.period_closed') : '',
                      ]
                        .filter(Boolean)
                        .join(' — ');
                      return (
                        <td key={day} className="dr-td">
                          <button
                            type="button"
                            className={classes.join(' ')}
                            data-testid={`daily-cell-${r.familyId}-${day}`}
                            data-status={rep ? `${rep.operationalStatus}/${rep.signatureStatus}` : ''}
                            aria-pressed={selected}
                            aria-disabled={locked}
                            title={title}
                            onClick={(e) =>
                              setSelection((s) =>
                                clickDay(
                                  s,
                                  r.familyId,
                                  day,
                                  e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'single',
                                  selectable,
                                ),
                              )
                            }
                          >
                            {rep ? OPERATIONAL_SHORT[rep.operationalStatus] : ''}
                            {rep?.signatureStatus === 'firmado' && <span className="dr-signed">✓</span>}
                            {rep?.incident && <span className="dr-incident">!</span>}
                          </button>
                        </td>
                      );
                    })}
                    <td className="dr-productive" data-testid={`daily-productive-${r.familyId}`}>
                      {r.productiveDays}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Legend />
      {row && selection && (
        <DayEditor
          key={`${selection.familyId}-${selectedDays.join(',')}`}
          title={t('daily.editorTitle', { folio: row.folio, count: selectedDays.length, days: selectedDays.join(', ') })}
          initial={single}
          count={selectedDays.length}
          busy={bulk.isPending}
          error={error}
          unsignBlocked={touchesSigned && !row.abilities.unsign}
          onApply={(values) => void run({ clear: false, report: values })}
          onClear={() => void run({ clear: true })}
          onCancel={() => setSelection(null)}
        />
      )}
    </div>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <p className="dr-legend">
      {(Object.keys(OPERATIONAL_SHORT) as OperationalStatus[]).map((s) => (
        <span key={s} className={`dr-legend-item dr-op-${s}`}>
          {OPERATIONAL_SHORT[s]} = {t(`daily.op.${s}`)}
        </span>
      ))}
      <span className="dr-legend-item">✓ = {t('daily.sig.firmado')}</span>
      <span className="dr-legend-item">! = {t('daily.incident')}</span>
    </p>
  );
}
