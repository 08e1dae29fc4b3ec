import { useEffect } from 'react';
import { PeriodFiltersBar, useWorkOrder } from '../../features/production/components/period-filters';
import { ProductionGridScreen } from '../../features/production/components/production-grid-screen';
import { usePeriodFilters } from '../../features/production/hooks/use-period-filters';
import { PageHeader } from '../../components/ui/page';
import { useI18n } from '../i18n';
import { ProductionTabs } from './production-tabs';

/** Producción: the sábana de producción of an OT family, month, site and layer. */
export function ProductionPage() {
  const { t } = useI18n();
  const [filters, setFilters] = usePeriodFilters();
  const workOrder = useWorkOrder(filters.workOrderId);
  // An OT with one site (the usual case) opens on it; with several, on its main site.
  const sites = workOrder.data?.sites;
  useEffect(() => {
    if (!sites || sites.length === 0) return;
    if (filters.siteId !== null && sites.some((s) => s.siteId === filters.siteId)) return;
    const first = sites.find((s) => s.role === 'main') ?? sites[0];
    if (first) setFilters({ siteId: first.siteId });
  }, [sites, filters.siteId, setFilters]);

  const ready = filters.workOrderId !== null && filters.siteId !== null && sites?.some((s) => s.siteId === filters.siteId);
  return (
    <div className="page" data-testid="production-page">
      <PageHeader title={t('prod.title')} subtitle={t('prod.grid.subtitle')} />
      <ProductionTabs />
      <PeriodFiltersBar filters={filters} onChange={setFilters} show={{ workOrder: true, site: 'workOrder', layer: true }} />
      {ready && filters.workOrderId !== null && filters.siteId !== null ? (
        <ProductionGridScreen
          params={{
            workOrderId: filters.workOrderId,
            siteId: filters.siteId,
            year: filters.year,
            month: filters.month,
            layer: filters.layer,
          }}
        />
      ) : (
        <p className="muted" data-testid="grid-choose">
          {t('prod.grid.choose')}
        </p>
      )}
    </div>
  );
}
