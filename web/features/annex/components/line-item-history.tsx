import { formatVolume } from '../../../../domain/money';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { formatDateTime } from '../../../app/format';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useLineItemHistory } from '../hooks/use-annex';

/** What each annex version stated for one line item, newest first. */
export function LineItemHistoryView({ workOrderId, lineItemId }: { workOrderId: number; lineItemId: number }) {
  const { t } = useI18n();
  const history = useLineItemHistory(workOrderId, lineItemId);
  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState message={history.error.message} onRetry={() => void history.refetch()} />;
  const { lineItem, entries } = history.data;
  return (
    <div className="stack" data-testid="line-item-history">
      <p>
        <strong>{`${lineItem.subAnnex} ${lineItem.code}`}</strong> — {lineItem.concept} ({lineItem.unitCode})
      </p>
      {entries.length === 0 && <p className="muted">{t('annex.adhocNotAuthorized')}</p>}
      <table className="table">
        <thead>
          <tr>
            <th>{t('annex.version')}</th>
            <th>{t('annex.file')}</th>
            <th>{t('annex.capRule')}</th>
            <th style={{ textAlign: 'right' }}>{t('annex.statedVolume')}</th>
            <th style={{ textAlign: 'right' }}>{t('annex.capAfter')}</th>
            <th style={{ textAlign: 'right' }}>{t('annex.puMxn')}</th>
            <th style={{ textAlign: 'right' }}>{t('annex.puUsd')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.versionId} data-testid="history-row">
              <td>{`v${e.versionNumber} · ${formatDateTime(e.createdAt)}${e.createdBy ? ` · ${e.createdBy}` : ''}`}</td>
              <td>{`${e.workOrderFolio} · ${e.fileName}${e.row ? ` (fila ${e.row})` : ''}`}</td>
              <td>{t(`annex.capRule.${e.capRule}` as MessageKey)}</td>
              <td style={{ textAlign: 'right' }}>{formatVolume(e.statedVolume)}</td>
              <td style={{ textAlign: 'right' }}>{formatVolume(e.capAfter)}</td>
              <td style={{ textAlign: 'right' }}>{formatVolume(e.puMxn, { minDecimals: 2 })}</td>
              <td style={{ textAlign: 'right' }}>{formatVolume(e.puUsd, { minDecimals: 2 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
