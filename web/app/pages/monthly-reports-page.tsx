import { MonthlyReportsScreen } from '../../features/monthly-reports/components/monthly-reports-screen';
import { PageHeader } from '../../components/ui/page';
import { useI18n } from '../i18n';
import { paths } from '../layout/navigation';

/** Reportes mensuales: closure board (OTs × months) and the list with the seed's queries. */
export function MonthlyReportsPage() {
  const { t } = useI18n();
  return (
    <div className="page" data-testid="monthly-reports-page">
      <PageHeader title={t('monthlyReports.title')} subtitle={t('mr.subtitle')} />
      <MonthlyReportsScreen detailPath={paths.monthlyReport} />
    </div>
  );
}
