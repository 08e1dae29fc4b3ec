import { Icons } from '../../components/ui/icons';
import { useI18n } from '../i18n';
import { PlaceholderPage } from './placeholder';

/** Reportes mensuales: closure board per OT and month (placeholder). */
export function MonthlyReportsPage() {
  const { t } = useI18n();
  return (
    <PlaceholderPage
      title={t('monthlyReports.title')}
      body={t('monthlyReports.body')}
      icon={<Icons.monthly />}
      testId="monthly-reports-page"
    />
  );
}
