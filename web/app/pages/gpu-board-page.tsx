import { GpuBoardScreen } from '../../features/gpu/components/gpu-board-screen';
import { PeriodFiltersBar, useWorkOrder } from '../../features/production/components/period-filters';
import { usePeriodFilters } from '../../features/production/hooks/use-period-filters';
import { PageHeader } from '../../components/ui/page';
import { useI18n } from '../i18n';
import { ProductionTabs } from './production-tabs';

/** Tablero de GPU: evidence records of an OT-month's C-2/C-3 production. */
export function GpuBoardPage() {
  const { t } = useI18n();
  const [filters, setFilters] = usePeriodFilters();
  const workOrder = useWorkOrder(filters.workOrderId);
  const sites = (workOrder.data?.sites ?? []).map((s) => ({ id: s.siteId, label: s.name }));
  return (
    <div className="page" data-testid="gpu-board-page">
      <PageHeader title={t('prod.title')} subtitle={t('gpu.subtitle')} />
      <ProductionTabs />
      <PeriodFiltersBar filters={filters} onChange={setFilters} show={{ workOrder: true, site: false, layer: false }} />
      {filters.workOrderId !== null ? (
        <GpuBoardScreen workOrderId={filters.workOrderId} year={filters.year} month={filters.month} sites={sites} />
      ) : (
        <p className="muted" data-testid="gpu-choose">
          {t('gpu.choose')}
        </p>
      )}
    </div>
  );
}
