/** The form that sets (or clears) the selected days: operational status, signature, note, incident. */
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { Button } from '../../../components/ui/button';
import { CheckboxField, SelectField, TextField } from '../../../components/ui/field';
import { isHttpUrl } from '../../../../domain/evidence-link';
import type { DailyReport, OperationalStatus, SignatureStatus } from '../api/daily-reports-api';

export interface DayEditorValues {
  operationalStatus: OperationalStatus;
  signatureStatus: SignatureStatus;
  note: string | null;
  incident: boolean;
  incidentUrl: string | null;
}

const OPERATIONAL: readonly OperationalStatus[] = ['productivo', 'en_espera', 'suspendido', 'sin_actividad'];
const SIGNATURE: readonly SignatureStatus[] = ['pendiente', 'en_proceso', 'falta_firma_cliente', 'firmado'];

interface Props {
  title: string;
  initial: DailyReport | null;
  count: number;
  busy: boolean;
  error: string | null;
  unsignBlocked: boolean;
  onApply: (values: DayEditorValues) => void;
  onClear: () => void;
  onCancel: () => void;
}

export function DayEditor({ title, initial, count, busy, error, unsignBlocked, onApply, onClear, onCancel }: Props) {
  const { t } = useI18n();
  const [operational, setOperational] = useState<OperationalStatus>(initial?.operationalStatus ?? 'productivo');
  const [signature, setSignature] = useState<SignatureStatus>(initial?.signatureStatus ?? 'pendiente');
  const [note, setNote] = useState(initial?.note ?? '');
  const [incident, setIncident] = useState(initial?.incident ?? false);
  const [incidentUrl, setIncidentUrl] = useState(initial?.incidentUrl ?? '');
  const urlError = incidentUrl.trim() !== '' && !isHttpUrl(incidentUrl.trim()) ? t('daily.urlInvalid') : undefined;
  const noteError = note.length > 255 ? t('daily.noteTooLong') : undefined;
  const unsigning = unsignBlocked && signature !== 'firmado';

  return (
    <form
      className="dr-editor"
      data-testid="day-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (urlError || noteError) return;
        onApply({
          operationalStatus: operational,
          signatureStatus: signature,
          note: note.trim() || null,
          incident,
          incidentUrl: incident && incidentUrl.trim() ? incidentUrl.trim() : null,
        });
      }}
    >
      <h3>{title}</h3>
      <div className="dr-editor-fields">
        <SelectField
          name="operationalStatus"
          label={t('daily.operational')}
          value={operational}
          onChange={(v) => setOperational(v as OperationalStatus)}
          options={OPERATIONAL.map((s) => ({ value: s, label: t(`daily.op.${s}`) }))}
        />
        <SelectField
          name="signatureStatus"
          label={t('daily.signature')}
          value={signature}
          onChange={(v) => setSignature(v as SignatureStatus)}
          options={SIGNATURE.map((s) => ({ value: s, label: t(`daily.sig.${s}`) }))}
        />
        <TextField name="note" label={t('daily.note')} value={note} onChange={setNote} maxLength={255} error={noteError} />
        <CheckboxField name="incident" label={t('daily.incident')} checked={incident} onChange={setIncident} />
        {incident && (
          <TextField
            name="incidentUrl"
            label={t('daily.incidentUrl')}
            value={incidentUrl}
            onChange={setIncidentUrl}
            placeholder="https://"
            error={urlError}
          />
        )}
      </div>
      {unsignBlocked && (
        <p className="dr-warning" data-testid="unsign-blocked">
          {t('daily.unsignBlocked')}
        </p>
      )}
      {error && (
        <p className="dr-error" role="alert" data-testid="daily-error">
          {error}
        </p>
      )}
      <div className="dr-editor-actions">
        <Button
          type="submit"
          variant="primary"
          loading={busy}
          disabled={unsigning || Boolean(urlError || noteError)}
          data-testid="daily-apply"
        >
          {t('daily.apply', { count })}
        </Button>
        <Button variant="danger" disabled={busy || unsignBlocked} onClick={onClear} data-testid="daily-clear">
          {t('daily.clear', { count })}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
