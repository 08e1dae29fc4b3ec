/**
 * The OT annex import wizard: upload (with progress) → preview (counts, diff against the current
 * annex, programme, row errors with the XLSX download) → commit with the chosen cap rule.
 */
import { useMemo, useState } from 'react';
import { formatVolume } from '../../../../domain/money';
import { isApiError } from '../../../app/api-client';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { formatDate } from '../../../app/format';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button, DownloadLink } from '../../../components/ui/button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { Alert } from '../../../components/ui/states';
import { annexErrorsUrl, discardAnnex, uploadAnnex, type AnnexImport, type CapRule } from '../api/annex-api';
import { useCommitAnnex } from '../hooks/use-annex';
import { UploadBox } from './upload-box';

type Item = AnnexImport['items'][number];
type Filter = 'changed' | 'all' | 'new' | 'volume' | 'price' | 'unchanged' | 'filePrice';

const CHANGE_TONE: Record<Item['change'], BadgeTone> = {
  new: 'success',
  volume: 'warning',
  price: 'info',
  volume_price: 'warning',
  unchanged: 'muted',
};

function matches(filter: Filter, i: Item): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'changed':
      return i.change !== 'unchanged';
    case 'new':
      return i.change === 'new';
    case 'volume':
      return i.change === 'volume' || i.change === 'volume_price';
    case 'price':
      return i.change === 'price' || i.change === 'volume_price';
    case 'unchanged':
      return i.change === 'unchanged';
    case 'filePrice':
      return i.filePriceDiffers;
  }
}

