/**
 * Warns before unsaved grid edits are lost: closing or reloading the tab (`beforeunload`), and
 * any in-app navigation, including a filter change (the filters live in the URL), through the
 * router's blocker and an in-page confirmation.
 */
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import type { ConfirmOptions } from '../../../components/ui/confirm-dialog';

export function useLeaveGuard(dirty: boolean, confirm: (options: ConfirmOptions) => Promise<boolean>, options: ConfirmOptions) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let settled = false;
    void confirm(options).then((ok) => {
      if (settled) return;
      settled = true;
      if (ok) blocker.proceed();
      else blocker.reset();
    });
    return () => {
      settled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [blocker.state]);
}
