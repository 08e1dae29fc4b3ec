import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { WORK_ORDER_KINDS, WORK_ORDER_STATUSES, type WorkOrder, type WorkOrderKind, type WorkOrderStatus } from '../../../app/api-types';
import { formatDate, formatInteger, formatWindow } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { ButtonLink, DownloadLink } from '../../../components/ui/button';
import { type Column } from '../../../components/ui/data-table';
import { QueryTable } from '../../../components/ui/query-table';
import { Icons } from '../../../components/ui/icons';
import { PageHeader, Toolbar } from '../../../components/ui/page';
import { workOrdersExportUrl, type WorkOrderListParams } from '../api/work-orders-api';
import { useWorkOrders } from '../hooks/use-work-orders';
import type { RefOption } from './refs';
import { WorkOrderKindBadge, WorkOrderStatusBadge } from './work-order-badges';

const PAGE_SIZE = 100;

function numberParam(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

function isStatus(v: string | null): v is WorkOrderStatus {
  return (WORK_ORDER_STATUSES as readonly string[]).includes(v ?? '');
}

function isKind(v: string | null): v is WorkOrderKind {
  return (WORK_ORDER_KINDS as readonly string[]).includes(v ?? '');
}

interface Props {
  clients: readonly RefOption[];
  sites: readonly RefOption[];
  fronts: readonly RefOption[];
  canCreate: boolean;
  /** Where a row's folio links to. */
  detailPath: (id: number) => string;
  newPath: string;
}

/** The OT list; every filter lives in the URL so a filtered list can be bookmarked or shared. */
export function WorkOrdersScreen({ clients, sites, fronts, canCreate, detailPath, newPath }: Props) {
  const { t } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const [search, setSearch] = useState(searchParams.get('q') ?? '');
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const status = searchParams.get('status');
  const kind = searchParams.get('kind');
  const params: WorkOrderListParams = {
    q: searchParams.get('q') || undefined,
    status: isStatus(status) ? status : undefined,
    kind: isKind(kind) ? kind : undefined,
    clientId: numberParam(searchParams.get('clientId')),
    siteId: numberParam(searchParams.get('siteId')),
    frontId: numberParam(searchParams.get('frontId')),
    initialOnly: searchParams.get('initialOnly') === 'true' ? true : undefined,
    limit: PAGE_SIZE,
    offset: numberParam(searchParams.get('offset')) ?? 0,
  };

  const setParam = (name: string, value: string | undefined) => {
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        if (name !== 'offset') next.delete('offset');
        return next;
      },
      { replace: true },
    );
  };

  // The URL follows the search box once typing pauses.
  const onSearch = (text: string) => {
    setSearch(text);
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => setParam('q', text.trim() || undefined), 300);
  };

  const list = useWorkOrders(params);
  const hasFilters = [...searchParams.keys()].some((k) => k !== 'offset');

  const columns: Column<WorkOrder>[] = [
    {
      key: 'folio',
      header: t('wo.folio'),
      nowrap: true,
      render: (wo) => (
        <Link to={detailPath(wo.id)} className="link-strong mono" data-testid="work-order-link">
          {wo.folio}
        </Link>
      ),
    },
    {
      key: 'description',
      header: t('wo.description'),
      width: '30%',
      render: (wo) => (
        <span className="clamp-2" title={wo.description}>
          {wo.description}
        </span>
      ),
    },
    { key: 'client', header: t('wo.client'), render: (wo) => <span className="clamp-2">{wo.clientName}</span> },
    { key: 'status', header: t('wo.status'), nowrap: true, render: (wo) => <WorkOrderStatusBadge status={wo.status} /> },
    { key: 'kind', header: t('wo.kind'), nowrap: true, render: (wo) => <WorkOrderKindBadge workOrder={wo} /> },
    { key: 'plannedStart', header: t('wo.plannedStart'), nowrap: true, render: (wo) => formatDate(wo.plannedStart) },
    { key: 'plannedEnd', header: t('wo.plannedEnd'), nowrap: true, render: (wo) => formatDate(wo.plannedEnd) },
    { key: 'validity', header: t('wo.validity'), nowrap: true, render: (wo) => formatWindow(wo.validity.start, wo.validity.end) },
    {
      key: 'sites',
      header: t('wo.sites'),
      width: '14%',
      render: (wo) => (
        <span className="clamp-2" title={wo.sites.map((s) => s.name).join(', ')}>
          {wo.sites.map((s) => s.name).join(', ')}
        </span>
      ),
    },
  ];

  const refSelect = (name: string, label: string, allLabel: string, refs: readonly RefOption[]) => (
    <select
      className="input select"
      aria-label={label}
      value={searchParams.get(name) ?? ''}
      onChange={(e) => setParam(name, e.target.value || undefined)}
      data-testid={`filter-${name}`}
    >
      <option value="">{allLabel}</option>
      {refs.map((r) => (
        <option key={r.id} value={r.id}>
          {r.label}
        </option>
      ))}
    </select>
  );

  return (
    <div className="page page-fill" data-testid="work-orders-page">
      <PageHeader
        title={t('wo.title')}
        subtitle={list.data ? t('common.count', { count: formatInteger(list.data.total) }) : undefined}
        actions={
          <>
            <DownloadLink href={workOrdersExportUrl(params)} icon={<Icons.download />} data-testid="export-xlsx">
              {t('common.exportXlsx')}
            </DownloadLink>
            {canCreate && (
              <ButtonLink to={newPath} variant="primary" icon={<Icons.plus />} data-testid="new-button">
                {t('wo.new')}
              </ButtonLink>
            )}
          </>
        }
      />
      <Toolbar
        end={
          hasFilters ? (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={() => {
                setSearch('');
                setSearchParams({}, { replace: true });
              }}
              data-testid="clear-filters"
            >
              {t('common.clearFilters')}
            </button>
          ) : undefined
        }
      >
        <input
          type="search"
          className="input input-search"
          placeholder={t('common.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          data-testid="search-input"
        />
        <select
          className="input select"
          aria-label={t('wo.status')}
          value={params.status ?? ''}
          onChange={(e) => setParam('status', e.target.value || undefined)}
          data-testid="filter-status"
        >
          <option value="">{t('wo.allStatuses')}</option>
          {WORK_ORDER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <select
          className="input select"
          aria-label={t('wo.kind')}
          value={params.kind ?? ''}
          onChange={(e) => setParam('kind', e.target.value || undefined)}
          data-testid="filter-kind"
        >
          <option value="">{t('wo.allKinds')}</option>
          {WORK_ORDER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
        {refSelect('clientId', t('wo.client'), t('wo.allClients'), clients)}
        {refSelect('siteId', t('wo.sites'), t('wo.allSites'), sites)}
        {refSelect('frontId', t('wo.front'), t('wo.allFronts'), fronts)}
        <label className="checkbox toolbar-check">
          <input
            type="checkbox"
            checked={params.initialOnly === true}
            onChange={(e) => setParam('initialOnly', e.target.checked ? 'true' : undefined)}
            data-testid="filter-initialOnly"
          />
          <span>{t('wo.initialOnly')}</span>
        </label>
      </Toolbar>
      <QueryTable
        query={list}
        columns={columns}
        rowKey={(wo) => wo.id}
        rowTestId="work-orders-row"
        empty={hasFilters ? t('common.emptyFiltered') : t('common.empty')}
        caption={t('wo.title')}
        paging={{
          offset: params.offset ?? 0,
          limit: PAGE_SIZE,
          onChange: (offset) => setParam('offset', offset ? String(offset) : undefined),
        }}
      />
    </div>
  );
}
