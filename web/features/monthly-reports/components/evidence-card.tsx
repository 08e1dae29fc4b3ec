import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { Card } from '../../../components/ui/page';
import { useToast } from '../../../components/ui/toast';
import { useI18n } from '../../../app/i18n';
import { describeError } from '../../../app/errors';
import type { MonthlyReportDetail } from '../api/monthly-reports-api';
import { useMonthlyMutations } from '../hooks/use-monthly-reports';
import { safeHref } from './safe-href';

/** The month's evidence folder: open/copy the link, change it (http/https only), check it answers, and the proposed folder layout. */
export function EvidenceCard({ report }: { report: MonthlyReportDetail }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { setEvidence, checkEvidence } = useMonthlyMutations(report.id);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const href = safeHref(report.evidenceUrl);
  const check = report.evidenceCheck && report.evidenceCheck.url === report.evidenceUrl ? report.evidenceCheck : null;
  const save = () => {
    const url = draft.trim();
    if (!/^https?:\/\//i.test(url)) return setError(t('mr.evidence.mustBeHttp'));
    setError(null);
    setEvidence.mutate(url, {
      onSuccess: () => {
        setDraft('');
        toast.success(t('mr.evidence.saved'));
        checkEvidence.mutate();
      },
      onError: (e) => setError(describeError(e, t, locale)),
    });
  };
  return (
    <Card title={t('mr.evidence.title')} testId="mr-evidence">
      {href ? (
        <div className="mr-evidence-row">
          <a href={href} target="_blank" rel="noopener noreferrer" data-testid="mr-evidence-link">
            {report.evidenceUrl}
          </a>
          <CopyButton text={href} testId="mr-evidence-copy" />
          {report.abilities?.checkEvidence && (
            <Button
              size="sm"
              loading={checkEvidence.isPending}
              onClick={() => checkEvidence.mutate(undefined, { onError: (e) => toast.error(describeError(e, t, locale)) })}
              data-testid="mr-evidence-check"
            >
              {t('mr.evidence.check')}
            </Button>
          )}
        </div>
      ) : (
        <p className="muted" data-testid="mr-evidence-empty">
          {t('mr.evidence.none')}
        </p>
      )}
      {check && (
        <p className={check.reachable ? 'muted' : 'field-error'} data-testid="mr-evidence-status">
          {check.reachable
            ? t('mr.evidence.reachable', { at: new Date(check.checkedAt).toLocaleString(locale === 'es' ? 'es-MX' : 'en-US') })
            : t('mr.evidence.unreachable', { error: check.error ?? '' })}
        </p>
      )}
      {report.abilities?.setEvidence && (
        <div className="inline-form">
          <label className="field">
            <span className="field-label">{report.evidenceUrl ? t('mr.evidence.change') : t('mr.evidence.link')}</span>
            <input
              className="input"
              type="url"
              placeholder="https://drive.google.com/drive/folders/…"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              data-testid="mr-evidence-input"
              aria-invalid={error ? true : undefined}
            />
          </label>
          <Button
            variant="primary"
            onClick={save}
            loading={setEvidence.isPending}
            disabled={draft.trim() === ''}
            data-testid="mr-evidence-save"
          >
            {t('common.save')}
          </Button>
          {error && (
            <p className="field-error" role="alert" data-testid="mr-evidence-error">
              {error}
            </p>
          )}
        </div>
      )}
      <h3 className="card-subtitle">{t('mr.folder.title')}</h3>
      <p className="muted">{t('mr.folder.help')}</p>
      <div className="mr-evidence-row">
        <code data-testid="mr-folder-name">{report.folder.root}</code>
        <CopyButton text={report.folder.root} testId="mr-folder-copy" />
      </div>
      <ul className="mr-folder">
        {report.folder.subfolders.map((s) => (
          <li key={s}>{s.slice(report.folder.root.length)}</li>
        ))}
      </ul>
    </Card>
  );
}
