import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AuditEntry } from '../../../app/api-types';
import { formatDate, formatDateTime, formatInteger, parseDisplayDate } from '../../../app/format';
import { useI18n, type TranslateFn } from '../../../app/i18n';
import { isMessageKey } from '../../../app/i18n/translate';
import { Badge } from '../../../components/ui/badge';
import { DownloadLink } from '../../../components/ui/button';
import { type Column } from '../../../components/ui/data-table';
import { QueryTable } from '../../../components/ui/query-table';
import { DateField } from '../../../components/ui/field';
import { Icons } from '../../../components/ui/icons';
import { PageHeader, Toolbar } from '../../../components/ui/page';
import { SearchPicker, type PickerOption } from '../../../components/ui/search-picker';
import { auditExportUrl, type AuditListParams } from '../api/audit-api';
import { useAudit } from '../hooks/use-audit';
import { AuditChanges } from './audit-changes';

const PAGE_SIZE = 100;
const ENTITIES = ['work_order', 'client', 'site', 'unit', 'front', 'user', 'api_token', 'session'] as const;

interface Props {
  /** Users for the filter, or `null` when the caller's role cannot list users. */
  users: readonly { id: number; label: string }[] | null;
  searchWorkOrders: (text: string, signal: AbortSignal) => Promise<PickerOption[]>;
  loadWorkOrder: (id: number, signal: AbortSignal) => Promise<PickerOption>;
  workOrderPath: (id: number) => string;
}

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

function validIso(value: string | null): string | undefined {
  if (!value) return undefined;
  const parsed = parseDisplayDate(value);
  return parsed.ok && parsed.iso ? parsed.iso : undefined;
}

export function entityLabel(t: TranslateFn, entity: string): string {
  const key = `audit.entity.${entity}`;
  return isMessageKey(key) ? t(key) : entity;
}

function actionLabel(t: TranslateFn, action: string): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

