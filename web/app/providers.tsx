import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { SESSION_KEY } from '../features/auth/api/auth-api';
import { ToastProvider } from '../components/ui/toast';
import { isApiError, setCsrfToken, setUnauthorizedHandler } from './api-client';
import { I18nProvider } from './i18n';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry only what may heal by itself: network failures and server errors, never a 4xx.
      retry: (failureCount, error) => failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
  },
});

// An expired session anywhere sends the person back to the login screen (RequireAuth reacts).
setUnauthorizedHandler(() => {
  setCsrfToken(null);
  queryClient.setQueryData(SESSION_KEY, null);
});

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ToastProvider>{children}</ToastProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
