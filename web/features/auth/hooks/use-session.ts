import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../../../app/api-client';
import type { ChangePasswordBody, LoginBody } from '../../../app/api-types';
import { changePassword, fetchSession, login, logout, SESSION_KEY, type Session } from '../api/auth-api';

/** The session is fetched once per page load (the CSRF token lives only in memory). */
export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => login(body),
    onSuccess: (response) => {
      setCsrfToken(response.csrfToken);
      // Nothing cached for a previous user may leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData<Session | null>(SESSION_KEY, response);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => logout(),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData<Session | null>(SESSION_KEY, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => changePassword(body),
    // `mustChangePassword` is cleared by the server: reload the session to leave the forced screen.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
