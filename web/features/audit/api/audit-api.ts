import { api, apiUrl } from '../../../app/api-client';
import type { AuditEntry, ListResponse } from '../../../app/api-types';

export interface AuditListParams {
  actorId?: number;
  entity?: string;
  entityId?: string;
  workOrderId?: number;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (params: AuditListParams) => ['audit', 'list', params] as const,
};

function query(p: AuditListParams) {
  return {
    actorId: p.actorId,
    entity: p.entity,
    entityId: p.entityId,
    workOrderId: p.workOrderId,
    from: p.from,
    to: p.to,
    limit: p.limit,
    offset: p.offset,
  };
}

export function listAudit(params: AuditListParams, signal?: AbortSignal) {
  return api.get<ListResponse<AuditEntry>>('/audit', query(params), { signal });
}

export function auditExportUrl(params: AuditListParams): string {
  const { limit: _limit, offset: _offset, ...filters } = query(params);
  return apiUrl('/audit/export.xlsx', filters);
}
