/**
 * The one way the web talks to the API: JSON over fetch with the session cookie, the CSRF token
 * on every write, and every failure turned into an {@link ApiError} carrying the server's
 * `{error:{code,message,details}}`. A 401 on a protected call tells the session layer to send the
 * person back to the login page.
 */

const BASE = '/api/v1';
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** One failed field of a validation error, with the path relative to the request body. */
export interface FieldError {
  path: string;
  message: string;
}

/** An error answer of the API (or a network failure, `status` 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Field errors of a validation answer (empty for other errors). */
  get fieldErrors(): FieldError[] {
    return parseFieldErrors(this.details);
  }
}

export function isApiError(value: unknown, code?: string): value is ApiError {
  return value instanceof ApiError && (code === undefined || value.code === code);
}

/**
 * Normalises a field path from the server to the body-relative dotted form the forms use:
 * `body.sites.0.siteId`, `/sites/0/siteId` and `sites[0].siteId` all become `sites.0.siteId`.
 */
export function normalizeFieldPath(path: string | readonly (string | number)[]): string {
  const joined = Array.isArray(path) ? path.join('.') : String(path);
  return joined
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '')
    .replace(/^(body|querystring|params)(\.|$)/, '')
    .replace(/\.{2,}/g, '.');
}

/**
 * Reads validation details in the shapes the server sends: an array of `{path, message}` (schema
 * validation) or `{issues: [...]}` (domain validation).
 */
export function parseFieldErrors(details: unknown): FieldError[] {
  const list = Array.isArray(details)
    ? details
    : details && typeof details === 'object' && Array.isArray((details as { issues?: unknown }).issues)
      ? (details as { issues: unknown[] }).issues
      : [];
  const out: FieldError[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const { path, message } = item as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    const rawPath = typeof path === 'string' || Array.isArray(path) ? (path as string | (string | number)[]) : '';
    out.push({ path: normalizeFieldPath(rawPath), message });
  }
  return out;
}

/** First message per field path: `{ folio: 'Obligatorio', 'sites.0.siteId': '…' }`. */
export function fieldErrorMap(errors: readonly FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const e of errors) if (!(e.path in map)) map[e.path] = e.message;
  return map;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** `?a=1&b=x` from the defined, non-empty params (in the given order); `''` when none. */
export function buildQuery(params?: QueryParams): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Absolute API path for links (XLSX exports): `apiUrl('/clients/export.xlsx', {q})`. */
export function apiUrl(path: string, params?: QueryParams): string {
  return `${BASE}${path}${buildQuery(params)}`;
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** Kept in memory only (from login or session); sent as `X-CSRF-Token` on writes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once by the app: what to do when a protected call answers 401. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Set to false where a 401 is an expected answer (login, session probe). */
  redirectOn401?: boolean;
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (WRITE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', 'No se pudo conectar con el servidor');
  }

  const text = response.status === 204 ? '' : await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    const error = toApiError(response.status, data);
    if (response.status === 401 && options.redirectOn401 !== false) unauthorizedHandler?.();
    throw error;
  }
  return data as T;
}

function toApiError(status: number, data: unknown): ApiError {
  const body = data && typeof data === 'object' ? (data as { error?: unknown }).error : undefined;
  if (body && typeof body === 'object') {
    const { code, message, details } = body as { code?: unknown; message?: unknown; details?: unknown };
    return new ApiError(
      status,
      typeof code === 'string' ? code : fallbackCode(status),
      typeof message === 'string' ? message : `Error ${status}`,
      details,
    );
  }
  return new ApiError(status, fallbackCode(status), `Error ${status}`);
}

function fallbackCode(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'internal_error' : 'bad_request';
}

/** Shorthands; `query` for GET, `body` for writes. */
export const api = {
  get: <T>(path: string, query?: QueryParams, options?: Omit<RequestOptions, 'query' | 'body'>) =>
    apiRequest<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};
