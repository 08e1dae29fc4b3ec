import type { z } from 'zod';
import type * as Production from '../../../../contracts/production';
import type * as WorkOrders from '../../../../contracts/work-orders';
import { api, apiUrl } from '../../../app/api-client';
import type { ListResponse } from '../../../app/api-types';

export type GridQuery = z.input<typeof Production.GridQuery>;
export type GridResponse = z.infer<typeof Production.GridResponse>;
export type GridRow = z.infer<typeof Production.GridRow>;
export type GridRowFigures = z.infer<typeof Production.GridRowFigures>;
export type GridDay = z.infer<typeof Production.GridDay>;
export type GridKpisData = z.infer<typeof Production.GridKpis>;
export type SaveGridBody = z.input<typeof Production.SaveGridBody>;
export type SaveGridResponse = z.infer<typeof Production.SaveGridResponse>;
export type StaleCell = z.infer<typeof Production.StaleCell>;
export type Layer = z.infer<typeof Production.Layer>;
export type WorkOrderSummary = z.infer<typeof WorkOrders.WorkOrder>;

export interface GridParams {
  workOrderId: number;
  year: number;
  month: number;
  siteId: number;
  layer: Layer;
}

export const productionKeys = {
  all: ['production'] as const,
  grid: (p: GridParams) => ['production', 'grid', p] as const,
  workOrder: (id: number) => ['production', 'work-order', id] as const,
};

export function getGrid(p: GridParams, signal?: AbortSignal) {
  return api.get<GridResponse>('/production/grid', { ...p }, { signal });
}

export function saveGrid(body: SaveGridBody) {
  return api.put<SaveGridResponse>('/production/grid', body);
}

export function gridXlsxUrl(p: GridParams): string {
  return apiUrl('/production/grid.xlsx', { ...p });
}

/** Initial OTs matching the typed text (the grid is per family; any member opens it). */
export async function searchWorkOrders(text: string, signal?: AbortSignal) {
  const list = await api.get<ListResponse<WorkOrderSummary>>('/work-orders', { q: text, limit: 20, initialOnly: true }, { signal });
  return list.items;
}

export function getWorkOrder(id: number, signal?: AbortSignal) {
  return api.get<WorkOrderSummary>(`/work-orders/${id}`, undefined, { signal });
}
