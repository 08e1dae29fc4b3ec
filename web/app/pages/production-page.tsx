import { Icons } from '../../components/ui/icons';
import { useI18n } from '../i18n';
import { PlaceholderPage } from './placeholder';

/** Producción: daily reports and the production grid (placeholder until the grid lands). */
export function ProductionPage() {
  const { t } = useI18n();
  return <PlaceholderPage title={t('production.title')} body={t('production.body')} icon={<Icons.production />} testId="production-page" />;
}
