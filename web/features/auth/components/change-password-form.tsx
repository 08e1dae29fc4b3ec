import { useState, type FormEvent } from 'react';
import { FormErrorSummary, useFormErrors } from '../../../app/forms';
import { useI18n } from '../../../app/i18n';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { useChangePassword } from '../hooks/use-session';

const MIN_LENGTH = 10;

/** Current + new + confirmation; used by the forced-change screen and by "Mi cuenta". */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useI18n();
  const mutation = useChangePassword();
  const form = useFormErrors();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirmPassword, setConfirm] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!currentPassword) local.currentPassword = t('common.required');
    if (newPassword.length < MIN_LENGTH) local.newPassword = t('password.tooShort');
    if (confirmPassword !== newPassword) local.confirmPassword = t('password.mismatch');
    if (Object.keys(local).length > 0) return form.fromClient(local);
    form.reset();
    mutation.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
          setConfirm('');
          onChanged?.();
        },
        onError: form.fromError,
      },
    );
  };

  return (
    <form className="form form-narrow" onSubmit={submit} noValidate data-testid="change-password-form">
      <FormErrorSummary errors={form.errors} shown={['currentPassword', 'newPassword', 'confirmPassword']} />
      <TextField
        name="currentPassword"
        type="password"
        label={t('password.current')}
        value={currentPassword}
        onChange={setCurrent}
        autoComplete="current-password"
        required
        error={form.field('currentPassword')}
      />
      <TextField
        name="newPassword"
        type="password"
        label={t('password.new')}
        hint={t('password.hint')}
        value={newPassword}
        onChange={setNew}
        autoComplete="new-password"
        required
        error={form.field('newPassword')}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t('password.confirm')}
        value={confirmPassword}
        onChange={setConfirm}
        autoComplete="new-password"
        required
        error={form.field('confirmPassword')}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={mutation.isPending} data-testid="save-password">
          {t('password.submit')}
        </Button>
      </div>
    </form>
  );
}