/** The audit log: who changed what, when, with before → after of each field. Filters live in the URL. */
export function AuditScreen({ users, searchWorkOrders, loadWorkOrder, workOrderPath }: Props) {
  const { t } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const params: AuditListParams = {
    actorId: positiveInt(searchParams.get('actorId')),
    entity: searchParams.get('entity') || undefined,
    entityId: searchParams.get('entityId') || undefined,
    workOrderId: positiveInt(searchParams.get('workOrderId')),
    from: validIso(searchParams.get('from')),
    to: validIso(searchParams.get('to')),
    limit: PAGE_SIZE,
    offset: positiveInt(searchParams.get('offset')) ?? 0,
  };
  const [fromText, setFromText] = useState(params.from ? formatDate(params.from) : '');
  const [toText, setToText] = useState(params.to ? formatDate(params.to) : '');
  const [entityIdText, setEntityIdText] = useState(params.entityId ?? '');

  const setParam = (name: string, value: string | undefined) =>
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

  const setDate = (name: 'from' | 'to', text: string) => {
    (name === 'from' ? setFromText : setToText)(text);
    const parsed = parseDisplayDate(text);
    if (parsed.ok) setParam(name, parsed.iso ?? undefined);
  };

  const workOrderLabel = useQuery({
    queryKey: ['audit', 'work-order-label', params.workOrderId],
    queryFn: ({ signal }) => loadWorkOrder(params.workOrderId ?? 0, signal),
    enabled: params.workOrderId !== undefined,
    staleTime: 60_000,
  });
  const pickedWorkOrder: PickerOption | null =
    params.workOrderId === undefined ? null : (workOrderLabel.data ?? { value: params.workOrderId, label: `#${params.workOrderId}` });

  const list = useAudit(params);
  const hasFilters = [...searchParams.keys()].some((k) => k !== 'offset');

  const columns: Column<AuditEntry>[] = [
    {
      key: 'at',
      header: t('audit.at'),
      width: '10.5rem',
      nowrap: true,
      render: (e) => <span className="mono small">{formatDateTime(e.at, true)}</span>,
    },
    {
      key: 'actor',
      header: t('audit.user'),
      width: '12rem',
      render: (e) => (
        <span className="stack">
          {e.actorId !== null ? (
            <button
              type="button"
              className="link-button"
              onClick={() => setParam('actorId', String(e.actorId))}
              title={t('audit.user')}
              data-testid="audit-actor"
            >
              {e.actorLabel}
            </button>
          ) : (
            <span>{e.actorLabel}</span>
          )}
          <span className="muted small">{e.via}</span>
        </span>
      ),
    },
    {
      key: 'action',
      header: t('audit.action'),
      width: '9rem',
      render: (e) => (
        <Badge tone={e.action === 'create' ? 'success' : e.action === 'deactivate' || e.action === 'revoke' ? 'danger' : 'neutral'}>
          {actionLabel(t, e.action)}
        </Badge>
      ),
    },
    {
      key: 'entity',
      header: t('audit.entity'),
      width: '10rem',
      render: (e) => (
        <span>
          {entityLabel(t, e.entity)} <span className="muted mono small">#{e.entityId}</span>
        </span>
      ),
    },
    {
      key: 'workOrder',
      header: t('audit.workOrder'),
      width: '6rem',
      render: (e) =>
        e.workOrderId !== null ? (
          <Link to={workOrderPath(e.workOrderId)} className="mono">
            #{e.workOrderId}
          </Link>
        ) : (
          ''
        ),
    },
    { key: 'changes', header: t('audit.changes'), width: '45%', render: (e) => <AuditChanges entry={e} /> },
  ];
  // The reason column only appears when some entry on the page has one.
  if (list.data?.items.some((e) => e.reason))
    columns.push({ key: 'reason', header: t('audit.reason'), width: '12rem', render: (e) => e.reason ?? '' });

  return (
    <div className="page page-fill" data-testid="audit-page">
      <PageHeader
        title={t('audit.title')}
        subtitle={list.data ? t('common.count', { count: formatInteger(list.data.total) }) : undefined}
        actions={
          <DownloadLink href={auditExportUrl(params)} icon={<Icons.download />} data-testid="export-xlsx">
            {t('common.exportXlsx')}
          </DownloadLink>
        }
      />
      <Toolbar
        end={
          hasFilters ? (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={() => {
                setFromText('');
                setToText('');
                setEntityIdText('');
                setSearchParams({}, { replace: true });
              }}
              data-testid="clear-filters"
            >
              {t('common.clearFilters')}
            </button>
          ) : undefined
        }
      >
        {users ? (
          <select
            className="input select"
            aria-label={t('audit.user')}
            value={params.actorId ?? ''}
            onChange={(e) => setParam('actorId', e.target.value || undefined)}
            data-testid="filter-actorId"
          >
            <option value="">{t('audit.allUsers')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.label}
              </option>
            ))}
          </select>
        ) : (
          params.actorId !== undefined && (
            <span className="chip">
              {t('audit.user')} #{params.actorId}
              <button type="button" className="chip-remove" aria-label={t('common.remove')} onClick={() => setParam('actorId', undefined)}>
                ×
              </button>
            </span>
          )
        )}
        <select
          className="input select"
          aria-label={t('audit.entity')}
          value={params.entity ?? ''}
          onChange={(e) => setParam('entity', e.target.value || undefined)}
          data-testid="filter-entity"
        >
          <option value="">{t('audit.allEntities')}</option>
          {ENTITIES.map((entity) => (
            <option key={entity} value={entity}>
              {entityLabel(t, entity)}
            </option>
          ))}
        </select>
        <input
          className="input input-narrow"
          placeholder={t('audit.entityId')}
          aria-label={t('audit.entityId')}
          value={entityIdText}
          onChange={(e) => setEntityIdText(e.target.value)}
          onBlur={() => setParam('entityId', entityIdText.trim() || undefined)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setParam('entityId', entityIdText.trim() || undefined);
          }}
          data-testid="filter-entityId"
        />
        <div className="toolbar-field">
          <SearchPicker
            name="workOrderId"
            label={t('audit.workOrder')}
            value={pickedWorkOrder}
            onChange={(option) => setParam('workOrderId', option ? String(option.value) : undefined)}
            search={searchWorkOrders}
            placeholder={t('users.searchWorkOrder')}
          />
        </div>
        <div className="toolbar-field toolbar-date">
          <DateField name="from" label={t('audit.from')} value={fromText} onChange={(v) => setDate('from', v)} testId="filter-from" />
        </div>
        <div className="toolbar-field toolbar-date">
          <DateField name="to" label={t('audit.to')} value={toText} onChange={(v) => setDate('to', v)} testId="filter-to" />
        </div>
      </Toolbar>
      <QueryTable
        query={list}
        columns={columns}
        rowKey={(e) => e.id}
        rowTestId="audit-row"
        empty={hasFilters ? t('common.emptyFiltered') : t('common.empty')}
        caption={t('audit.title')}
        paging={{
          offset: params.offset ?? 0,
          limit: PAGE_SIZE,
          onChange: (offset) => setParam('offset', offset ? String(offset) : undefined),
        }}
      />
    </div>
  );
}
