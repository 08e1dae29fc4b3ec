import type { WorkOrder, WorkOrderStatus } from '../../../app/api-types';
import { useI18n } from '../../../app/i18n';
import { Badge, type BadgeTone } from '../../../components/ui/badge';

const STATUS_TONE: Record<WorkOrderStatus, BadgeTone> = {
  asignada: 'info',
  en_ejecucion: 'success',
  suspendida: 'warning',
  diferida: 'warning',
  diferida_sin_iniciar: 'muted',
  terminada: 'neutral',
  cancelada: 'danger',
  por_cancelar: 'danger',
};

export function WorkOrderStatusBadge({ status }: { status: WorkOrderStatus }) {
  const { t } = useI18n();
  return (
    <Badge tone={STATUS_TONE[status]} testId="status-badge">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function WorkOrderKindBadge({ workOrder }: { workOrder: Pick<WorkOrder, 'kind' | 'reprogrammingNumber'> }) {
  const { t } = useI18n();
  return workOrder.kind === 'initial' ? (
    <Badge tone="neutral" testId="kind-badge">
      {t('kind.initial')}
    </Badge>
  ) : (
    <Badge tone="accent" testId="kind-badge">
      {t('wo.reprogrammingN', { n: workOrder.reprogrammingNumber })}
    </Badge>
  );
}
