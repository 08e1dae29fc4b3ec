import { Navigate, useLocation, useNavigate } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form';
import { useSessionQuery } from '../../features/auth/hooks/use-session';
import { useI18n } from '../i18n';
import { BrandMark } from '../layout/brand';
import { LanguageSwitch } from '../layout/language-switch';

function targetAfterLogin(state: unknown): string {
  const from = state && typeof state === 'object' ? (state as { from?: unknown }).from : undefined;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSessionQuery();
  const target = targetAfterLogin(location.state);

  if (session.data) return <Navigate to={target} replace />;

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
        <div className="auth-card">
          <h2>{t('login.title')}</h2>
          <p className="muted">{t('login.subtitle')}</p>
          <LoginForm onLoggedIn={() => void navigate(target, { replace: true })} />
        </div>
      </main>
    </div>
  );
}
