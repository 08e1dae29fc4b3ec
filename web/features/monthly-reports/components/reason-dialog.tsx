import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { useI18n } from '../../../app/i18n';

/** A modal asking for a mandatory reason (return, reopen, excess acknowledgment). */
export function ReasonDialog({
  title,
  message,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const empty = reason.trim() === '';
  return (
    <div className="modal-layer" role="presentation">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="reason-dialog">
        <h2 id={`${id}-title`} className="modal-title">
          {title}
        </h2>
        <p>{message}</p>
        <label className="field">
          <span className="field-label">{t('mr.reason')}</span>
          <textarea
            className="input"
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="reason-input"
            autoFocus
          />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <Button onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" onClick={() => onConfirm(reason.trim())} disabled={empty} loading={busy} data-testid="reason-confirm">
            {confirmLabel}
          </Button>
        </div>
      </div>
    </div>
  );
}
