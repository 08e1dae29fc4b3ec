import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DownloadLink } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { Toolbar } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useI18n } from '../../../app/i18n';
import { describeError } from '../../../app/errors';
import { monthlyApi, type ListParams, type MonthlyReportSummary, type MonthlyStatus } from '../api/monthly-reports-api';
import { useMonthlyReportList } from '../hooks/use-monthly-reports';
import { ClosureBoard } from './closure-board';
import { MonthlyStatusBadge } from './status-badge';
import { safeHref } from './safe-href';

const STATUSES: MonthlyStatus[] = ['abierto', 'en_revision', 'cerrado', 'facturado'];

/** Reportes mensuales: the closure board (OTs × months) and the list with the seed's queries. */
export function MonthlyReportsScreen({ detailPath }: { detailPath: (id: number) => string }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<'board' | 'list'>('board');
  return (
    <div data-testid="monthly-reports-screen">
      <div className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'board'}
          className={`tab${tab === 'board' ? ' tab-active' : ''}`}
          onClick={() => setTab('board')}
          data-testid="tab-board"
        >
          {t('mr.tab.board')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'list'}
          className={`tab${tab === 'list' ? ' tab-active' : ''}`}
          onClick={() => setTab('list')}
          data-testid="tab-list"
        >
          {t('mr.tab.list')}
        </button>
      </div>
      {tab === 'board' ? <ClosureBoard detailPath={detailPath} /> : <MonthlyReportList detailPath={detailPath} />}
    </div>
  );
}

function MonthlyReportList({ detailPath }: { detailPath: (id: number) => string }) {
  const { t, locale } = useI18n();
  const [params, setParams] = useState<ListParams>({ sort: 'newest' });
  const query = useMonthlyReportList(params);
  const set = (patch: Partial<ListParams>) => setParams((p) => ({ ...p, ...patch }));
  return (
    <>
      <Toolbar
        end={
          <DownloadLink href={monthlyApi.exportUrl(params)} size="sm">
            {t('common.exportXlsx')}
          </DownloadLink>
        }
      >
        <label className="field">
          <span className="field-label">{t('mr.filter.folio')}</span>
          <input
            className="input input-sm"
            value={params.folio ?? ''}
            onChange={(e) => set({ folio: e.target.value || undefined })}
            data-testid="mr-filter-folio"
          />
        </label>
        <label className="field">
          <span className="field-label">{t('mr.filter.status')}</span>
          <select
            className="input input-sm"
            value={params.status ?? ''}
            onChange={(e) => set({ status: (e.target.value || undefined) as MonthlyStatus | undefined })}
            data-testid="mr-filter-status"
          >
            <option value="">{t('mr.filter.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`mr.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('mr.filter.year')}</span>
          <input
            className="input input-sm input-narrow"
            type="number"
            min={2000}
            max={2100}
            value={params.year ?? ''}
            onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : undefined })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('mr.filter.month')}</span>
          <input
            className="input input-sm input-narrow"
            type="number"
            min={1}
            max={12}
            value={params.month ?? ''}
            onChange={(e) => set({ month: e.target.value ? Number(e.target.value) : undefined })}
          />
        </label>
        <label className="field field-checkbox">
          <input
            type="checkbox"
            checked={params.period === 'current'}
            onChange={(e) => set({ period: e.target.checked ? 'current' : undefined })}
            data-testid="mr-filter-current"
          />
          <span>{t('mr.filter.currentMonth')}</span>
        </label>
      </Toolbar>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState message={describeError(query.error, t, locale)} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<MonthlyReportSummary>
          rows={query.data.items}
          rowKey={(r) => r.id}
          rowTestId="mr-row"
          empty={t('mr.empty')}
          columns={[
            { key: 'name', header: t('mr.col.report'), render: (r) => <Link to={detailPath(r.id)}>{r.displayName}</Link> },
            { key: 'status', header: t('mr.col.status'), render: (r) => <MonthlyStatusBadge status={r.status} /> },
            { key: 'version', header: t('mr.col.version'), align: 'right', render: (r) => r.version },
            {
              key: 'evidence',
              header: t('mr.col.evidence'),
              render: (r) => {
                const href = safeHref(r.evidenceUrl);
                return href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {t('mr.evidence.open')}
                  </a>
                ) : (
                  <span className="muted">—</span>
                );
              },
            },
            {
              key: 'updated',
              header: t('mr.col.updated'),
              nowrap: true,
              render: (r) => new Date(r.updatedAt).toLocaleDateString(locale === 'es' ? 'es-MX' : 'en-US'),
            },
          ]}
        />
      )}
    </>
  );
}

export function useOpenReport() {
  const navigate = useNavigate();
  return async (workOrderId: number, year: number, month: number, detailPath: (id: number) => string) => {
    const r = await monthlyApi.open(workOrderId, year, month);
    navigate(detailPath(r.id));
  };
}
