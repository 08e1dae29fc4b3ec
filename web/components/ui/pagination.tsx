import { useI18n } from '../../app/i18n';
import { formatInteger } from '../../app/format';

export function Pagination({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useI18n();
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label="Paginación" data-testid="pagination">
      <span className="pagination-range">
        {t('common.range', { from: formatInteger(from), to: formatInteger(to), total: formatInteger(total) })}
      </span>
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
        data-testid="page-prev"
      >
        {t('common.previous')}
      </button>
      <button
        type="button"
        className="btn btn-secondary btn-sm"
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
        data-testid="page-next"
      >
        {t('common.next')}
      </button>
    </nav>
  );
}
