/**
 * Uploads a workbook as multipart with upload progress (fetch cannot report it, XHR can). The
 * CSRF token lives inside the api client, so it is read fresh from the session first.
 */
import { ApiError, api, apiUrl, type QueryParams } from '../../../app/api-client';

export async function uploadWorkbook<T>(path: string, file: File, onProgress: (fraction: number) => void, query?: QueryParams): Promise<T> {
  const session = await api.get<{ csrfToken: string }>('/auth/session');
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path, query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-CSRF-Token', session.csrfToken);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'No se pudo conectar con el servidor'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const body = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      reject(new ApiError(xhr.status, body?.code ?? 'bad_request', body?.message ?? `Error ${xhr.status}`, body?.details));
    };
    xhr.send(form);
  });
}
