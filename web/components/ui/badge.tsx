import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'muted' | 'accent';

export function Badge({
  tone = 'neutral',
  children,
  testId,
  title,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  testId?: string;
  title?: string;
}) {
  return (
    <span className={`badge badge-${tone}`} data-testid={testId} title={title}>
      {children}
    </span>
  );
}
