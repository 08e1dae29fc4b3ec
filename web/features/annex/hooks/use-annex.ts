import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import {
  addAdhocLineItem,
  annexKeys,
  commitAnnex,
  getLineItemHistory,
  getLineItems,
  searchCatalogue,
  type CapRule,
} from '../api/annex-api';

export function useLineItems(workOrderId: number) {
  return useQuery({ queryKey: annexKeys.lineItems(workOrderId), queryFn: ({ signal }) => getLineItems(workOrderId, signal) });
}

export function useLineItemHistory(workOrderId: number, lineItemId: number | null) {
  return useQuery({
    queryKey: annexKeys.history(workOrderId, lineItemId ?? 0),
    queryFn: ({ signal }) => getLineItemHistory(workOrderId, lineItemId ?? 0, signal),
    enabled: lineItemId !== null,
  });
}

export function useCommitAnnex(workOrderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ importId, capRule }: { importId: number; capRule: CapRule }) => commitAnnex(importId, capRule),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: annexKeys.lineItems(workOrderId) }),
  });
}

export function useAddAdhoc(workOrderId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (catalogueItemId: number) => addAdhocLineItem(workOrderId, catalogueItemId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: annexKeys.lineItems(workOrderId) }),
  });
}

export function useCatalogueSearch(q: string) {
  return useQuery({
    queryKey: annexKeys.catalogueSearch(q),
    queryFn: ({ signal }) => searchCatalogue(q, signal),
    enabled: q.trim().length >= 2,
  });
}

/** Folio and family of the OT, for the page header (the work-orders feature is not imported: features stay apart). */
export function useWorkOrderHeader(workOrderId: number) {
  return useQuery({
    queryKey: ['annex', 'work-order', workOrderId],
    queryFn: ({ signal }) =>
      api.get<{ id: number; folio: string; description: string; kind: string; reprogrammingNumber: number }>(
        `/work-orders/${workOrderId}`,
        undefined,
        { signal },
      ),
  });
}
