import type { ReactNode } from 'react';
import { Badge } from '../../components/ui/badge';
import { PageHeader } from '../../components/ui/page';
import { useI18n } from '../i18n';

/** Temporary screen body for modules still being built (each page file is replaced as a whole). */
export function PlaceholderPage({ title, body, icon, testId }: { title: string; body: string; icon: ReactNode; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="page" data-testid={testId}>
      <PageHeader title={title} />
      <div className="placeholder">
        <div className="placeholder-icon">{icon}</div>
        <Badge tone="accent">{t('placeholder.badge')}</Badge>
        <p>{body}</p>
      </div>
    </div>
  );
}
