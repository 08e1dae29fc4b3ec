import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { bulkDailyReports, dailyKeys, getDailyGrid, type BulkDailyReportsBody, type DailyGridParams } from '../api/daily-reports-api';

export function useDailyGrid(params: DailyGridParams | null) {
  return useQuery({
    queryKey: params ? dailyKeys.grid(params) : ['daily-reports', 'grid', 'none'],
    queryFn: ({ signal }) => getDailyGrid(params as DailyGridParams, signal),
    enabled: params !== null,
  });
}

/** Sets or clears many days of one OT at the site in one transaction (all or nothing). */
export function useBulkDailyReports() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkDailyReportsBody) => bulkDailyReports(body),
    // Production grids show the daily reports (signed days lock them): refresh those too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: dailyKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['production'] }),
      ]),
  });
}
