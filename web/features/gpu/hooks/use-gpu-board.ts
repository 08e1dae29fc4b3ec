import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getGpuBoard, gpuKeys, updateGpu, type GpuBoardParams, type UpdateGpuBody } from '../api/gpu-api';

export function useGpuBoard(params: GpuBoardParams | null) {
  return useQuery({
    queryKey: params ? gpuKeys.board(params) : ['gpu', 'board', 'none'],
    queryFn: ({ signal }) => getGpuBoard(params as GpuBoardParams, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

export function useUpdateGpu() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateGpuBody }) => updateGpu(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gpuKeys.all }),
  });
}
