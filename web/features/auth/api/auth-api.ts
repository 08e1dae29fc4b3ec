import { api, isApiError, setCsrfToken } from '../../../app/api-client';
import type { ChangePasswordBody, LoginBody, LoginResponse, SessionResponse } from '../../../app/api-types';

export const SESSION_KEY = ['session'] as const;

export type Session = SessionResponse;

export function login(body: LoginBody): Promise<LoginResponse> {
  return api.post<LoginResponse>('/auth/login', body, { redirectOn401: false });
}

export function logout(): Promise<void> {
  return api.post<void>('/auth/logout', undefined, { redirectOn401: false });
}

/** The current session, or `null` when nobody is logged in (401). Remembers the CSRF token. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<SessionResponse>('/auth/session', undefined, { redirectOn401: false });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function changePassword(body: ChangePasswordBody): Promise<void> {
  return api.post<void>('/auth/password', body);
}
