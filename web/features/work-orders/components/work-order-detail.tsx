import { Link } from 'react-router';
import type { WorkOrder } from '../../../app/api-types';
import { describeError } from '../../../app/errors';
import { EMPTY, formatDateTime, formatMoney, formatWindow } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { Badge } from '../../../components/ui/badge';
import { ButtonLink } from '../../../components/ui/button';
import { Card, DescriptionList, PageHeader } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useWorkOrder, useWorkOrderFamily } from '../hooks/use-work-orders';
import { WorkOrderKindBadge, WorkOrderStatusBadge } from './work-order-badges';

interface Props {
  id: number;
  /** Whether the caller's role may edit OTs (the record's own `abilities` win when present). */
  canEdit: (workOrder: WorkOrder) => boolean;
  canCreate: boolean;
  paths: {
    list: string;
    detail: (id: number) => string;
    edit: (id: number) => string;
    newReprogramming: (parentId: number) => string;
    audit: (workOrderId: number) => string | null;
    /** The family's annex (Anexo C of the OT). */
    annex: (familyId: number) => string;
  };
}

export function WorkOrderDetail({ id, canEdit, canCreate, paths }: Props) {
  const { t, locale } = useI18n();
  const query = useWorkOrder(id);
  const family = useWorkOrderFamily(id);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState message={describeError(query.error, t, locale)} onRetry={() => void query.refetch()} />;
  const wo = query.data;
  const auditPath = paths.audit(wo.id);
  const parent = wo.parentId === null ? undefined : family.data?.find((m) => m.id === wo.parentId);

  return (
    <div className="page" data-testid="work-order-detail">
      <div className="breadcrumbs">
        <Link to={paths.list}>{t('wo.title')}</Link>
        <span aria-hidden="true">/</span>
        <span>{wo.folio}</span>
      </div>
      <PageHeader
        title={
          <>
            <span className="mono">{wo.folio}</span> <WorkOrderStatusBadge status={wo.status} /> <WorkOrderKindBadge workOrder={wo} />
            {!wo.active && <Badge tone="muted">{t('common.inactive')}</Badge>}
          </>
        }
        subtitle={wo.description}
        actions={
          <>
            <ButtonLink to={paths.annex(wo.familyId)} data-testid="annex-link">
              {t('wo.annexLink')}
            </ButtonLink>
            {auditPath && (
              <ButtonLink to={auditPath} data-testid="audit-link">
                {t('wo.auditLink')}
              </ButtonLink>
            )}
            {canCreate && (
              <ButtonLink to={paths.newReprogramming(wo.familyId)} data-testid="new-reprogramming">
                {t('wo.newReprogramming')}
              </ButtonLink>
            )}
            {canEdit(wo) && (
              <ButtonLink to={paths.edit(wo.id)} variant="primary" data-testid="edit-button">
                {t('common.edit')}
              </ButtonLink>
            )}
          </>
        }
      />
      <div className="detail-grid">
        <Card title={t('wo.sectionGeneral')} testId="wo-general">
          <DescriptionList
            items={[
              { label: t('wo.folio'), value: <span className="mono">{wo.folio}</span>, testId: 'wo-folio' },
              { label: t('wo.client'), value: wo.clientName, testId: 'wo-client' },
              { label: t('wo.leader'), value: wo.leaderName ?? EMPTY, testId: 'wo-leader' },
              { label: t('wo.front'), value: wo.frontName ?? EMPTY, testId: 'wo-front' },
              { label: t('wo.status'), value: <WorkOrderStatusBadge status={wo.status} /> },
              { label: t('wo.kind'), value: <WorkOrderKindBadge workOrder={wo} /> },
              ...(wo.parentId !== null
                ? [
                    {
                      label: t('wo.parent'),
                      value: (
                        <Link to={paths.detail(wo.parentId)} className="mono">
                          {parent?.folio ?? `#${wo.parentId}`}
                        </Link>
                      ),
                      testId: 'wo-parent',
                    },
                  ]
                : []),
              { label: t('wo.officialLetter'), value: wo.officialLetter ?? EMPTY, testId: 'wo-official-letter' },
              { label: t('wo.clientResponsible'), value: wo.clientResponsible ?? EMPTY, testId: 'wo-client-responsible' },
              {
                label: t('wo.description'),
                value: <span className="pre-line">{wo.description}</span>,
                wide: true,
                testId: 'wo-description',
              },
            ]}
          />
        </Card>
        <Card title={t('wo.sectionDates')} testId="wo-dates">
          <DescriptionList
            items={[
              {
                label: t('wo.validity'),
                value: (
                  <span>
                    <strong data-testid="wo-validity">{formatWindow(wo.validity.start, wo.validity.end)}</strong>
                    <span className="field-hint">{t('wo.validityHint')}</span>
                  </span>
                ),
                wide: true,
              },
              { label: t('wo.plannedWindow'), value: formatWindow(wo.plannedStart, wo.plannedEnd), testId: 'wo-planned' },
              { label: t('wo.actualWindow'), value: formatWindow(wo.actualStart, wo.actualEnd), testId: 'wo-actual' },
              {
                label: t('wo.yardWindow'),
                value: wo.requiresYard ? formatWindow(wo.yardStart, wo.yardEnd) : t('common.no'),
                testId: 'wo-yard',
              },
              { label: t('wo.termDays'), value: wo.termDays ?? EMPTY, testId: 'wo-term-days' },
            ]}
          />
        </Card>
        <Card title={t('wo.sectionAmounts')} testId="wo-amounts">
          <DescriptionList
            items={[
              { label: t('wo.amountMxn'), value: <span className="num">{formatMoney(wo.amountMxn, 'MXN')}</span>, testId: 'wo-amount-mxn' },
              { label: t('wo.amountUsd'), value: <span className="num">{formatMoney(wo.amountUsd, 'USD')}</span>, testId: 'wo-amount-usd' },
              { label: t('common.createdAt'), value: formatDateTime(wo.createdAt) },
              { label: t('common.updatedAt'), value: formatDateTime(wo.updatedAt) },
            ]}
          />
        </Card>
        <Card title={t('wo.sectionSites')} testId="wo-sites">
          {wo.sites.length === 0 ? (
            <p className="muted">{t('wo.noSites')}</p>
          ) : (
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>{t('common.name')}</th>
                  <th>{t('catalogue.kind')}</th>
                  <th>{t('wo.siteRole')}</th>
                </tr>
              </thead>
              <tbody>
                {wo.sites.map((s) => (
                  <tr key={s.siteId} data-testid="wo-site-row">
                    <td>{s.name}</td>
                    <td>{t(`siteKind.${s.kind}`)}</td>
                    <td>
                      <Badge tone={s.role === 'main' ? 'info' : 'neutral'}>{t(`siteRole.${s.role}`)}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <FamilyCard workOrder={wo} detailPath={paths.detail} />
      </div>
    </div>
  );
}

function FamilyCard({ workOrder, detailPath }: { workOrder: WorkOrder; detailPath: (id: number) => string }) {
  const { t, locale } = useI18n();
  const family = useWorkOrderFamily(workOrder.id);
  return (
    <Card title={`${t('wo.family')} · ${t('wo.familyHint')}`} testId="wo-family" className="detail-wide">
      {family.isPending ? (
        <LoadingState />
      ) : family.isError ? (
        <ErrorState message={describeError(family.error, t, locale)} onRetry={() => void family.refetch()} />
      ) : (
        <table className="table table-compact">
          <thead>
            <tr>
              <th>{t('wo.folio')}</th>
              <th>{t('wo.kind')}</th>
              <th>{t('wo.status')}</th>
              <th>{t('wo.plannedWindow')}</th>
              <th>{t('wo.actualWindow')}</th>
              <th className="num">{t('wo.amountMxn')}</th>
              <th className="num">{t('wo.amountUsd')}</th>
            </tr>
          </thead>
          <tbody>
            {family.data.map((member) => (
              <tr
                key={member.id}
                data-testid="family-row"
                data-id={member.id}
                className={member.id === workOrder.id ? 'row-current' : undefined}
              >
                <td className="nowrap">
                  {member.id === workOrder.id ? (
                    <strong className="mono" title={t('wo.current')}>
                      {member.folio}
                    </strong>
                  ) : (
                    <Link to={detailPath(member.id)} className="mono">
                      {member.folio}
                    </Link>
                  )}
                </td>
                <td>
                  <WorkOrderKindBadge workOrder={member} />
                </td>
                <td>
                  <WorkOrderStatusBadge status={member.status} />
                </td>
                <td className="nowrap">{formatWindow(member.plannedStart, member.plannedEnd)}</td>
                <td className="nowrap">{formatWindow(member.actualStart, member.actualEnd)}</td>
                <td className="num">{formatMoney(member.amountMxn, 'MXN')}</td>
                <td className="num">{formatMoney(member.amountUsd, 'USD')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
