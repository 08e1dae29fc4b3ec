import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditKeys, listAudit, type AuditListParams } from '../api/audit-api';

export function useAudit(params: AuditListParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => listAudit(params, signal),
    placeholderData: keepPreviousData,
  });
}
