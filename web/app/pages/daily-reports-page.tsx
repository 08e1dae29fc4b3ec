import { useNavigate } from 'react-router';
import { DailyReportsScreen } from '../../features/daily-reports/components/daily-reports-screen';
import { PeriodFiltersBar } from '../../features/production/components/period-filters';
import { usePeriodFilters } from '../../features/production/hooks/use-period-filters';
import { PageHeader } from '../../components/ui/page';
import { useI18n } from '../i18n';
import { paths } from '../layout/navigation';
import { ProductionTabs } from './production-tabs';
import { useSiteRefs } from './ref-options';

/** Reportes diarios: a site's OTs × the days of a month. */
export function DailyReportsPage() {
  const { t } = useI18n();
  const [filters, setFilters] = usePeriodFilters();
  const sites = useSiteRefs().filter((s) => s.active || s.id === filters.siteId);
  const navigate = useNavigate();
  return (
    <div className="page" data-testid="daily-reports-page">
      <PageHeader title={t('prod.title')} subtitle={t('daily.subtitle')} />
      <ProductionTabs />
      <PeriodFiltersBar filters={filters} onChange={setFilters} show={{ workOrder: false, site: 'all', layer: false }} sites={sites} />
      {filters.siteId !== null ? (
        <DailyReportsScreen
          params={{ siteId: filters.siteId, year: filters.year, month: filters.month }}
          onOpenGrid={(familyId) =>
            navigate({
              pathname: paths.production,
              search: `?ot=${familyId}&sitio=${filters.siteId}&anio=${filters.year}&mes=${filters.month}&capa=TE`,
            })
          }
        />
      ) : (
        <p className="muted" data-testid="daily-choose">
          {t('daily.choose')}
        </p>
      )}
    </div>
  );
}
