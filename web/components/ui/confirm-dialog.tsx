import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';

export interface ConfirmOptions {
  title?: ReactNode;
  message: ReactNode;
  confirmLabel?: string;
  tone?: 'danger' | 'primary';
}

interface Pending extends ConfirmOptions {
  resolve: (ok: boolean) => void;
}

/**
 * An in-page confirmation (not `window.confirm`, so it matches the UI and browser tests can click
 * it): `const { confirm, dialog } = useConfirm(); if (await confirm({message})) …; return <>{dialog}</>`.
 */
export function useConfirm(): { confirm: (options: ConfirmOptions) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);

  const confirm = useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        setPending({ ...options, resolve });
      }),
    [],
  );

  const settle = useCallback(
    (ok: boolean) => {
      pending?.resolve(ok);
      setPending(null);
    },
    [pending],
  );

  const dialog = pending ? <ConfirmDialog options={pending} onSettle={settle} /> : null;
  return { confirm, dialog };
}

function ConfirmDialog({ options, onSettle }: { options: ConfirmOptions; onSettle: (ok: boolean) => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    confirmRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onSettle(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onSettle]);

  return (
    <div className="modal-layer">
      <div className="panel-backdrop" aria-hidden="true" onClick={() => onSettle(false)} />
      <div className="modal" role="alertdialog" aria-modal="true" aria-labelledby={titleId} data-testid="confirm-dialog">
        <h2 id={titleId} className="modal-title">
          {options.title ?? t('common.confirm')}
        </h2>
        <div className="modal-body">{options.message}</div>
        <div className="modal-actions">
          <button type="button" className="btn btn-secondary" onClick={() => onSettle(false)} data-testid="confirm-cancel">
            {t('common.cancel')}
          </button>
          <button
            ref={confirmRef}
            type="button"
            className={`btn ${options.tone === 'primary' ? 'btn-primary' : 'btn-danger'}`}
            onClick={() => onSettle(true)}
            data-testid="confirm-accept"
          >
            {options.confirmLabel ?? t('common.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
