import { api } from '../../../app/api-client';
import type { ApiToken, CreatedToken, CreateTokenBody } from '../../../app/api-types';

export const tokenKeys = { all: ['api-tokens'] as const };

export function listTokens(signal?: AbortSignal) {
  return api.get<{ items: ApiToken[] }>('/tokens', undefined, { signal });
}

/** The answer carries the raw token: the only time it is ever visible. */
export function createToken(body: CreateTokenBody) {
  return api.post<CreatedToken>('/tokens', body);
}

export function revokeToken(id: number) {
  return api.delete<ApiToken>(`/tokens/${id}`);
}
