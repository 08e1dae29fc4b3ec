import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { useI18n } from '../../../app/i18n';
import type { MonthlyStatus } from '../api/monthly-reports-api';

const TONE: Record<MonthlyStatus, BadgeTone> = { abierto: 'info', en_revision: 'warning', cerrado: 'success', facturado: 'accent' };

/** The seed's labels: Abierto, En Revisión, Cerrado, Facturado. */
export function MonthlyStatusBadge({ status, testId }: { status: MonthlyStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Badge tone={TONE[status]} {...(testId ? { testId } : {})}>
      {t(`mr.status.${status}`)}
    </Badge>
  );
}
