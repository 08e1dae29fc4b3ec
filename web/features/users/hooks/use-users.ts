import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, UpdateUserBody } from '../../../app/api-types';
import { createUser, listUserOptions, listUsers, resetUserPassword, updateUser, userKeys, type UserListParams } from '../api/users-api';

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: ({ signal }) => listUsers(params, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * All users for pickers (OT leader, audit filter). Only admins may list users today: pass
 * `enabled: false` for other roles and the picker degrades gracefully.
 */
export function useUserOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'options'] as const,
    queryFn: ({ signal }) => listUserOptions(signal),
    enabled,
    staleTime: 60_000,
    retry: false,
    select: (data) => data.items,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => createUser(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateUserBody }) => updateUser(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useResetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) => resetUserPassword(id, { password }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
