import { TokensPanel } from '../../features/api-tokens/components/tokens-panel';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { Card, DescriptionList, PageHeader } from '../../components/ui/page';
import { useToast } from '../../components/ui/toast';
import { useI18n } from '../i18n';
import { useCurrentUser } from '../session';

export function AccountPage() {
  const { t } = useI18n();
  const toast = useToast();
  const user = useCurrentUser();
  return (
    <div className="page" data-testid="account-page">
      <PageHeader title={t('account.title')} />
      <div className="detail-grid">
        <Card title={t('account.profile')}>
          <DescriptionList
            items={[
              { label: t('users.name'), value: user.name },
              { label: t('users.email'), value: <span className="mono">{user.email}</span> },
              { label: t('users.role'), value: t(`role.${user.role}`) },
            ]}
          />
        </Card>
        <Card title={t('account.passwordSection')}>
          <ChangePasswordForm onChanged={() => toast.success(t('password.changed'))} />
        </Card>
        <Card title={t('account.tokensSection')} className="detail-wide">
          <TokensPanel />
        </Card>
      </div>
    </div>
  );
}
