/**
 * The filter bar shared by the production screens: OT family (search), site, month, year and
 * layer (TE/CMA). Each screen shows the fields it needs.
 */
import { useQuery } from '@tanstack/react-query';
import '../production.css';
import { useI18n } from '../../../app/i18n';
import { formatYearMonth } from '../../../app/format';
import { SelectField } from '../../../components/ui/field';
import { SearchPicker, type PickerOption } from '../../../components/ui/search-picker';
import { getWorkOrder, productionKeys, searchWorkOrders, type WorkOrderSummary } from '../api/production-api';
import type { PeriodFilters } from '../hooks/use-period-filters';

export interface SiteOption {
  id: number;
  label: string;
}

interface Props {
  filters: PeriodFilters;
  onChange: (patch: Partial<PeriodFilters>) => void;
  /** Which fields to show. `site`: 'workOrder' lists the OT's sites, 'all' lists `sites`. */
  show: { workOrder: boolean; site: 'workOrder' | 'all' | false; layer: boolean; siteOptional?: boolean };
  sites?: readonly SiteOption[];
}

export function useWorkOrder(id: number | null) {
  return useQuery({
    queryKey: productionKeys.workOrder(id ?? 0),
    queryFn: ({ signal }) => getWorkOrder(id as number, signal),
    enabled: id !== null,
    staleTime: 60_000,
  });
}

function otOption(ot: WorkOrderSummary): PickerOption {
  return { value: ot.id, label: ot.folio, description: ot.description };
}

const YEARS_BACK = 3;

export function PeriodFiltersBar({ filters, onChange, show, sites }: Props) {
  const { t, locale } = useI18n();
  const workOrder = useWorkOrder(filters.workOrderId);
  const otValue = workOrder.data
    ? otOption(workOrder.data)
    : filters.workOrderId
      ? { value: filters.workOrderId, label: `#${filters.workOrderId}` }
      : null;
  const siteOptions =
    show.site === 'workOrder'
      ? (workOrder.data?.sites ?? []).map((s) => ({ value: String(s.siteId), label: s.name }))
      : (sites ?? []).map((s) => ({ value: String(s.id), label: s.label }));
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: YEARS_BACK + 2 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(filters.year)) years.push(filters.year);

  return (
    <div className="prod-filters" role="search" data-testid="period-filters">
      {show.workOrder && (
        <SearchPicker
          name="workOrder"
          label={t('prod.filters.workOrder')}
          value={otValue}
          onChange={(o) => {
            const ot = o?.value ?? null;
            onChange({ workOrderId: ot, siteId: ot === filters.workOrderId ? filters.siteId : null });
          }}
          search={async (text, signal) => (await searchWorkOrders(text, signal)).map(otOption)}
          placeholder={t('prod.filters.workOrderPlaceholder')}
        />
      )}
      {show.site && (
        <SelectField
          name="site"
          label={t('prod.filters.site')}
          value={filters.siteId ? String(filters.siteId) : ''}
          onChange={(v) => onChange({ siteId: v ? Number(v) : null })}
          options={siteOptions}
          placeholder={show.siteOptional ? t('common.all') : t('prod.filters.sitePlaceholder')}
        />
      )}
      <SelectField
        name="month"
        label={t('prod.filters.month')}
        value={String(filters.month)}
        onChange={(v) => onChange({ month: Number(v) })}
        options={Array.from({ length: 12 }, (_, i) => ({
          value: String(i + 1),
          label: formatYearMonth(filters.year, i + 1, locale).split(' ')[0] ?? String(i + 1),
        }))}
      />
      <SelectField
        name="year"
        label={t('prod.filters.year')}
        value={String(filters.year)}
        onChange={(v) => onChange({ year: Number(v) })}
        options={years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      {show.layer && (
        <div className="prod-layer" role="radiogroup" aria-label={t('prod.filters.layer')}>
          {(['TE', 'CMA'] as const).map((layer) => (
            <button
              key={layer}
              type="button"
              role="radio"
              aria-checked={filters.layer === layer}
              className={`btn btn-sm ${filters.layer === layer ? 'btn-primary' : 'btn-secondary'}`}
              data-testid={`layer-${layer}`}
              title={t(layer === 'TE' ? 'prod.layer.TE' : 'prod.layer.CMA')}
              onClick={() => onChange({ layer })}
            >
              {layer}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
