import { api, apiUrl } from '../../../app/api-client';
import type { CreateUserBody, ListResponse, ResetPasswordBody, Role, UpdateUserBody, User } from '../../../app/api-types';

export interface UserListParams {
  q?: string;
  role?: Role;
  active?: boolean;
  limit?: number;
  offset?: number;
}

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
};

export function listUsers(params: UserListParams, signal?: AbortSignal) {
  return api.get<ListResponse<User>>(
    '/users',
    { q: params.q, role: params.role, active: params.active, limit: params.limit, offset: params.offset },
    { signal },
  );
}

/** Everyone may read names for pickers (OT leader, audit filter). */
export function listUserOptions(signal?: AbortSignal) {
  return api.get<{ items: Pick<User, 'id' | 'name' | 'role' | 'active'>[] }>('/users/options', {}, { signal });
}

export function createUser(body: CreateUserBody) {
  return api.post<User>('/users', body);
}

export function updateUser(id: number, body: UpdateUserBody) {
  return api.patch<User>(`/users/${id}`, body);
}

export function resetUserPassword(id: number, body: ResetPasswordBody) {
  return api.post<void>(`/users/${id}/reset-password`, body);
}

export function usersExportUrl(params: UserListParams): string {
  return apiUrl('/users/export.xlsx', { q: params.q, role: params.role, active: params.active });
}
