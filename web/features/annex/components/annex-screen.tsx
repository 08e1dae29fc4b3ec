/**
 * The OT's annex: line items grouped by sub-annex in natural order (the server sorts), authorized
 * volume, P.U. MXN/USD, amounts, subtotals per sub-annex and totals per currency; the annex
 * versions; a line item's history; the import wizard and ad-hoc items for those allowed.
 */
import './annex.css';
import { Fragment, useState } from 'react';
import { formatVolume } from '../../../../domain/money';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { formatAmount, formatDateTime } from '../../../app/format';
import { Badge } from '../../../components/ui/badge';
import { Button, DownloadLink } from '../../../components/ui/button';
import { Card, PageHeader } from '../../../components/ui/page';
import { SidePanel } from '../../../components/ui/side-panel';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { lineItemsExportUrl, type LineItem } from '../api/annex-api';
import { useLineItems, useWorkOrderHeader } from '../hooks/use-annex';
import { AddAdhoc } from './add-adhoc';
import { AnnexImportWizard } from './annex-import-wizard';
import { LineItemHistoryView } from './line-item-history';

type Panel = { kind: 'import' } | { kind: 'adhoc' } | { kind: 'history'; lineItemId: number } | null;

export function AnnexScreen({ workOrderId, canImport, workOrderHref }: { workOrderId: number; canImport: boolean; workOrderHref: string }) {
  const { t } = useI18n();
  const header = useWorkOrderHeader(workOrderId);
  const list = useLineItems(workOrderId);
  const [panel, setPanel] = useState<Panel>(null);

  const folio = header.data
    ? `${header.data.folio}${header.data.reprogrammingNumber > 0 ? ` R${header.data.reprogrammingNumber}` : ''}`
    : '';
  const groups = new Map<string, LineItem[]>();
  for (const item of list.data?.items ?? []) {
    const g = groups.get(item.subAnnex);
    if (g) g.push(item);
    else groups.set(item.subAnnex, [item]);
  }
  const subtotal = new Map((list.data?.subAnnexes ?? []).map((s) => [s.subAnnex, s]));
  const latest = list.data?.versions[0];

  return (
    <div className="page" data-testid="annex-page">
      <PageHeader
        title={t('annex.title', { folio })}
        subtitle={
          latest
            ? t('annex.currentVersion', {
                number: latest.number,
                file: latest.fileName,
                at: formatDateTime(latest.createdAt),
                rule: t(`annex.capRule.${latest.capRule}` as MessageKey),
              })
            : t('annex.noVersion')
        }
        actions={
          <>
            <a href={workOrderHref} className="btn btn-ghost">
              {t('common.back')}
            </a>
            <DownloadLink href={lineItemsExportUrl(workOrderId)}>{t('common.exportXlsx')}</DownloadLink>
            {canImport && (
              <Button onClick={() => setPanel({ kind: 'adhoc' })} data-testid="annex-adhoc-open">
                {t('annex.addAdhoc')}
              </Button>
            )}
            {canImport && (
              <Button variant="primary" onClick={() => setPanel({ kind: 'import' })} data-testid="annex-import-open">
                {t('annex.import')}
              </Button>
            )}
          </>
        }
      />
      {list.isPending && <LoadingState />}
      {list.isError && <ErrorState message={list.error.message} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <dl className="kpis" data-testid="annex-totals">
            <div className="kpi">
              <dt>{t('annex.lineItems')}</dt>
              <dd data-testid="annex-total-count">{list.data.totals.count.toLocaleString('es-MX')}</dd>
            </div>
            <div className="kpi">
              <dt>{t('annex.totalMxn')}</dt>
              <dd data-testid="annex-total-mxn">${formatAmount(list.data.totals.amountMxn)} MXN</dd>
            </div>
            <div className="kpi">
              <dt>{t('annex.totalUsd')}</dt>
              <dd data-testid="annex-total-usd">${formatAmount(list.data.totals.amountUsd)} USD</dd>
            </div>
          </dl>
          {list.data.items.length === 0 ? (
            <EmptyState>{t('annex.empty')}</EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="annex-table">
                <thead>
                  <tr>
                    <th>{t('annex.code')}</th>
                    <th>{t('annex.concept')}</th>
                    <th>{t('annex.unit')}</th>
                    <th style={{ textAlign: 'right' }}>{t('annex.authorizedVolume')}</th>
                    <th style={{ textAlign: 'right' }}>{t('annex.puMxn')}</th>
                    <th style={{ textAlign: 'right' }}>{t('annex.puUsd')}</th>
                    <th style={{ textAlign: 'right' }}>{t('annex.amountMxn')}</th>
                    <th style={{ textAlign: 'right' }}>{t('annex.amountUsd')}</th>
                    <th>{t('annex.version')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...groups].map(([subAnnex, items]) => (
                    <Fragment key={subAnnex}>
                      <tr className="table-group" data-testid="annex-group">
                        <th colSpan={6} scope="rowgroup">{`${t('annex.subAnnex')} ${subAnnex} · ${items.length}`}</th>
                        <th style={{ textAlign: 'right' }}>{formatAmount(subtotal.get(subAnnex)?.amountMxn)}</th>
                        <th style={{ textAlign: 'right' }}>{formatAmount(subtotal.get(subAnnex)?.amountUsd)}</th>
                        <th />
                      </tr>
                      {items.map((i) => (
                        <tr key={i.id} data-testid="annex-row" data-id={i.id}>
                          <td className="nowrap">
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => setPanel({ kind: 'history', lineItemId: i.id })}
                              title={t('annex.history')}
                            >
                              {i.code}
                            </button>
                          </td>
                          <td>{i.concept}</td>
                          <td className="nowrap">{i.unitCode}</td>
                          <td style={{ textAlign: 'right' }} className="nowrap">
                            {formatVolume(i.authorizedVolume)}
                          </td>
                          <td style={{ textAlign: 'right' }} className="nowrap">
                            {formatVolume(i.puMxn, { minDecimals: 2 })}
                          </td>
                          <td style={{ textAlign: 'right' }} className="nowrap">
                            {formatVolume(i.puUsd, { minDecimals: 2 })}
                          </td>
                          <td style={{ textAlign: 'right' }} className="nowrap">
                            {formatAmount(i.amountMxn)}
                          </td>
                          <td style={{ textAlign: 'right' }} className="nowrap">
                            {formatAmount(i.amountUsd)}
                          </td>
                          <td className="nowrap">
                            {i.versionNumber === null ? (
                              <Badge tone="warning" testId="adhoc-unauthorized" title={t('annex.adhocNotAuthorized')}>
                                {t('annex.adhocBadge')}
                              </Badge>
                            ) : (
                              <>
                                {`v${i.versionNumber}`} {i.origin === 'adhoc' && <Badge tone="muted">{t('annex.adhocOrigin')}</Badge>}
                              </>
                            )}
                          </td>
                        </tr>
                      ))}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.data.versions.length > 0 && (
            <Card title={t('annex.versions')} testId="annex-versions">
              <ul className="stack">
                {list.data.versions.map((v) => (
                  <li key={v.id} data-testid="annex-version">
                    <strong>{`v${v.number}`}</strong> · {v.workOrderFolio} · {v.fileName} · {formatDateTime(v.createdAt)} ·{' '}
                    {v.createdBy ?? t('annex.system')} · {t(`annex.capRule.${v.capRule}` as MessageKey)} ·{' '}
                    {t('annex.versionCounts', {
                      created: v.counts.created ?? 0,
                      restated: v.counts.restated ?? 0,
                      capChanged: v.counts.capChanged ?? 0,
                    })}
                    <div className="muted mono">SHA-256 {v.sha256}</div>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </>
      )}
      <SidePanel open={panel?.kind === 'import'} wide title={t('annex.import')} onClose={() => setPanel(null)} testId="annex-import-panel">
        {panel?.kind === 'import' && <AnnexImportWizard workOrderId={workOrderId} onDone={() => setPanel(null)} />}
      </SidePanel>
      <SidePanel open={panel?.kind === 'adhoc'} title={t('annex.addAdhoc')} onClose={() => setPanel(null)}>
        {panel?.kind === 'adhoc' && <AddAdhoc workOrderId={workOrderId} onAdded={() => setPanel(null)} />}
      </SidePanel>
      <SidePanel open={panel?.kind === 'history'} wide title={t('annex.history')} onClose={() => setPanel(null)}>
        {panel?.kind === 'history' && <LineItemHistoryView workOrderId={workOrderId} lineItemId={panel.lineItemId} />}
      </SidePanel>
    </div>
  );
}
