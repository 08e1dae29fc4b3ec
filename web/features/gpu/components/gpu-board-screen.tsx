/**
 * GPU board of one OT-month: line items × days, one chip per GPU record (site and layer shown),
 * filterable by status, sub-annex, site and layer, exportable to XLSX. A chip opens the editor
 * (status and evidence link).
 */
import { useMemo, useState } from 'react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { Badge } from '../../../components/ui/badge';
import { DownloadLink } from '../../../components/ui/button';
import { CheckboxField, SelectField, TextField } from '../../../components/ui/field';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useDebouncedValue } from '../../../components/ui/use-debounced-value';
import { daysInMonth } from '../../../../domain/dates';
import { formatVolume } from '../../../../domain/money';
import { gpuBoardXlsxUrl, type GpuBoardParams, type GpuRecord, type GpuStatus } from '../api/gpu-api';
import { useGpuBoard } from '../hooks/use-gpu-board';
import { boardRows } from './board-layout';
import { GpuEditor } from './gpu-editor';
import { GPU_STATUSES, GPU_STATUS_KEYS } from './gpu-statuses';
import '../gpu.css';

const SUB_ANNEXES = ['C-2', 'C-3', 'C2EXT', 'C3EXT'];

export interface SiteChoice {
  id: number;
  label: string;
}

export function GpuBoardScreen({
  workOrderId,
  year,
  month,
  sites,
}: {
  workOrderId: number;
  year: number;
  month: number;
  sites: readonly SiteChoice[];
}) {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState('');
  const [subAnnex, setSubAnnex] = useState('');
  const [siteId, setSiteId] = useState('');
  const [layer, setLayer] = useState('');
  const [missing, setMissing] = useState(false);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 300);
  const [editing, setEditing] = useState<GpuRecord | null>(null);

  const params: GpuBoardParams = {
    workOrderId,
    year,
    month,
    status: (status || undefined) as GpuStatus | undefined,
    subAnnex: subAnnex || undefined,
    siteId: siteId ? Number(siteId) : undefined,
    layer: (layer || undefined) as 'TE' | 'CMA' | undefined,
    missingEvidence: missing ? 'true' : undefined,
    q: q || undefined,
  };
  const board = useGpuBoard(params);
  const dayCount = daysInMonth(year, month);
  const rows = useMemo(() => boardRows(board.data?.items ?? [], dayCount), [board.data, dayCount]);
  // The record being edited, refreshed after a save.
  const current = editing ? (board.data?.items.find((i) => i.id === editing.id) ?? editing) : null;

  return (
    <div className="gpu" data-testid="gpu-board-screen">
      <div className="gpu-filters">
        <SelectField
          name="gpuStatus"
          label={t('gpu.filter.status')}
          value={status}
          onChange={setStatus}
          placeholder={t('common.all')}
          options={GPU_STATUSES.map((s) => ({ value: s, label: t(GPU_STATUS_KEYS[s]) }))}
        />
        <SelectField
          name="gpuSubAnnex"
          label={t('gpu.filter.subAnnex')}
          value={subAnnex}
          onChange={setSubAnnex}
          placeholder={t('common.all')}
          options={SUB_ANNEXES.map((s) => ({ value: s, label: s }))}
        />
        <SelectField
          name="gpuSite"
          label={t('prod.filters.site')}
          value={siteId}
          onChange={setSiteId}
          placeholder={t('common.all')}
          options={sites.map((s) => ({ value: String(s.id), label: s.label }))}
        />
        <SelectField
          name="gpuLayer"
          label={t('prod.filters.layer')}
          value={layer}
          onChange={setLayer}
          placeholder={t('common.all')}
          options={['TE', 'CMA'].map((l) => ({ value: l, label: l }))}
        />
        <TextField
          name="gpuSearch"
          label={t('common.search')}
          value={text}
          onChange={setText}
          placeholder={t('gpu.filter.searchPlaceholder')}
        />
        <CheckboxField name="gpuMissing" label={t('gpu.filter.missingEvidence')} checked={missing} onChange={setMissing} />
        <DownloadLink size="sm" href={gpuBoardXlsxUrl(params)} data-testid="gpu-export">
          {t('common.exportXlsx')}
        </DownloadLink>
      </div>
      {board.isPending ? (
        <LoadingState />
      ) : board.isError || !board.data ? (
        <ErrorState message={describeError(board.error, t, locale)} onRetry={() => void board.refetch()} />
      ) : (
        <>
          <p className="gpu-counts" data-testid="gpu-counts">
            {t('gpu.counts', { total: board.data.counts.total, withEvidence: board.data.counts.withEvidence })}{' '}
            {GPU_STATUSES.map((s) => (
              <span key={s} className={`gpu-chip gpu-${s} gpu-legend`}>
                {t(GPU_STATUS_KEYS[s])}: {board.data.counts[s]}
              </span>
            ))}
          </p>
          {rows.length === 0 ? (
            <p className="gpu-empty" data-testid="gpu-empty">
              {t('gpu.empty')}
            </p>
          ) : (
            <div className="gpu-scroll">
              <table className="gpu-table" data-testid="gpu-board">
                <thead>
                  <tr>
                    <th className="gpu-item">{t('gpu.col.lineItem')}</th>
                    {Array.from({ length: dayCount }, (_, i) => (
                      <th key={i}>{i + 1}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.lineItemId}>
                      <th scope="row" className="gpu-item" title={r.concept}>
                        <b>{r.code}</b> <small>{r.subAnnex}</small>
                        <div className="gpu-concept">{r.concept}</div>
                      </th>
                      {r.days.map((records, i) => (
                        <td key={i} className="gpu-td">
                          {records.map((rec) => (
                            <button
                              key={rec.id}
                              type="button"
                              className={`gpu-chip gpu-${rec.status}${rec.evidenceUrl ? ' gpu-has-evidence' : ''}${editing?.id === rec.id ? ' gpu-chip-active' : ''}`}
                              data-testid={`gpu-chip-${rec.id}`}
                              data-status={rec.status}
                              title={`${rec.siteName} · ${rec.layer} · ${formatVolume(rec.volume)} ${r.unit} · ${t(GPU_STATUS_KEYS[rec.status])}${rec.evidenceUrl ? ` · ${t('gpu.hasEvidence')}` : ''}`}
                              onClick={() => setEditing(rec)}
                            >
                              {rec.layer}·{rec.siteName.slice(0, 6)}
                              {rec.evidenceUrl && <span aria-hidden> 📎</span>}
                            </button>
                          ))}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {!board.data.abilities.edit && <Badge tone="muted">{t('prod.readOnly')}</Badge>}
        </>
      )}
      {current && board.data && (
        <GpuEditor
          key={current.id}
          record={current}
          canEdit={board.data.abilities.edit}
          canMoveBack={board.data.abilities.moveBackwards}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
