import { useState, type FormEvent } from 'react';
import { formatInteger } from '../../../app/format';
import { FormErrorSummary, useFormErrors } from '../../../app/forms';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { Badge } from '../../../components/ui/badge';
import { Button, DownloadLink } from '../../../components/ui/button';
import { useConfirm } from '../../../components/ui/confirm-dialog';
import { type Column } from '../../../components/ui/data-table';
import { QueryTable } from '../../../components/ui/query-table';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { Icons } from '../../../components/ui/icons';
import { PageHeader, Toolbar } from '../../../components/ui/page';
import { SidePanel } from '../../../components/ui/side-panel';
import { useToast } from '../../../components/ui/toast';
import { useDebouncedValue } from '../../../components/ui/use-debounced-value';
import { catalogueExportUrl, type CatalogueItems, type CatalogueKind, type CatalogueListParams } from '../api/catalogues-api';
import { useCatalogueList, useSaveCatalogueItem, useSetCatalogueActive } from '../hooks/use-catalogue';
import type { CatalogueConfig, FormValues } from './catalogue-configs';

type ActiveFilter = 'true' | 'false' | '';

/** List + search + active filter + XLSX + create/edit side panel, for one simple catalogue. */
export function CatalogueScreen<K extends CatalogueKind>({ config, canWrite }: { config: CatalogueConfig<K>; canWrite: boolean }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { confirm, dialog } = useConfirm();
  const [search, setSearch] = useState('');
  const [active, setActive] = useState<ActiveFilter>('true');
  const q = useDebouncedValue(search.trim(), 250);
  const params: CatalogueListParams = { q: q || undefined, active: active === '' ? undefined : active === 'true', limit: 5000 };
  const list = useCatalogueList(config.kind, params);
  const setActiveMutation = useSetCatalogueActive(config.kind);
  const [editing, setEditing] = useState<CatalogueItems[K] | 'new' | null>(null);

  const toggleActive = async (item: CatalogueItems[K]) => {
    if (item.active) {
      const ok = await confirm({
        title: t('common.deactivate'),
        message: t('catalogue.deactivateConfirm', { name: config.label(item) }),
        confirmLabel: t('common.deactivate'),
      });
      if (!ok) return;
    }
    setActiveMutation.mutate(
      { id: item.id, active: !item.active },
      {
        onSuccess: () => toast.success(item.active ? t('common.deactivated') : t('common.reactivated')),
        onError: (err) => toast.error(describeError(err, t, locale)),
      },
    );
  };

  const columns: Column<CatalogueItems[K]>[] = [
    ...config.columns(t),
    {
      key: 'active',
      header: t('common.status'),
      width: '7rem',
      render: (r) => (r.active ? <Badge tone="success">{t('common.active')}</Badge> : <Badge tone="muted">{t('common.inactive')}</Badge>),
    },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      width: '12rem',
      align: 'right',
      render: (r) => (
        <span className="row-actions">
          <Button size="sm" variant="ghost" onClick={() => setEditing(r)} data-testid="edit-button">
            {t('common.edit')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => void toggleActive(r)}
            data-testid={r.active ? 'deactivate-button' : 'reactivate-button'}
          >
            {r.active ? t('common.deactivate') : t('common.reactivate')}
          </Button>
        </span>
      ),
    });
  }

  const total = list.data?.total ?? 0;
  return (
    <div className="page page-fill" data-testid={`${config.kind}-page`}>
      <PageHeader
        title={t(config.titleKey)}
        subtitle={list.data ? t('common.count', { count: formatInteger(total) }) : undefined}
        actions={
          <>
            <DownloadLink href={catalogueExportUrl(config.kind, params)} icon={<Icons.download />} data-testid="export-xlsx">
              {t('common.exportXlsx')}
            </DownloadLink>
            {canWrite && (
              <Button variant="primary" icon={<Icons.plus />} onClick={() => setEditing('new')} data-testid="new-button">
                {t(config.newKey)}
              </Button>
            )}
          </>
        }
      />
      <Toolbar>
        <input
          type="search"
          className="input input-search"
          placeholder={t('common.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="search-input"
        />
        <select
          className="input select"
          aria-label={t('common.activeFilter')}
          value={active}
          onChange={(e) => setActive(e.target.value as ActiveFilter)}
          data-testid="filter-active"
        >
          <option value="true">{t('common.activeOnly')}</option>
          <option value="false">{t('common.inactiveOnly')}</option>
          <option value="">{t('common.all')}</option>
        </select>
      </Toolbar>
      <QueryTable
        query={list}
        columns={columns}
        rowKey={(r) => r.id}
        rowTestId={config.rowTestId}
        rowClassName={(r) => (r.active ? undefined : 'row-inactive')}
        empty={q || active ? t('common.emptyFiltered') : t('common.empty')}
        caption={t(config.titleKey)}
      />
      {editing !== null && (
        <CatalogueForm
          key={editing === 'new' ? 'new' : editing.id}
          config={config}
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {dialog}
    </div>
  );
}

function CatalogueForm<K extends CatalogueKind>({
  config,
  item,
  onClose,
}: {
  config: CatalogueConfig<K>;
  item: CatalogueItems[K] | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const save = useSaveCatalogueItem(config.kind);
  const form = useFormErrors();
  const [values, setValues] = useState<FormValues>(() => (item ? config.toForm(item) : { ...config.empty }));
  const formId = `catalogue-form-${config.kind}`;

  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    for (const f of config.fields) if (f.required && !(values[f.name] ?? '').trim()) missing[f.name] = t('common.required');
    if (Object.keys(missing).length > 0) return form.fromClient(missing);
    form.reset();
    save.mutate(
      { id: item?.id ?? null, body: config.toBody(values) },
      {
        onSuccess: () => {
          toast.success(item ? t('common.saved') : t('common.created'));
          onClose();
        },
        onError: form.fromError,
      },
    );
  };

  return (
    <SidePanel
      open
      title={item ? t(config.editKey) : t(config.newKey)}
      onClose={onClose}
      testId="catalogue-panel"
      footer={
        <>
          <Button onClick={onClose} data-testid="cancel-button">
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} variant="primary" loading={save.isPending} data-testid="save-button">
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.errors} shown={config.fields.map((f) => f.name)} />
        {config.fields.map((f) => {
          const common = {
            name: f.name,
            label: t(f.labelKey),
            required: f.required,
            value: values[f.name] ?? '',
            onChange: set(f.name),
            error: form.field(f.name) ?? Object.entries(form.errors.fields).find(([p]) => p.startsWith(`${f.name}.`))?.[1],
            hint: f.hintKey ? t(f.hintKey) : undefined,
          };
          if (f.type === 'textarea') return <TextAreaField key={f.name} {...common} maxLength={f.maxLength} />;
          if (f.type === 'select')
            return <SelectField key={f.name} {...common} options={f.options?.(t) ?? []} placeholder={t('common.select')} />;
          return <TextField key={f.name} {...common} maxLength={f.maxLength} className={f.uppercase ? 'field-uppercase' : undefined} />;
        })}
      </form>
    </SidePanel>
  );
}
