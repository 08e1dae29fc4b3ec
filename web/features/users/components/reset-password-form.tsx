import { useState, type FormEvent } from 'react';
import type { User } from '../../../app/api-types';
import { FormErrorSummary, useFormErrors } from '../../../app/forms';
import { useI18n } from '../../../app/i18n';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { SidePanel } from '../../../components/ui/side-panel';
import { useToast } from '../../../components/ui/toast';
import { useResetUserPassword } from '../hooks/use-users';

const FORM_ID = 'reset-password-form';

export function ResetPasswordForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const reset = useResetUserPassword();
  const form = useFormErrors();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (password.length < 10) local.password = t('password.tooShort');
    if (confirm !== password) local.confirmPassword = t('password.mismatch');
    if (Object.keys(local).length > 0) return form.fromClient(local);
    form.reset();
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          toast.success(t('users.resetDone'));
          onClose();
        },
        onError: form.fromError,
      },
    );
  };

  return (
    <SidePanel
      open
      title={t('users.resetPasswordFor', { name: user.name })}
      onClose={onClose}
      testId="reset-password-panel"
      footer={
        <>
          <Button onClick={onClose} data-testid="cancel-button">
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={FORM_ID} variant="primary" loading={reset.isPending} data-testid="save-button">
            {t('users.resetPassword')}
          </Button>
        </>
      }
    >
      <form id={FORM_ID} className="form" onSubmit={submit} noValidate>
        <FormErrorSummary errors={form.errors} shown={['password', 'confirmPassword']} />
        <p className="muted">{t('users.resetPasswordHint')}</p>
        <TextField
          name="password"
          type="password"
          label={t('password.new')}
          hint={t('password.hint')}
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          required
          error={form.field('password')}
        />
        <TextField
          name="confirmPassword"
          type="password"
          label={t('password.confirm')}
          value={confirm}
          onChange={setConfirm}
          autoComplete="new-password"
          required
          error={form.field('confirmPassword')}
        />
      </form>
    </SidePanel>
  );
}
