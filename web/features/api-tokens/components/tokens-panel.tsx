import { useState, type FormEvent } from 'react';
import type { ApiToken, CreatedToken } from '../../../app/api-types';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { FormErrorSummary, useFormErrors } from '../../../app/forms';
import { useI18n } from '../../../app/i18n';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { useConfirm } from '../../../components/ui/confirm-dialog';
import { CopyButton } from '../../../components/ui/copy-button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { TextField } from '../../../components/ui/field';
import { Alert, ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { useCreateToken, useRevokeToken, useTokens } from '../hooks/use-tokens';

/** Personal API tokens: list, create (raw token shown once, with a copy button), revoke. */
export function TokensPanel() {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { confirm, dialog } = useConfirm();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const form = useFormErrors();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return form.fromClient({ name: t('common.required') });
    form.reset();
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (token) => {
          setCreated(token);
          setName('');
        },
        onError: form.fromError,
      },
    );
  };

  const onRevoke = async (token: ApiToken) => {
    const ok = await confirm({
      title: t('account.revoke'),
      message: t('account.revokeConfirm', { name: token.name }),
      confirmLabel: t('account.revoke'),
    });
    if (!ok) return;
    revoke.mutate(token.id, {
      onSuccess: () => {
        toast.success(t('account.revoked'));
        if (created?.id === token.id) setCreated(null);
      },
      onError: (err) => toast.error(describeError(err, t, locale)),
    });
  };

  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('common.name'), render: (k) => <strong>{k.name}</strong> },
    { key: 'prefix', header: t('account.tokenPrefix'), width: '9rem', render: (k) => <code>{k.prefix}…</code> },
    { key: 'createdAt', header: t('common.createdAt'), width: '10rem', nowrap: true, render: (k) => formatDateTime(k.createdAt) },
    {
      key: 'lastUsedAt',
      header: t('account.tokenLastUsed'),
      width: '10rem',
      nowrap: true,
      render: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : <span className="muted">{t('account.never')}</span>),
    },
    {
      key: 'status',
      header: t('common.status'),
      width: '11rem',
      render: (k) =>
        k.revokedAt ? (
          <span className="stack">
            <Badge tone="muted">{t('account.tokenRevoked')}</Badge>
            <span className="muted small nowrap">{formatDateTime(k.revokedAt)}</span>
          </span>
        ) : (
          <Badge tone="success">{t('account.tokenActive')}</Badge>
        ),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      width: '7rem',
      align: 'right',
      render: (k) =>
        k.revokedAt ? null : (
          <Button size="sm" variant="ghost" onClick={() => void onRevoke(k)} data-testid="revoke-token">
            {t('account.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <div className="stack-lg" data-testid="tokens-panel">
      <p className="muted">{t('account.tokensIntro')}</p>
      {created && (
        <Alert tone="warning" title={t('account.tokenCreatedTitle')} testId="token-created">
          <p>{t('account.tokenCreatedBody')}</p>
          <div className="token-reveal">
            <code data-testid="token-value">{created.token}</code>
            <CopyButton text={created.token} testId="copy-token" />
          </div>
        </Alert>
      )}
      <form className="inline-form" onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.errors} shown={['name']} />
        <TextField
          name="tokenName"
          label={t('account.tokenName')}
          placeholder={t('account.tokenNamePlaceholder')}
          value={name}
          onChange={setName}
          maxLength={100}
          error={form.field('name')}
        />
        <Button type="submit" variant="primary" loading={create.isPending} data-testid="create-token">
          {t('account.createToken')}
        </Button>
      </form>
      {tokens.isPending ? (
        <LoadingState />
      ) : tokens.isError ? (
        <ErrorState message={describeError(tokens.error, t, locale)} onRetry={() => void tokens.refetch()} />
      ) : (
        <DataTable
          columns={columns}
          rows={tokens.data}
          rowKey={(k) => k.id}
          rowTestId="tokens-row"
          empty={t('account.noTokens')}
          caption={t('account.tokensSection')}
        />
      )}
      {dialog}
    </div>
  );
}
