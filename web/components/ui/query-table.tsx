import { describeError } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { DataTable, type DataTableProps } from './data-table';
import { Pagination } from './pagination';
import { ErrorState, LoadingState } from './states';

interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: { items: T[]; total: number } | undefined;
  refetch: () => unknown;
}

type Props<T> = Omit<DataTableProps<T>, 'rows'> & {
  query: ListQuery<T>;
  /** Rows to show (defaults to the page's items), e.g. filtered on the client. */
  select?: (items: T[]) => readonly T[];
  /** Server-side paging: shown only when there is more than one page. */
  paging?: { offset: number; limit: number; onChange: (offset: number) => void };
};

/** A list query's three states — loading, error with retry, table (+ pagination) — in one place. */
export function QueryTable<T>({ query, select, paging, ...table }: Props<T>) {
  const { t, locale } = useI18n();
  if (query.isPending) return <LoadingState />;
  if (query.isError || !query.data)
    return <ErrorState message={describeError(query.error, t, locale)} onRetry={() => void query.refetch()} />;
  const { items, total } = query.data;
  return (
    <>
      <DataTable {...table} rows={select ? select(items) : items} />
      {paging && total > paging.limit && (
        <Pagination offset={paging.offset} limit={paging.limit} total={total} onChange={paging.onChange} />
      )}
    </>
  );
}
