import { SITE_KINDS, type SiteKind } from '../../../app/api-types';
import { formatDateTime } from '../../../app/format';
import type { MessageKey, TranslateFn } from '../../../app/i18n';
import { Badge } from '../../../components/ui/badge';
import type { Column } from '../../../components/ui/data-table';
import type { SelectOption } from '../../../components/ui/field';
import type { CatalogueBodies, CatalogueItems, CatalogueKind } from '../api/catalogues-api';
import { parseAliases } from './aliases';

/** Form state: every field as the text in its input. */
export type FormValues = Record<string, string>;

export interface FieldDef {
  name: string;
  labelKey: MessageKey;
  type: 'text' | 'textarea' | 'select';
  required?: boolean;
  maxLength?: number;
  hintKey?: MessageKey;
  options?: (t: TranslateFn) => SelectOption[];
  /** Codes are stored in upper case (the server upper-cases too). */
  uppercase?: boolean;
}

export interface CatalogueConfig<K extends CatalogueKind> {
  kind: K;
  /** Row test id: `clients-row`, `sites-row`… */
  rowTestId: string;
  titleKey: MessageKey;
  newKey: MessageKey;
  editKey: MessageKey;
  columns: (t: TranslateFn) => Column<CatalogueItems[K]>[];
  fields: readonly FieldDef[];
  empty: FormValues;
  toForm: (item: CatalogueItems[K]) => FormValues;
  toBody: (values: FormValues) => CatalogueBodies[K];
  label: (item: CatalogueItems[K]) => string;
}

const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

const updatedColumn = <T extends { updatedAt: string }>(t: TranslateFn): Column<T> => ({
  key: 'updatedAt',
  header: t('common.updatedAt'),
  render: (r) => <span className="muted">{formatDateTime(r.updatedAt)}</span>,
  width: '10rem',
  nowrap: true,
});

const siteKindOptions = (t: TranslateFn): SelectOption[] => SITE_KINDS.map((k) => ({ value: k, label: t(`siteKind.${k}`) }));

const SITE_KIND_TONE: Record<SiteKind, 'info' | 'accent' | 'success' | 'neutral'> = {
  yard: 'neutral',
  vessel: 'info',
  platform: 'accent',
  interconnection: 'success',
};

export const clientsConfig: CatalogueConfig<'clients'> = {
  kind: 'clients',
  rowTestId: 'clients-row',
  titleKey: 'catalogue.clients.title',
  newKey: 'catalogue.clients.new',
  editKey: 'catalogue.clients.edit',
  columns: (t) => [
    { key: 'name', header: t('common.name'), render: (r) => <strong>{r.name}</strong> },
    { key: 'taxId', header: t('catalogue.taxId'), render: (r) => <span className="mono">{r.taxId ?? ''}</span>, width: '10rem' },
    { key: 'notes', header: t('common.notes'), render: (r) => <span className="truncate">{r.notes ?? ''}</span> },
    updatedColumn(t),
  ],
  fields: [
    { name: 'name', labelKey: 'common.name', type: 'text', required: true, maxLength: 200 },
    { name: 'taxId', labelKey: 'catalogue.taxId', type: 'text', maxLength: 20, uppercase: true },
    { name: 'notes', labelKey: 'common.notes', type: 'textarea', maxLength: 2000 },
  ],
  empty: { name: '', taxId: '', notes: '' },
  toForm: (r) => ({ name: r.name, taxId: r.taxId ?? '', notes: r.notes ?? '' }),
  toBody: (v) => ({ name: (v.name ?? '').trim(), taxId: orNull(v.taxId), notes: orNull(v.notes) }),
  label: (r) => r.name,
};

export const sitesConfig: CatalogueConfig<'sites'> = {
  kind: 'sites',
  rowTestId: 'sites-row',
  titleKey: 'catalogue.sites.title',
  newKey: 'catalogue.sites.new',
  editKey: 'catalogue.sites.edit',
  columns: (t) => [
    { key: 'name', header: t('common.name'), render: (r) => <strong>{r.name}</strong> },
    {
      key: 'kind',
      header: t('catalogue.kind'),
      render: (r) => <Badge tone={SITE_KIND_TONE[r.kind]}>{t(`siteKind.${r.kind}`)}</Badge>,
      width: '9rem',
    },
    { key: 'notes', header: t('common.notes'), render: (r) => <span className="truncate">{r.notes ?? ''}</span> },
    updatedColumn(t),
  ],
  fields: [
    { name: 'name', labelKey: 'common.name', type: 'text', required: true, maxLength: 100 },
    { name: 'kind', labelKey: 'catalogue.kind', type: 'select', required: true, options: siteKindOptions },
    { name: 'notes', labelKey: 'common.notes', type: 'textarea', maxLength: 2000 },
  ],
  empty: { name: '', kind: '', notes: '' },
  toForm: (r) => ({ name: r.name, kind: r.kind, notes: r.notes ?? '' }),
  toBody: (v) => ({ name: (v.name ?? '').trim(), kind: (v.kind ?? '') as SiteKind, notes: orNull(v.notes) }),
  label: (r) => r.name,
};

export const unitsConfig: CatalogueConfig<'units'> = {
  kind: 'units',
  rowTestId: 'units-row',
  titleKey: 'catalogue.units.title',
  newKey: 'catalogue.units.new',
  editKey: 'catalogue.units.edit',
  columns: (t) => [
    { key: 'code', header: t('common.code'), render: (r) => <strong className="mono">{r.code}</strong>, width: '8rem' },
    { key: 'name', header: t('common.name'), render: (r) => r.name },
    {
      key: 'aliases',
      header: t('catalogue.aliases'),
      render: (r) => (
        <span className="chips">
          {r.aliases.map((a) => (
            <span key={a} className="chip">
              {a}
            </span>
          ))}
        </span>
      ),
    },
    updatedColumn(t),
  ],
  fields: [
    { name: 'code', labelKey: 'common.code', type: 'text', required: true, maxLength: 20, uppercase: true },
    { name: 'name', labelKey: 'common.name', type: 'text', required: true, maxLength: 100 },
    { name: 'aliases', labelKey: 'catalogue.aliases', type: 'text', hintKey: 'catalogue.aliasesHint' },
  ],
  empty: { code: '', name: '', aliases: '' },
  toForm: (r) => ({ code: r.code, name: r.name, aliases: r.aliases.join(', ') }),
  toBody: (v) => ({ code: (v.code ?? '').trim(), name: (v.name ?? '').trim(), aliases: parseAliases(v.aliases ?? '') }),
  label: (r) => `${r.code} — ${r.name}`,
};

export const frontsConfig: CatalogueConfig<'fronts'> = {
  kind: 'fronts',
  rowTestId: 'fronts-row',
  titleKey: 'catalogue.fronts.title',
  newKey: 'catalogue.fronts.new',
  editKey: 'catalogue.fronts.edit',
  columns: (t) => [
    { key: 'code', header: t('common.code'), render: (r) => <strong className="mono">{r.code}</strong>, width: '8rem' },
    { key: 'name', header: t('common.name'), render: (r) => r.name },
    updatedColumn(t),
  ],
  fields: [
    { name: 'code', labelKey: 'common.code', type: 'text', required: true, maxLength: 20, uppercase: true },
    { name: 'name', labelKey: 'common.name', type: 'text', required: true, maxLength: 100 },
  ],
  empty: { code: '', name: '' },
  toForm: (r) => ({ code: r.code, name: r.name }),
  toBody: (v) => ({ code: (v.code ?? '').trim(), name: (v.name ?? '').trim() }),
  label: (r) => `${r.code} — ${r.name}`,
};