export function AnnexImportWizard({ workOrderId, onDone }: { workOrderId: number; onDone: () => void }) {
  const { t } = useI18n();
  const [preview, setPreview] = useState<AnnexImport | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [capRule, setCapRule] = useState<CapRule>('replacement');
  const [filter, setFilter] = useState<Filter>('changed');
  const commit = useCommitAnnex(workOrderId);
  const items = useMemo(() => (preview?.items ?? []).filter((i) => matches(filter, i)), [preview, filter]);

  const columns: Column<Item>[] = [
    { key: 'row', header: t('import.row'), render: (i) => i.row, align: 'right', width: '4rem' },
    {
      key: 'change',
      header: t('import.change'),
      render: (i) => <Badge tone={CHANGE_TONE[i.change]}>{t(`annex.change.${i.change}` as MessageKey)}</Badge>,
      nowrap: true,
    },
    { key: 'subAnnex', header: t('annex.subAnnex'), render: (i) => i.subAnnex, nowrap: true },
    { key: 'code', header: t('annex.code'), render: (i) => i.code, nowrap: true },
    { key: 'concept', header: t('annex.concept'), render: (i) => i.concept },
    { key: 'unit', header: t('annex.unit'), render: (i) => i.unitCode, nowrap: true },
    {
      key: 'current',
      header: t('annex.currentVolume'),
      render: (i) => (i.currentVolume === null ? '—' : formatVolume(i.currentVolume)),
      align: 'right',
      nowrap: true,
    },
    { key: 'stated', header: t('annex.statedVolume'), render: (i) => formatVolume(i.statedVolume), align: 'right', nowrap: true },
    {
      key: 'mxn',
      header: t('annex.puMxn'),
      align: 'right',
      nowrap: true,
      render: (i) => (
        <span
          title={
            i.filePriceDiffers
              ? t('annex.filePrice', {
                  mxn: formatVolume(i.filePuMxn, { minDecimals: 2 }),
                  usd: formatVolume(i.filePuUsd, { minDecimals: 2 }),
                })
              : undefined
          }
        >
          {formatVolume(i.puMxn, { minDecimals: 2 })}
          {i.filePriceDiffers && (
            <span className="text-warning" data-testid="file-price-differs">
              {' '}
              *
            </span>
          )}
        </span>
      ),
    },
    { key: 'usd', header: t('annex.puUsd'), render: (i) => formatVolume(i.puUsd, { minDecimals: 2 }), align: 'right', nowrap: true },
    { key: 'planned', header: t('annex.plannedDays'), render: (i) => i.plannedDays || '', align: 'right' },
  ];

  async function upload(file: File, onProgress: (f: number) => void) {
    setUploadError(null);
    try {
      setPreview(await uploadAnnex(workOrderId, file, onProgress));
    } catch (error) {
      setUploadError(isApiError(error) ? error.message : String(error));
    }
  }

  if (!preview) {
    return (
      <div className="stack" data-testid="annex-wizard-upload">
        <p>{t('annex.uploadHint')}</p>
        <UploadBox accept=".xlsx,.xlsm" onUpload={upload} testId="annex-upload" />
        {uploadError && (
          <Alert tone="danger" testId="annex-upload-error">
            {uploadError}
          </Alert>
        )}
      </div>
    );
  }

  const c = preview.counts;
  const committed = preview.status === 'committed';
  return (
    <div className="stack" data-testid="annex-wizard-preview">
      <dl className="kpis" data-testid="annex-preview-counts">
        {(
          [
            ['rows', c.rows],
            ['new', c.new],
            ['changedVolume', c.changedVolume],
            ['changedPrice', c.changedPrice],
            ['unchanged', c.unchanged],
            ['removed', c.removed],
            ['plannedCells', c.plannedCells],
            ['errors', c.errors],
          ] as const
        ).map(([key, value]) => (
          <div key={key} className="kpi" data-testid={`count-${key}`}>
            <dt>{t(`annex.count.${key}` as MessageKey)}</dt>
            <dd>{value.toLocaleString('es-MX')}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        {t('annex.previewOf', {
          file: preview.fileName,
          sheet: preview.sheet,
          row: preview.headerRow,
          shape: t(`annex.shape.${preview.shape}` as MessageKey),
        })}
        {preview.planned.length > 0 &&
          ` · ${t('annex.programme', { from: formatDate(preview.planned[0]!.date), to: formatDate(preview.planned[preview.planned.length - 1]!.date) })}`}
      </p>

      {!committed && c.plannedInClosedMonths > 0 && (
        <Alert tone="warning" testId="annex-planned-closed">
          {t('annex.plannedInClosedMonths', { count: c.plannedInClosedMonths.toLocaleString('es-MX') })}
        </Alert>
      )}

      {c.errors > 0 && (
        <Alert tone="danger" title={t('annex.hasErrors', { count: c.errors })} testId="annex-preview-errors">
          <DownloadLink href={annexErrorsUrl(preview.id)} data-testid="annex-errors-download">
            {t('import.downloadErrors')}
          </DownloadLink>
          <ul className="error-list">
            {preview.errors.slice(0, 200).map((e, i) => (
              <li key={i} data-testid="annex-error">
                {t('import.errorLine', { sheet: e.sheet, row: e.row, column: e.column, reason: e.reason })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {c.filePriceDiffers > 0 && <Alert tone="warning">{t('annex.filePricesDiffer', { count: c.filePriceDiffers })}</Alert>}

      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('import.change')}>
          {(['changed', 'all', 'new', 'volume', 'price', 'filePrice', 'unchanged'] as const).map((f) => (
            <button key={f} type="button" className={filter === f ? 'active' : ''} onClick={() => setFilter(f)} data-testid={`filter-${f}`}>
              {t(`annex.filter.${f}` as MessageKey)}
            </button>
          ))}
        </div>
      </div>
      <DataTable
        columns={columns}
        rows={items.slice(0, 1000)}
        rowKey={(i) => `${i.sheet}-${i.row}`}
        rowTestId="annex-preview-row"
        empty={t('common.empty')}
      />
      {items.length > 1000 && <p className="muted">{t('annex.firstRows', { shown: 1000, total: items.length })}</p>}

      {preview.removed.length > 0 && (
        <details data-testid="annex-removed">
          <summary>{t('annex.removedTitle', { count: preview.removed.length })}</summary>
          <p className="muted">{t('annex.removedHint')}</p>
          <ul>
            {preview.removed.map((r) => (
              <li key={r.lineItemId}>{`${r.subAnnex} ${r.code} — ${r.concept} (${formatVolume(r.currentVolume)} ${r.unitCode})`}</li>
            ))}
          </ul>
        </details>
      )}

      {committed ? (
        <Alert tone="success" testId="annex-committed">
          {t('annex.committed', { number: preview.version?.number ?? 0 })}
        </Alert>
      ) : (
        <fieldset className="stack" disabled={c.errors > 0 || commit.isPending}>
          <legend>{t('annex.capRule')}</legend>
          {(['replacement', 'additional'] as const).map((rule) => (
            <label key={rule} className="radio">
              <input
                type="radio"
                name="capRule"
                value={rule}
                checked={capRule === rule}
                onChange={() => setCapRule(rule)}
                data-testid={`cap-rule-${rule}`}
              />
              <span>
                <strong>{t(`annex.capRule.${rule}` as MessageKey)}</strong> — {t(`annex.capRule.${rule}.hint` as MessageKey)}
              </span>
            </label>
          ))}
          {commit.error && (
            <Alert tone="danger" testId="annex-commit-error">
              {isApiError(commit.error) ? commit.error.message : String(commit.error)}
            </Alert>
          )}
        </fieldset>
      )}
      <div className="form-actions">
        {committed ? (
          <Button variant="primary" onClick={onDone} data-testid="annex-done">
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button
              variant="secondary"
              data-testid="annex-other-file"
              onClick={() => {
                // The preview is abandoned: discard it on the server (best effort) and start over.
                void discardAnnex(preview.id).catch(() => undefined);
                setPreview(null);
              }}
            >
              {t('import.otherFile')}
            </Button>
            <Button
              variant="primary"
              disabled={c.errors > 0}
              loading={commit.isPending}
              data-testid="annex-commit"
              onClick={() => commit.mutate({ importId: preview.id, capRule }, { onSuccess: (saved) => setPreview(saved) })}
            >
              {t('annex.commit')}
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
