import { ButtonLink } from '../../components/ui/button';
import { useI18n } from '../i18n';
import { paths } from '../layout/navigation';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="page" data-testid="not-found-page">
      <div className="placeholder">
        <h1>{t('error.pageNotFound')}</h1>
        <p>{t('error.pageNotFoundBody')}</p>
        <ButtonLink to={paths.home} variant="primary">
          {t('error.goHome')}
        </ButtonLink>
      </div>
    </div>
  );
}
