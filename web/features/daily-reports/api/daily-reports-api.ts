import type { z } from 'zod';
import type * as Daily from '../../../../contracts/daily-reports';
import { api, apiRequest } from '../../../app/api-client';

export type DailyGridResponse = z.infer<typeof Daily.DailyGridResponse>;
export type DailyGridRow = z.infer<typeof Daily.DailyGridRow>;
export type DailyGridDay = z.infer<typeof Daily.DailyGridDay>;
export type DailyReport = z.infer<typeof Daily.DailyReport>;
export type OperationalStatus = z.infer<typeof Daily.OperationalStatus>;
export type SignatureStatus = z.infer<typeof Daily.SignatureStatus>;
export type PutDailyReportBody = z.input<typeof Daily.PutDailyReportBody>;
export type BulkDailyReportsBody = z.input<typeof Daily.BulkDailyReportsBody>;
export type BulkDailyReportsResponse = z.infer<typeof Daily.BulkDailyReportsResponse>;

export interface DailyGridParams {
  siteId: number;
  year: number;
  month: number;
}

export const dailyKeys = {
  all: ['daily-reports'] as const,
  grid: (p: DailyGridParams) => ['daily-reports', 'grid', p] as const,
};

export function getDailyGrid(p: DailyGridParams, signal?: AbortSignal) {
  return api.get<DailyGridResponse>('/daily-reports/grid', { ...p }, { signal });
}

export function putDailyReport(body: PutDailyReportBody) {
  return api.put<DailyReport>('/daily-reports', body);
}

export function clearDailyReport(q: { workOrderId: number; siteId: number; date: string }) {
  return apiRequest<void>('DELETE', '/daily-reports', { query: q });
}

export function bulkDailyReports(body: BulkDailyReportsBody) {
  return api.post<BulkDailyReportsResponse>('/daily-reports/bulk', body);
}
