import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { monthlyApi, monthlyKeys, type ClosureAction, type ListParams, type SignOffKind } from '../api/monthly-reports-api';

export function useMonthlyReportList(p: ListParams) {
  return useQuery({
    queryKey: monthlyKeys.list(p),
    queryFn: ({ signal }) => monthlyApi.list(p, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClosureBoard(from: string, to: string, q: string) {
  return useQuery({
    queryKey: monthlyKeys.board(from, to, q),
    queryFn: ({ signal }) => monthlyApi.board(from, to, q, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMonthlyReport(id: number) {
  return useQuery({ queryKey: monthlyKeys.detail(id), queryFn: ({ signal }) => monthlyApi.detail(id, signal) });
}

export function useChecklist(id: number) {
  return useQuery({ queryKey: monthlyKeys.checklist(id), queryFn: ({ signal }) => monthlyApi.checklist(id, signal) });
}

export function useExcess(id: number, enabled: boolean) {
  return useQuery({ queryKey: monthlyKeys.excess(id), queryFn: ({ signal }) => monthlyApi.excess(id, signal), enabled });
}

export function useProductionRows(id: number, ids: number[]) {
  const key = ids.slice(0, 200).join(',');
  return useQuery({
    queryKey: monthlyKeys.production(id, key),
    queryFn: ({ signal }) => monthlyApi.production(id, key, signal),
    enabled: key !== '',
  });
}

export function useVersionDiff(id: number, version: number | null) {
  return useQuery({
    queryKey: monthlyKeys.diff(id, version ?? 0),
    queryFn: ({ signal }) => monthlyApi.diff(id, version!, signal),
    enabled: version !== null,
  });
}

/** Every write refreshes the report, its checklist and the lists (status, sign-offs, progress). */
export function useMonthlyMutations(id: number) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: monthlyKeys.all });
  return {
    setEvidence: useMutation({ mutationFn: (url: string) => monthlyApi.setEvidence(id, url), onSuccess: refresh }),
    checkEvidence: useMutation({ mutationFn: () => monthlyApi.checkEvidence(id), onSuccess: refresh }),
    signOff: useMutation({ mutationFn: (kind: SignOffKind) => monthlyApi.signOff(id, kind), onSuccess: refresh }),
    transition: useMutation({
      mutationFn: (v: { action: ClosureAction; reason?: string }) => monthlyApi.transition(id, v.action, v.reason),
      onSuccess: refresh,
    }),
    acknowledge: useMutation({
      mutationFn: (body: { entryIds?: number[]; all?: boolean; reason: string }) => monthlyApi.acknowledge(id, body),
      onSuccess: refresh,
    }),
  };
}
