import type { z } from 'zod';
import type * as Gpu from '../../../../contracts/gpu';
import { api, apiUrl } from '../../../app/api-client';

export type GpuBoardResponse = z.infer<typeof Gpu.GpuBoardResponse>;
export type GpuRecord = z.infer<typeof Gpu.GpuRecord>;
export type GpuStatus = z.infer<typeof Gpu.GpuStatus>;
export type UpdateGpuBody = z.input<typeof Gpu.UpdateGpuBody>;

export interface GpuBoardParams {
  workOrderId: number;
  year: number;
  month: number;
  siteId?: number | undefined;
  layer?: 'TE' | 'CMA' | undefined;
  status?: GpuStatus | undefined;
  subAnnex?: string | undefined;
  q?: string | undefined;
  missingEvidence?: 'true' | 'false' | undefined;
}

export const gpuKeys = {
  all: ['gpu'] as const,
  board: (p: GpuBoardParams) => ['gpu', 'board', p] as const,
};

export function getGpuBoard(p: GpuBoardParams, signal?: AbortSignal) {
  return api.get<GpuBoardResponse>('/gpu/board', { ...p }, { signal });
}

export function gpuBoardXlsxUrl(p: GpuBoardParams): string {
  return apiUrl('/gpu/board.xlsx', { ...p });
}

export function updateGpu(id: number, body: UpdateGpuBody) {
  return api.patch<GpuRecord>(`/gpu/${id}`, body);
}
