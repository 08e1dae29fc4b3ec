import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { SITE_ROLES, WORK_ORDER_STATUSES, type SiteRole, type WorkOrder, type WorkOrderKind } from '../../../app/api-types';
import { FormErrorSummary, useFormErrors } from '../../../app/forms';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { Button } from '../../../components/ui/button';
import { CheckboxField, DateField, SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { Card, PageHeader } from '../../../components/ui/page';
import { SearchPicker } from '../../../components/ui/search-picker';
import { Alert } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { getWorkOrder, searchWorkOrderOptions } from '../api/work-orders-api';
import { useCreateWorkOrder, useUpdateWorkOrder } from '../hooks/use-work-orders';
import { selectOptions, type WorkOrderRefs } from './refs';
import {
  buildCreateBody,
  buildUpdateBody,
  emptyWorkOrderValues,
  inclusiveDays,
  newSiteRow,
  reprogrammingValues,
  workOrderToValues,
  type WorkOrderFormValues,
} from './work-order-form-values';

interface Props {
  /** The OT being edited, or `null` to create one. */
  workOrder: WorkOrder | null;
  /** Creating a reprogramming of this initial OT (from the detail page's button). */
  parent?: WorkOrder | null;
  refs: WorkOrderRefs;
  onSaved: (saved: WorkOrder) => void;
  cancelPath: string;
}

/** Every field of the OT contract, grouped in cards; server messages appear under each field. */
export function WorkOrderForm({ workOrder, parent, refs, onSaved, cancelPath }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const create = useCreateWorkOrder();
  const update = useUpdateWorkOrder();
  const form = useFormErrors();
  const [values, setValues] = useState<WorkOrderFormValues>(() =>
    workOrder ? workOrderToValues(workOrder) : parent ? reprogrammingValues(parent) : emptyWorkOrderValues(),
  );
  const [copiedFromParent, setCopiedFromParent] = useState(!workOrder && !!parent);
  const isNew = workOrder === null;
  const pending = create.isPending || update.isPending;
  const inactive = t('common.inactive').toLowerCase();

  const set =
    <F extends keyof WorkOrderFormValues>(field: F) =>
    (value: WorkOrderFormValues[F]) =>
      setValues((v) => ({ ...v, [field]: value }));

  const chooseParent = async (choice: { value: number; label: string } | null) => {
    set('parent')(choice);
    if (!choice) return;
    // Start from the initial OT's data when the form is still blank.
    if (!values.folio.trim() && !values.description.trim()) {
      try {
        const full = await getWorkOrder(choice.value);
        setValues((v) => ({ ...reprogrammingValues(full), parent: choice, status: v.status }));
        setCopiedFromParent(true);
      } catch {
        // The parent stays selected; the person fills the rest by hand.
      }
    }
  };

  const showClientErrors = (errors: Record<string, MessageKey>) =>
    form.fromClient(Object.fromEntries(Object.entries(errors).map(([path, key]) => [path, t(key)])));

  const handleSaved = (saved: WorkOrder) => {
    toast.success(isNew ? t('wo.createdOk') : t('common.saved'));
    onSaved(saved);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (workOrder) {
      const built = buildUpdateBody(values);
      if (!built.ok) return showClientErrors(built.errors);
      form.reset();
      update.mutate({ id: workOrder.id, body: built.body }, { onSuccess: handleSaved, onError: form.fromError });
    } else {
      const built = buildCreateBody(values);
      if (!built.ok) return showClientErrors(built.errors);
      form.reset();
      create.mutate(built.body, { onSuccess: handleSaved, onError: form.fromError });
    }
  };

  const f = form.field;
  const siteError = (i: number) => f(`sites.${i}.siteId`) ?? f(`sites.${i}.role`) ?? f(`sites.${i}`);
  const termHint = inclusiveDays(values.plannedStart, values.plannedEnd);
  const title = isNew ? (values.kind === 'reprogramming' ? t('wo.newReprogramming') : t('wo.new')) : `${t('wo.edit')} ${workOrder.folio}`;

  return (
    <div className="page" data-testid="work-order-form-page">
      <PageHeader title={title} />
      <form className="form form-page" onSubmit={submit} noValidate data-testid="work-order-form">
        <FormErrorSummary
          errors={form.errors}
          shown={[
            'kind',
            'parentId',
            'folio',
            'description',
            'clientId',
            'leaderId',
            'frontId',
            'status',
            'clientResponsible',
            'officialLetter',
            'sites',
            'siteIds',
            'plannedStart',
            'plannedEnd',
            'actualStart',
            'actualEnd',
            'requiresYard',
            'yardStart',
            'yardEnd',
            'amountMxn',
            'amountUsd',
            'termDays',
          ]}
        />
        {copiedFromParent && <Alert tone="info" title={t('wo.copyFromParent')} />}

        <Card title={t('wo.sectionGeneral')}>
          <div className="form-grid">
            {isNew ? (
              <SelectField
                name="kind"
                label={t('wo.kind')}
                hint={t('wo.kindHint')}
                value={values.kind}
                onChange={(v) => setValues((prev) => ({ ...prev, kind: v as WorkOrderKind, parent: v === 'initial' ? null : prev.parent }))}
                options={[
                  { value: 'initial', label: t('kind.initial') },
                  { value: 'reprogramming', label: t('kind.reprogramming') },
                ]}
                error={f('kind')}
              />
            ) : (
              <div className="field">
                <span className="field-label">{t('wo.kind')}</span>
                <span className="field-static">
                  {values.kind === 'initial' ? t('kind.initial') : t('wo.reprogrammingN', { n: workOrder.reprogrammingNumber })}
                </span>
              </div>
            )}
            {values.kind === 'reprogramming' &&
              (isNew ? (
                <SearchPicker
                  name="parentId"
                  label={t('wo.parent')}
                  value={values.parent}
                  onChange={(choice) => void chooseParent(choice)}
                  search={(text, signal) => searchWorkOrderOptions(text, signal, { initialOnly: true })}
                  placeholder={t('wo.parentSearch')}
                  required
                  error={f('parentId')}
                />
              ) : (
                <div className="field">
                  <span className="field-label">{t('wo.parent')}</span>
                  <span className="field-static mono">{workOrder.parentId !== null ? `#${workOrder.parentId}` : ''}</span>
                </div>
              ))}
            <TextField
              name="folio"
              label={t('wo.folio')}
              value={values.folio}
              onChange={set('folio')}
              required
              maxLength={100}
              error={f('folio')}
              className="mono-input"
            />
            <SelectField
              name="status"
              label={t('wo.status')}
              value={values.status}
              onChange={(v) => set('status')(v as WorkOrderFormValues['status'])}
              options={WORK_ORDER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              error={f('status')}
            />
            <TextAreaField
              name="description"
              label={t('wo.description')}
              value={values.description}
              onChange={set('description')}
              required
              maxLength={5000}
              rows={3}
              error={f('description')}
              className="span-2"
            />
            <SelectField
              name="clientId"
              label={t('wo.client')}
              value={values.clientId}
              onChange={set('clientId')}
              options={selectOptions(refs.clients, values.clientId, inactive)}
              placeholder={t('common.select')}
              required
              error={f('clientId')}
            />
            <SelectField
              name="leaderId"
              label={t('wo.leader')}
              value={values.leaderId}
              onChange={set('leaderId')}
              options={
                refs.leaders
                  ? selectOptions(refs.leaders, values.leaderId, inactive)
                  : workOrder?.leaderId
                    ? [{ value: String(workOrder.leaderId), label: workOrder.leaderName ?? `#${workOrder.leaderId}` }]
                    : []
              }
              placeholder={t('common.none')}
              disabled={refs.leaders === null}
              hint={refs.leaders === null ? t('wo.leaderUnavailable') : undefined}
              error={f('leaderId')}
            />
            <SelectField
              name="frontId"
              label={t('wo.front')}
              value={values.frontId}
              onChange={set('frontId')}
              options={selectOptions(refs.fronts, values.frontId, inactive)}
              placeholder={t('common.none')}
              error={f('frontId')}
            />
            <TextField
              name="officialLetter"
              label={t('wo.officialLetter')}
              value={values.officialLetter}
              onChange={set('officialLetter')}
              maxLength={100}
              error={f('officialLetter')}
            />
            <TextField
              name="clientResponsible"
              label={t('wo.clientResponsible')}
              value={values.clientResponsible}
              onChange={set('clientResponsible')}
              maxLength={200}
              error={f('clientResponsible')}
            />
          </div>
        </Card>

        <Card
          title={t('wo.sectionSites')}
          actions={
            <Button
              size="sm"
              icon={<span aria-hidden="true">+</span>}
              onClick={() => set('sites')([...values.sites, newSiteRow()])}
              data-testid="add-site"
            >
              {t('wo.addSite')}
            </Button>
          }
        >
          {(f('sites') ?? f('siteIds')) && (
            <p className="field-error" data-testid="error-sites">
              {f('sites') ?? f('siteIds')}
            </p>
          )}
          {values.sites.length === 0 ? (
            <p className="muted">{t('wo.noSites')}</p>
          ) : (
            <div className="site-rows">
              {values.sites.map((row, i) => (
                <div className="site-row" key={row.key} data-testid="site-row">
                  <SelectField
                    name={`sites.${i}.siteId`}
                    label={t('wo.sites')}
                    value={row.siteId}
                    onChange={(v) => set('sites')(values.sites.map((r) => (r.key === row.key ? { ...r, siteId: v } : r)))}
                    options={selectOptions(refs.sites, row.siteId, inactive).map((o) => {
                      const ref = refs.sites.find((s) => String(s.id) === o.value);
                      return { ...o, label: ref?.detail ? `${o.label} · ${ref.detail}` : o.label };
                    })}
                    placeholder={t('common.select')}
                    error={siteError(i)}
                  />
                  <SelectField
                    name={`sites.${i}.role`}
                    label={t('wo.siteRole')}
                    value={row.role}
                    onChange={(v) => set('sites')(values.sites.map((r) => (r.key === row.key ? { ...r, role: v as SiteRole } : r)))}
                    options={SITE_ROLES.map((r) => ({ value: r, label: t(`siteRole.${r}`) }))}
                  />
                  <button
                    type="button"
                    className="icon-button site-row-remove"
                    aria-label={t('wo.removeSite')}
                    onClick={() => set('sites')(values.sites.filter((r) => r.key !== row.key))}
                    data-testid="remove-site"
                  >
                    ×
                  </button>
                </div>
              ))}
            </div>
          )}
        </Card>

        <Card title={t('wo.sectionDates')}>
          <div className="form-grid form-grid-4">
            <DateField
              name="plannedStart"
              label={t('wo.plannedStart')}
              value={values.plannedStart}
              onChange={set('plannedStart')}
              error={f('plannedStart')}
            />
            <DateField
              name="plannedEnd"
              label={t('wo.plannedEnd')}
              value={values.plannedEnd}
              onChange={set('plannedEnd')}
              error={f('plannedEnd')}
            />
            <DateField
              name="actualStart"
              label={t('wo.actualStart')}
              value={values.actualStart}
              onChange={set('actualStart')}
              error={f('actualStart')}
            />
            <DateField
              name="actualEnd"
              label={t('wo.actualEnd')}
              value={values.actualEnd}
              onChange={set('actualEnd')}
              error={f('actualEnd')}
            />
          </div>
          <CheckboxField
            name="requiresYard"
            label={t('wo.requiresYard')}
            checked={values.requiresYard}
            onChange={set('requiresYard')}
            error={f('requiresYard')}
          />
          {values.requiresYard && (
            <div className="form-grid form-grid-4">
              <DateField
                name="yardStart"
                label={t('wo.yardStart')}
                value={values.yardStart}
                onChange={set('yardStart')}
                error={f('yardStart')}
              />
              <DateField name="yardEnd" label={t('wo.yardEnd')} value={values.yardEnd} onChange={set('yardEnd')} error={f('yardEnd')} />
            </div>
          )}
        </Card>

        <Card title={t('wo.sectionAmounts')}>
          <div className="form-grid form-grid-4">
            <TextField
              name="amountMxn"
              label={t('wo.amountMxn')}
              value={values.amountMxn}
              onChange={set('amountMxn')}
              inputMode="decimal"
              placeholder="0.00"
              className="num-input"
              error={f('amountMxn')}
            />
            <TextField
              name="amountUsd"
              label={t('wo.amountUsd')}
              value={values.amountUsd}
              onChange={set('amountUsd')}
              inputMode="decimal"
              placeholder="0.00"
              className="num-input"
              error={f('amountUsd')}
            />
            <TextField
              name="termDays"
              label={t('wo.termDays')}
              value={values.termDays}
              onChange={set('termDays')}
              inputMode="numeric"
              className="num-input"
              hint={termHint ? t('wo.termHint', { days: termHint }) : undefined}
              error={f('termDays')}
            />
          </div>
        </Card>

        <div className="form-footer">
          <Link to={cancelPath} className="btn btn-secondary" data-testid="cancel-button">
            {t('common.cancel')}
          </Link>
          <Button type="submit" variant="primary" loading={pending} data-testid="save-button">
            {pending ? t('common.saving') : t('common.save')}
          </Button>
        </div>
      </form>
    </div>
  );
}
