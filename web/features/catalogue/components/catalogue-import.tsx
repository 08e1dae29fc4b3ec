/** Contract catalogue import: choose the layout and contract, upload with progress, preview, commit. */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../app/api-client';
import { useI18n } from '../../../app/i18n';
import { Button, DownloadLink } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/field';
import { Alert } from '../../../components/ui/states';
import {
  catalogueErrorsUrl,
  catalogueKeys,
  commitCatalogueImport,
  discardCatalogueImport,
  uploadCatalogue,
  type CatalogueFormat,
  type CatalogueImport,
} from '../api/catalogue-api';

export function CatalogueImportWizard({ defaultContract, onDone }: { defaultContract: string; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<CatalogueFormat>('contract');
  const [contract, setContract] = useState(defaultContract);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<CatalogueImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);

  async function upload() {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      setPreview(await uploadCatalogue(file, format, contract.trim(), setProgress));
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  }

  async function commit() {
    if (!preview) return;
    setCommitting(true);
    setError(null);
    try {
      setPreview(await commitCatalogueImport(preview.id));
      await queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setCommitting(false);
    }
  }

  if (!preview) {
    const percent = Math.round((progress ?? 0) * 100);
    return (
      <div className="stack" data-testid="catalogue-import-upload">
        <SelectField
          name="format"
          label={t('catalogue.format')}
          value={format}
          onChange={(v) => setFormat(v as CatalogueFormat)}
          options={[
            { value: 'contract', label: t('catalogue.format.contract') },
            { value: 'pue', label: t('catalogue.format.pue') },
          ]}
          testId="catalogue-format"
        />
        <TextField
          name="contract"
          label={t('catalogue.contractNumber')}
          value={contract}
          onChange={setContract}
          required
          testId="catalogue-contract"
        />
        <input type="file" accept=".xlsx,.xlsm" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="catalogue-file" />
        <Button
          variant="primary"
          disabled={!file || !contract.trim() || progress !== null}
          loading={progress !== null}
          onClick={() => void upload()}
          data-testid="catalogue-upload"
        >
          {t('import.upload')}
        </Button>
        {progress !== null && (
          <div className="upload-progress">
            <progress max={100} value={percent} />
            <span>{percent < 100 ? t('import.uploadingPercent', { percent }) : t('import.processing')}</span>
          </div>
        )}
        {error && (
          <Alert tone="danger" testId="catalogue-upload-error">
            {error}
          </Alert>
        )}
      </div>
    );
  }

  const c = preview.counts;
  return (
    <div className="stack" data-testid="catalogue-import-preview">
      <p>{t('catalogue.previewOf', { file: preview.fileName, contract: preview.contractNumber })}</p>
      <dl className="kpis">
        {Object.entries(c.bySubAnnex).map(([label, n]) => (
          <div key={label} className="kpi" data-testid="catalogue-count">
            <dt>{label}</dt>
            <dd>{n.toLocaleString('es-MX')}</dd>
          </div>
        ))}
      </dl>
      <p data-testid="catalogue-summary">
        {t('catalogue.summary', {
          total: c.total,
          created: c.new,
          changed: c.changed,
          unchanged: c.unchanged,
          merged: c.merged,
          errors: c.errors,
        })}
      </p>
      {preview.warnings.length > 0 && (
        <Alert tone="warning">
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>{t('import.errorLine', { sheet: w.sheet, row: w.row, column: w.column, reason: w.reason })}</li>
            ))}
          </ul>
        </Alert>
      )}
      {c.errors > 0 && (
        <Alert tone="danger" title={t('annex.hasErrors', { count: c.errors })}>
          <DownloadLink href={catalogueErrorsUrl(preview.id)}>{t('import.downloadErrors')}</DownloadLink>
          <ul className="error-list">
            {preview.errors.slice(0, 200).map((e, i) => (
              <li key={i}>{t('import.errorLine', { sheet: e.sheet, row: e.row, column: e.column, reason: e.reason })}</li>
            ))}
          </ul>
        </Alert>
      )}
      {error && <Alert tone="danger">{error}</Alert>}
      {preview.status === 'committed' ? (
        <>
          <Alert tone="success" testId="catalogue-committed">
            {t('catalogue.committed')}
          </Alert>
          <Button variant="primary" onClick={onDone}>
            {t('common.close')}
          </Button>
        </>
      ) : (
        <div className="form-actions">
          <Button
            data-testid="catalogue-other-file"
            onClick={() => {
              // The preview is abandoned: discard it on the server (best effort) and start over.
              void discardCatalogueImport(preview.id).catch(() => undefined);
              setPreview(null);
            }}
          >
            {t('import.otherFile')}
          </Button>
          <Button
            variant="primary"
            disabled={c.errors > 0}
            loading={committing}
            onClick={() => void commit()}
            data-testid="catalogue-commit"
          >
            {t('catalogue.commit')}
          </Button>
        </div>
      )}
    </div>
  );
}
