/** Edits one GPU record: status and evidence link (http(s) only, rendered as a safe link). */
import { useState } from 'react';
import { describeError } from '../../../app/errors';
import { formatDate, formatDateTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { isHttpUrl } from '../../../../domain/evidence-link';
import { formatVolume } from '../../../../domain/money';
import type { GpuRecord, GpuStatus } from '../api/gpu-api';
import { useUpdateGpu } from '../hooks/use-gpu-board';
import { GPU_STATUSES, GPU_STATUS_KEYS } from './gpu-statuses';

export function GpuEditor({
  record,
  canEdit,
  canMoveBack,
  onClose,
}: {
  record: GpuRecord;
  canEdit: boolean;
  canMoveBack: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const update = useUpdateGpu();
  const [status, setStatus] = useState<GpuStatus>(record.status);
  const [url, setUrl] = useState(record.evidenceUrl ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const trimmed = url.trim();
  const urlError = trimmed !== '' && !isHttpUrl(trimmed) ? t('daily.urlInvalid') : undefined;
  const backwards = GPU_STATUSES.indexOf(status) < GPU_STATUSES.indexOf(record.status);

  async function save() {
    setError(null);
    const body: { status?: GpuStatus; evidenceUrl?: string | null; reason?: string } = {};
    if (status !== record.status) body.status = status;
    if (trimmed !== (record.evidenceUrl ?? '')) body.evidenceUrl = trimmed === '' ? null : trimmed;
    if (reason.trim()) body.reason = reason.trim();
    if (body.status === undefined && body.evidenceUrl === undefined) return;
    try {
      await update.mutateAsync({ id: record.id, body });
      toast.success(t('gpu.saved'));
    } catch (e) {
      setError(describeError(e, t, locale));
    }
  }

  return (
    <form
      className="gpu-editor"
      data-testid="gpu-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (!urlError) void save();
      }}
    >
      <h3>
        {record.code} · {formatDate(record.date)} · {record.siteName} · {record.layer}
      </h3>
      <p className="gpu-editor-meta">
        {record.concept} — {formatVolume(record.volume)} {record.unit}
        {record.excessVolume !== '0' && (
          <span className="gpu-excess"> ({t('gpu.excess', { volume: formatVolume(record.excessVolume) })})</span>
        )}
        {record.updatedByName && <span> · {t('gpu.updatedBy', { name: record.updatedByName, at: formatDateTime(record.updatedAt) })}</span>}
      </p>
      <div className="gpu-editor-fields">
        <SelectField
          name="gpuStatusEdit"
          testId="gpu-status"
          label={t('gpu.status')}
          value={status}
          disabled={!canEdit}
          onChange={(v) => setStatus(v as GpuStatus)}
          options={GPU_STATUSES.map((s) => ({
            value: s,
            label: t(GPU_STATUS_KEYS[s]),
            disabled: !canMoveBack && GPU_STATUSES.indexOf(s) < GPU_STATUSES.indexOf(record.status),
          }))}
        />
        <TextField
          name="gpuEvidence"
          testId="gpu-evidence"
          label={t('gpu.evidence')}
          value={url}
          disabled={!canEdit}
          onChange={setUrl}
          placeholder="https://"
          error={urlError}
        />
        {backwards && <TextField name="gpuReason" label={t('gpu.reason')} value={reason} onChange={setReason} />}
      </div>
      <p className="gpu-editor-link">
        {record.evidenceUrl && isHttpUrl(record.evidenceUrl) ? (
          <a href={record.evidenceUrl} target="_blank" rel="noopener noreferrer" data-testid="gpu-evidence-link">
            {t('gpu.openEvidence')}
          </a>
        ) : (
          <span className="muted">{t('gpu.noEvidence')}</span>
        )}
      </p>
      {error && (
        <p className="dr-error" role="alert" data-testid="gpu-error">
          {error}
        </p>
      )}
      <div className="gpu-editor-actions">
        <Button type="submit" variant="primary" loading={update.isPending} disabled={!canEdit || Boolean(urlError)} data-testid="gpu-save">
          {t('common.save')}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t('common.close')}
        </Button>
      </div>
    </form>
  );
}
