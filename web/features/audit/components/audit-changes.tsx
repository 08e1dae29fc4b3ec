import { useState } from 'react';
import type { AuditEntry } from '../../../app/api-types';
import { useI18n, type MessageKey, type TranslateFn } from '../../../app/i18n';
import { formatAmount } from '../../../app/format';
import { isMessageKey } from '../../../app/i18n/translate';
import { changedFields, formatAuditValue } from './audit-values';

/** UI labels of the fields the audit log records (API field names). */
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  id: 'audit.field.id',
  folio: 'wo.folio',
  description: 'wo.description',
  kind: 'wo.kind',
  parentId: 'wo.parent',
  reprogrammingNumber: 'audit.field.reprogrammingNumber',
  familyId: 'wo.family',
  clientId: 'wo.client',
  clientName: 'wo.client',
  leaderId: 'wo.leader',
  leaderName: 'wo.leader',
  frontId: 'wo.front',
  frontName: 'wo.front',
  status: 'wo.status',
  clientResponsible: 'wo.clientResponsible',
  officialLetter: 'wo.officialLetter',
  plannedStart: 'wo.plannedStart',
  plannedEnd: 'wo.plannedEnd',
  actualStart: 'wo.actualStart',
  actualEnd: 'wo.actualEnd',
  requiresYard: 'wo.requiresYard',
  yardStart: 'wo.yardStart',
  yardEnd: 'wo.yardEnd',
  amountMxn: 'wo.amountMxn',
  amountUsd: 'wo.amountUsd',
  termDays: 'wo.termDays',
  sites: 'wo.sites',
  siteIds: 'users.scopeSites',
  workOrderIds: 'users.scopeWorkOrders',
  name: 'common.name',
  email: 'users.email',
  role: 'users.role',
  locale: 'users.locale',
  mustChangePassword: 'users.mustChange',
  active: 'common.active',
  taxId: 'catalogue.taxId',
  notes: 'common.notes',
  code: 'common.code',
  aliases: 'catalogue.aliases',
  prefix: 'account.tokenPrefix',
  revokedAt: 'account.tokenRevoked',
  password: 'login.password',
};

/** Closed value lists whose codes have a label (`en_ejecucion` → "En ejecución"). */
const VALUE_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  status: ['status'],
  kind: ['kind', 'siteKind'],
  role: ['role', 'siteRole'],
};

const AMOUNT_FIELDS = new Set(['amountMxn', 'amountUsd']);
const COLLAPSED_COUNT = 6;

/** `clientId` says nothing next to `clientName`; the record's own `id` is already in the Entity column. */
function redundant(field: string, changes: Record<string, unknown>): boolean {
  if (field === 'id') return true;
  return field.endsWith('Id') && `${field.slice(0, -2)}Name` in changes;
}

/** A grid save's cell: `"<lineItemId>|<date>"` (see auditGridSave). */
const GRID_CELL = /^(\d+)\|(\d{4}-\d{2}-\d{2})$/;

function fieldLabel(t: TranslateFn, field: string): string {
  const cell = GRID_CELL.exec(field);
  if (cell) return t('audit.field.gridCell', { lineItemId: cell[1]!, date: cell[2]! });
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

function valueText(t: TranslateFn, field: string, value: unknown): string {
  if (AMOUNT_FIELDS.has(field) && (typeof value === 'string' || typeof value === 'number')) return formatAmount(value);
  if (typeof value === 'string') {
    for (const prefix of VALUE_PREFIXES[field] ?? []) {
      const key = `${prefix}.${value}`;
      if (isMessageKey(key)) return t(key);
    }
  }
  return formatAuditValue(value, { yes: t('common.yes'), no: t('common.no') });
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/** The before → after of each changed field; a creation shows only the values set. */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const created = entry.action === 'create';
  const fields = changedFields(entry.changes).filter(([field, c]) => !redundant(field, entry.changes) && !(created && isBlank(c.after)));
  if (fields.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  const visible = expanded ? fields : fields.slice(0, COLLAPSED_COUNT);

  return (
    <div>
      <ul className="changes" data-testid="audit-changes">
        {visible.map(([field, change]) => (
          <li key={field} data-field={field}>
            <span className="change-field" title={field}>
              {fieldLabel(t, field)}
            </span>
            <span className="change-values">
              {!created && (
                <>
                  <span className="change-before">{valueText(t, field, change.before)}</span>
                  <span className="change-arrow" aria-label="→">
                    →
                  </span>
                </>
              )}
              <span className="change-after">{valueText(t, field, change.after)}</span>
            </span>
          </li>
        ))}
      </ul>
      {fields.length > COLLAPSED_COUNT && (
        <button type="button" className="link-button small" onClick={() => setExpanded((v) => !v)} data-testid="audit-toggle-changes">
          {expanded ? t('audit.showLess') : t('audit.showMore', { count: fields.length - COLLAPSED_COUNT })}
        </button>
      )}
    </div>
  );
}
