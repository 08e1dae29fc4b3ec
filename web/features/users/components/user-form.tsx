import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ROLES, type Role, type User } from '../../../app/api-types';
import { FormErrorSummary, useFormErrors } from '../../../app/forms';
import { useI18n } from '../../../app/i18n';
import { Button } from '../../../components/ui/button';
import { CheckList } from '../../../components/ui/check-list';
import { CheckboxField, SelectField, TextField } from '../../../components/ui/field';
import { SearchPicker, type PickerOption } from '../../../components/ui/search-picker';
import { SidePanel } from '../../../components/ui/side-panel';
import { useToast } from '../../../components/ui/toast';
import { useCreateUser, useUpdateUser } from '../hooks/use-users';
import type { ScopeSources } from './scope';

type Locale = 'es-MX' | 'en';

interface Values {
  email: string;
  name: string;
  role: Role | '';
  password: string;
  locale: Locale;
  active: boolean;
  siteIds: number[];
  workOrders: PickerOption[];
}

const FORM_ID = 'user-form';
const MIN_PASSWORD = 10;

export function UserForm({ user, scope, onClose }: { user: User | null; scope: ScopeSources; onClose: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const create = useCreateUser();
  const update = useUpdateUser();
  const form = useFormErrors();
  const [values, setValues] = useState<Values>(() => ({
    email: user?.email ?? '',
    name: user?.name ?? '',
    role: user?.role ?? '',
    password: '',
    locale: user?.locale === 'en' ? 'en' : 'es-MX',
    active: user?.active ?? true,
    siteIds: user?.siteIds ?? [],
    workOrders: [],
  }));
  const set =
    <F extends keyof Values>(field: F) =>
    (value: Values[F]) =>
      setValues((v) => ({ ...v, [field]: value }));

  // Labels of the OTs already assigned (the user record only has ids).
  const assignedIds = user?.workOrderIds ?? [];
  const assigned = useQuery({
    queryKey: ['users', 'scope-work-orders', assignedIds],
    queryFn: ({ signal }) => scope.loadWorkOrders(assignedIds, signal),
    enabled: assignedIds.length > 0,
    staleTime: 60_000,
  });
  const [workOrdersTouched, setWorkOrdersTouched] = useState(false);
  const workOrders = workOrdersTouched ? values.workOrders : (assigned.data ?? assignedIds.map((id) => ({ value: id, label: `#${id}` })));
  const setWorkOrders = (list: PickerOption[]) => {
    setWorkOrdersTouched(true);
    setValues((v) => ({ ...v, workOrders: list }));
  };

  const isSupervisor = values.role === 'supervisor';
  const pending = create.isPending || update.isPending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!user && !values.email.trim()) local.email = t('common.required');
    if (!values.name.trim()) local.name = t('common.required');
    if (!values.role) local.role = t('common.required');
    if (!user && values.password.length < MIN_PASSWORD) local.password = t('password.tooShort');
    if (Object.keys(local).length > 0 || !values.role) return form.fromClient(local);
    form.reset();
    const siteIds = isSupervisor ? values.siteIds : [];
    const workOrderIds = isSupervisor ? workOrders.map((w) => w.value) : [];
    const done = {
      onSuccess: () => {
        toast.success(user ? t('common.saved') : t('common.created'));
        onClose();
      },
      onError: form.fromError,
    };
    if (user) {
      update.mutate(
        {
          id: user.id,
          body: { name: values.name.trim(), role: values.role, active: values.active, locale: values.locale, siteIds, workOrderIds },
        },
        done,
      );
    } else {
      create.mutate(
        {
          email: values.email.trim(),
          name: values.name.trim(),
          role: values.role,
          password: values.password,
          locale: values.locale,
          siteIds,
          workOrderIds,
        },
        done,
      );
    }
  };

  return (
    <SidePanel
      open
      title={user ? t('users.edit') : t('users.new')}
      onClose={onClose}
      testId="user-panel"
      footer={
        <>
          <Button onClick={onClose} data-testid="cancel-button">
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={FORM_ID} variant="primary" loading={pending} data-testid="save-button">
            {pending ? t('common.saving') : t('common.save')}
          </Button>
        </>
      }
    >
      <form id={FORM_ID} className="form" onSubmit={submit} noValidate>
        <FormErrorSummary
          errors={form.errors}
          shown={['email', 'name', 'role', 'password', 'locale', 'active', 'siteIds', 'workOrderIds']}
        />
        <TextField
          name="email"
          type="email"
          label={t('users.email')}
          value={values.email}
          onChange={set('email')}
          required={!user}
          disabled={!!user}
          autoComplete="off"
          error={form.field('email')}
        />
        <TextField
          name="name"
          label={t('users.name')}
          value={values.name}
          onChange={set('name')}
          required
          maxLength={150}
          error={form.field('name')}
        />
        <div className="form-row">
          <SelectField
            name="role"
            label={t('users.role')}
            value={values.role}
            onChange={(v) => set('role')(v as Role | '')}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            placeholder={t('common.select')}
            required
            error={form.field('role')}
          />
          <SelectField
            name="locale"
            label={t('users.locale')}
            value={values.locale}
            onChange={(v) => set('locale')(v === 'en' ? 'en' : 'es-MX')}
            options={[
              { value: 'es-MX', label: 'Español (México)' },
              { value: 'en', label: 'English' },
            ]}
            error={form.field('locale')}
          />
        </div>
        {!user && (
          <TextField
            name="password"
            type="password"
            label={t('users.initialPassword')}
            hint={t('users.initialPasswordHint')}
            value={values.password}
            onChange={set('password')}
            autoComplete="new-password"
            required
            error={form.field('password')}
          />
        )}
        {user && (
          <CheckboxField
            name="active"
            label={t('common.active')}
            checked={values.active}
            onChange={set('active')}
            error={form.field('active')}
          />
        )}
        {isSupervisor && (
          <div className="form-section">
            <h3 className="form-section-title">{t('users.scope')}</h3>
            <p className="field-hint">{t('users.scopeHint')}</p>
            <CheckList
              name="siteIds"
              label={t('users.scopeSites')}
              options={scope.sites
                .filter((s) => s.active || values.siteIds.includes(s.id))
                .map((s) => ({ value: s.id, label: s.name, description: s.kindLabel }))}
              selected={values.siteIds}
              onChange={set('siteIds')}
              filterPlaceholder={t('users.filterSites')}
              error={form.field('siteIds')}
            />
            <SearchPicker
              name="workOrderIds"
              label={t('users.scopeWorkOrders')}
              value={null}
              clearOnSelect
              onChange={(option) => {
                if (option && !workOrders.some((w) => w.value === option.value)) setWorkOrders([...workOrders, option]);
              }}
              search={scope.searchWorkOrders}
              exclude={workOrders.map((w) => w.value)}
              placeholder={t('users.searchWorkOrder')}
              error={form.field('workOrderIds')}
            />
            {workOrders.length > 0 && (
              <ul className="chips chips-removable" data-testid="assigned-work-orders">
                {workOrders.map((w) => (
                  <li key={w.value} className="chip">
                    {w.label}
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={`${t('common.remove')} ${w.label}`}
                      onClick={() => setWorkOrders(workOrders.filter((x) => x.value !== w.value))}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>
    </SidePanel>
  );
}
