import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useI18n } from '../../../app/i18n';
import { describeError } from '../../../app/errors';
import type { ChecklistItem, MonthlyReportDetail } from '../api/monthly-reports-api';
import { useChecklist, useProductionRows } from '../hooks/use-monthly-reports';
import type { CaptureLinks } from './monthly-report-detail';

const TONE = { ok: 'success', falla: 'danger', aviso: 'warning' } as const;

/** The computed pre-closure checklist: result, count and links to the offending rows. */
export function ChecklistCard({ report, links }: { report: MonthlyReportDetail; links: CaptureLinks }) {
  const { t, locale } = useI18n();
  const checklist = useChecklist(report.id);
  if (checklist.isPending)
    return (
      <Card title={t('mr.checklist.title')}>
        <LoadingState />
      </Card>
    );
  if (checklist.isError)
    return (
      <Card title={t('mr.checklist.title')}>
        <ErrorState message={describeError(checklist.error, t, locale)} />
      </Card>
    );
  const { items, summary } = checklist.data;
  return (
    <Card
      title={t('mr.checklist.title')}
      testId="mr-checklist"
      actions={
        <span data-testid="mr-checklist-progress">
          {t('mr.checklist.progress', { passed: summary.blockingPassed, total: summary.blockingTotal })}
        </span>
      }
    >
      <div className="mr-progress" aria-hidden="true">
        <span style={{ width: `${(100 * summary.blockingPassed) / summary.blockingTotal}%` }} />
      </div>
      <p className={summary.canClose ? 'muted' : 'field-error'}>
        {summary.canClose ? t('mr.checklist.canClose') : t('mr.checklist.blocked')}
      </p>
      <ul className="mr-checklist">
        {items.map((item) => (
          <li
            key={item.key}
            className={`mr-check mr-check-${item.result}`}
            data-testid="mr-check"
            data-key={item.key}
            data-result={item.result}
          >
            <div className="mr-check-head">
              <strong>
                {locale === 'es' ? item.label_es : item.label_en}
                {item.blocking ? '' : ` (${t('mr.checklist.warning')})`}
              </strong>
              <Badge tone={TONE[item.result]}>{item.result === 'ok' ? 'OK' : `${t(`mr.checklist.${item.result}`)} · ${item.count}`}</Badge>
            </div>
            <p className="mr-check-msg">{locale === 'es' ? item.message_es : item.message_en}</p>
            {item.result !== 'ok' && <OffendingRows item={item} report={report} links={links} />}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function OffendingRows({ item, report, links }: { item: ChecklistItem; report: MonthlyReportDetail; links: CaptureLinks }) {
  const { t } = useI18n();
  const base = { workOrderId: report.workOrderId, year: report.year, month: report.month };
  const entryIds = item.offending.filter((o) => o.kind === 'production_entry').map((o) => Number(o.id));
  const siteDays = item.offending.filter((o) => o.kind === 'site_day') as { kind: string; siteId: number; date: string }[];
  const sites = [...new Set(siteDays.map((d) => d.siteId))];
  const rows = useProductionRows(report.id, entryIds);
  if (sites.length) {
    return (
      <ul className="mr-refs">
        {sites.map((siteId) => (
          <li key={siteId}>
            <Link to={links.dailyReports({ ...base, siteId })} data-testid="mr-ref-daily">
              {t('mr.checklist.openDaily')}
            </Link>
          </li>
        ))}
      </ul>
    );
  }
  if (entryIds.length) {
    return (
      <ul className="mr-refs">
        {(rows.data?.items ?? []).slice(0, 10).map((p) => (
          <li key={p.id}>
            <Link to={links.grid({ ...base, siteId: p.siteId, layer: p.layer })} data-testid="mr-ref-entry">
              {p.code} · {p.siteName} · {p.date} · {p.layer}
            </Link>
          </li>
        ))}
        {Math.max(item.count, entryIds.length) > 10 && (
          <li className="muted">{t('mr.checklist.more', { n: Math.max(item.count, entryIds.length) - 10 })}</li>
        )}
      </ul>
    );
  }
  if (item.offending.some((o) => o.kind === 'line_item')) {
    return (
      <p className="mr-refs">
        <Link to={links.grid(base)}>{t('mr.checklist.openGrid')}</Link>
      </p>
    );
  }
  return null;
}
