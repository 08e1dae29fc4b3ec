import { useState } from 'react';
import { Card } from '../../../components/ui/page';
import { useI18n } from '../../../app/i18n';
import type { MonthlyReportDetail } from '../api/monthly-reports-api';
import { useVersionDiff } from '../hooks/use-monthly-reports';

/** Status history (who, when, why) and the closed versions with the diff to the next one. */
export function HistoryCard({ report }: { report: MonthlyReportDetail }) {
  const { t, locale } = useI18n();
  const [diffOf, setDiffOf] = useState<number | null>(null);
  const diff = useVersionDiff(report.id, diffOf);
  const when = (iso: string) => new Date(iso).toLocaleString(locale === 'es' ? 'es-MX' : 'en-US');
  return (
    <Card title={t('mr.history.title')} testId="mr-history">
      <p className="muted">
        {t('mr.history.created', { at: when(report.createdAt) })} · {t('mr.history.updated', { at: when(report.updatedAt) })}
      </p>
      {report.transitions.length === 0 ? (
        <p className="muted">{t('mr.history.none')}</p>
      ) : (
        <ol className="mr-refs" data-testid="mr-transitions">
          {report.transitions.map((x) => (
            <li key={x.id} data-testid="mr-transition" data-action={x.action}>
              {when(x.at)} · {x.userName ?? t('mr.history.system')}: {t(`mr.status.${x.fromStatus}`)} → {t(`mr.status.${x.toStatus}`)}
              {x.reason ? ` — «${x.reason}»` : ''}
            </li>
          ))}
        </ol>
      )}
      {report.versions.length > 0 && (
        <>
          <h3 className="card-subtitle">{t('mr.history.versions')}</h3>
          <ul className="mr-refs">
            {report.versions.map((v) => (
              <li key={v.version}>
                {t('mr.versionN', { n: v.version })}: {t('mr.history.closedBy', { name: v.closedByName ?? '', at: when(v.closedAt) })}
                {v.reopenedAt &&
                  ` · ${t('mr.history.reopenedBy', { name: v.reopenedByName ?? '', at: when(v.reopenedAt), reason: v.reopenReason ?? '' })}`}{' '}
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => setDiffOf(v.version)} data-testid="mr-diff-open">
                  {t('mr.history.diff')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.data && (
        <div className="mr-diff" data-testid="mr-diff">
          <p>
            <strong>
              {diff.data.from.label} → {diff.data.to.label}
            </strong>
          </p>
          {diff.data.evidenceUrl && (
            <p>
              {t('mr.evidence.title')}: <del>{diff.data.evidenceUrl.before ?? '—'}</del> → <ins>{diff.data.evidenceUrl.after ?? '—'}</ins>
            </p>
          )}
          {diff.data.totals.map((x) => (
            <p key={x.key}>
              {t(`mr.diff.${x.key as 'amountMxn' | 'amountUsd' | 'excessVolume'}`)}: <del>{x.before}</del> → <ins>{x.after}</ins>
            </p>
          ))}
          {diff.data.production.length === 0 && diff.data.dailyReports.length === 0 ? (
            <p className="muted">{t('mr.diff.none')}</p>
          ) : (
            <ul className="mr-refs">
              {diff.data.production.slice(0, 100).map((p) => (
                <li key={`${p.lineItemId}-${p.siteId}-${p.date}-${p.layer}`} data-testid="mr-diff-cell">
                  {p.code} · {p.date} · {p.layer}: <del>{p.before ?? '—'}</del> → <ins>{p.after ?? '—'}</ins>
                </li>
              ))}
              {diff.data.dailyReports.slice(0, 100).map((d) => (
                <li key={`${d.siteName}-${d.date}`}>
                  {d.siteName} · {d.date}: <del>{d.before ?? '—'}</del> → <ins>{d.after ?? '—'}</ins>
                </li>
              ))}
            </ul>
          )}
          {diff.data.truncated && <p className="muted">{t('mr.diff.truncated')}</p>}
        </div>
      )}
    </Card>
  );
}
