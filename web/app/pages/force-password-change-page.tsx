import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { useLogout } from '../../features/auth/hooks/use-session';
import { useI18n } from '../i18n';
import { BrandMark } from '../layout/brand';
import { LanguageSwitch } from '../layout/language-switch';
import { useToast } from '../../components/ui/toast';

/** Shown instead of the app while `user.mustChangePassword` is set (first login, after a reset). */
export function ForcePasswordChangePage() {
  const { t } = useI18n();
  const logout = useLogout();
  const toast = useToast();
  return (
    <div className="auth-layout">
      <aside className="auth-brand">
        <div className="auth-brand-inner">
          <BrandMark size={44} />
          <h1 className="auth-brand-name">{t('app.name')}</h1>
          <p className="auth-brand-tagline">{t('app.tagline')}</p>
        </div>
      </aside>
      <main className="auth-main">
        <div className="auth-lang">
          <LanguageSwitch />
        </div>
        <div className="auth-card" data-testid="force-password-change">
          <h2>{t('password.forcedTitle')}</h2>
          <p className="muted">{t('password.forcedIntro')}</p>
          <ChangePasswordForm onChanged={() => toast.success(t('password.changed'))} />
          <button type="button" className="btn btn-ghost btn-sm auth-secondary" onClick={() => logout.mutate()} data-testid="logout">
            {t('password.logoutInstead')}
          </button>
        </div>
      </main>
    </div>
  );
}
