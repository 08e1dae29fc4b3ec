import type { z } from 'zod';
import type * as MR from '../../../../contracts/monthly-reports';
import { api, apiUrl } from '../../../app/api-client';

export type MonthlyReportSummary = z.infer<typeof MR.MonthlyReportSummary>;
export type MonthlyReportDetail = z.infer<typeof MR.MonthlyReportDetail>;
export type ChecklistResponse = z.infer<typeof MR.ChecklistResponse>;
export type ChecklistItem = z.infer<typeof MR.ChecklistItem>;
export type BoardResponse = z.infer<typeof MR.BoardResponse>;
export type ExcessEntry = z.infer<typeof MR.ExcessEntry>;
export type ProductionRow = z.infer<typeof MR.ProductionRow>;
export type VersionDiff = z.infer<typeof MR.VersionDiff>;
export type EvidenceCheck = z.infer<typeof MR.EvidenceCheck>;
export type MonthlyStatus = z.infer<typeof MR.MonthlyStatus>;
export type SignOffKind = z.infer<typeof MR.SignOffKind>;
export type ClosureAction = z.infer<typeof MR.ClosureAction>;

export interface ListParams {
  workOrderId?: number | undefined;
  folio?: string | undefined;
  year?: number | undefined;
  month?: number | undefined;
  status?: MonthlyStatus | undefined;
  period?: 'current' | undefined;
  sort?: 'newest' | 'oldest' | 'folio' | undefined;
}

export const monthlyKeys = {
  all: ['monthly-reports'] as const,
  list: (p: ListParams) => ['monthly-reports', 'list', p] as const,
  board: (from: string, to: string, q: string) => ['monthly-reports', 'board', from, to, q] as const,
  detail: (id: number) => ['monthly-reports', 'detail', id] as const,
  checklist: (id: number) => ['monthly-reports', 'checklist', id] as const,
  excess: (id: number) => ['monthly-reports', 'excess', id] as const,
  production: (id: number, ids: string) => ['monthly-reports', 'production', id, ids] as const,
  diff: (id: number, version: number) => ['monthly-reports', 'diff', id, version] as const,
};

export const monthlyApi = {
  list: (p: ListParams, signal?: AbortSignal) =>
    api.get<{ items: MonthlyReportSummary[]; total: number }>('/monthly-reports', { ...p }, { signal }),
  exportUrl: (p: ListParams) => apiUrl('/monthly-reports/export.xlsx', { ...p }),
  board: (from: string, to: string, q: string, signal?: AbortSignal) =>
    api.get<BoardResponse>('/monthly-reports/board', { from, to, q }, { signal }),
  open: (workOrderId: number, year: number, month: number) =>
    api.post<MonthlyReportDetail>('/monthly-reports', { workOrderId, year, month }),
  detail: (id: number, signal?: AbortSignal) => api.get<MonthlyReportDetail>(`/monthly-reports/${id}`, undefined, { signal }),
  checklist: (id: number, signal?: AbortSignal) => api.get<ChecklistResponse>(`/monthly-reports/${id}/checklist`, undefined, { signal }),
  setEvidence: (id: number, evidenceUrl: string) => api.put<MonthlyReportDetail>(`/monthly-reports/${id}/evidence`, { evidenceUrl }),
  checkEvidence: (id: number) => api.post<EvidenceCheck>(`/monthly-reports/${id}/evidence-check`),
  signOff: (id: number, kind: SignOffKind) => api.post<MonthlyReportDetail>(`/monthly-reports/${id}/sign-offs`, { kind }),
  transition: (id: number, action: ClosureAction, reason?: string) =>
    api.post<MonthlyReportDetail>(`/monthly-reports/${id}/transitions`, { action, ...(reason ? { reason } : {}) }),
  excess: (id: number, signal?: AbortSignal) => api.get<{ items: ExcessEntry[] }>(`/monthly-reports/${id}/excess`, undefined, { signal }),
  acknowledge: (id: number, body: { entryIds?: number[]; all?: boolean; reason: string }) =>
    api.post<{ acknowledged: number }>(`/monthly-reports/${id}/excess-acknowledgments`, body),
  production: (id: number, ids: string, signal?: AbortSignal) =>
    api.get<{ items: ProductionRow[] }>(`/monthly-reports/${id}/production`, { ids, limit: 200 }, { signal }),
  diff: (id: number, version: number, signal?: AbortSignal) =>
    api.get<VersionDiff>(`/monthly-reports/${id}/versions/${version}/diff`, undefined, { signal }),
  packUrl: (id: number, ext: 'pdf' | 'xlsx') => apiUrl(`/monthly-reports/${id}/pack.${ext}`),
  versionPackUrl: (id: number, version: number, ext: 'pdf' | 'xlsx') => apiUrl(`/monthly-reports/${id}/versions/${version}/pack.${ext}`),
};

/**
 * Downloads a pack with a progress callback (bytes received / total when known), then hands the
 * file to the browser. Generation happens before the first byte, so the UI shows "generating"
 * until the response starts and a percentage afterwards.
 */
export async function downloadWithProgress(
  url: string,
  onProgress: (phase: 'generating' | 'downloading', fraction: number | null) => void,
): Promise<void> {
  onProgress('generating', null);
  const res = await fetch(url, { credentials: 'include' });
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  const total = Number(res.headers.get('content-length')) || null;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress('downloading', total ? received / total : null);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'carpeta';
  const blob = new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
