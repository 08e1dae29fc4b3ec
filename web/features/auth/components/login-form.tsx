import { useState, type FormEvent } from 'react';
import { isApiError } from '../../../app/api-client';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { Alert } from '../../../components/ui/states';
import { useLogin } from '../hooks/use-session';

export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t, locale } = useI18n();
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const nowMissing = { email: !email.trim(), password: !password };
    setMissing(nowMissing);
    if (nowMissing.email || nowMissing.password) return;
    loginMutation.mutate(
      { email: email.trim(), password },
      {
        onSuccess: onLoggedIn,
        onError: (err) => {
          if (isApiError(err) && err.status === 401) setError(t('login.invalidCredentials'));
          else if (isApiError(err) && err.status === 429) setError(t('login.rateLimited'));
          else setError(describeError(err, t, locale));
        },
      },
    );
  };

  return (
    <form className="form login-form" onSubmit={submit} noValidate data-testid="login-form">
      {error && <Alert tone="danger" title={error} testId="login-error" />}
      <TextField
        name="email"
        type="email"
        label={t('login.email')}
        value={email}
        onChange={setEmail}
        autoComplete="username"
        autoFocus
        required
        error={missing.email ? t('common.required') : undefined}
        testId="login-email"
      />
      <TextField
        name="password"
        type="password"
        label={t('login.password')}
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
        required
        error={missing.password ? t('common.required') : undefined}
        testId="login-password"
      />
      <Button type="submit" variant="primary" className="btn-block" loading={loginMutation.isPending} data-testid="login-submit">
        {loginMutation.isPending ? t('login.submitting') : t('login.submit')}
      </Button>
    </form>
  );
}
