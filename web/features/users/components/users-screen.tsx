import { useState } from 'react';
import { ROLES, type Role, type User } from '../../../app/api-types';
import { describeError } from '../../../app/errors';
import { formatDateTime, formatInteger } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button, DownloadLink } from '../../../components/ui/button';
import { useConfirm } from '../../../components/ui/confirm-dialog';
import { type Column } from '../../../components/ui/data-table';
import { QueryTable } from '../../../components/ui/query-table';
import { Icons } from '../../../components/ui/icons';
import { PageHeader, Toolbar } from '../../../components/ui/page';
import { useToast } from '../../../components/ui/toast';
import { useDebouncedValue } from '../../../components/ui/use-debounced-value';
import { usersExportUrl, type UserListParams } from '../api/users-api';
import { useUpdateUser, useUsers } from '../hooks/use-users';
import { ResetPasswordForm } from './reset-password-form';
import type { ScopeSources } from './scope';
import { UserForm } from './user-form';

const ROLE_TONE: Record<Role, BadgeTone> = {
  admin: 'danger',
  gerente_operaciones: 'accent',
  supervisor: 'info',
  administracion: 'success',
  consulta: 'neutral',
};

type ActiveFilter = 'true' | 'false' | '';

export function UsersScreen({ scope }: { scope: ScopeSources }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { confirm, dialog } = useConfirm();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [active, setActive] = useState<ActiveFilter>('true');
  const q = useDebouncedValue(search.trim(), 250);
  const params: UserListParams = {
    q: q || undefined,
    role: role || undefined,
    active: active === '' ? undefined : active === 'true',
    limit: 5000,
  };
  const list = useUsers(params);
  const update = useUpdateUser();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  // The role filter is also applied here in case the server ignores it.
  const rows = (list.data?.items ?? []).filter((u) => !role || u.role === role);

  const toggleActive = async (user: User) => {
    if (user.active) {
      const ok = await confirm({
        title: t('common.deactivate'),
        message: t('users.deactivateConfirm', { name: user.name }),
        confirmLabel: t('common.deactivate'),
      });
      if (!ok) return;
    }
    update.mutate(
      { id: user.id, body: { active: !user.active } },
      {
        onSuccess: () => toast.success(user.active ? t('common.deactivated') : t('common.reactivated')),
        onError: (err) => toast.error(describeError(err, t, locale)),
      },
    );
  };

  const columns: Column<User>[] = [
    { key: 'name', header: t('users.name'), render: (u) => <strong>{u.name}</strong> },
    { key: 'email', header: t('users.email'), render: (u) => <span className="mono small">{u.email}</span> },
    {
      key: 'role',
      header: t('users.role'),
      width: '11rem',
      render: (u) => (
        <Badge tone={ROLE_TONE[u.role]} testId="user-role-badge">
          {t(`role.${u.role}`)}
        </Badge>
      ),
    },
    {
      key: 'scope',
      header: t('users.scope'),
      width: '10rem',
      render: (u) =>
        u.role === 'supervisor' ? (
          t('users.scopeSummary', { sites: u.siteIds.length, workOrders: u.workOrderIds.length })
        ) : (
          <span className="muted">{t('users.scopeAll')}</span>
        ),
    },
    {
      key: 'active',
      header: t('common.status'),
      width: '12rem',
      render: (u) => (
        <span className="badges">
          {u.active ? <Badge tone="success">{t('common.active')}</Badge> : <Badge tone="muted">{t('common.inactive')}</Badge>}
          {u.mustChangePassword && <Badge tone="warning">{t('users.mustChange')}</Badge>}
        </span>
      ),
    },
    {
      key: 'updatedAt',
      header: t('common.updatedAt'),
      width: '10rem',
      nowrap: true,
      render: (u) => <span className="muted">{formatDateTime(u.updatedAt)}</span>,
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      align: 'right',
      width: '20rem',
      render: (u) => (
        <span className="row-actions">
          <Button size="sm" variant="ghost" onClick={() => setEditing(u)} data-testid="edit-button">
            {t('common.edit')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setResetting(u)} data-testid="reset-password-button">
            {t('users.resetPassword')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => void toggleActive(u)}
            data-testid={u.active ? 'deactivate-button' : 'reactivate-button'}
          >
            {u.active ? t('common.deactivate') : t('common.reactivate')}
          </Button>
        </span>
      ),
    },
  ];

  return (
    <div className="page page-fill" data-testid="users-page">
      <PageHeader
        title={t('users.title')}
        subtitle={list.data ? t('common.count', { count: formatInteger(rows.length) }) : undefined}
        actions={
          <>
            <DownloadLink href={usersExportUrl(params)} icon={<Icons.download />} data-testid="export-xlsx">
              {t('common.exportXlsx')}
            </DownloadLink>
            <Button variant="primary" icon={<Icons.plus />} onClick={() => setEditing('new')} data-testid="new-button">
              {t('users.new')}
            </Button>
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
          aria-label={t('users.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as Role | '')}
          data-testid="filter-role"
        >
          <option value="">{t('users.allRoles')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
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
        select={() => rows}
        columns={columns}
        rowKey={(u) => u.id}
        rowTestId="users-row"
        rowClassName={(u) => (u.active ? undefined : 'row-inactive')}
        empty={t('common.emptyFiltered')}
        caption={t('users.title')}
      />
      {editing !== null && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          scope={scope}
          onClose={() => setEditing(null)}
        />
      )}
      {resetting && <ResetPasswordForm user={resetting} onClose={() => setResetting(null)} />}
      {dialog}
    </div>
  );
}
