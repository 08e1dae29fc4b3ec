import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateWorkOrderBody, UpdateWorkOrderBody } from '../../../app/api-types';
import {
  createWorkOrder,
  getWorkOrder,
  getWorkOrderFamily,
  listWorkOrders,
  updateWorkOrder,
  workOrderKeys,
  type WorkOrderListParams,
} from '../api/work-orders-api';

export function useWorkOrders(params: WorkOrderListParams) {
  return useQuery({
    queryKey: workOrderKeys.list(params),
    queryFn: ({ signal }) => listWorkOrders(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useWorkOrder(id: number | null) {
  return useQuery({
    queryKey: workOrderKeys.detail(id ?? 0),
    queryFn: ({ signal }) => getWorkOrder(id ?? 0, signal),
    enabled: id !== null,
  });
}

export function useWorkOrderFamily(id: number) {
  return useQuery({
    queryKey: workOrderKeys.family(id),
    queryFn: ({ signal }) => getWorkOrderFamily(id, signal),
    select: (data) => data.items,
  });
}

export function useCreateWorkOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWorkOrderBody) => createWorkOrder(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workOrderKeys.all }),
  });
}

export function useUpdateWorkOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateWorkOrderBody }) => updateWorkOrder(id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(workOrderKeys.detail(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: workOrderKeys.all });
    },
  });
}
