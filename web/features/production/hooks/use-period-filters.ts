/**
 * The capture context (OT family, site, month, year, layer) lives in the URL, so the daily
 * reports, the grid and the GPU board open on the same OT-month and a link can be shared.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Layer } from '../api/production-api';

export interface PeriodFilters {
  workOrderId: number | null;
  siteId: number | null;
  year: number;
  month: number;
  layer: Layer;
}

function positive(text: string | null): number | null {
  const n = Number(text);
  return text && Number.isInteger(n) && n > 0 ? n : null;
}

/** Today's month in the business time zone (Mexico City). */
function currentPeriod(): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City', year: 'numeric', month: '2-digit' }).formatToParts(
    new Date(),
  );
  return { year: Number(parts.find((p) => p.type === 'year')?.value), month: Number(parts.find((p) => p.type === 'month')?.value) };
}

export function usePeriodFilters(): [PeriodFilters, (patch: Partial<PeriodFilters>) => void] {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo<PeriodFilters>(() => {
    const now = currentPeriod();
    const year = positive(search.get('anio'));
    const month = positive(search.get('mes'));
    return {
      workOrderId: positive(search.get('ot')),
      siteId: positive(search.get('sitio')),
      year: year !== null && year >= 2000 && year <= 2100 ? year : now.year,
      month: month !== null && month <= 12 ? month : now.month,
      layer: search.get('capa') === 'CMA' ? 'CMA' : 'TE',
    };
  }, [search]);
  const update = useCallback(
    (patch: Partial<PeriodFilters>) => {
      const next = { ...filters, ...patch };
      const params = new URLSearchParams();
      if (next.workOrderId) params.set('ot', String(next.workOrderId));
      if (next.siteId) params.set('sitio', String(next.siteId));
      params.set('anio', String(next.year));
      params.set('mes', String(next.month));
      params.set('capa', next.layer);
      setSearch(params, { replace: true });
    },
    [filters, setSearch],
  );
  return [filters, update];
}
