import { api, apiUrl, ApiError } from '../../../app/api-client';
import type { CatalogueFormat, CatalogueImport, CatalogueItem } from '../../../../contracts/catalogue';

export type { CatalogueFormat, CatalogueImport, CatalogueItem };

export interface CatalogueQuery {
  q?: string;
  subAnnex?: string;
  status?: string;
  kind?: 'ordinary' | 'extraordinary';
  limit: number;
  offset: number;
}

export interface ContractSummary {
  id: number;
  number: string;
  description: string;
  itemCount: number;
  subAnnexes: { label: string; itemCount: number }[];
}

export const catalogueKeys = {
  all: ['catalogue'] as const,
  items: (q: CatalogueQuery) => ['catalogue', 'items', q] as const,
  contracts: ['catalogue', 'contracts'] as const,
};

export const listCatalogue = (q: CatalogueQuery, signal?: AbortSignal) =>
  api.get<{ items: CatalogueItem[]; total: number }>('/catalogue/items', { ...q }, { signal });
export const listContracts = (signal?: AbortSignal) => api.get<{ items: ContractSummary[] }>('/catalogue/contracts', undefined, { signal });
/** Abandons a preview on the server (its file is dropped; committing it is no longer possible). */
export const discardCatalogueImport = (id: number) => api.post<CatalogueImport>(`/catalogue/imports/${id}/discard`);
export const commitCatalogueImport = (id: number) => api.post<CatalogueImport>(`/catalogue/imports/${id}/commit`);
export const catalogueExportUrl = (q: Omit<CatalogueQuery, 'limit' | 'offset'>) => apiUrl('/catalogue/items/export.xlsx', { ...q });
export const catalogueErrorsUrl = (id: number) => apiUrl(`/catalogue/imports/${id}/errors.xlsx`);

/** Multipart upload with progress (XHR); the CSRF token is read fresh from the session. */
export async function uploadCatalogue(
  file: File,
  format: CatalogueFormat,
  contractNumber: string,
  onProgress: (f: number) => void,
): Promise<CatalogueImport> {
  const session = await api.get<{ csrfToken: string }>('/auth/session');
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/catalogue/imports', { format, contractNumber }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-CSRF-Token', session.csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'No se pudo conectar con el servidor'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as CatalogueImport);
      const body = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      reject(new ApiError(xhr.status, body?.code ?? 'bad_request', body?.message ?? `Error ${xhr.status}`, body?.details));
    };
    xhr.send(form);
  });
}
