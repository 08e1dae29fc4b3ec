/** The contract catalogue: search by code or concept, filters by sub-annex, kind and PUE status, XLSX export, import. */
import './catalogue.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatVolume } from '../../../../domain/money';
import { useI18n } from '../../../app/i18n';
import { Badge } from '../../../components/ui/badge';
import { Button, DownloadLink } from '../../../components/ui/button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { SelectField, TextField } from '../../../components/ui/field';
import { PageHeader, Toolbar } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { SidePanel } from '../../../components/ui/side-panel';
import { ErrorState } from '../../../components/ui/states';
import { useDebouncedValue } from '../../../components/ui/use-debounced-value';
import { catalogueExportUrl, catalogueKeys, listCatalogue, listContracts, type CatalogueItem } from '../api/catalogue-api';
import { CatalogueImportWizard } from './catalogue-import';

const LIMIT = 100;
const STATUSES = ['EN ELABORACION', 'CANCELADA', 'AUTORIZADO'];

export function CatalogueBrowser({ canImport }: { canImport: boolean }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [subAnnex, setSubAnnex] = useState('');
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const [importing, setImporting] = useState(false);
  const search = useDebouncedValue(q, 300);
  const filters = {
    q: search || undefined,
    subAnnex: subAnnex || undefined,
    kind: (kind || undefined) as CatalogueItem['kind'] | undefined,
    status: status || undefined,
  };
  const contracts = useQuery({ queryKey: catalogueKeys.contracts, queryFn: ({ signal }) => listContracts(signal) });
  const items = useQuery({
    queryKey: catalogueKeys.items({ ...filters, limit: LIMIT, offset }),
    queryFn: ({ signal }) => listCatalogue({ ...filters, limit: LIMIT, offset }, signal),
    placeholderData: keepPreviousData,
  });
  const contract = contracts.data?.items[0];
  const reset = (f: () => void) => {
    f();
    setOffset(0);
  };

  const columns: Column<CatalogueItem>[] = [
    { key: 'subAnnex', header: t('annex.subAnnex'), render: (i) => i.subAnnex, nowrap: true },
    { key: 'code', header: t('annex.code'), render: (i) => i.code, nowrap: true },
    { key: 'extra', header: t('catalogue.extraCode'), render: (i) => i.extraCode ?? '', nowrap: true },
    { key: 'concept', header: t('annex.concept'), render: (i) => i.concept },
    { key: 'unit', header: t('annex.unit'), render: (i) => i.unitCode, nowrap: true },
    { key: 'mxn', header: t('annex.puMxn'), render: (i) => formatVolume(i.puMxn, { minDecimals: 2 }), align: 'right', nowrap: true },
    { key: 'usd', header: t('annex.puUsd'), render: (i) => formatVolume(i.puUsd, { minDecimals: 2 }), align: 'right', nowrap: true },
    {
      key: 'status',
      header: t('common.status'),
      render: (i) => (i.pueStatus ? <Badge tone={i.pueStatus === 'CANCELADA' ? 'danger' : 'info'}>{i.pueStatus}</Badge> : ''),
      nowrap: true,
    },
  ];

  return (
    <div className="page" data-testid="catalogue-page">
      <PageHeader
        title={t('catalogue.title')}
        subtitle={contract ? t('catalogue.subtitle', { contract: contract.number, count: contract.itemCount }) : t('catalogue.none')}
        actions={
          <>
            <DownloadLink href={catalogueExportUrl(filters)}>{t('common.exportXlsx')}</DownloadLink>
            {canImport && (
              <Button variant="primary" onClick={() => setImporting(true)} data-testid="catalogue-import-open">
                {t('catalogue.import')}
              </Button>
            )}
          </>
        }
      />
      <Toolbar>
        <TextField
          name="q"
          label={t('common.search')}
          placeholder={t('catalogue.searchPlaceholder')}
          value={q}
          onChange={(v) => reset(() => setQ(v))}
          testId="catalogue-search"
        />
        <SelectField
          name="subAnnex"
          label={t('annex.subAnnex')}
          value={subAnnex}
          placeholder={t('common.all')}
          onChange={(v) => reset(() => setSubAnnex(v))}
          options={(contract?.subAnnexes ?? []).map((s) => ({ value: s.label, label: `${s.label} (${s.itemCount})` }))}
          testId="catalogue-sub-annex"
        />
        <SelectField
          name="kind"
          label={t('catalogue.itemKind')}
          value={kind}
          placeholder={t('common.all')}
          onChange={(v) => reset(() => setKind(v))}
          options={[
            { value: 'ordinary', label: t('catalogue.kind.ordinary') },
            { value: 'extraordinary', label: t('catalogue.kind.extraordinary') },
          ]}
        />
        <SelectField
          name="status"
          label={t('common.status')}
          value={status}
          placeholder={t('common.all')}
          onChange={(v) => reset(() => setStatus(v))}
          options={[...STATUSES.map((s) => ({ value: s, label: s })), { value: 'none', label: t('catalogue.noStatus') }]}
        />
      </Toolbar>
      {items.isError && <ErrorState message={items.error.message} onRetry={() => void items.refetch()} />}
      <DataTable
        columns={columns}
        rows={items.data?.items ?? []}
        rowKey={(i) => i.id}
        rowTestId="catalogue-row"
        empty={t('common.emptyFiltered')}
      />
      <Pagination offset={offset} limit={LIMIT} total={items.data?.total ?? 0} onChange={setOffset} />
      <SidePanel open={importing} wide title={t('catalogue.import')} onClose={() => setImporting(false)} testId="catalogue-import-panel">
        {importing && <CatalogueImportWizard defaultContract={contract?.number ?? ''} onDone={() => setImporting(false)} />}
      </SidePanel>
    </div>
  );
}
