import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  apiRequest,
  apiUrl,
  buildQuery,
  fieldErrorMap,
  normalizeFieldPath,
  parseFieldErrors,
  setCsrfToken,
  setUnauthorizedHandler,
} from './api-client';

describe('buildQuery', () => {
  it('skips empty values and keeps order', () => {
    expect(buildQuery({ q: 'pemex', active: true, clientId: 3, siteId: undefined, status: '', x: null })).toBe(
      '?q=pemex&active=true&clientId=3',
    );
    expect(buildQuery({})).toBe('');
    expect(buildQuery()).toBe('');
  });
  it('encodes text', () => {
    expect(apiUrl('/clients/export.xlsx', { q: 'a&b ñ' })).toBe('/api/v1/clients/export.xlsx?q=a%26b+%C3%B1');
  });
});

describe('field errors', () => {
  it('normalises paths from the schema validator and other shapes', () => {
    expect(normalizeFieldPath('body.folio')).toBe('folio');
    expect(normalizeFieldPath('body.sites.0.siteId')).toBe('sites.0.siteId');
    expect(normalizeFieldPath('/sites/0/siteId')).toBe('sites.0.siteId');
    expect(normalizeFieldPath('sites[1].role')).toBe('sites.1.role');
    expect(normalizeFieldPath(['body', 'plannedEnd'])).toBe('plannedEnd');
    expect(normalizeFieldPath('querystring.limit')).toBe('limit');
    expect(normalizeFieldPath('body')).toBe('');
    expect(normalizeFieldPath('bodyText')).toBe('bodyText');
  });
  it('reads arrays and {issues} details', () => {
    expect(parseFieldErrors([{ path: 'body.folio', message: 'Obligatorio' }, { nope: 1 }, 'x'])).toEqual([
      { path: 'folio', message: 'Obligatorio' },
    ]);
    expect(parseFieldErrors({ issues: [{ path: 'volume', code: 'negative', message: 'No negativo' }] })).toEqual([
      { path: 'volume', message: 'No negativo' },
    ]);
    expect(parseFieldErrors({ constraint: 'x' })).toEqual([]);
    expect(parseFieldErrors(undefined)).toEqual([]);
  });
  it('keeps the first message per field', () => {
    expect(
      fieldErrorMap([
        { path: 'folio', message: 'A' },
        { path: 'folio', message: 'B' },
        { path: 'clientId', message: 'C' },
      ]),
    ).toEqual({ folio: 'A', clientId: 'C' });
  });
});

describe('apiRequest', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    setUnauthorizedHandler(null);
  });

  function stubFetch(status: number, body: unknown) {
    const fetchMock = vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  }

  it('sends the CSRF token on writes only, with the cookie', async () => {
    const fetchMock = stubFetch(200, { ok: true });
    setCsrfToken('tok');
    await apiRequest('PATCH', '/clients/1', { body: { active: false } });
    await apiRequest('GET', '/clients');
    const [, writeInit] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const [, readInit] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect((writeInit.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok');
    expect((writeInit.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(writeInit.body).toBe('{"active":false}');
    expect(writeInit.credentials).toBe('include');
    expect((readInit.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
  });

  it('turns error answers into ApiError with details', async () => {
    stubFetch(400, {
      error: { code: 'validation_failed', message: 'Datos inválidos', details: [{ path: 'body.name', message: 'Obligatorio' }] },
    });
    const error = await apiRequest('POST', '/clients', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('validation_failed');
    expect(apiError.message).toBe('Datos inválidos');
    expect(apiError.fieldErrors).toEqual([{ path: 'name', message: 'Obligatorio' }]);
  });

  it('calls the unauthorized handler on 401 unless told not to', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    stubFetch(401, { error: { code: 'unauthorized', message: 'Inicie sesión' } });
    await expect(apiRequest('GET', '/clients')).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledTimes(1);
    await expect(apiRequest('POST', '/auth/login', { body: {}, redirectOn401: false })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('accepts 204 without a body and maps network failures', async () => {
    stubFetch(204, undefined);
    await expect(apiRequest('POST', '/auth/logout')).resolves.toBeUndefined();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(apiRequest('GET', '/health')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('falls back to a code by status when the body is not the error shape', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>', { status: 429 })),
    );
    await expect(apiRequest('POST', '/auth/login', { body: {}, redirectOn401: false })).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
    });
  });
});
