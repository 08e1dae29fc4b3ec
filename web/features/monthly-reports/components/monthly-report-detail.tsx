import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { useI18n } from '../../../app/i18n';
import { describeError } from '../../../app/errors';
import type { ClosureAction, MonthlyReportDetail } from '../api/monthly-reports-api';
import { useMonthlyMutations, useMonthlyReport } from '../hooks/use-monthly-reports';
import { ChecklistCard } from './checklist-card';
import { EvidenceCard } from './evidence-card';
import { ExcessCard } from './excess-card';
import { HistoryCard } from './history-card';
import { PackCard } from './pack-card';
import { ReasonDialog } from './reason-dialog';
import { SignOffsCard } from './sign-offs-card';
import { MonthlyStatusBadge } from './status-badge';
import '../monthly-reports.css';

export interface CaptureLinks {
  dailyReports: (p: { workOrderId: number; siteId?: number; year: number; month: number }) => string;
  grid: (p: { workOrderId: number; siteId?: number; year: number; month: number; layer?: string }) => string;
}

/** The monthly report page: evidence, proposed folder, checklist, sign-offs, transitions, pack, history. */
export function MonthlyReportDetailScreen({ id, links }: { id: number; links: CaptureLinks }) {
  const { t, locale } = useI18n();
  const report = useMonthlyReport(id);
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <ErrorState message={describeError(report.error, t, locale)} onRetry={() => void report.refetch()} />;
  const r = report.data;
  return (
    <div data-testid="monthly-report-detail" data-status={r.status}>
      <PageHeader
        title={r.displayName}
        subtitle={`${r.description} · ${t('mr.versionN', { n: r.version })}`}
        meta={
          <p className="mr-actions">
            <MonthlyStatusBadge status={r.status} testId="mr-status" />
            {r.overdue && r.expectedStatus && (
              <span className="mr-overdue-flag">{t('mr.overdueExpected', { status: t(`mr.status.${r.expectedStatus}`) })}</span>
            )}
          </p>
        }
        actions={<TransitionButtons report={r} />}
      />
      <div className="mr-grid">
        <EvidenceCard report={r} />
        <ChecklistCard report={r} links={links} />
        <SignOffsCard report={r} />
        <ExcessCard report={r} />
        <PackCard report={r} />
        <HistoryCard report={r} />
      </div>
    </div>
  );
}

function TransitionButtons({ report }: { report: MonthlyReportDetail }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { transition } = useMonthlyMutations(report.id);
  const [asking, setAsking] = useState<'return' | 'reopen' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abilities = report.abilities ?? {};
  const actions = (['submit', 'return', 'close', 'reopen'] as const).filter((a) => abilities[a]);
  const run = (action: ClosureAction, reason?: string) =>
    transition.mutate(
      { action, ...(reason ? { reason } : {}) },
      {
        onSuccess: () => {
          setAsking(null);
          setError(null);
          toast.success(t(`mr.done.${action}`));
        },
        onError: (e) => (asking ? setError(describeError(e, t, locale)) : toast.error(describeError(e, t, locale))),
      },
    );
  return (
    <>
      {actions.map((action) => (
        <Button
          key={action}
          variant={action === 'close' ? 'primary' : action === 'reopen' ? 'danger' : 'secondary'}
          loading={transition.isPending && transition.variables?.action === action}
          onClick={() => (action === 'return' || action === 'reopen' ? setAsking(action) : run(action))}
          data-testid={`mr-action-${action}`}
        >
          {t(`mr.action.${action}`)}
        </Button>
      ))}
      {asking && (
        <ReasonDialog
          title={t(`mr.action.${asking}`)}
          message={t(`mr.reasonHelp.${asking}`)}
          confirmLabel={t(`mr.action.${asking}`)}
          busy={transition.isPending}
          error={error}
          onCancel={() => {
            setAsking(null);
            setError(null);
          }}
          onConfirm={(reason) => run(asking, reason)}
        />
      )}
    </>
  );
}
