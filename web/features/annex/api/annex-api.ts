import { api, apiUrl } from '../../../app/api-client';
import type { AnnexImport, CapRule, LineItem, LineItemList } from '../../../../contracts/annex';
import type { z } from 'zod';
import type { LineItemHistory } from '../../../../contracts/annex';
import type { CatalogueItem } from '../../../../contracts/catalogue';
import { uploadWorkbook } from './upload-workbook';

export type { AnnexImport, CapRule, LineItem, LineItemList };
export type LineItemHistoryData = z.infer<typeof LineItemHistory>;

export const annexKeys = {
  all: ['annex'] as const,
  lineItems: (workOrderId: number) => ['annex', 'line-items', workOrderId] as const,
  history: (workOrderId: number, lineItemId: number) => ['annex', 'history', workOrderId, lineItemId] as const,
  catalogueSearch: (q: string) => ['annex', 'catalogue-search', q] as const,
};

export const getLineItems = (workOrderId: number, signal?: AbortSignal) =>
  api.get<LineItemList>(`/work-orders/${workOrderId}/line-items`, undefined, { signal });
export const getLineItemHistory = (workOrderId: number, lineItemId: number, signal?: AbortSignal) =>
  api.get<LineItemHistoryData>(`/work-orders/${workOrderId}/line-items/${lineItemId}/history`, undefined, { signal });
export const uploadAnnex = (workOrderId: number, file: File, onProgress: (f: number) => void) =>
  uploadWorkbook<AnnexImport>(`/work-orders/${workOrderId}/annex-imports`, file, onProgress);
/** Abandons a preview on the server (its file is dropped; committing it is no longer possible). */
export const discardAnnex = (importId: number) => api.post<AnnexImport>(`/annex-imports/${importId}/discard`);
export const commitAnnex = (importId: number, capRule: CapRule) => api.post<AnnexImport>(`/annex-imports/${importId}/commit`, { capRule });
export const addAdhocLineItem = (workOrderId: number, catalogueItemId: number) =>
  api.post<LineItem>(`/work-orders/${workOrderId}/line-items`, { catalogueItemId });
export const searchCatalogue = (q: string, signal?: AbortSignal) =>
  api.get<{ items: CatalogueItem[]; total: number }>('/catalogue/items', { q, limit: 20 }, { signal });
export const annexErrorsUrl = (importId: number) => apiUrl(`/annex-imports/${importId}/errors.xlsx`);
export const lineItemsExportUrl = (workOrderId: number) => apiUrl(`/work-orders/${workOrderId}/line-items/export.xlsx`);
