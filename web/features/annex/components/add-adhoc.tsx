import { useState } from 'react';
import { formatVolume } from '../../../../domain/money';
import { isApiError } from '../../../app/api-client';
import { useI18n } from '../../../app/i18n';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { Alert } from '../../../components/ui/states';
import { useDebouncedValue } from '../../../components/ui/use-debounced-value';
import { useAddAdhoc, useCatalogueSearch } from '../hooks/use-annex';

/** Search the contract catalogue and add an item outside the annex (cap 0 until authorized). */
export function AddAdhoc({ workOrderId, onAdded }: { workOrderId: number; onAdded: () => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 300);
  const results = useCatalogueSearch(debounced);
  const add = useAddAdhoc(workOrderId);
  return (
    <div className="stack" data-testid="adhoc-panel">
      <Alert tone="warning">{t('annex.adhocWarning')}</Alert>
      <TextField name="q" label={t('annex.searchCatalogue')} value={q} onChange={setQ} testId="adhoc-search" />
      {add.error && <Alert tone="danger">{isApiError(add.error) ? add.error.message : String(add.error)}</Alert>}
      <ul className="picker-list">
        {(results.data?.items ?? []).map((item) => (
          <li key={item.id} data-testid="adhoc-option">
            <span>
              <strong>{`${item.subAnnex} ${item.code}`}</strong> {item.concept} ({item.unitCode}) · MXN{' '}
              {formatVolume(item.puMxn, { minDecimals: 2 })}
            </span>
            <Button size="sm" loading={add.isPending} onClick={() => add.mutate(item.id, { onSuccess: onAdded })} data-testid="adhoc-add">
              {t('annex.add')}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
