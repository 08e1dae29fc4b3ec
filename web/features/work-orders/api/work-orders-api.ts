import { api, apiUrl, isApiError } from '../../../app/api-client';
import type {
  CreateWorkOrderBody,
  ListResponse,
  UpdateWorkOrderBody,
  WorkOrder,
  WorkOrderKind,
  WorkOrderStatus,
} from '../../../app/api-types';

export interface WorkOrderListParams {
  q?: string;
  status?: WorkOrderStatus;
  kind?: WorkOrderKind;
  clientId?: number;
  siteId?: number;
  frontId?: number;
  familyId?: number;
  initialOnly?: boolean;
  limit?: number;
  offset?: number;
}

export const workOrderKeys = {
  all: ['work-orders'] as const,
  list: (params: WorkOrderListParams) => ['work-orders', 'list', params] as const,
  detail: (id: number) => ['work-orders', 'detail', id] as const,
  family: (id: number) => ['work-orders', 'family', id] as const,
};

function query(p: WorkOrderListParams) {
  return {
    q: p.q,
    status: p.status,
    kind: p.kind,
    clientId: p.clientId,
    siteId: p.siteId,
    frontId: p.frontId,
    familyId: p.familyId,
    initialOnly: p.initialOnly,
    limit: p.limit,
    offset: p.offset,
  };
}

export function listWorkOrders(params: WorkOrderListParams, signal?: AbortSignal) {
  return api.get<ListResponse<WorkOrder>>('/work-orders', query(params), { signal });
}

export function getWorkOrder(id: number, signal?: AbortSignal) {
  return api.get<WorkOrder>(`/work-orders/${id}`, undefined, { signal });
}

/** The initial OT and its reprogrammings. */
export function getWorkOrderFamily(id: number, signal?: AbortSignal) {
  return api.get<{ items: WorkOrder[] }>(`/work-orders/${id}/family`, undefined, { signal });
}

export function createWorkOrder(body: CreateWorkOrderBody) {
  return api.post<WorkOrder>('/work-orders', body);
}

export function updateWorkOrder(id: number, body: UpdateWorkOrderBody) {
  return api.patch<WorkOrder>(`/work-orders/${id}`, body);
}

export function workOrdersExportUrl(params: WorkOrderListParams): string {
  const { limit: _limit, offset: _offset, ...filters } = query(params);
  return apiUrl('/work-orders/export.xlsx', filters);
}

/** `12345-R2 · Mantenimiento a …` style option for pickers. */
export interface WorkOrderOption {
  value: number;
  label: string;
  description?: string;
}

export function toWorkOrderOption(wo: WorkOrder): WorkOrderOption {
  const label = wo.kind === 'reprogramming' ? `${wo.folio} (R${wo.reprogrammingNumber})` : wo.folio;
  return { value: wo.id, label, description: wo.description.length > 90 ? `${wo.description.slice(0, 90)}…` : wo.description };
}

export async function searchWorkOrderOptions(
  text: string,
  signal: AbortSignal,
  options: { initialOnly?: boolean } = {},
): Promise<WorkOrderOption[]> {
  const result = await listWorkOrders({ q: text.trim() || undefined, initialOnly: options.initialOnly, limit: 20 }, signal);
  return result.items.map(toWorkOrderOption);
}

/** Options for known ids; an OT the caller cannot see keeps a `#id` label. */
export async function loadWorkOrderOptions(ids: readonly number[], signal: AbortSignal): Promise<WorkOrderOption[]> {
  return Promise.all(
    ids.map(async (id) => {
      try {
        return toWorkOrderOption(await getWorkOrder(id, signal));
      } catch (error) {
        if (isApiError(error)) return { value: id, label: `#${id}` };
        throw error;
      }
    }),
  );
}
