import { Icons } from '../../components/ui/icons';
import { useI18n } from '../i18n';
import { PlaceholderPage } from './placeholder';

/** Estimaciones: payment estimates over closed months (placeholder). */
export function EstimatesPage() {
  const { t } = useI18n();
  return <PlaceholderPage title={t('estimates.title')} body={t('estimates.body')} icon={<Icons.estimates />} testId="estimates-page" />;
}
